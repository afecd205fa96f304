-- Staff accounts, their clinics, sessions kept in the database, and sign-in attempts (for
-- throttling that holds across several app instances).
CREATE TABLE staff_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('front-desk', 'provider', 'admin')),
  provider_id uuid REFERENCES providers(id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'provider' OR provider_id IS NOT NULL)
);
CREATE UNIQUE INDEX staff_users_email ON staff_users (lower(email));

CREATE TABLE staff_user_locations (
  user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, location_id)
);

-- The cookie holds a random id; only its hash is stored.
CREATE TABLE staff_sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

CREATE TABLE staff_login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_login_attempts_email ON staff_login_attempts (lower(email), attempted_at);
CREATE INDEX staff_login_attempts_ip ON staff_login_attempts (ip, attempted_at);
