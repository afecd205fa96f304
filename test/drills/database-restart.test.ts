/**
 * Drill (PostgreSQL only, run alone: it stops and starts the database server): the app rides
 * through a database restart. While the database is away, requests answer 503 with Retry-After
 * (never 500, never a hang) and /readyz says not ready; the process stays up (a lost connection
 * in a background job must not exit it); within 10 s of the database being back, booking works.
 * Run by `npm run test:drills` (CI runs it after the PostgreSQL suite).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_URL, admin, startServerProcess } from './support.js';

const DRILL_URL = ADMIN_URL.replace(/\/[^/]*$/, '/carepath_drill');
const version = readdirSync('/etc/postgresql')[0]!;
const cluster = (action: 'stop' | 'start') =>
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], { stdio: 'ignore' });

let app: ChildProcess;
let base = '';
let exited: number | null = null;

beforeAll(async () => {
  await admin('DROP DATABASE IF EXISTS carepath_drill WITH (FORCE)');
  await admin('CREATE DATABASE carepath_drill');
  const started = await startServerProcess({ DATABASE_URL: DRILL_URL, BOOKING_RATE_LIMIT: '0' });
  app = started.child;
  base = started.url;
  app.on('exit', (code) => (exited = code ?? -1));
}, 90_000);

afterAll(async () => {
  app?.kill('SIGTERM');
  await admin('DROP DATABASE IF EXISTS carepath_drill WITH (FORCE)').catch(() => undefined);
});

let n = 0;
/** A date some days from now (the server runs on the real clock). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
async function book(): Promise<number> {
  const slots = await fetch(`${base}/api/v1/slots?visitType=back-pain-visit&from=${day(2)}&to=${day(12)}`);
  if (slots.status !== 200) return slots.status;
  const list = ((await slots.json()) as { slots: { start: string; provider: string; location: string }[] })
    .slots;
  const s = list[Math.floor(Math.random() * list.length)]!;
  n += 1;
  const res = await fetch(`${base}/api/v1/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `drill-booking-${n}` },
    body: JSON.stringify({
      visitType: 'back-pain-visit',
      location: s.location,
      provider: s.provider,
      start: s.start,
      patient: {
        givenName: `Drill${n}`,
        familyName: 'Restart',
        birthDate: '1970-01-01',
        email: `drill${n}@example.com`,
        phone: '480 555 0100',
      },
    }),
  });
  return res.status;
}

it('answers 503 while PostgreSQL is down, stays up, and books again within 10 s of its return', async () => {
  expect(await book()).toBe(201);
  const during: number[] = [];
  try {
    cluster('stop');
    // Long enough for the job workers and the outbox to fail against the missing database.
    const until = Date.now() + 8_000;
    while (Date.now() < until) {
      const res = await fetch(`${base}/api/v1/slots?visitType=back-pain-visit&from=${day(2)}&to=${day(3)}`);
      during.push(res.status);
      if (res.status === 503) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      during.push(await book());
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
  } finally {
    cluster('start');
  }
  expect(during.length).toBeGreaterThan(10);
  expect(new Set(during)).toEqual(new Set([503]));
  const back = Date.now();
  let status = 0;
  while (Date.now() - back < 10_000) {
    status = await book().catch(() => 0);
    if (status === 201) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(status).toBe(201);
  expect(exited).toBeNull();
  // Still up a moment later (a delayed job failure would show here).
  await new Promise((r) => setTimeout(r, 3_000));
  expect(exited).toBeNull();
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
}, 120_000);
