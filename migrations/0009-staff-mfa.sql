-- Two-factor sign-in for staff (TOTP, RFC 6238) with one-time recovery codes.
ALTER TABLE staff_users
  ADD COLUMN mfa_secret text,          -- sealed with the app secret; set once enrolment is confirmed
  ADD COLUMN mfa_pending_secret text,  -- sealed; during enrolment
  ADD COLUMN mfa_last_step bigint;     -- the last accepted time step: a code is never accepted twice

-- A session is fully signed in only after the second factor (or enrolment, when required).
ALTER TABLE staff_sessions ADD COLUMN stage text NOT NULL DEFAULT 'active' CHECK (stage IN ('active', 'mfa', 'enrol'));

CREATE TABLE staff_recovery_codes (
  user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
