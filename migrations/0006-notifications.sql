-- Notifications: messages tied to an appointment carry its id and sequence, so a reminder for a
-- visit that was moved or cancelled since is skipped instead of sent. Calendar parts travel
-- with the message. Claimed messages record when, so a worker that died can be recovered.
ALTER TABLE outbox_messages
  ADD COLUMN appointment_id uuid REFERENCES appointments(id) ON DELETE CASCADE,
  ADD COLUMN appointment_sequence integer,
  ADD COLUMN ics text,
  ADD COLUMN ics_method text CHECK (ics_method IN ('REQUEST', 'CANCEL', 'PUBLISH')),
  ADD COLUMN claimed_at timestamptz;

ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_status_check;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_status_check
  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped'));

CREATE INDEX outbox_messages_appointment ON outbox_messages (appointment_id);
