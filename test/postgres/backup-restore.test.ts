/**
 * PostgreSQL only: the backup and restore docs/operations.md describes (pg_dump in custom format,
 * pg_restore into a new database) gives a database the product starts on, with its visits.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import type { Running } from '../../src/server.js';
import { bookFirstOpenTime, readVisit, startProduct } from '../support/running.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const running: Running[] = [];
const databases: TestDatabase[] = [];
const restoredName = `carepath_restored_${Date.now()}`;
afterAll(async () => {
  for (const r of running) await r.stop().catch(() => undefined);
  for (const d of databases) await d.close();
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
  await admin.end();
});

it('restores a pg_dump into a new database that the product starts on, with its visits', async () => {
  const original = await createTestDatabase();
  databases.push(original);
  const first = await startProduct({ DATABASE_URL: original.url! });
  running.push(first);
  const visit = await bookFirstOpenTime(first.url);
  await first.stop();

  const file = join(mkdtempSync(join(tmpdir(), 'carepath-pgdump-')), 'carepath.dump');
  execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, original.url!]);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${restoredName}`);
  await admin.end();
  const restoredUrl = new URL(process.env.DATABASE_URL!);
  restoredUrl.pathname = `/${restoredName}`;
  execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, file]);

  const again = await startProduct({ DATABASE_URL: restoredUrl.toString() });
  running.push(again);
  expect((await (await fetch(`${again.url}/readyz`)).json()).status).toBe('ready');
  const read = await readVisit(again.url, visit);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ id: visit.id, status: 'booked' });
});
