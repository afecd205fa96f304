/**
 * The audit trail. Every read or change of health data writes exactly one event, in the same
 * transaction as the change where there is one. Events name things by type and id, never by
 * content: no answers, names or contact details go in here.
 */
import type { Queryable } from '../platform/db/database.js';

export interface AuditEvent {
  actorType: 'patient' | 'staff' | 'api-client' | 'system';
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  outcome: 'success' | 'denied' | 'not-found' | 'invalid';
  ip?: string | null;
  requestId?: string | null;
  detail?: Record<string, string | number | boolean>;
}

export async function recordAudit(db: Queryable, e: AuditEvent): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (actor_type, actor_id, action, entity_type, entity_id, outcome, ip, request_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.actorType,
      e.actorId ?? null,
      e.action,
      e.entityType,
      e.entityId ?? null,
      e.outcome,
      e.ip ?? null,
      e.requestId ?? null,
      e.detail ?? {},
    ],
  );
}

/**
 * One event per record, written in one statement: a page that shows many records (the outbox)
 * records a read of each, so each record's own trail shows who saw it.
 */
export async function recordAuditOfEach(
  db: Queryable,
  e: Omit<AuditEvent, 'entityType' | 'entityId'>,
  records: { entityType: string; entityId: string }[],
): Promise<void> {
  if (!records.length) return;
  await db.query(
    `INSERT INTO audit_events (actor_type, actor_id, action, entity_type, entity_id, outcome, ip, request_id, detail)
     SELECT $1, $2, $3, r.entity_type, r.entity_id, $4, $5, $6, $7
     FROM unnest($8::text[], $9::text[]) AS r(entity_type, entity_id)`,
    [
      e.actorType,
      e.actorId ?? null,
      e.action,
      e.outcome,
      e.ip ?? null,
      e.requestId ?? null,
      e.detail ?? {},
      records.map((r) => r.entityType),
      records.map((r) => r.entityId),
    ],
  );
}

export interface AuditRow {
  id: number;
  occurred_at: Date;
  actor_type: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  outcome: string;
}

export async function auditEventsFor(
  db: Queryable,
  entityType: string,
  entityId: string,
): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    'SELECT id, occurred_at, actor_type, action, entity_type, entity_id, outcome FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id',
    [entityType, entityId],
  );
}

export interface AuditFilter {
  actorId?: string;
  entityId?: string;
  /** Events about any record of these patients: their visits, self-check results, waiting-list entries. */
  patientIds?: string[];
  /** Events from this instant (inclusive) to that one (exclusive): a local day, for example. */
  from?: Date;
  to?: Date;
  /** Only events older than this id: the next page of a long list. */
  before?: number;
  limit?: number;
}

export interface AuditListRow extends AuditRow {
  actor_id: string | null;
  ip: string | null;
}

export async function listAuditEvents(db: Queryable, f: AuditFilter): Promise<AuditListRow[]> {
  return db.query<AuditListRow>(
    `SELECT id, occurred_at, actor_type, actor_id, action, entity_type, entity_id, outcome, ip FROM audit_events
     WHERE ($1::text IS NULL OR actor_id = $1) AND ($2::text IS NULL OR entity_id = $2)
       AND ($3::timestamptz IS NULL OR occurred_at >= $3) AND ($6::timestamptz IS NULL OR occurred_at < $6)
       AND ($7::bigint IS NULL OR id < $7)
       -- A patient's records live in other capabilities' tables; this read-only join is the
       -- audit trail's one look into them.
       AND ($5::uuid[] IS NULL OR entity_id IN (
         SELECT id::text FROM appointments WHERE patient_id = ANY($5)
         UNION SELECT assessment_id::text FROM appointments WHERE patient_id = ANY($5) AND assessment_id IS NOT NULL
         UNION SELECT id::text FROM waitlist_entries WHERE patient_id = ANY($5)
         UNION SELECT unnest($5)::text))
     ORDER BY id DESC LIMIT $4`,
    [
      f.actorId ?? null,
      f.entityId ?? null,
      f.from ?? null,
      Math.min(f.limit ?? 200, 1000),
      f.patientIds ?? null,
      f.to ?? null,
      f.before ?? null,
    ],
  );
}
