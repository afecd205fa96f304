/**
 * PostgreSQL only (this folder runs in `npm run test:pg`): PGlite has a single connection, so
 * these races cannot happen there.
 *
 * Two bookings that overlap under the appointments_no_overlap exclusion constraint can deadlock:
 * each inserts its index entry, then waits for the other. PostgreSQL aborts one with 40P01. Found
 * by CI, where three identical requests sent at once answered 201, 500, 500. The aborted booking
 * must be run again, not answered with a 500.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createWorldDatabase, oneClinician } from '../support/world.js';

// One clinician in Arizona (UTC-7 all year) working weekday mornings, with a 20-minute visit and
// a 10-minute buffer: a booking at 09:00 blocks 09:00 to 09:30, so a row at 09:10 overlaps it.
const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician([{ durationMinutes: 20, bufferMinutes: 10 }]);
const NOW = new Date('2026-11-30T14:00:00Z');

let t: TestApp;
let other: pg.Client;
let watcher: pg.Client;

beforeAll(async () => {
  const database = await createWorldDatabase(network, { now: () => NOW });
  t = await createTestApp({ database, now: () => NOW });
  other = new pg.Client({ connectionString: database.url });
  await other.connect();
  watcher = new pg.Client({ connectionString: database.url });
  await watcher.connect();
  // This session must never be the one PostgreSQL picks to break the deadlock.
  await other.query(`SET deadlock_timeout = '20s'`);
});
afterAll(async () => {
  await other.end();
  await watcher.end();
  await t.close();
});

async function waitUntilBlockedBy(pid: number) {
  for (let i = 0; i < 400; i++) {
    // From a third session: pg_stat_activity is a snapshot inside a transaction.
    const { rows } = await watcher.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1::int = ANY (pg_blocking_pids(pid))`,
      [pid],
    );
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the booking never waited for the other transaction');
}

it('a booking that PostgreSQL aborts to break a deadlock is run again and answers 201', async () => {
  const { rows: ids } = await other.query(
    `SELECT (SELECT id FROM providers WHERE slug = $1) AS provider,
            (SELECT id FROM locations WHERE slug = $2) AS location,
            (SELECT id FROM visit_types WHERE slug = $3) AS visit_type`,
    [doctor.slug, clinic.slug, visit!.slug],
  );
  const { provider, location, visit_type: visitType } = ids[0];
  const { rows: pidRows } = await other.query('SELECT pg_backend_pid() AS pid');
  const otherPid = pidRows[0].pid as number;

  // Another writer holds a short row at 09:00 without committing.
  await other.query('BEGIN');
  const { rows: patient } = await other.query(
    `INSERT INTO patients (given_name, family_name, birth_date, email, phone, language, created_at)
     VALUES ('Other', 'Writer', '1970-01-01', 'other@example.com', '480 555 0100', 'en', now()) RETURNING id`,
  );
  const insertShort = (start: string, token: string) =>
    other.query(
      `INSERT INTO appointments (id, provider_id, location_id, visit_type_id, patient_id, starts_at, ends_at, blocked,
         manage_token_hash, language, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::timestamptz, $5::timestamptz + interval '1 minute',
         tstzrange($5::timestamptz, $5::timestamptz + interval '1 minute'), $6, 'en', now(), now())`,
      [provider, location, visitType, patient[0].id, start, token],
    );
  await insertShort('2026-12-03T09:00:00-07:00', 'deadlock-test-token-1');

  // The booking for 09:00-09:30 (with buffer) now waits for that writer...
  const booking = t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'deadlock-test-key' },
    body: JSON.stringify({
      visitType: visit!.slug,
      location: clinic.slug,
      provider: doctor.slug,
      start: '2026-12-03T09:00:00-07:00',
      patient: {
        givenName: 'Rosa',
        familyName: 'Deadlock',
        birthDate: '1980-05-05',
        email: 'rosa@example.com',
        phone: '480 555 0199',
      },
      language: 'en',
    }),
  });
  await waitUntilBlockedBy(otherPid);
  // ...and the writer adds a row at 09:10, which overlaps the booking's uncommitted entry: a cycle.
  // PostgreSQL aborts the booking's transaction (its deadlock_timeout is the shorter one).
  await insertShort('2026-12-03T09:10:00-07:00', 'deadlock-test-token-2');
  await other.query('ROLLBACK');

  const response = await booking;
  expect(response.status).toBe(201);
  const { rows } = await other.query(
    `SELECT count(*)::int AS n FROM appointments WHERE provider_id = $1 AND status = 'booked'`,
    [provider],
  );
  expect(rows[0].n).toBe(1);
});
