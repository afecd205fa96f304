/**
 * Builds the test databases once per run, so each test file copies a migrated database instead
 * of creating and migrating its own (creating an embedded database is most of a file's set-up):
 * - on PGlite, three data-directory dumps (new; migrated; migrated with the demo network) in a
 *   temporary folder, loaded by test-db.ts;
 * - on PostgreSQL (DATABASE_URL), two template databases that test-db.ts clones.
 * Both are removed when the run ends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/platform/db/migrate.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import type { Database } from '../../src/platform/db/database.js';
import { loadNetwork, readNetworkFile } from '../../src/directory/network-loader.js';
import { DEMO_SCHEDULE_START } from '../../src/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the database copies come from: PGlite dump files or PostgreSQL template names. */
    testDatabases: { empty?: string; migrated: string; demo: string } | null;
  }
}

async function prepare(db: Database, demo: boolean) {
  await migrate(db);
  if (demo) await loadNetwork(db, readNetworkFile(), DEMO_SCHEDULE_START);
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'carepath-test-db-'));
    const paths = {
      empty: join(dir, 'empty.tar'),
      migrated: join(dir, 'migrated.tar'),
      demo: join(dir, 'demo.tar'),
    };
    // One database, dumped at each stage: opening a new embedded database (its initdb) costs
    // seconds, the dumps a fraction of one.
    const db = await openPglite('memory');
    const dump = async (path: string) =>
      writeFileSync(path, Buffer.from(await (await db.pglite.dumpDataDir('none')).arrayBuffer()));
    await dump(paths.empty);
    await migrate(db);
    await dump(paths.migrated);
    await loadNetwork(db, readNetworkFile(), DEMO_SCHEDULE_START);
    await dump(paths.demo);
    await db.close();
    project.provide('testDatabases', paths);
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const suffix = randomBytes(4).toString('hex');
  const names = { migrated: `carepath_tpl_migrated_${suffix}`, demo: `carepath_tpl_demo_${suffix}` };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const [key, name] of Object.entries(names)) {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), { max: 2 });
    await prepare(db, key === 'demo');
    await db.close();
  }
  await admin.end();
  project.provide('testDatabases', names);
  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    for (const name of Object.values(names))
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}
