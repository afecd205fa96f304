/**
 * Drill (PostgreSQL, the production set-up: an owner role migrates, the app runs as a role that
 * cannot change the audit trail). Against the real server process: concurrent password guesses,
 * oversize bodies, control characters in paths and forms, and then the audit chain, which must
 * verify intact, and must name the event a superuser alters behind the app's back.
 * Run by `npm run test:drills`; it prints its figures for the closing notes.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_URL, admin, startServerProcess } from './support.js';
import { sealAuditEvents, verifyAuditChain } from '../../src/audit/index.js';
import { openPostgres } from '../../src/platform/db/postgres.js';

const NAME = 'carepath_attack_drill';
const as = (role: string) => {
  const url = new URL(ADMIN_URL);
  url.username = role;
  url.pathname = `/${NAME}`;
  return url.toString();
};
const PASSWORD = 'drill passphrase long enough 42';
let app: ChildProcess;
let base = '';
let rssMb = (): number => 0;

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin('DROP ROLE IF EXISTS cp_drill_app');
  await admin('DROP ROLE IF EXISTS cp_drill_owner');
  await admin('CREATE ROLE cp_drill_owner LOGIN');
  await admin('CREATE ROLE cp_drill_app LOGIN');
  await admin(`CREATE DATABASE ${NAME} OWNER cp_drill_owner`);
  const started = await startServerProcess({
    DATABASE_URL: as('cp_drill_app'),
    DATABASE_MIGRATION_URL: as('cp_drill_owner'),
    CAREPATH_ADMIN_EMAIL: 'drill@example.com',
    CAREPATH_ADMIN_PASSWORD: PASSWORD,
  });
  app = started.child;
  base = started.url;
  rssMb = () => {
    const status = readFileSync(`/proc/${app.pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
  };
}, 90_000);

afterAll(async () => {
  app?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`).catch(() => undefined);
  await admin('DROP ROLE IF EXISTS cp_drill_app').catch(() => undefined);
  await admin('DROP ROLE IF EXISTS cp_drill_owner').catch(() => undefined);
});

it('holds 40 concurrent wrong passwords for one account to the limit of 5', async () => {
  const answers = await Promise.all(
    Array.from({ length: 40 }, () =>
      fetch(`${base}/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=drill%40example.com&password=wrong-guess',
        redirect: 'manual',
      }).then((r) => r.status),
    ),
  );
  const checked = answers.filter((s) => s === 401).length;
  const throttled = answers.filter((s) => s === 429).length;
  process.stdout.write(
    `drill: 40 concurrent wrong passwords -> ${checked} checked, ${throttled} throttled\n`,
  );
  expect(checked).toBeLessThanOrEqual(5);
  expect(checked + throttled).toBe(40);
});

it('refuses 10 MB bodies before reading them, on open and token routes, without a memory jump', async () => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  const before = rssMb();
  const routes = [
    ['/api/v1/appointments', 'application/json'],
    ['/api/v1/assessments', 'application/json'],
    ['/api/v1/waitlist', 'application/json'],
    ['/api/v1/sms/inbound', 'application/json'],
    ['/book/details', 'application/x-www-form-urlencoded'],
    ['/staff/login', 'application/x-www-form-urlencoded'],
  ] as const;
  const statuses: number[] = [];
  for (const [path, type] of routes)
    statuses.push(
      (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body: big }))
        .status,
    );
  const after = rssMb();
  process.stdout.write(
    `drill: 10 MB bodies on ${routes.length} routes -> ${statuses.join(', ')}; RSS ${before} -> ${after} MB\n`,
  );
  expect(statuses).toEqual(routes.map(() => 413));
  expect(after - before).toBeLessThan(60);
});

it('never answers 500 to control characters in paths and forms', async () => {
  const token = 'A'.repeat(43);
  const paths = [
    `/appointments/manage/${token}%00`,
    `/appointments/manage/%00${token}`,
    `/waitlist/${token}%0d%0a`,
    `/self-check/r/${token}%00/plan`,
    '/api/v1/appointments/%00',
    '/clinics/%00',
  ];
  const statuses = await Promise.all(paths.map((p) => fetch(`${base}${p}`).then((r) => r.status)));
  const form = await fetch(`${base}/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=a%00b%40example.com&password=x',
    redirect: 'manual',
  });
  process.stdout.write(`drill: control characters -> ${[...statuses, form.status].join(', ')}\n`);
  for (const s of [...statuses, form.status]) expect(s).toBeLessThan(500);
});

it('keeps an audit chain that verifies, and names an event a superuser alters', async () => {
  const appDb = openPostgres(as('cp_drill_app'), { max: 1 });
  try {
    await sealAuditEvents(appDb);
    const intact = await verifyAuditChain(appDb);
    expect(intact).toMatchObject({ ok: true, unsealed: 0 });
    process.stdout.write(`drill: audit chain intact over ${(intact as { events: number }).events} events\n`);
    // The app role cannot touch the trail; a superuser can, and the chain shows it.
    await expect(appDb.query("UPDATE audit_events SET outcome = 'success'")).rejects.toThrow(
      /permission denied/,
    );
    const su = new pg.Client({ connectionString: as(new URL(ADMIN_URL).username || 'postgres') });
    await su.connect();
    await su.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    const { rows } = await su.query('SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 3');
    await su.query("UPDATE audit_events SET outcome = 'success', detail = '{}' WHERE id = $1", [rows[0].id]);
    await su.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    await su.end();
    const broken = await verifyAuditChain(appDb);
    expect(broken).toMatchObject({
      ok: false,
      at: { eventId: String(rows[0].id), problem: 'event-altered' },
    });
  } finally {
    await appDb.close();
  }
});
