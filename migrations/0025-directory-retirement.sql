-- Retiring clinics, providers and visit types (ADR 23): never deleted, since past visits, the
-- audit trail and patients' links name them. A retired one leaves the directory that search,
-- booking, the public pages and FHIR read; setting retired_at back to NULL re-activates it.
ALTER TABLE locations ADD COLUMN retired_at timestamptz;
ALTER TABLE providers ADD COLUMN retired_at timestamptz;
ALTER TABLE visit_types ADD COLUMN retired_at timestamptz;
