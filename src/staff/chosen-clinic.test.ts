/** The clinic a front desk user chose stays chosen on the next pages and shortcuts. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

const north = aClinic({ name: 'North Clinic' });
const south = aClinic({ name: 'South Clinic' });
const doctor = aClinician({
  schedule: [...weekdays(north, '08:00', '12:00'), ...weekdays(south, '13:00', '17:00')],
});
const visit = aVisitType({ providers: [doctor] });
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(aNetwork({ clinics: [north, south], clinicians: [doctor], visitTypes: [visit] }), {
    now: () => new Date('2026-11-30T14:00:00Z'),
  });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [north.slug, south.slug] },
    { email: 'dr@example.com', role: 'provider', locations: [north.slug, south.slug], provider: doctor.slug },
  ]);
  for (const [clinic, time] of [
    [north, '09:00'],
    [south, '14:00'],
  ] as const) {
    const res = await t.request('/api/v1/appointments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        visitType: visit.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: `2026-12-01T${time}:00-07:00`,
        patient: {
          givenName: time,
          familyName: 'Week',
          birthDate: '1990-01-01',
          email: `w${time.slice(0, 2)}@example.com`,
          phone: null,
        },
      }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

const chosen = (html: string) => /<option value="([\w-]+)" selected/.exec(html)?.[1];

describe('the chosen clinic', () => {
  it('is the first clinic until one is chosen, then stays chosen across pages', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    expect(chosen(await (await desk.client.get('/staff')).text())).toBe(north.slug);
    expect(chosen(await (await desk.client.get(`/staff?location=${south.slug}`)).text())).toBe(south.slug);
    // The shortcuts' plain links (t, w, l, b) keep it.
    expect(chosen(await (await desk.client.get('/staff')).text())).toBe(south.slug);
    expect(await (await desk.client.get('/staff/week')).text()).toContain('South Clinic');
    expect(chosen(await (await desk.client.get('/staff/waitlist')).text())).toBe(south.slug);
    expect(chosen(await (await desk.client.get('/staff/book')).text())).toBe(south.slug);
    // A clinic that is not the user's is never chosen, even from the cookie.
    expect(chosen(await (await desk.client.get('/staff?location=elsewhere')).text())).toBe(south.slug);
  });

  it('shows a clinician who works at both clinics their week as a calendar, each visit naming its clinic', async () => {
    const dr = await signedIn(t, 'dr@example.com');
    const html = await (await dr.client.get('/staff/week?date=2026-12-01')).text();
    expect(html).toContain('class="week-grid"');
    const tuesday = html.slice(
      html.indexOf('>Tuesday, December 1</a>'),
      html.indexOf('>Wednesday, December 2</a>'),
    );
    expect(tuesday).toContain('2 visits');
    expect(tuesday).toMatch(/Week, 09:00[\s\S]*North Clinic[\s\S]*Week, 14:00[\s\S]*South Clinic/);
  });
});
