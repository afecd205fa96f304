import pg from 'pg';
import type { Database, Queryable } from './database.js';

// Dates (`date` columns) stay 'YYYY-MM-DD' strings: pg's default turns them into a Date at
// local midnight, which shifts the day in any zone west of UTC. PGlite is set up the same way.
const DATE_OID = 1082;
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE_OID) return (v: string) => v;
    if (oid === INT8_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/** A request that waited this long for a pooled connection is answered 503, not kept waiting. */
export const CONNECTION_WAIT_MS = 10_000;

/**
 * Overload, not a fault: no pooled connection became free in time, a lock wait passed
 * lock_timeout (55P03) or a statement passed statement_timeout (57014). Answered 503.
 */
export function isOverloaded(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === '55P03' || code === '57014' || /timeout exceeded when trying to connect/i.test(error.message)
  );
}

/** Connection-level failures (SQLSTATE class 08, the server shutting down) and socket errors. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * The database is not there (restarting, failing over, unreachable): answered 503 with
 * Retry-After, never 500, and never a reason for the process to exit.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = String((error as { code?: unknown }).code ?? '');
  return (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') ||
    /Connection terminated|connection is closed|Client has encountered a connection error/i.test(
      error.message,
    )
  );
}

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    connectionTimeoutMillis: CONNECTION_WAIT_MS,
    // A statement or a lock wait that runs away is cut off instead of holding a connection.
    statement_timeout: 30_000,
    lock_timeout: 10_000,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  const root = wrap(pool);
  // One connection kept apart for health checks (see Database.ping).
  const health = new pg.Pool({ connectionString: url, max: 1, types, connectionTimeoutMillis: 2_000 });
  health.on('error', () => undefined);

  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await health.query('SELECT 1');
    },
    poolStats: () => ({
      total: pool.totalCount,
      inUse: pool.totalCount - pool.idleCount,
      waiting: pool.waitingCount,
    }),
    async close() {
      await health.end();
      await pool.end();
    },
  };
}
