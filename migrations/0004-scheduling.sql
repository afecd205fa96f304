-- Scheduling: time off, clinic closures, patients, appointments (never double-booked, enforced
-- here by an exclusion constraint), idempotency keys and the waitlist.

CREATE TABLE provider_time_off (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  note text NOT NULL DEFAULT ''
);
CREATE INDEX provider_time_off_provider ON provider_time_off (provider_id, starts_at);

-- A whole day the clinic is closed (holiday), in the clinic's own calendar.
CREATE TABLE location_closures (
  location_id uuid NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  closed_on date NOT NULL,
  name jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (location_id, closed_on)
);

CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  email text NOT NULL,
  phone text NOT NULL,
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_name ON patients (lower(family_name), lower(given_name));

CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES providers(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  visit_type_id uuid NOT NULL REFERENCES visit_types(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  -- The time the provider is taken: the visit plus the visit type's buffer after it.
  blocked tstzrange NOT NULL CHECK (lower(blocked) = starts_at AND upper(blocked) >= ends_at),
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked-in', 'no-show', 'cancelled', 'completed')),
  manage_token_hash text NOT NULL UNIQUE,
  assessment_id uuid REFERENCES assessments(id) ON DELETE SET NULL,
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
  sequence integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  -- No double booking, ever: two active appointments of one provider cannot overlap.
  CONSTRAINT appointments_no_overlap EXCLUDE USING gist (provider_id WITH =, blocked WITH &&)
    WHERE (status IN ('booked', 'checked-in'))
);
CREATE INDEX appointments_provider_time ON appointments (provider_id, starts_at);
CREATE INDEX appointments_location_time ON appointments (location_id, starts_at);

-- A retried request with the same key gets the first response; keys live at least 24 hours.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
  request_hash text NOT NULL,
  response_status integer NOT NULL,
  response_body jsonb NOT NULL,
  resource_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at);

-- Secrets the app generates for itself when none is configured (development only).
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
