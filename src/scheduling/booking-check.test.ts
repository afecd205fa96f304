/**
 * "Is this time taken?" before a booking writes: the first read (bookingPrecheck) and the check
 * the booking statement makes after the provider's lock (booking_time_free, migration 0029). An
 * ordinary visit takes its time; both once left every ordinary visit out (`held_for IS DISTINCT
 * FROM NULL` is false when held_for is null too), so every loser of a rush went on to insert and
 * failed in the exclusion constraint instead of stopping at the check.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { A_PATIENT } from '../../test/support/api.js';
import { bookIn, createWorldApp, oneClinician } from '../../test/support/world.js';
import { bookingPrecheck } from './booking-store.js';

const { clinic, doctor, visitTypes, network } = oneClinician([{ durationMinutes: 30 }]);
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
});
afterAll(async () => {
  await t.close();
});

it('counts an ordinary visit as taking its time, in the first read and after the lock', async () => {
  await bookIn(t, {
    visitType: visitTypes[0]!,
    clinic,
    clinician: doctor,
    start: '2026-12-01T09:00:00-07:00',
  });
  const [provider] = await t.db.query<{ id: string }>('SELECT id FROM providers WHERE slug = $1', [
    doctor.slug,
  ]);
  const providerId = provider!.id;
  const at = (iso: string) => ({
    providerId,
    start: new Date(iso),
    blockedUntil: new Date(Date.parse(iso) + 30 * 60_000),
    now: clock,
    heldFor: null,
    patient: { ...A_PATIENT, birthDate: '1960-06-06' },
  });
  expect(await bookingPrecheck(t.db, at('2026-12-01T09:00:00-07:00'))).toMatchObject({ taken: true });
  expect(await bookingPrecheck(t.db, at('2026-12-01T09:15:00-07:00'))).toMatchObject({ taken: true });
  expect(await bookingPrecheck(t.db, at('2026-12-01T09:30:00-07:00'))).toMatchObject({
    taken: false,
    holdsToClear: false,
    knownPatientId: null,
  });
  const free = async (iso: string) =>
    (
      await t.db.query<{ free: boolean }>('SELECT booking_time_free($1, $2, $3, $4, NULL, false) AS free', [
        providerId,
        new Date(iso),
        new Date(Date.parse(iso) + 30 * 60_000),
        clock,
      ])
    )[0]!.free;
  expect(await free('2026-12-01T09:00:00-07:00')).toBe(false);
  expect(await free('2026-12-01T09:30:00-07:00')).toBe(true);
});
