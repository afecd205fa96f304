/**
 * One small interface over the two database engines Carepath runs on: embedded PGlite
 * (WASM PostgreSQL, the default) and a real PostgreSQL server. Both speak the same SQL,
 * so stores write plain parameterised SQL once (see docs/decisions/0002-plain-sql.md).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement, `$1`-style parameters. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Is the database answering? On PostgreSQL this uses a connection of its own, so a health check
   * never queues behind a rush of requests waiting for the shared pool.
   */
  ping(): Promise<void>;
  /** Pooled connections (PostgreSQL): open, in use, and requests waiting for one. */
  poolStats?(): { total: number; inUse: number; waiting: number };
  close(): Promise<void>;
}

/** PostgreSQL error codes the domain cares about. */
export const PG = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * Runs `work` again when PostgreSQL aborted it to break a deadlock (or a serialization failure).
 *
 * Why: two transactions inserting overlapping rows under an exclusion constraint (appointments_no_overlap)
 * each add their index entry first and then check for conflicts, so each can end up waiting for the
 * other. PostgreSQL breaks the cycle after deadlock_timeout by aborting one of them with 40P01; that
 * work was rolled back whole, so running it again is safe and gives the real answer (booked, or the
 * time is taken). PGlite has one connection and never deadlocks.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = pgErrorCode(error);
      const transient = code === PG.deadlockDetected || code === PG.serializationFailure;
      if (!transient || attempt >= attempts) throw error;
      // A short random pause, so the retried transactions do not meet again at the same instant.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
