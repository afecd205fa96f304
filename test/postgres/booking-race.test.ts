/**
 * PostgreSQL only: a rush on one popular time. 300 bookings of the same slot sent at once (each a
 * different patient with its own Idempotency-Key) end with exactly one visit, one 201, and a
 * clear refusal for everyone else: 409 (taken), never a 5xx, never a hang. Before the bookings
 * for one provider were ordered (lockProviderBookings) and checked first (bookingPrecheck), the
 * overlapping inserts deadlocked inside the exclusion constraint and some answered 500.
 * How fast it settles is measured in bench/contention.ts, not here.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp } from '../support/test-app.js';
import { createWorldApp, oneClinician } from '../support/world.js';

// One clinician in Arizona (UTC-7 all year) working weekday mornings, with a 20-minute visit and
// a 10-minute buffer: one time everybody wants, nothing else.
const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician([{ durationMinutes: 20, bufferMinutes: 10 }]);

let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => new Date('2026-11-30T14:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

it('300 concurrent bookings of one slot: exactly one 201, the rest 409, one visit stored', async () => {
  const answers = await Promise.all(
    Array.from({ length: 300 }, (_, i) =>
      t.request('/api/v1/appointments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `race-key-${i}` },
        body: JSON.stringify({
          visitType: visit!.slug,
          location: clinic.slug,
          provider: doctor.slug,
          start: '2026-12-04T09:00:00-07:00',
          patient: {
            givenName: `Racer${i}`,
            familyName: 'Rush',
            birthDate: '1980-05-05',
            email: `racer${i}@example.com`,
            phone: '480 555 0199',
          },
        }),
      }),
    ),
  );
  const counts: Record<number, number> = {};
  for (const res of answers) counts[res.status] = (counts[res.status] ?? 0) + 1;
  expect(counts).toEqual({ 201: 1, 409: 299 });
  const [row] = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.family_name = 'Rush'`,
  );
  expect(row!.n).toBe(1);
});
