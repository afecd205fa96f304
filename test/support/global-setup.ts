/**
 * Builds the test databases once, so each test file copies a migrated database instead of
 * creating and migrating its own (creating an embedded database is most of a file's set-up):
 * - on PGlite, three data-directory dumps (new; migrated; migrated with the demo network), kept
 *   in node_modules/.cache between runs under a key of everything that decides what they hold
 *   (snapshot-cache.ts), and loaded by test-db.ts; CAREPATH_TEST_DB_CACHE=off builds them anew
 *   in a temporary folder removed at the end;
 * - on PostgreSQL (DATABASE_URL), two template databases that test-db.ts clones, removed when
 *   the run ends.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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
import { SNAPSHOT_CACHE, snapshotKey } from './snapshot-cache.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the database copies come from: PGlite dump files or PostgreSQL template names. */
    testDatabases: { empty?: string; migrated: string; demo: string } | null;
  }
}

/** The demo schedule's start (imported only to build: the module brings the whole app with it). */
const demoScheduleStart = async () => (await import('../../src/server.js')).DEMO_SCHEDULE_START;

async function prepare(db: Database, demo: boolean) {
  await migrate(db);
  if (demo) await loadNetwork(db, readNetworkFile(), await demoScheduleStart());
}

const KINDS = ['empty', 'migrated', 'demo'] as const;
const paths = (dir: string) =>
  Object.fromEntries(KINDS.map((k) => [k, join(dir, `${k}.tar`)])) as Record<(typeof KINDS)[number], string>;

/** One embedded database, dumped at each stage into `dir`. */
async function buildPgliteDumps(dir: string) {
  const files = paths(dir);
  // Opening a new embedded database (its initdb) costs seconds, the dumps a fraction of one.
  const db = await openPglite('memory');
  // Every test file opens a copy, and PostgreSQL clears all of its buffer pool at start-up: the
  // default 128 MB was about half a second and 128 MB of memory written per copy. The test
  // databases are a few MB; a smaller pool changes no query's result, only what stays cached.
  await db.exec("ALTER SYSTEM SET shared_buffers = '16MB'");
  const dump = async (path: string) =>
    writeFileSync(path, Buffer.from(await (await db.pglite.dumpDataDir('none')).arrayBuffer()));
  await dump(files.empty);
  await migrate(db);
  await dump(files.migrated);
  await loadNetwork(db, readNetworkFile(), await demoScheduleStart());
  await dump(files.demo);
  await db.close();
  return files;
}

/**
 * The dumps for the project as it is now: kept ones if their key still matches, else built and
 * kept. A folder appears under its key only complete (built aside, then renamed), so a run that
 * is stopped, or another run building the same key at the same time, never leaves half a dump.
 */
async function cachedPgliteDumps() {
  const key = snapshotKey();
  const dir = join(SNAPSHOT_CACHE, key);
  if (existsSync(dir) && !Object.values(paths(dir)).every((file) => existsSync(file)))
    rmSync(dir, { recursive: true, force: true }); // files removed by hand: build it again
  if (existsSync(dir)) {
    const now = new Date();
    utimesSync(dir, now, now); // in use: see the clean-up below
  } else {
    mkdirSync(SNAPSHOT_CACHE, { recursive: true });
    const building = mkdtempSync(join(SNAPSHOT_CACHE, `.building-${key}-`));
    try {
      await buildPgliteDumps(building);
      renameSync(building, dir);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(dir)) throw error; // else another run finished the same dumps first
    }
    // Dumps no run has used for a day (of earlier migrations), and builds abandoned as long ago.
    for (const old of readdirSync(SNAPSHOT_CACHE)) {
      const path = join(SNAPSHOT_CACHE, old);
      if (old !== key && Date.now() - statSync(path).mtimeMs > 86_400_000)
        rmSync(path, { recursive: true, force: true });
    }
  }
  return paths(dir);
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    if (process.env.CAREPATH_TEST_DB_CACHE === 'off') {
      const dir = mkdtempSync(join(tmpdir(), 'carepath-test-db-'));
      project.provide('testDatabases', await buildPgliteDumps(dir));
      return () => rmSync(dir, { recursive: true, force: true });
    }
    project.provide('testDatabases', await cachedPgliteDumps());
    return;
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
