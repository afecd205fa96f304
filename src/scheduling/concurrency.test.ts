/**
 * No double booking under concurrency. On PostgreSQL (npm run test:pg) these are real
 * concurrent transactions over a pool of connections; on PGlite they are serialised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

// One clinician, working 08:00 to 12:00 on weekdays in Arizona (UTC-7 all year), with a long
// visit that carries a buffer and a short one: what the races below need, and nothing else.
const {
  clinic,
  doctor,
  visitTypes: [consultation, followUp],
  network,
} = oneClinician([
  { durationMinutes: 45, bufferMinutes: 15 },
  { durationMinutes: 20, bufferMinutes: 10 },
]);

const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => NOW, poolSize: 20 });
});
afterAll(async () => {
  await t.close();
});

const PATIENT = {
  givenName: 'Con',
  familyName: 'Current',
  birthDate: '1975-01-01',
  email: 'c@example.com',
  phone: '480 555 0101',
};
let n = 0;
const attempt = (start: string, visitType = consultation!.slug) =>
  t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `race-${n++}-${Math.random()}` },
    body: JSON.stringify({
      visitType,
      location: clinic.slug,
      provider: doctor.slug,
      start,
      patient: PATIENT,
    }),
  });

async function overlappingPairs(): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM appointments a JOIN appointments b
       ON a.provider_id = b.provider_id AND a.id < b.id AND a.blocked && b.blocked
     WHERE a.status IN ('booked', 'checked-in') AND b.status IN ('booked', 'checked-in')`,
  );
  return row!.n;
}

describe('concurrent booking', () => {
  it('100 concurrent attempts at one slot: exactly one 201 and 99 409, no overlapping rows', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, () => attempt('2026-12-14T09:00:00-07:00')),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(await overlappingPairs()).toBe(0);
  });

  it('overlapping visit types of different lengths collide too', async () => {
    // A 45-minute consultation at 10:00 (blocked to 11:00 with its buffer) against 20-minute
    // follow-ups at 10:00 and 10:30 (each blocked 30 minutes), ten attempts each, all at once.
    const kinds = [
      ...Array.from({ length: 10 }, () => ['consult', '2026-12-15T10:00:00-07:00', consultation!.slug]),
      ...Array.from({ length: 10 }, () => ['fu-10:00', '2026-12-15T10:00:00-07:00', followUp!.slug]),
      ...Array.from({ length: 10 }, () => ['fu-10:30', '2026-12-15T10:30:00-07:00', followUp!.slug]),
    ];
    const results = await Promise.all(kinds.map(([, start, type]) => attempt(start!, type)));
    const winners = kinds
      .filter((_, i) => results[i]!.status === 201)
      .map(([kind]) => kind)
      .sort();
    // Either the consultation won alone, or one follow-up at each time (they do not overlap each other).
    expect([['consult'], ['fu-10:00', 'fu-10:30']]).toContainEqual(winners);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await overlappingPairs()).toBe(0);
  });

  it('a reschedule racing a new booking for the same time cannot produce an overlap', async () => {
    for (const day of [16, 17, 18, 21, 22]) {
      const first = await (await attempt(`2026-12-${day}T08:00:00-07:00`)).json();
      const move = t.request(`/api/v1/appointments/${first.id}/reschedule`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${first.manageToken}` },
        body: JSON.stringify({ start: `2026-12-${day}T11:00:00-07:00` }),
      });
      const results = await Promise.all([
        move,
        attempt(`2026-12-${day}T11:00:00-07:00`),
        attempt(`2026-12-${day}T11:00:00-07:00`),
      ]);
      const winners = results.filter((r) => r.status === 200 || r.status === 201);
      expect(winners).toHaveLength(1);
      expect(await overlappingPairs()).toBe(0);
    }
  });
});
