-- Invitations to new staff accounts. The emailed link carries a random token; only its SHA-256
-- hash is stored. An invitation works once (used_at) and until it expires; a newer invitation to
-- the same address revokes older unused ones.
CREATE TABLE staff_invites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('front-desk', 'provider', 'admin')),
  provider_id uuid REFERENCES providers(id) ON DELETE CASCADE,
  location_ids uuid[] NOT NULL DEFAULT '{}',
  invited_by uuid REFERENCES staff_users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  user_id uuid REFERENCES staff_users(id),
  CHECK (role <> 'provider' OR provider_id IS NOT NULL),
  CHECK (expires_at > created_at)
);
CREATE INDEX staff_invites_email ON staff_invites (lower(email));
