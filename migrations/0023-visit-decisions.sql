-- A visit kept over a closure or a clinician's time off waits for a decision, visit by visit
-- (issue 15): its reminders are held, the day's schedule flags it, and staff keep, move or
-- cancel it. Cleared by that decision (a move or a cancel clears it too).
ALTER TABLE appointments ADD COLUMN decision_due text CHECK (decision_due IN ('closure', 'time-off'));
CREATE INDEX appointments_decision_due ON appointments (location_id, starts_at) WHERE decision_due IS NOT NULL;
