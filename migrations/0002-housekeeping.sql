-- A record of each housekeeping run: proof that background jobs run, and what they cleaned.
CREATE TABLE housekeeping_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ran_at timestamptz NOT NULL DEFAULT now(),
  removed jsonb NOT NULL DEFAULT '{}'::jsonb
);
