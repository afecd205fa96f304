/**
 * Removing working hours checks the visits booked in them like time off does (keep: they wait
 * for a decision with reminders held; cancel: patients are told), and a removal without visits
 * can be undone from the provider's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../../test/support/test-app.js';
import { createStaff, signedIn } from '../../../test/support/staff.js';
import { bookIn, createWorldApp, oneClinician } from '../../../test/support/world.js';

// One clinician working 08:00 to 12:00 Monday to Friday: one block of hours per weekday.
const { clinic, doctor, visitTypes, network } = oneClinician([{ durationMinutes: 30 }]);
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
const PROVIDER = `/staff/admin/providers/${doctor.slug}`;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, []);
  admin = await signedIn(t, 'admin@example.com');
});
afterAll(async () => {
  await t.close();
});

const blockOn = async (weekday: number) =>
  (await t.db.query<{ id: string }>('SELECT id FROM provider_schedules WHERE weekday = $1', [weekday]))[0]
    ?.id;

describe('removing working hours', () => {
  it('over a booked visit: asks first, then keeps the visit waiting for a decision', async () => {
    const visit = await bookIn(t, {
      visitType: visitTypes[0]!,
      clinic,
      clinician: doctor,
      start: '2026-12-02T09:00:00-07:00', // a Wednesday
      patient: { givenName: 'Wen', familyName: 'Esday' },
    });
    const wednesday = (await blockOn(3))!;
    const remove = `${PROVIDER}/blocks/${wednesday}/remove`;
    const ask = await admin.client.post(remove, { _csrf: admin.csrf });
    expect(ask.status).toBe(409);
    expect(await ask.text()).toContain('Wen Esday');
    expect(await blockOn(3)).toBe(wednesday);

    const keep = await admin.client.post(remove, { _csrf: admin.csrf, decision: 'keep', seen: [visit.id] });
    expect(keep.headers.get('location')).toBe('/staff/decisions');
    expect(await blockOn(3)).toBeUndefined();
    const [row] = await t.db.query<{ status: string; decision_due: string }>(
      'SELECT status, decision_due FROM appointments WHERE id = $1',
      [visit.id],
    );
    expect(row).toEqual({ status: 'booked', decision_due: 'hours' });
    expect(await (await admin.client.get('/staff/decisions')).text()).toContain('Working hours removed');
    const [event] = await t.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE action = 'delete' AND entity_type = 'provider-schedule'",
    );
    expect(event!.detail).toMatchObject({ decision: 'keep' });
  });

  it('without visits: removed at once, with an Undo that puts the same hours back', async () => {
    const thursday = (await blockOn(4))!;
    const res = await admin.client.post(`${PROVIDER}/blocks/${thursday}/remove`, { _csrf: admin.csrf });
    expect(res.status).toBe(303);
    const back = res.headers.get('location')!;
    expect(back).toContain('removed=1');
    expect(await blockOn(4)).toBeUndefined();
    const page = await (await admin.client.get(back)).text();
    expect(page).toContain('The working hours were removed.');
    const hidden = Object.fromEntries(
      [
        ...page.matchAll(
          /<input type="hidden" name="(location|weekday|starts|ends|validFrom|validTo)" value="([^"]*)"/g,
        ),
      ].map((m) => [m[1]!, m[2]!]),
    );
    expect(hidden).toMatchObject({ weekday: '4', starts: '08:00', ends: '12:00' });
    const undo = await admin.client.post(`${PROVIDER}/blocks`, { _csrf: admin.csrf, ...hidden });
    expect(undo.status).toBe(303);
    expect(await blockOn(4)).toBeDefined();
    const { slots } = await (
      await t.request(`/api/v1/slots?visitType=${visitTypes[0]!.slug}&from=2026-12-03&to=2026-12-03`)
    ).json();
    expect(slots).toHaveLength(8);
  });
});
