-- A hash chain over the audit trail (src/audit/audit-chain.ts, decision 20). A job seals new
-- audit events in order: each seal's hash covers the event's content and the previous seal's
-- hash, so a sealed event that is later altered or deleted, or a seal that is removed, breaks the
-- chain where `npm run audit:verify` finds it. Seals are append-only like the events themselves.
CREATE TABLE audit_chain (
  seq bigint PRIMARY KEY,
  event_id bigint NOT NULL UNIQUE,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER audit_chain_no_change BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
