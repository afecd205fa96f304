-- Someone booked by phone or through the FHIR API may have no email address (or no phone):
-- a patient needs one of the two, and may have both. Messages go by email where there is one,
-- otherwise by text message (src/notifications/appointment-messages.ts).
ALTER TABLE patients
  ALTER COLUMN email DROP NOT NULL,
  ALTER COLUMN phone DROP NOT NULL,
  ADD CONSTRAINT patients_reachable CHECK (email IS NOT NULL OR phone IS NOT NULL);
