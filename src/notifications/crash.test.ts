/**
 * Exactly once across a crash: the app is killed (SIGKILL) after a booking committed and before
 * its confirmation was sent; the next process sends it, once, and a third sends nothing more.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../platform/db/pglite.js';
import { startTestSmtp, type TestSmtp } from '../../test/support/smtp.js';
import { createEmptyDatabase, preparedDump, type TestDatabase } from '../../test/support/test-db.js';

let smtp: TestSmtp;
let pgDatabase: TestDatabase | undefined;
const children: ChildProcess[] = [];
let env: Record<string, string>;
const METRICS_TOKEN = 'crash-test-metrics';

beforeAll(async () => {
  smtp = await startTestSmtp();
  const database: Record<string, string> = {};
  if (process.env.DATABASE_URL) {
    pgDatabase = await createEmptyDatabase();
    await pgDatabase.db.close(); // the app processes open it themselves
    database.DATABASE_URL = pgDatabase.url!;
  } else {
    database.PGLITE_DIR = join(mkdtempSync(join(tmpdir(), 'carepath-crash-')), 'pglite');
    // Starts from the run's migrated demo database, as a restart would: a first start's initdb
    // is not what this test is about (test/npm-start-signal.test.ts starts from nothing).
    const demo = preparedDump('demo');
    if (demo) await (await openPglite(database.PGLITE_DIR, { snapshot: demo })).close();
  }
  env = {
    ...process.env,
    ...database,
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    METRICS_TOKEN,
  } as Record<string, string>;
  delete env.VITEST;
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await smtp.close();
  if (pgDatabase) {
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(pgDatabase.url!).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  }
});

async function startApp(port: number, jobs: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...env, PORT: String(port), JOBS: String(jobs) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app did not start');
}

/**
 * Until the process's job workers have taken every job that is due, among them the outbox
 * delivery it queues as it starts (before it answers /healthz): from then on, a graceful stop
 * waits for that delivery to finish.
 */
async function dueJobsTaken(port: number) {
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    if (/^carepath_jobs_due 0$/m.test(await res.text())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (c: ChildProcess) =>
  new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : c.once('exit', () => resolve())));

describe('a crash between commit and send', () => {
  it('sends the confirmation exactly once after a restart', async () => {
    const port = 3960 + Math.floor(Math.random() * 30);
    // 1. No delivery workers: the booking commits its message to the outbox, then the process dies.
    const a = await startApp(port, false);
    const day = new Date(Date.now() + 7 * 86_400_000);
    const slots = await (
      await fetch(
        `http://127.0.0.1:${port}/api/v1/slots?visitType=pain-follow-up&location=scottsdale&from=${day.toISOString().slice(0, 10)}&to=${new Date(day.getTime() + 6 * 86_400_000).toISOString().slice(0, 10)}`,
      )
    ).json();
    const slot = slots.slots[0];
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'crash-test-key' },
      body: JSON.stringify({
        visitType: slot.visitType,
        location: slot.location,
        provider: slot.provider,
        start: slot.start,
        patient: {
          givenName: 'Cora',
          familyName: 'Crash',
          birthDate: '1980-01-01',
          email: 'cora@example.com',
          phone: '480 555 0105',
        },
      }),
    });
    expect(res.status).toBe(201);
    a.kill('SIGKILL');
    await exited(a);
    expect(smtp.messages).toHaveLength(0);

    // 2. The next process delivers what was committed.
    const b = await startApp(port, true);
    await smtp.waitFor(1);
    b.kill('SIGTERM');
    await exited(b);

    // 3. Another restart sends nothing again: its start-up delivery runs, and finds nothing to send.
    const c = await startApp(port, true);
    await dueJobsTaken(port);
    c.kill('SIGTERM');
    await exited(c);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.subject).toContain('Your visit is booked');
  }, 90_000);
});
