import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { Jobs } from './jobs.js';

export const HOUSEKEEPING_QUEUE = 'housekeeping';

/**
 * Cleaning tasks that capabilities register (expired drafts, old idempotency keys...). Each
 * returns how many rows it removed; one run records the counts in housekeeping_runs.
 */
export type CleanupTask = (db: Database, now: Date) => Promise<number>;

export async function runHousekeeping(db: Database, tasks: Record<string, CleanupTask>, now = new Date()) {
  const removed: Record<string, number> = {};
  for (const [name, task] of Object.entries(tasks)) removed[name] = await task(db, now);
  await db.query('INSERT INTO housekeeping_runs (ran_at, removed) VALUES ($1, $2)', [now, removed]);
  return removed;
}

export async function scheduleHousekeeping(
  jobs: Jobs,
  db: Database,
  tasks: Record<string, CleanupTask>,
  cron: string,
  logger: Logger,
) {
  await jobs.createQueue(HOUSEKEEPING_QUEUE);
  await jobs.schedule(HOUSEKEEPING_QUEUE, cron, {}, { tz: 'UTC' });
  await jobs.work(HOUSEKEEPING_QUEUE, async () => {
    const removed = await runHousekeeping(db, tasks);
    logger.info({ job: HOUSEKEEPING_QUEUE, removed }, 'housekeeping done');
  });
}
