-- The booking statement's check after the provider's lock (insertBooking in
-- src/scheduling/booking-store.ts, decision 12). A VOLATILE function's queries each take a fresh
-- snapshot, so this check sees a booking committed while the caller waited for the lock; a check
-- written in the statement itself would not (the statement's snapshot is taken before the wait),
-- and every loser of a rush would insert and then fail in the exclusion constraint instead of
-- stopping here. What takes a provider's time is TAKES_TIME's rule in booking-store.ts: active
-- visits, and waiting-list holds whose offer is still open, except the taker's own.
CREATE FUNCTION booking_time_free(
  p_provider uuid, p_start timestamptz, p_blocked_until timestamptz, p_now timestamptz,
  p_held_for uuid, p_lock boolean
) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF p_lock THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('booking:' || p_provider::text, 0));
  END IF;
  RETURN NOT EXISTS (
    SELECT 1 FROM appointments
    WHERE provider_id = p_provider
      AND (status IN ('booked', 'checked-in') OR (status = 'held' AND hold_expires_at > p_now))
      AND blocked && tstzrange(p_start, p_blocked_until)
      AND (held_for IS NULL OR held_for IS DISTINCT FROM p_held_for));
END $$;
