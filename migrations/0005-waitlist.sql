-- The waiting list: patients who found nothing suitable wait for a visit type at a clinic in a
-- date range. A freed time goes to the earliest waiting patient as a time-limited offer.
CREATE TABLE waitlist_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Place in the queue: first come, first offered (timestamps can tie).
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  visit_type_id uuid NOT NULL REFERENCES visit_types(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  provider_id uuid REFERENCES providers(id),
  earliest date NOT NULL,
  latest date NOT NULL CHECK (latest >= earliest),
  patient_id uuid NOT NULL REFERENCES patients(id),
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'booked', 'expired', 'left')),
  token_hash text NOT NULL UNIQUE,
  offer_token_hash text UNIQUE,
  offer_provider_id uuid REFERENCES providers(id),
  offer_starts_at timestamptz,
  offer_expires_at timestamptz,
  appointment_id uuid REFERENCES appointments(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'offered' OR (offer_token_hash IS NOT NULL AND offer_starts_at IS NOT NULL AND offer_expires_at IS NOT NULL))
);
CREATE INDEX waitlist_entries_match ON waitlist_entries (visit_type_id, location_id, status, seq);
CREATE INDEX waitlist_entries_offers ON waitlist_entries (status, offer_expires_at);
