/**
 * The front desk moves a visit to another of its clinics: the visit keeps its pre-visit intake
 * and the patient's private link; a desk that does not work at the other clinic cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import { SELF_CARE } from '../../test/support/answers.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  bookIn,
  createWorldApp,
} from '../../test/support/world.js';

// One clinician at two Arizona clinics: the north one in the mornings, the south one in the
// afternoons, so a morning visit can move to an afternoon at the other clinic.
const north = aClinic({ timeZone: 'America/Phoenix' });
const south = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({
  schedule: [1, 2, 3, 4, 5].flatMap((d) => [
    [north.slug, d, '08:00', '12:00'] as [string, number, string, string],
    [south.slug, d, '13:00', '17:00'] as [string, number, string, string],
  ]),
});
const visit = aVisitType({ providers: [doctor] });
const network = aNetwork({ clinics: [north, south], clinicians: [doctor], visitTypes: [visit] });

const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let booked: { id: string; manageToken: string };
let assessmentId = '';

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'both@example.com', role: 'front-desk', locations: [north.slug, south.slug] },
    { email: 'north@example.com', role: 'front-desk', locations: [north.slug] },
  ]);
  const a = await (
    await t.request('/api/v1/assessments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pathway: 'low-back-pain', answers: SELF_CARE }),
    })
  ).json();
  assessmentId = a.id;
  booked = await bookIn(t, {
    visitType: visit,
    clinic: north,
    clinician: doctor,
    start: '2026-12-02T09:00:00-07:00',
    intake: { id: a.id, token: a.token },
  });
});
afterAll(async () => {
  await t.close();
});

const row = async () =>
  (
    await t.db.query<{ location_id: string; assessment_id: string | null; starts_at: Date }>(
      'SELECT location_id, assessment_id, starts_at FROM appointments WHERE id = $1',
      [booked.id],
    )
  )[0]!;

describe('moving a visit to another clinic', () => {
  it('is refused to a desk that does not work at the other clinic, and nothing moves', async () => {
    const desk = await signedIn(t, 'north@example.com');
    const page = await (await desk.client.get(`/staff/appointments/${booked.id}/reschedule`)).text();
    expect(page).not.toContain(`value="${south.slug}"`);
    const res = await desk.client.post(`/staff/appointments/${booked.id}/reschedule`, {
      _csrf: desk.csrf,
      location: south.slug,
      slot: `${doctor.slug}|2026-12-02T14:00:00-07:00`,
    });
    expect(res.status).toBe(422);
    expect((await row()).starts_at.toISOString()).toBe('2026-12-02T16:00:00.000Z');
  });

  it('keeps the intake and the private link', async () => {
    const desk = await signedIn(t, 'both@example.com');
    const page = await (
      await desk.client.get(
        `/staff/appointments/${booked.id}/reschedule?location=${south.slug}&date=2026-12-02`,
      )
    ).text();
    expect(page).toContain('keeps the visit, its pre-visit intake');
    expect(page).toContain(`value="${doctor.slug}|2026-12-02T13:00:00-07:00"`);
    expect(page).not.toContain('2026-12-02T09:00:00-07:00');
    const res = await desk.client.post(`/staff/appointments/${booked.id}/reschedule`, {
      _csrf: desk.csrf,
      location: south.slug,
      slot: `${doctor.slug}|2026-12-02T14:00:00-07:00`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain(`location=${south.slug}`);
    const d = await t.directory.get();
    const moved = await row();
    expect(moved.location_id).toBe(d.locations.find((l) => l.slug === south.slug)!.id);
    expect(moved.assessment_id).toBe(assessmentId);
    const seen = await t.request(`/api/v1/appointments/${booked.id}`, {
      headers: { authorization: `Bearer ${booked.manageToken}` },
    });
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ location: south.slug, start: '2026-12-02T14:00:00-07:00' });
  });
});
