/**
 * Slot search answers from memory, and never gives a time that is no longer open: every write
 * that changes free time (here or on another instance), the clock, and a lapsing hold are seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A_PATIENT, postJson } from '../../test/support/api.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { type TestDatabase } from '../../test/support/test-db.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldDatabase,
  weekdays,
} from '../../test/support/world.js';
import { slotCacheStats } from './slot-search.js';

// One clinician at an Arizona clinic (UTC-7 all year), working 08:00 to 16:00 on weekdays: past
// 13:00, so a morning off still leaves afternoon times. A 30-minute visit without buffer, with a
// short notice (30 minutes), so Monday (the clock's day, from 07:00) still has times to search.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const visit = aVisitType({
  providers: [doctor],
  durationMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 30,
  horizonDays: 30,
});
const network = aNetwork({ clinics: [clinic], clinicians: [doctor], visitTypes: [visit] });

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let database: TestDatabase;
let a: TestApp; // two instances of the app over one database
let b: TestApp;

beforeAll(async () => {
  database = await createWorldDatabase(network, { now: () => clock });
  a = await createTestApp({ database, now: () => clock });
  b = await createTestApp({ database, now: () => clock });
});
// Closing either app closes the database they share (neither runs jobs).
afterAll(() => a.close());

const SEARCH = `/api/v1/slots?visitType=${visit.slug}&location=${clinic.slug}&provider=${doctor.slug}`;
const starts = async (t: TestApp, from: string, to = from) => {
  const res = await t.request(`${SEARCH}&from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return ((await res.json()).slots as { start: string }[]).map((s) => s.start);
};
const stats = () => slotCacheStats(a.scheduling);
/** The visit's minimum notice (ms). */
const notice = visit.minNoticeMinutes * 60_000;
const doctorId = async () =>
  (await database.db.query<{ id: string }>('SELECT id FROM providers WHERE slug = $1', [doctor.slug]))[0]!.id;

describe('the slot search cache', () => {
  it('answers a repeated search from memory, with the same times', async () => {
    const first = await starts(a, '2026-12-07', '2026-12-11');
    const before = stats();
    expect(await starts(a, '2026-12-07', '2026-12-11')).toEqual(first);
    expect(stats()).toEqual({ hits: before.hits + 1, misses: before.misses });
  });

  it('sees a booking made through another instance at once', async () => {
    const [time] = await starts(a, '2026-12-08');
    const booked = await postJson(b, '/api/v1/appointments', {
      visitType: visit.slug,
      location: clinic.slug,
      provider: doctor.slug,
      start: time,
      patient: A_PATIENT,
    });
    expect(booked.status).toBe(201);
    expect(await starts(a, '2026-12-08')).not.toContain(time);
    // Cancelled: the time is open again on both.
    const { id, manageToken } = await booked.json();
    const cancel = await postJson(
      a,
      `/api/v1/appointments/${id}/cancel`,
      {},
      { authorization: `Bearer ${manageToken}` },
    );
    expect(cancel.status).toBe(200);
    expect(await starts(a, '2026-12-08')).toContain(time);
    expect(await starts(b, '2026-12-08')).toContain(time);
  });

  it('sees time off and a clinic closure written straight into the database', async () => {
    expect(await starts(a, '2026-12-09')).not.toEqual([]);
    await database.db.query(
      `INSERT INTO provider_time_off (provider_id, starts_at, ends_at) VALUES ($1, '2026-12-09T15:00:00Z', '2026-12-09T20:00:00Z')`,
      [await doctorId()],
    );
    const afterTimeOff = await starts(a, '2026-12-09');
    expect(afterTimeOff.some((s) => s >= '2026-12-09T08:00' && s < '2026-12-09T13:00')).toBe(false);
    expect(afterTimeOff).not.toEqual([]);
    await database.db.query(
      "INSERT INTO location_closures (location_id, closed_on) SELECT id, '2026-12-09' FROM locations WHERE slug = $1",
      [clinic.slug],
    );
    expect(await starts(a, '2026-12-09')).toEqual([]);
  });

  it('cuts a remembered answer to the notice and horizon of each moment', async () => {
    const today = await starts(a, '2026-11-30');
    expect(today.length).toBeGreaterThan(2);
    const saved = clock;
    clock = new Date(Date.parse(today[1]!) - 60_000); // a minute before the second time
    try {
      const later = await starts(a, '2026-11-30');
      // Exactly the times still outside the notice period at the new moment.
      expect(later).toEqual(today.filter((s) => Date.parse(s) >= clock.getTime() + notice));
      expect(later).not.toContain(today[0]);
    } finally {
      clock = saved;
    }
  });

  it('gives a held time back when the hold lapses, without any write', async () => {
    const [time] = await starts(a, '2026-12-10');
    const entry = await postJson(a, '/api/v1/waitlist', {
      visitType: visit.slug,
      location: clinic.slug,
      from: '2026-12-01',
      to: '2026-12-20',
      patient: { ...A_PATIENT, givenName: 'Holda' },
    });
    expect(entry.status).toBe(201);
    const start = new Date(time!);
    await database.db.query(
      `INSERT INTO appointments (provider_id, location_id, visit_type_id, patient_id, starts_at, ends_at, blocked,
         status, manage_token_hash, language, created_at, updated_at, held_for, hold_expires_at)
       SELECT $1, l.id, v.id, w.patient_id, $2, $3, tstzrange($2, $3), 'held', 'hold:test', 'en', $4, $4, w.id, $5
       FROM waitlist_entries w, locations l, visit_types v
       WHERE w.id = $6 AND l.slug = $7 AND v.slug = $8`,
      [
        await doctorId(),
        start,
        new Date(start.getTime() + visit.durationMinutes * 60_000),
        clock,
        new Date(clock.getTime() + 10 * 60_000),
        (await entry.json()).id,
        clinic.slug,
        visit.slug,
      ],
    );
    expect(await starts(a, '2026-12-10')).not.toContain(time);
    const saved = clock;
    clock = new Date(clock.getTime() + 11 * 60_000);
    try {
      expect(await starts(a, '2026-12-10')).toContain(time);
    } finally {
      clock = saved;
    }
  });
});
