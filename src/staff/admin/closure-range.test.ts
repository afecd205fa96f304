/**
 * A closure of several days (a holiday week): every day is closed, the visits on any of them are
 * listed before anything is saved, one audit event records the range, and a wrong last day is
 * named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../../test/support/test-app.js';
import { createStaff, signedIn } from '../../../test/support/staff.js';
import { bookIn, createWorldApp, oneClinician } from '../../../test/support/world.js';
import { closureDays } from './clinics-admin.js';

// One clinician on weekday mornings, so the week of December 21 has visits to find.
const { clinic, doctor, visitTypes, network } = oneClinician([{ durationMinutes: 30 }]);
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
const CLOSURES = `/staff/admin/clinics/${clinic.slug}/closures`;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, []);
  admin = await signedIn(t, 'admin@example.com');
});
afterAll(async () => {
  await t.close();
});

const closedDays = async () =>
  (
    await t.db.query<{ day: string }>(
      'SELECT closed_on::text AS day FROM location_closures ORDER BY closed_on',
    )
  ).map((r) => r.day);

describe('a closure of several days', () => {
  it('counts the days from the first to the last, and refuses a last day before the first or a range too long', () => {
    expect(closureDays('2026-12-21', '')).toEqual(['2026-12-21']);
    expect(closureDays('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(closureDays('2026-12-21', '2026-12-20')).toBeUndefined();
    expect(closureDays('2026-12-01', '2027-01-01')).toBeUndefined(); // 32 days
    expect(closureDays('2026-12-01', '2026-02-30')).toBeUndefined();
  });

  it('names a wrong last day and saves nothing', async () => {
    const res = await admin.client.post(CLOSURES, {
      _csrf: admin.csrf,
      closedOn: '2026-12-21',
      closedThrough: '2026-12-18',
      reason: 'Holidays',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Enter a last day on or after the first');
    expect(await closedDays()).toEqual([]);
  });

  it('lists a visit on any day of the range first, then closes every day with one audit event', async () => {
    const visit = await bookIn(t, {
      visitType: visitTypes[0]!,
      clinic,
      clinician: doctor,
      start: '2026-12-23T09:00:00-07:00',
      patient: { givenName: 'Hol', familyName: 'Iday' },
    });
    const fields = {
      _csrf: admin.csrf,
      closedOn: '2026-12-21',
      closedThrough: '2026-12-25',
      reason: 'Holidays',
    };
    const ask = await admin.client.post(CLOSURES, fields);
    expect(ask.status).toBe(409);
    const html = await ask.text();
    expect(html).toContain('Hol Iday');
    expect(html).toContain('December 21, 2026 to December 25, 2026');
    expect(await closedDays()).toEqual([]);

    const keep = await admin.client.post(CLOSURES, { ...fields, decision: 'keep', seen: [visit.id] });
    expect(keep.status).toBe(303);
    expect(await closedDays()).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-25',
    ]);
    const events = await t.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE entity_type = 'closure' AND action = 'create'",
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({
      date: '2026-12-21',
      through: '2026-12-25',
      days: 5,
      decision: 'keep',
    });
    const { slots } = await (
      await t.request(`/api/v1/slots?visitType=${visitTypes[0]!.slug}&from=2026-12-21&to=2026-12-28`)
    ).json();
    expect(new Set(slots.map((s: { start: string }) => s.start.slice(0, 10)))).toEqual(
      new Set(['2026-12-28']),
    );
  });

  it('answers that the clinic is already closed when every day is', async () => {
    const again = await admin.client.post(CLOSURES, {
      _csrf: admin.csrf,
      closedOn: '2026-12-22',
      closedThrough: '2026-12-24',
      reason: 'Again',
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already closed');
  });
});
