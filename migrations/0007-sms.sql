-- SMS reminders, opt-in per visit, with opt-outs (STOP) kept per phone number.
ALTER TABLE appointments ADD COLUMN sms_reminders boolean NOT NULL DEFAULT false;
ALTER TABLE outbox_messages ADD COLUMN channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms'));
CREATE INDEX outbox_messages_sms_recipient ON outbox_messages (recipient, sent_at) WHERE channel = 'sms';

CREATE TABLE sms_opt_outs (
  phone text PRIMARY KEY,
  opted_out_at timestamptz NOT NULL DEFAULT now()
);
