-- A waiting-list offer holds its time until the offer expires, is declined or is taken. The hold
-- is a row of appointments with status 'held', so the exclusion constraint that keeps two
-- bookings of one provider apart also keeps a booking (or a move) off a held time. A hold is
-- deleted when it ends; reads of visits never see one.
ALTER TABLE appointments ADD COLUMN held_for uuid REFERENCES waitlist_entries(id) ON DELETE CASCADE;
ALTER TABLE appointments ADD COLUMN hold_expires_at timestamptz;

ALTER TABLE appointments DROP CONSTRAINT appointments_status_check;
ALTER TABLE appointments ADD CONSTRAINT appointments_status_check
  CHECK (status IN ('booked', 'checked-in', 'no-show', 'cancelled', 'completed', 'held'));
ALTER TABLE appointments ADD CONSTRAINT appointments_hold_check
  CHECK ((status = 'held') = (held_for IS NOT NULL AND hold_expires_at IS NOT NULL));

ALTER TABLE appointments DROP CONSTRAINT appointments_no_overlap;
ALTER TABLE appointments ADD CONSTRAINT appointments_no_overlap
  EXCLUDE USING gist (provider_id WITH =, blocked WITH &&) WHERE (status IN ('booked', 'checked-in', 'held'));

-- One hold per offer at most.
CREATE UNIQUE INDEX appointments_one_hold_per_entry ON appointments (held_for) WHERE status = 'held';
