import { PGlite, types } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { mkdirSync } from 'node:fs';
import type { Database, Queryable } from './database.js';
import { acquirePgliteLock } from './pglite-lock.js';

const parsers = {
  [types.DATE]: (v: string) => v,
  [types.INT8]: (v: string) => Number(v),
};

/** The embedded database's buffer pool (see openPglite). */
export const PGLITE_BUFFER_POOL = '32MB';

export interface PgliteDatabase extends Database {
  readonly pglite: PGlite;
}

/**
 * Opens (creating if needed) the embedded database; `dir` 'memory' keeps it in memory. `snapshot`
 * (a data directory dumped with `pglite.dumpDataDir()`) starts it as a copy of another database:
 * the tests build one migrated database per run and copy it, instead of migrating per file.
 */
export async function openPglite(
  dir: string | 'memory',
  options: { snapshot?: Blob } = {},
): Promise<PgliteDatabase> {
  let release = () => undefined as void;
  if (dir !== 'memory') {
    release = acquirePgliteLock(dir);
    mkdirSync(dir, { recursive: true });
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dir === 'memory' ? {} : { dataDir: dir }),
      ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
      extensions: { btree_gist },
      parsers,
    });
  } catch (error) {
    release();
    throw error;
  }

  // PostgreSQL zeroes its whole buffer pool at every start: 128 MB by default, about a third of a
  // restart's time here. One embedded process with a small clinic network's data needs far
  // less, and the operating system's file cache still holds what the pool does not. Written
  // once (it applies from the next start), and never over a value someone set on purpose.
  if (dir !== 'memory') {
    // initdb writes 128 MB (16384 pages) into postgresql.conf; ALTER SYSTEM writes postgresql.auto.conf.
    const [buffers] = (
      await pglite.query<{ setting: string; sourcefile: string | null }>(
        "SELECT setting, sourcefile FROM pg_settings WHERE name = 'shared_buffers'",
      )
    ).rows;
    if (buffers?.setting === '16384' && !buffers.sourcefile?.endsWith('postgresql.auto.conf'))
      await pglite.exec(`ALTER SYSTEM SET shared_buffers = '${PGLITE_BUFFER_POOL}'`);
  }

  const wrap = (client: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await client.query<T>(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  });
  const root = wrap(pglite);

  return {
    kind: 'pglite',
    pglite,
    query: root.query,
    exec: root.exec,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async ping() {
      await pglite.query('SELECT 1');
    },
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}
