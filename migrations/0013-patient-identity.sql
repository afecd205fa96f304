-- A booking or waiting-list join by someone already known reuses their patient record; the
-- candidates are found by birth date first (see src/scheduling/patient-identity.ts).
CREATE INDEX patients_birth_date ON patients (birth_date);
