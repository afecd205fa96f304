-- One-time links to choose a new staff password (issue 15): asked for on the sign-in page or sent
-- by an administrator. Only the token's SHA-256 hash is kept; a link works once, for one hour.
CREATE TABLE staff_password_resets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  requested_by uuid REFERENCES staff_users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX staff_password_resets_user ON staff_password_resets (user_id, created_at);
