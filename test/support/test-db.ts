/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new throwaway
 * database on the PostgreSQL server named by DATABASE_URL (dropped afterwards). Migrated
 * databases are copies of the ones global-setup.ts built once for the run.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import pg from 'pg';
import type { Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { loadNetwork, readNetworkFile } from '../../src/directory/network-loader.js';
import { DEMO_SCHEDULE_START } from '../../src/server.js';

export interface TestDatabase {
  db: Database;
  /** Set on PostgreSQL: the URL of this test's own database. */
  url?: string;
  close(): Promise<void>;
}

export const onPostgres = () => Boolean(process.env.DATABASE_URL);

type Prepared = 'empty' | 'migrated' | 'demo';

/** The run's prepared copy to start from (global-setup.ts), if there is one. */
function preparedSource(kind: Prepared): string | undefined {
  const sources = inject('testDatabases');
  return sources ? sources[kind] : undefined;
}

/**
 * A dump as PGlite loads it, which is through arrayBuffer(): Node 20's Blob hands its bytes out
 * by copying them in chunks (a large part of a second for a 40 MB dump, every time). This one hands
 * out the bytes it was made from. PGlite's tar reader copies each file out of them and never
 * writes to them, so one dump serves every database a worker opens.
 */
class DumpBlob extends Blob {
  readonly #contents: ArrayBuffer;
  constructor(contents: ArrayBuffer) {
    super([contents]);
    this.#contents = contents;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#contents);
  }
}

const dumps = new Map<string, Blob>();

/** The run's prepared PGlite data directory of that kind, read once per worker (undefined on PostgreSQL). */
export function preparedDump(kind: Prepared): Blob | undefined {
  const source = onPostgres() ? undefined : preparedSource(kind);
  if (!source) return undefined;
  let dump = dumps.get(source);
  if (!dump) {
    const file = readFileSync(source);
    dump = new DumpBlob(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    dumps.set(source, dump);
  }
  return dump;
}

export async function createEmptyDatabase(
  options: { poolSize?: number; copyOf?: 'migrated' | 'demo' } = {},
): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const snapshot = preparedDump(options.copyOf ?? 'empty');
    const db = await openPglite('memory', snapshot ? { snapshot } : {});
    return { db, close: () => db.close() };
  }
  const source = preparedSource(options.copyOf ?? 'empty');
  const name = `carepath_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${source ? ` TEMPLATE ${source}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: options.poolSize ?? 10 });
  return {
    db,
    url: url.toString(),
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Migrated and loaded with the demo network. */
export async function createTestDatabase(
  options: { poolSize?: number; demo?: boolean } = {},
): Promise<TestDatabase> {
  const demo = options.demo !== false;
  const copyOf = demo ? 'demo' : 'migrated';
  const t = await createEmptyDatabase({ ...options, copyOf });
  if (preparedSource(copyOf)) return t;
  await migrate(t.db);
  if (demo) await loadNetwork(t.db, readNetworkFile(), DEMO_SCHEDULE_START);
  return t;
}
