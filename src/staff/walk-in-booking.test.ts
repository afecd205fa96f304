/**
 * The front desk books someone standing at the desk (or calling for today) inside the online
 * notice, with the times marked; patients and API clients cannot. Someone who gets no messages
 * (no email, no text messages here) leaves with a printed slip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  tryBookIn,
  weekdays,
} from '../../test/support/world.js';

// One Arizona clinic (UTC-7 all year), a clinician working 08:00 to 12:00 on weekdays, and a
// 30-minute visit booked online at least two hours ahead: at 08:05, 10:30 is the first online time.
const clinic = aClinic({ timeZone: 'America/Phoenix', phone: '(480) 555-0123' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '12:00') });
const visit = aVisitType({ providers: [doctor], durationMinutes: 30, minNoticeMinutes: 120 });
const network = aNetwork({ clinics: [clinic], clinicians: [doctor], visitTypes: [visit] });

const clock = new Date('2026-11-30T15:05:00Z'); // Monday 08:05 in Arizona
let t: TestApp;
let desk: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [{ email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] }]);
  desk = await signedIn(t, 'desk@example.com');
});
afterAll(async () => {
  await t.close();
});

const today = `/staff/book?location=${clinic.slug}&visitType=${visit.slug}&date=2026-11-30`;
const times = (html: string) =>
  [...html.matchAll(/name="slot" value="[^|]+\|[^T]+T(\d\d:\d\d)/g)].map((m) => m[1]);

describe('walk-ins at the front desk', () => {
  it('offers the times inside the online notice, marked, but none already started', async () => {
    const html = await (await desk.client.get(today)).text();
    expect(times(html)).toEqual(['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(html).toContain('120 minutes’ notice');
    // 08:30 to 10:00 are sooner than the online notice: four walk-in tags.
    expect(html.match(/tag-warning/g)).toHaveLength(4);
    const online = await (
      await t.request(
        `/api/v1/slots?visitType=${visit.slug}&location=${clinic.slug}&from=2026-11-30&to=2026-11-30`,
      )
    ).json();
    expect(online.slots[0].start).toBe('2026-11-30T10:30:00-07:00');
  });

  it('books a walk-in time; with no email and no text messages, the desk gets a slip to print', async () => {
    const res = await desk.client.post('/staff/book', {
      _csrf: desk.csrf,
      location: clinic.slug,
      visitType: visit.slug,
      slot: `${doctor.slug}|2026-11-30T08:30:00-07:00`,
      givenName: 'Wanda',
      familyName: 'Walkin',
      birthDate: '1950-05-05',
      email: '',
      phone: '(480) 555-0150',
    });
    expect(res.status).toBe(303);
    const slipUrl = res.headers.get('location')!;
    expect(slipUrl).toMatch(/^\/staff\/appointments\/[0-9a-f-]{36}\/slip\?done=booked$/);
    const id = slipUrl.split('/')[3]!;
    const slip = await (await desk.client.get(slipUrl)).text();
    expect(slip).toContain('Wanda Walkin');
    expect(slip).toContain('8:30');
    expect(slip).toContain('call the clinic at (480) 555-0123');
    expect(slip).toContain('data-print');
    // Never the private link: only the patient's own messages carry it.
    expect(slip).not.toMatch(/\/manage|token/i);
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'appointment' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'read']);
  });

  it('refuses a time inside the notice to patients, and the walk-in flag to anyone but staff', async () => {
    const soon = { visitType: visit, clinic, clinician: doctor, start: '2026-11-30T09:30:00-07:00' };
    const tooSoon = await tryBookIn(t, soon);
    expect(tooSoon.status).toBe(422);
    expect((await tooSoon.json()).errors[0]).toMatchObject({ field: 'start' });
    const res = await t.request('/api/v1/appointments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'walk-in-flag-1' },
      body: JSON.stringify({
        visitType: visit.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: soon.start,
        walkIn: true,
        patient: { givenName: 'Pat', familyName: 'Ient', birthDate: '1970-01-01', email: 'pat@example.com' },
      }),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('walkIn');
  });

  it('hides the slip of a visit at a clinic the user does not work at', async () => {
    const res = await desk.client.get('/staff/appointments/00000000-0000-4000-8000-000000000000/slip');
    expect(res.status).toBe(404);
  });
});
