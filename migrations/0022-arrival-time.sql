-- When a patient was checked in (issue 15): the day's schedule shows arrival and wait. Cleared by
-- an undo or a no-show, set again by the next check-in.
ALTER TABLE appointments ADD COLUMN checked_in_at timestamptz;
