/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new throwaway
 * database on the PostgreSQL server named by DATABASE_URL (dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
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

export async function createEmptyDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const db = await openPglite('memory');
    return { db, close: () => db.close() };
  }
  const name = `carepath_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
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
  const t = await createEmptyDatabase(options);
  await migrate(t.db);
  if (options.demo !== false) await loadNetwork(t.db, readNetworkFile(), DEMO_SCHEDULE_START);
  return t;
}
