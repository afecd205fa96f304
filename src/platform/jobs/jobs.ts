/**
 * Background jobs through pg-boss on the same database as everything else: PostgreSQL via
 * its own small pool, PGlite through pg-boss's `db` adapter (docs/decisions/0003-jobs-on-pglite.md).
 */
import PgBoss from 'pg-boss';
import type { Database, Queryable } from '../db/database.js';
import type { PgliteDatabase } from '../db/pglite.js';
import type { Logger } from '../logging/logger.js';

export type Jobs = PgBoss;

/**
 * pg-boss sends some multi-statement scripts without parameters (schema creation, locked
 * maintenance). PGlite's `query` takes one statement, so those go through `exec`, and the rows
 * of every statement are returned together.
 */
export function pgliteBossAdapter(db: PgliteDatabase): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) {
        const result = await db.pglite.query(text, values);
        return { rows: result.rows as unknown[] };
      }
      const results = await db.pglite.exec(text);
      return { rows: results.flatMap((r) => r.rows as unknown[]) };
    },
  } as PgBoss.Db;
}

/**
 * Starts pg-boss (creating its schema on first start). With `workers: false` this instance only
 * enqueues jobs: no maintenance, no cron; another instance does the work.
 */
export async function startJobs(
  db: Database,
  options: { url?: string; logger: Logger; workers?: boolean },
): Promise<Jobs> {
  const workers = options.workers ?? true;
  const common = { supervise: workers, schedule: workers };
  const boss =
    db.kind === 'postgres'
      ? new PgBoss({ connectionString: options.url, max: 4, application_name: 'carepath-jobs', ...common })
      : new PgBoss({ db: pgliteBossAdapter(db as PgliteDatabase), ...common });
  boss.on('error', (error: Error) => options.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  return boss;
}

/**
 * The job queue's backlog, for /metrics: jobs due and not yet started, and how long the oldest of
 * them has waited (the job lag). Zero before pg-boss has created its schema (jobs never started).
 */
export async function jobBacklog(db: Queryable): Promise<{ due: number; lagSeconds: number }> {
  const [schema] = await db.query<{ job: string | null }>("SELECT to_regclass('pgboss.job')::text AS job");
  if (!schema?.job) return { due: 0, lagSeconds: 0 };
  const [row] = await db.query<{ due: number; lag: number | string | null }>(
    `SELECT count(*)::int AS due, extract(epoch FROM now() - min(start_after)) AS lag
     FROM pgboss.job WHERE state IN ('created', 'retry') AND start_after <= now()`,
  );
  return { due: row?.due ?? 0, lagSeconds: Math.max(0, Number(row?.lag ?? 0)) };
}
