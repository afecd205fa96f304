import type PgBoss from 'pg-boss';
import type { Queryable } from '../db/database.js';

/**
 * Enqueues a job as part of the caller's transaction: the job exists exactly when the change
 * that caused it was committed (no lost or phantom jobs after a crash).
 */
export interface Scheduler {
  enqueue(
    tx: Queryable,
    queue: string,
    data: Record<string, unknown>,
    options?: { startAfter?: Date; singletonKey?: string },
  ): Promise<void>;
}

export function pgBossScheduler(boss: PgBoss): Scheduler {
  return {
    async enqueue(tx, queue, data, options = {}) {
      const db: PgBoss.Db = {
        executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }),
      };
      await boss.send(queue, data, { ...options, db });
    },
  };
}

/** For tests that do not exercise jobs: remembers what would have been enqueued. */
export function recordingScheduler(): Scheduler & {
  jobs: { queue: string; data: unknown; startAfter?: Date }[];
} {
  const jobs: { queue: string; data: unknown; startAfter?: Date }[] = [];
  return {
    jobs,
    async enqueue(_tx, queue, data, options = {}) {
      jobs.push({ queue, data, ...(options.startAfter ? { startAfter: options.startAfter } : {}) });
    },
  };
}
