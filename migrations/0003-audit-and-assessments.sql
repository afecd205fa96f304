-- The audit trail: one row per read or change of health data, sign-in attempt or denied
-- request. Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_type text NOT NULL CHECK (actor_type IN ('patient', 'staff', 'api-client', 'system')),
  actor_id text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'not-found', 'invalid')),
  ip text,
  request_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_time ON audit_events (occurred_at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- A finished self-check. The private token is never stored, only its SHA-256.
CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  pathway_id text NOT NULL,
  pathway_version text NOT NULL,
  language text NOT NULL CHECK (language IN ('en', 'es')),
  answers jsonb NOT NULL,
  disposition text NOT NULL CHECK (disposition IN ('emergency', 'urgent', 'appointment', 'self-care')),
  reasons jsonb NOT NULL,
  scores jsonb NOT NULL,
  complete boolean NOT NULL,
  source text NOT NULL CHECK (source IN ('web', 'api')),
  email text,
  check_in_due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX assessments_expires ON assessments (expires_at);

CREATE TABLE assessment_check_ins (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  improving text NOT NULL CHECK (improving IN ('better', 'same', 'worse')),
  new_signs text[] NOT NULL DEFAULT '{}',
  disposition text NOT NULL CHECK (disposition IN ('emergency', 'urgent', 'appointment', 'self-care')),
  reasons jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_check_ins_assessment ON assessment_check_ins (assessment_id, created_at);

-- Answers of a self-check in progress, kept on the server (never in the URL) for a short time.
CREATE TABLE questionnaire_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  secret_hash text NOT NULL,
  pathway_id text NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX questionnaire_drafts_expires ON questionnaire_drafts (expires_at);

-- Messages waiting to be sent (and a record of those sent). Without SMTP configured they stay
-- here for developers to read. dedupe_key makes enqueueing the same message twice a no-op.
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dedupe_key text NOT NULL UNIQUE,
  kind text NOT NULL,
  recipient text NOT NULL,
  language text NOT NULL CHECK (language IN ('en', 'es')),
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  not_before timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_messages_pending ON outbox_messages (status, not_before);
