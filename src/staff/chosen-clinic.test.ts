/** The clinic a front desk user chose stays chosen on the next pages and shortcuts. */
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
  ]);
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
});
