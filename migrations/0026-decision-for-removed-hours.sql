-- A visit booked in working hours that an administrator removes waits for a decision like one
-- kept over a closure or time off (issue 15): a third reason, 'hours'.
ALTER TABLE appointments DROP CONSTRAINT IF EXISTS appointments_decision_due_check;
ALTER TABLE appointments ADD CONSTRAINT appointments_decision_due_check
  CHECK (decision_due IN ('closure', 'time-off', 'hours'));
