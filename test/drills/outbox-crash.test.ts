/**
 * Drill (PostgreSQL): a sender killed in the middle of a batch. Thirty confirmations wait in the
 * outbox; a process starts sending them and is killed (SIGKILL) after the tenth reaches the SMTP
 * server. The next process takes over the dead one's claims once they go stale (a minute without
 * a heartbeat) and sends the rest. Promise (ADR 7): nothing lost, and a duplicate only for a
 * message that was inside the send when the process died (at most one per crash), with the same
 * Message-ID. Prints the figures for the closing notes.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_URL, admin, startServerProcess } from './support.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';

const NAME = 'carepath_outbox_drill';
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const VISITS = 30;
let smtp: TestSmtp;
const children: ChildProcess[] = [];

async function start(jobs: boolean): Promise<{ child: ChildProcess; url: string }> {
  const started = await startServerProcess({
    DATABASE_URL: DB_URL,
    JOBS: String(jobs),
    BOOKING_RATE_LIMIT: '0',
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'info',
  });
  children.push(started.child);
  return started;
}

const exited = (c: ChildProcess) =>
  new Promise<void>((resolve) =>
    c.exitCode !== null || c.signalCode ? resolve() : c.once('exit', () => resolve()),
  );
const unique = () => new Set(smtp.messages.map((m) => m.messageId)).size;
async function until(check: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${NAME}`);
}, 60_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await smtp.close();
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`).catch(() => undefined);
});

it('loses nothing when the sender dies mid-batch, and repeats at most the message in flight', async () => {
  // 1. Thirty bookings, no sender: thirty confirmations wait in the outbox.
  const booking = await start(false);
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await (
    await fetch(`${booking.url}/api/v1/slots?visitType=pain-follow-up&from=${day(3)}&to=${day(20)}`)
  ).json();
  let booked = 0;
  for (const slot of slots as { start: string; provider: string; location: string }[]) {
    if (booked === VISITS) break;
    const res = await fetch(`${booking.url}/api/v1/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        visitType: 'pain-follow-up',
        location: slot.location,
        provider: slot.provider,
        start: slot.start,
        patient: {
          givenName: `Drill${booked}`,
          familyName: 'Outbox',
          birthDate: '1970-01-01',
          email: `drill${booked}@example.com`,
          phone: '480 555 0100',
        },
      }),
    });
    if (res.status === 201) booked++;
  }
  expect(booked).toBe(VISITS);
  booking.child.kill('SIGTERM');
  await exited(booking.child);

  // 2. A sender starts on them and is killed after the tenth reached the SMTP server.
  const first = await start(true);
  await until(() => smtp.messages.length >= 10, 30_000);
  first.child.kill('SIGKILL');
  await exited(first.child);
  const atCrash = smtp.messages.length;

  // 3. The next sender takes over the dead one's claims once stale, and sends the rest.
  const second = await start(true);
  const started = Date.now();
  await until(() => unique() === VISITS, 150_000);
  await new Promise((r) => setTimeout(r, 3000)); // anything more would show now
  second.child.kill('SIGTERM');
  await exited(second.child);

  const duplicates = smtp.messages.length - unique();
  process.stdout.write(
    `drill: ${VISITS} confirmations, sender killed after ${atCrash} reached SMTP; ` +
      `${unique()} delivered, ${duplicates} duplicate(s); the rest went out ${Math.round((Date.now() - started) / 1000)} s after the restart\n`,
  );
  expect(unique()).toBe(VISITS);
  expect(duplicates).toBeLessThanOrEqual(1);
}, 240_000);
