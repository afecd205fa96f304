/**
 * The audit trail's hash chain (decision 20). Events are written freely by every transaction (a
 * chain computed at insert would make every booking wait for every other one); a job seals them
 * afterwards, in order, one at a time across instances. Each seal stores
 *   hash = SHA-256(previous hash + "\n" + the event's canonical text)
 * so altering or deleting a sealed event, or removing a seal, is found by `verifyAuditChain`.
 * Events not yet sealed (at most a minute's worth) are not covered: the limit is documented.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../platform/db/database.js';
import type { Jobs } from '../platform/jobs/jobs.js';
import type { Logger } from '../platform/logging/logger.js';

export const AUDIT_SEAL_QUEUE = 'audit-seal';

/**
 * Seals every minute. The log line carries the chain's head: kept by the log store, outside the
 * database, it shows whether the chain was rebuilt from scratch after tampering.
 */
export async function scheduleAuditSealing(jobs: Jobs, db: Database, logger: Logger) {
  await jobs.createQueue(AUDIT_SEAL_QUEUE);
  await jobs.schedule(AUDIT_SEAL_QUEUE, '* * * * *', {}, { tz: 'UTC' });
  await jobs.work(AUDIT_SEAL_QUEUE, async () => {
    const { sealed, head } = await sealAuditEvents(db);
    if (sealed) logger.info({ job: AUDIT_SEAL_QUEUE, sealed, head }, 'audit chain sealed');
  });
}

const GENESIS = '0'.repeat(64);
const SEAL_LOCK = 7_300_020; // pg_advisory_xact_lock key: one sealer at a time
/** Late commits (an event id below ones already sealed) are looked for this far back. */
const LATE_WINDOW = 10_000;
const BATCH = 5_000;

/**
 * The event's content as text, built by the database so it reads the same on every instance and
 * both databases: UTC microseconds, and jsonb's own canonical text for the detail.
 */
const CANONICAL = `concat_ws('|', e.id::text,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    e.actor_type, coalesce(e.actor_id, ''), e.action, e.entity_type, coalesce(e.entity_id, ''),
    e.outcome, coalesce(e.ip, ''), coalesce(e.request_id, ''), e.detail::text)`;

const link = (previous: string, canonical: string) =>
  createHash('sha256').update(`${previous}\n${canonical}`).digest('hex');

/** Seals the events not sealed yet, oldest first; returns how many and the chain's head. */
export async function sealAuditEvents(db: Database): Promise<{ sealed: number; head: string }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK]);
    const [last] = await tx.query<{ seq: string; hash: string; event_id: string }>(
      'SELECT seq::text, hash, event_id::text FROM audit_chain ORDER BY seq DESC LIMIT 1',
    );
    let seq = last ? Number(last.seq) : 0;
    let head = last?.hash ?? GENESIS;
    const rows = await tx.query<{ id: string; canonical: string }>(
      `SELECT e.id::text, ${CANONICAL} AS canonical FROM audit_events e
        WHERE e.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)
        ORDER BY e.id LIMIT ${BATCH}`,
      [last ? Number(last.event_id) - LATE_WINDOW : 0],
    );
    for (const r of rows) {
      seq += 1;
      head = link(head, r.canonical);
      await tx.query('INSERT INTO audit_chain (seq, event_id, hash) VALUES ($1, $2, $3)', [seq, r.id, head]);
    }
    return { sealed: rows.length, head };
  });
}

export type ChainBreak =
  | { seq: number; eventId: string; problem: 'event-missing' | 'event-altered' }
  | { seq: number; problem: 'seal-missing' };

/** Walks the chain from its start; the first break, or the head and how many events it covers. */
export async function verifyAuditChain(
  db: Queryable,
): Promise<{ ok: true; events: number; head: string; unsealed: number } | { ok: false; at: ChainBreak }> {
  let previous = GENESIS;
  let expected = 1;
  let after = 0;
  for (;;) {
    const rows = await db.query<{ seq: string; event_id: string; hash: string; canonical: string | null }>(
      `SELECT c.seq::text, c.event_id::text, c.hash, CASE WHEN e.id IS NULL THEN NULL ELSE ${CANONICAL} END AS canonical
         FROM audit_chain c LEFT JOIN audit_events e ON e.id = c.event_id
        WHERE c.seq > $1 ORDER BY c.seq LIMIT ${BATCH}`,
      [after],
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return { ok: false, at: { seq: expected, problem: 'seal-missing' } };
      if (r.canonical === null)
        return { ok: false, at: { seq, eventId: r.event_id, problem: 'event-missing' } };
      const hash = link(previous, r.canonical);
      if (hash !== r.hash) return { ok: false, at: { seq, eventId: r.event_id, problem: 'event-altered' } };
      previous = hash;
      expected += 1;
    }
    if (rows.length < BATCH) break;
    after = expected - 1;
  }
  const [{ n }] = (await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_events e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)',
  )) as [{ n: number }];
  return { ok: true, events: expected - 1, head: previous, unsealed: n };
}
