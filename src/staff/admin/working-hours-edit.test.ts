/**
 * Changing one block of a provider's working hours: the form comes filled in; wrong values are
 * named and nothing is written; visits the new hours no longer hold are asked about exactly as
 * when hours are removed (keep: they wait for a decision; cancel: patients are told); a change
 * without such visits can be undone; only network administrators reach it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../../test/support/test-app.js';
import { createStaff, signedIn } from '../../../test/support/staff.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  bookIn,
  createWorldApp,
  weekdays,
} from '../../../test/support/world.js';

const east = aClinic();
const west = aClinic();
// One clinician working 08:00 to 12:00 at the east clinic, Monday to Friday: one block a weekday.
const doctor = aClinician({ schedule: weekdays(east, '08:00', '12:00') });
const consult = aVisitType({ providers: [doctor], durationMinutes: 30 });
const world = aNetwork({ clinics: [east, west], clinicians: [doctor], visitTypes: [consult] });
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
const PROVIDER = `/staff/admin/providers/${doctor.slug}`;
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createWorldApp(world, { now: () => clock });
  await createStaff(t, [
    { email: 'west.manager@example.com', role: 'clinic-manager', locations: [west.slug] },
    { email: 'east.manager@example.com', role: 'clinic-manager', locations: [east.slug] },
    { email: 'desk@example.com', role: 'front-desk', locations: [east.slug] },
  ]);
  admin = await signedIn(t, 'admin@example.com');
});
afterAll(async () => {
  await t.close();
});

interface Row {
  id: string;
  location: string;
  weekday: number;
  starts: string;
  ends: string;
  valid_from: string;
  valid_to: string | null;
}
const blockOn = async (weekday: number) =>
  (
    await t.db.query<Row>(
      `SELECT s.id, l.slug AS location, s.weekday, to_char(s.starts, 'HH24:MI') AS starts,
         to_char(s.ends, 'HH24:MI') AS ends, s.valid_from::text AS valid_from, s.valid_to::text AS valid_to
       FROM provider_schedules s JOIN locations l ON l.id = s.location_id WHERE s.weekday = $1`,
      [weekday],
    )
  )[0];
const clinicId = async (slug: string) => (await t.directory.get()).locations.find((l) => l.slug === slug)!.id;
/** The form's values for the block on this weekday, with the fields given changed. */
const formFor = async (weekday: number, change: Record<string, string> = {}) => {
  const b = (await blockOn(weekday))!;
  return {
    location: await clinicId(b.location),
    weekday: String(b.weekday),
    starts: b.starts,
    ends: b.ends,
    validFrom: b.valid_from,
    validTo: b.valid_to ?? '',
    ...change,
  };
};
const lastEvent = async () =>
  (await t.db.query<{ n: number }>('SELECT COALESCE(max(id), 0)::int AS n FROM audit_events'))[0]!.n;
const eventsSince = (mark: number) =>
  t.db.query<{ action: string; entity_type: string; outcome: string; detail: Record<string, unknown> }>(
    'SELECT action, entity_type, outcome, detail FROM audit_events WHERE id > $1 ORDER BY id',
    [mark],
  );
const book = (start: string, givenName: string) =>
  bookIn(t, { visitType: consult, clinic: east, clinician: doctor, start, patient: { givenName } });

describe('changing working hours', () => {
  it('shows the form filled in with the block as it is, with a Change link on the provider page', async () => {
    const monday = (await blockOn(1))!;
    const page = await (await admin.client.get(PROVIDER)).text();
    expect(page).toContain(`href="${PROVIDER}/blocks/${monday.id}/edit"`);
    const res = await admin.client.get(`${PROVIDER}/blocks/${monday.id}/edit`);
    expect(res.status).toBe(200);
    const form = await res.text();
    expect(form).toContain(`Change working hours for ${doctor.displayName}`);
    expect(form).toContain('name="starts" type="time" value="08:00"');
    expect(form).toContain('name="ends" type="time" value="12:00"');
    expect(form).toContain(`<option value="${await clinicId(east.slug)}" selected="">`);
    expect(form).toContain('<option value="1" selected="">Monday</option>');
  });

  it('refuses wrong values field by field, and hours overlapping another block, writing nothing', async () => {
    const monday = (await blockOn(1))!;
    const edit = `${PROVIDER}/blocks/${monday.id}/edit`;
    const mark = await lastEvent();
    const bad = await admin.client.post(edit, {
      _csrf: admin.csrf,
      ...(await formFor(1, { location: '', starts: '11:00', ends: '09:00', validFrom: '2026-02-30' })),
    });
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('<title>Error:');
    expect(text).toContain('href="#validFrom"');
    for (const id of ['#location', '#ends', '#validFrom']) expect(text).toContain(`href="${id}"`);
    expect(text).toContain('Enter the first date');
    // A well-formed id that is not one of the network's active clinics.
    const noClinic = await admin.client.post(edit, {
      _csrf: admin.csrf,
      ...(await formFor(1, { location: '00000000-0000-4000-8000-000000000000' })),
    });
    expect(noClinic.status).toBe(422);
    expect(await noClinic.text()).toContain('Choose the clinic');
    const order = await admin.client.post(edit, {
      _csrf: admin.csrf,
      ...(await formFor(1, { starts: '11:00', ends: '09:00' })),
    });
    expect(order.status).toBe(422);
    expect(await order.text()).toContain('The end time must be after the start time');
    // Monday's hours moved onto Tuesday, where the clinician already works.
    const overlap = await admin.client.post(edit, {
      _csrf: admin.csrf,
      ...(await formFor(1, { weekday: '2' })),
    });
    expect(overlap.status).toBe(409);
    expect(await overlap.text()).toContain(`${doctor.displayName} already works at that time`);
    expect(await blockOn(1)).toEqual(monday);
    expect(await eventsSince(mark)).toEqual([]);
  });

  it('keeping every booked visit: saved at once (audited), with an Undo that puts the old hours back', async () => {
    await book('2026-12-07T09:00:00-07:00', 'Mona'); // a Monday
    const monday = (await blockOn(1))!;
    const mark = await lastEvent();
    const res = await admin.client.post(`${PROVIDER}/blocks/${monday.id}/edit`, {
      _csrf: admin.csrf,
      ...(await formFor(1, { starts: '07:30', ends: '13:00' })),
    });
    expect(res.status).toBe(303);
    const back = res.headers.get('location')!;
    expect(back).toContain(`edited=${monday.id}`);
    expect(await blockOn(1)).toMatchObject({ id: monday.id, starts: '07:30', ends: '13:00' });
    const [event] = await eventsSince(mark);
    expect(event).toMatchObject({ action: 'update', entity_type: 'provider-schedule', outcome: 'success' });
    expect(event!.detail).toMatchObject({ was: expect.stringContaining('1 08:00-12:00') });
    expect(event!.detail).toMatchObject({ now: expect.stringContaining('1 07:30-13:00') });
    const { slots } = await (
      await t.request(`/api/v1/slots?visitType=${consult.slug}&from=2026-12-07&to=2026-12-07`)
    ).json();
    expect(slots.map((s: { start: string }) => s.start.slice(11, 16))).toContain('12:30');

    const page = await (await admin.client.get(back)).text();
    expect(page).toContain('The working hours were changed.');
    const hidden = Object.fromEntries(
      [...page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)]
        .filter((m) => m[1] !== '_csrf')
        .map((m) => [m[1]!, m[2]!]),
    );
    expect(hidden).toMatchObject({ undo: '1', weekday: '1', starts: '08:00', ends: '12:00' });
    const undo = await admin.client.post(`${PROVIDER}/blocks/${monday.id}/edit`, {
      _csrf: admin.csrf,
      ...hidden,
    });
    expect(undo.headers.get('location')).toBe(`${PROVIDER}?undone=1`);
    expect(await blockOn(1)).toEqual(monday);
    expect(await (await admin.client.get(`${PROVIDER}?undone=1`)).text()).toContain(
      'The working hours are back.',
    );
    expect((await eventsSince(mark)).map((e) => [e.action, e.detail.undo ?? null])).toEqual([
      ['update', null],
      ['update', 1],
    ]);
  });

  it('taking away hours with a booked visit: asks first, then keeps it waiting for a decision', async () => {
    const early = await book('2026-12-02T09:00:00-07:00', 'Wen'); // a Wednesday
    await book('2026-12-02T11:00:00-07:00', 'Still'); // inside the new hours: not asked about
    const wednesday = (await blockOn(3))!;
    const edit = `${PROVIDER}/blocks/${wednesday.id}/edit`;
    const values = await formFor(3, { starts: '10:00' });
    const ask = await admin.client.post(edit, { _csrf: admin.csrf, ...values });
    expect(ask.status).toBe(409);
    const question = await ask.text();
    expect(question).toContain('Visits are booked outside the new working hours: 1');
    expect(question).toContain('Wen ');
    expect(question).not.toContain('Still ');
    expect(question).toContain('value="10:00"');
    expect(await blockOn(3)).toEqual(wednesday);

    const mark = await lastEvent();
    const keep = await admin.client.post(edit, {
      _csrf: admin.csrf,
      ...values,
      decision: 'keep',
      seen: [early.id],
    });
    expect(keep.headers.get('location')).toBe('/staff/decisions');
    expect(await blockOn(3)).toMatchObject({ starts: '10:00', ends: '12:00' });
    const [visit] = await t.db.query<{ status: string; decision_due: string }>(
      'SELECT status, decision_due FROM appointments WHERE id = $1',
      [early.id],
    );
    expect(visit).toEqual({ status: 'booked', decision_due: 'hours' });
    const [event] = await eventsSince(mark);
    expect(event).toMatchObject({ action: 'update', entity_type: 'provider-schedule' });
    expect(event!.detail).toMatchObject({ decision: 'keep', visits: 1, appointmentIds: early.id });
    expect(await (await admin.client.get('/staff/decisions')).text()).toContain(
      'Working hours removed or changed',
    );
  });

  it('moving hours to another clinic: the visits in them can be cancelled, and each patient is told', async () => {
    const visit = await book('2026-12-03T09:00:00-07:00', 'Thea'); // a Thursday
    const thursday = (await blockOn(4))!;
    const edit = `${PROVIDER}/blocks/${thursday.id}/edit`;
    const values = await formFor(4, { location: await clinicId(west.slug) });
    expect((await admin.client.post(edit, { _csrf: admin.csrf, ...values })).status).toBe(409);
    const res = await admin.client.post(edit, {
      _csrf: admin.csrf,
      ...values,
      decision: 'cancel',
      seen: [visit.id],
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(PROVIDER);
    expect(await blockOn(4)).toMatchObject({ location: west.slug });
    const [row] = await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [
      visit.id,
    ]);
    expect(row!.status).toBe('cancelled');
    const told = await t.db.query(
      "SELECT 1 FROM outbox_messages WHERE appointment_id = $1 AND kind = 'appointment-cancelled'",
      [visit.id],
    );
    expect(told).toHaveLength(1);
  });

  it('hours removed since the form was shown: nothing is saved, and the page says so', async () => {
    const friday = (await blockOn(5))!;
    const values = await formFor(5, { ends: '11:00' });
    await t.db.query('DELETE FROM provider_schedules WHERE id = $1', [friday.id]);
    const mark = await lastEvent();
    const res = await admin.client.post(`${PROVIDER}/blocks/${friday.id}/edit`, {
      _csrf: admin.csrf,
      ...values,
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('removed or changed by someone else');
    expect(await blockOn(5)).toBeUndefined();
    expect(await eventsSince(mark)).toEqual([]);
    expect((await admin.client.get(`${PROVIDER}/blocks/${friday.id}/edit`)).status).toBe(404);
  });

  it('is for network administrators: clinic managers (of this clinic or another) and the desk get 404, audited', async () => {
    const monday = (await blockOn(1))!;
    const edit = `${PROVIDER}/blocks/${monday.id}/edit`;
    const values = await formFor(1, { ends: '10:00' });
    for (const email of ['west.manager@example.com', 'east.manager@example.com', 'desk@example.com']) {
      const who = await signedIn(t, email);
      for (const post of [false, true]) {
        const mark = await lastEvent();
        const res = post
          ? await who.client.post(edit, { _csrf: who.csrf, ...values })
          : await who.client.get(edit);
        expect(res.status, `${email} ${post ? 'POST' : 'GET'}`).toBe(404);
        expect((await eventsSince(mark)).map((e) => e.outcome)).toEqual(['denied']);
      }
    }
    expect(await blockOn(1)).toEqual(monday);
  });
});
