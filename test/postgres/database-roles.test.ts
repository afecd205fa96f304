/**
 * PostgreSQL only: with DATABASE_MIGRATION_URL the tables' owner runs the migrations and the app
 * runs as a role that can add to the audit trail but never change it (decision 20): no UPDATE,
 * DELETE or TRUNCATE, and as a non-owner it cannot switch the append-only triggers off or drop the
 * table. The product books, runs its jobs (pg-boss in its own schema) and seals the chain.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import type { Running } from '../../src/server.js';
import { sealAuditEvents, verifyAuditChain } from '../../src/audit/index.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { bookFirstOpenTime, startProduct } from '../support/running.js';

const suffix = `${process.pid}_${Date.now()}`;
const OWNER = `cp_owner_${suffix}`;
const APP = `cp_app_${suffix}`;
const DB = `cp_roles_${suffix}`;
const urlAs = (role: string) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.username = role;
  url.password = '';
  url.pathname = `/${DB}`;
  return url.toString();
};
const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL });
let running: Running | undefined;

beforeAll(async () => {
  const c = admin();
  await c.connect();
  await c.query(`CREATE ROLE ${OWNER} LOGIN`);
  await c.query(`CREATE ROLE ${APP} LOGIN`);
  await c.query(`CREATE DATABASE ${DB} OWNER ${OWNER}`);
  await c.end();
});
afterAll(async () => {
  await running?.stop().catch(() => undefined);
  const c = admin();
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await c.query(`DROP ROLE IF EXISTS ${APP}`);
  await c.query(`DROP ROLE IF EXISTS ${OWNER}`);
  await c.end();
});

it('runs as an app role that can add to the audit trail but not change or remove it', async () => {
  running = await startProduct({
    DATABASE_URL: urlAs(APP),
    DATABASE_MIGRATION_URL: urlAs(OWNER),
    JOBS: 'true',
  });
  await bookFirstOpenTime(running.url);
  const ready = await fetch(`${running.url}/readyz`);
  expect(await ready.json()).toMatchObject({ migrations: 'current', jobs: 'running' });

  const app = new pg.Client({ connectionString: urlAs(APP) });
  await app.connect();
  try {
    const refused = async (sql: string) => {
      await expect(app.query(sql), sql).rejects.toThrow(/permission denied|must be owner/);
    };
    await refused("UPDATE audit_events SET outcome = 'denied'");
    await refused('DELETE FROM audit_events');
    await refused('TRUNCATE audit_events');
    await refused('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await refused('DROP TABLE audit_events');
    await refused('DELETE FROM audit_chain');
    await refused('INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, $$x$$, $$x$$)');
    expect((await app.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n).toBeGreaterThan(0);
  } finally {
    await app.end();
  }

  // Sealing runs as the app: it adds seals, and the chain verifies.
  const db = openPostgres(urlAs(APP), { max: 1 });
  try {
    expect((await sealAuditEvents(db)).sealed).toBeGreaterThan(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
  } finally {
    await db.close();
  }
});
