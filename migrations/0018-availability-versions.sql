-- Slot search answers from a cache (src/scheduling/availability-cache.ts) while nothing that
-- changes a clinician's free time has changed. These version numbers say so, across instances:
-- every write to a visit, a waiting-list hold, time off or a clinic closure raises its scope's
-- version in the same transaction, whichever code (or person, in psql) made it.
CREATE TABLE availability_versions (
  scope text PRIMARY KEY, -- 'provider:<uuid>' or 'location:<uuid>'
  version bigint NOT NULL
);

CREATE FUNCTION bump_availability(changed text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO availability_versions AS v (scope, version) VALUES (changed, 1)
  ON CONFLICT (scope) DO UPDATE SET version = v.version + 1;
$$;

CREATE FUNCTION appointments_availability_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.provider_id = OLD.provider_id
     AND NEW.status IS NOT DISTINCT FROM OLD.status
     AND NEW.blocked IS NOT DISTINCT FROM OLD.blocked
     AND NEW.hold_expires_at IS NOT DISTINCT FROM OLD.hold_expires_at THEN
    RETURN NULL; -- a change that frees or takes no time (contact details, reminders sent, ...)
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM bump_availability('provider:' || OLD.provider_id); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.provider_id <> OLD.provider_id) THEN
    PERFORM bump_availability('provider:' || NEW.provider_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER appointments_availability AFTER INSERT OR UPDATE OR DELETE ON appointments
  FOR EACH ROW EXECUTE FUNCTION appointments_availability_changed();

CREATE FUNCTION time_off_availability_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM bump_availability('provider:' || OLD.provider_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM bump_availability('provider:' || NEW.provider_id); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER provider_time_off_availability AFTER INSERT OR UPDATE OR DELETE ON provider_time_off
  FOR EACH ROW EXECUTE FUNCTION time_off_availability_changed();

CREATE FUNCTION closures_availability_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM bump_availability('location:' || OLD.location_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM bump_availability('location:' || NEW.location_id); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER location_closures_availability AFTER INSERT OR UPDATE OR DELETE ON location_closures
  FOR EACH ROW EXECUTE FUNCTION closures_availability_changed();
