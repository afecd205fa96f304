-- The clinic directory: clinics (locations), their opening hours, providers, visit types,
-- which provider offers which visit type, and where and when each provider works.
-- Translatable text is stored as jsonb {"en": ..., "es": ...}.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE network (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name text NOT NULL,
  tagline jsonb NOT NULL
);

CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL,
  time_zone text NOT NULL,
  street text NOT NULL,
  city text NOT NULL,
  region text NOT NULL,
  postal_code text NOT NULL,
  phone text NOT NULL,
  latitude double precision,
  longitude double precision,
  directions jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- weekday: ISO 8601, 1 = Monday ... 7 = Sunday. Local wall-clock times in the clinic's zone.
CREATE TABLE location_hours (
  location_id uuid NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens time NOT NULL,
  closes time NOT NULL CHECK (closes > opens),
  PRIMARY KEY (location_id, weekday, opens)
);

CREATE TABLE providers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  display_name text NOT NULL,
  credentials text NOT NULL DEFAULT '',
  specialty text NOT NULL CHECK (specialty IN ('pain-management', 'internal-medicine')),
  bio jsonb NOT NULL,
  languages text[] NOT NULL DEFAULT ARRAY['en'],
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE visit_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb NOT NULL,
  description jsonb NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  buffer_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 120),
  min_notice_minutes integer NOT NULL DEFAULT 120 CHECK (min_notice_minutes >= 0),
  horizon_days integer NOT NULL DEFAULT 90 CHECK (horizon_days BETWEEN 1 AND 730),
  sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE provider_visit_types (
  provider_id uuid NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  visit_type_id uuid NOT NULL REFERENCES visit_types(id) ON DELETE CASCADE,
  PRIMARY KEY (provider_id, visit_type_id)
);

-- Where and when a provider works: a weekly pattern per clinic, valid for a date range.
CREATE TABLE provider_schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts time NOT NULL,
  ends time NOT NULL CHECK (ends > starts),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  -- A provider cannot be in two places at once: no overlapping weekly blocks in overlapping validity.
  EXCLUDE USING gist (
    provider_id WITH =,
    weekday WITH =,
    tsrange('2000-01-01'::date + starts, '2000-01-01'::date + ends) WITH &&,
    daterange(valid_from, valid_to, '[]') WITH &&
  )
);
CREATE INDEX provider_schedules_location ON provider_schedules (location_id, weekday);
