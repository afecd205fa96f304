/**
 * Where the embedded test databases (PGlite data-directory dumps) are kept between runs, and
 * the key that says whether a kept one is still right. The key hashes everything that decides
 * what the dumps hold: the migrations, the migrator, the embedded database's opener and its
 * version, the network file and its loader, the demo schedule's start date and the global setup
 * that builds them. Change any of these and the next run builds new dumps.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_NETWORK_FILE } from '../../src/directory/network-loader.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The files whose contents decide the dumps, relative to the project root. */
export const SNAPSHOT_SOURCES = [
  'src/platform/db/migrate.ts',
  'src/platform/db/pglite.ts',
  'src/directory/network-loader.ts',
  'test/support/global-setup.ts',
  'test/support/snapshot-cache.ts',
];

/** The demo schedule's start date, read from the source so that a hit need not import the app. */
function demoScheduleStart(root: string): string {
  const server = readFileSync(join(root, 'src/server.ts'), 'utf8');
  // If the constant ever moves or becomes an expression, the whole file keys the dumps instead.
  return /export const DEMO_SCHEDULE_START = '([^']+)';/.exec(server)?.[1] ?? server;
}

const PGLITE_PACKAGE = join(createRequire(import.meta.url).resolve('@electric-sql/pglite'), '../..');

/** The project's network file (the demo network), under `root`. */
export const NETWORK_FILE = relative(PROJECT_ROOT, DEMO_NETWORK_FILE);

export function snapshotKey(root = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  const add = (label: string, content: string | Buffer) => {
    hash.update(`${label}\0${content.length}\0`);
    hash.update(content);
  };
  // The installed embedded database (its package does not export package.json): its initdb and
  // storage format.
  add('pglite', readFileSync(join(PGLITE_PACKAGE, 'package.json')));
  add('demo-schedule-start', demoScheduleStart(root));
  // Every file in the folder, not only the *.sql the migrator reads: a stray file costs a rebuild,
  // never a stale dump.
  const migrations = join(root, 'migrations');
  for (const entry of readdirSync(migrations, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  ))
    if (entry.isFile()) add(`migrations/${entry.name}`, readFileSync(join(migrations, entry.name)));
  for (const file of [...SNAPSHOT_SOURCES, NETWORK_FILE]) add(file, readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 24);
}

export const SNAPSHOT_CACHE = join(PROJECT_ROOT, 'node_modules/.cache/carepath-test-db');
