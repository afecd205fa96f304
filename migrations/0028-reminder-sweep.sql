-- Reminders are queued near their time by a sweep over the booked visits starting in the next
-- two days or so (src/scheduling/reminders.ts), no longer at booking: its range needs an index
-- led by the start time.
CREATE INDEX appointments_booked_start ON appointments (starts_at) WHERE status = 'booked';
