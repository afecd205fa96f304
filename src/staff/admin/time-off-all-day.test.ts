/**
 * Time off for whole days: from the start of the first date to the end of the last in the
 * clinician's zone, whatever times the form holds, and the days' times leave the slot search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../../test/support/test-app.js';
import { createStaff, signedIn } from '../../../test/support/staff.js';
import { createWorldApp, oneClinician } from '../../../test/support/world.js';

// Arizona (UTC-7 all year): local midnight is 07:00 UTC.
const { doctor, visitTypes, network } = oneClinician([{ durationMinutes: 30 }]);
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, []);
  admin = await signedIn(t, 'admin@example.com');
});
afterAll(async () => {
  await t.close();
});

describe('whole days of time off', () => {
  it('takes the dates only, from the first day’s start to the last day’s end', async () => {
    const res = await admin.client.post(`/staff/admin/providers/${doctor.slug}/time-off`, {
      _csrf: admin.csrf,
      starts: '2026-12-10T15:00', // the times are ignored for whole days
      ends: '2026-12-11',
      allDay: 'yes',
      note: 'Conference',
    });
    expect(res.status).toBe(303);
    const rows = await t.db.query<{ starts_at: Date; ends_at: Date }>(
      'SELECT starts_at, ends_at FROM provider_time_off',
    );
    expect(rows.map((r) => [r.starts_at.toISOString(), r.ends_at.toISOString()])).toEqual([
      ['2026-12-10T07:00:00.000Z', '2026-12-12T07:00:00.000Z'],
    ]);
    const { slots } = await (
      await t.request(`/api/v1/slots?visitType=${visitTypes[0]!.slug}&from=2026-12-09&to=2026-12-14`)
    ).json();
    expect(new Set(slots.map((s: { start: string }) => s.start.slice(0, 10)))).toEqual(
      new Set(['2026-12-09', '2026-12-14']),
    );
  });

  it('names a missing date', async () => {
    const res = await admin.client.post(`/staff/admin/providers/${doctor.slug}/time-off`, {
      _csrf: admin.csrf,
      starts: '',
      ends: '2026-12-18',
      allDay: 'yes',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Enter when the time off starts');
    expect(html).toContain('checked');
  });
});
