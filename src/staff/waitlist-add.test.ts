/**
 * The front desk adds a caller to the waiting list: the same entry and audit events as joining
 * online, a caller with only a phone number accepted, every wrong field named at once and
 * nothing written, and not for providers.
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
  weekdays,
} from '../../test/support/world.js';

// One clinic where two clinicians offer the same visit, so "any provider" and a named one differ.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '12:00') });
const colleague = aClinician({ schedule: weekdays(clinic, '13:00', '17:00') });
const visit = aVisitType({ providers: [doctor, colleague] });
const network = aNetwork({ clinics: [clinic], clinicians: [doctor, colleague], visitTypes: [visit] });

const clock = new Date('2026-11-30T16:00:00Z'); // Monday 09:00 in Arizona
let t: TestApp;
let desk: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'doc@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
  ]);
  desk = await signedIn(t, 'desk@example.com');
});
afterAll(async () => {
  await t.close();
});

const entries = () =>
  t.db.query<{ id: string; earliest: string; latest: string; provider_id: string | null }>(
    'SELECT id, earliest::text, latest::text, provider_id FROM waitlist_entries ORDER BY seq',
  );

const CALLER = {
  location: clinic.slug,
  visitType: visit.slug,
  provider: doctor.slug,
  from: '2026-12-01',
  to: '2026-12-15',
  givenName: 'Paz',
  familyName: 'Teléfono',
  birthDate: '1949-09-09',
  email: '',
  phone: '(602) 555-0149',
  language: 'es',
};

describe('adding a caller to the waiting list', () => {
  it('offers the clinic’s visit types and two weeks from today', async () => {
    const html = await (await desk.client.get(`/staff/waitlist/new?location=${clinic.slug}`)).text();
    expect(html).toContain(`value="${visit.slug}"`);
    expect(html).toContain('value="2026-11-30"');
    expect(html).toContain('value="2026-12-14"');
  });

  it('names every wrong field at once and writes nothing', async () => {
    const res = await desk.client.post('/staff/waitlist/new', {
      _csrf: desk.csrf,
      ...CALLER,
      visitType: '',
      from: '2026-11-29',
      phone: '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Choose the visit type.');
    expect(html).toContain('Enter the earliest day as a date, today or later.');
    expect(html).toContain('Enter an email address or a phone number');
    const tooLong = await desk.client.post('/staff/waitlist/new', {
      _csrf: desk.csrf,
      ...CALLER,
      to: '2027-04-01',
    });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('at most 90 days later');
    // The desk's fields are about the patient, not "your" (the patient pages' words).
    const unnamed = await desk.client.post('/staff/waitlist/new', {
      _csrf: desk.csrf,
      ...CALLER,
      givenName: '',
      birthDate: '23/04/1980',
    });
    expect(unnamed.status).toBe(422);
    const unnamedHtml = (await unnamed.text()).replace(/&#39;/g, "'");
    expect(unnamedHtml).toContain("Enter the patient's first name");
    expect(unnamedHtml).toContain("Enter the patient's date of birth as MM/DD/YYYY or YYYY-MM-DD");
    expect(unnamedHtml).not.toContain('Enter your');
    expect(await entries()).toEqual([]);
  });

  it('adds a caller with only a phone number, shown on the list, audited as the desk', async () => {
    const res = await desk.client.post('/staff/waitlist/new', { _csrf: desk.csrf, ...CALLER });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/waitlist?location=${clinic.slug}&done=added`);
    const [entry] = await entries();
    expect(entry).toMatchObject({ earliest: '2026-12-01', latest: '2026-12-15' });
    expect(entry!.provider_id).not.toBeNull();
    const list = await (await desk.client.get(res.headers.get('location')!)).text();
    expect(list).toContain('The caller is on the waiting list');
    expect(list).toContain('Teléfono, Paz');
    expect(list).toContain('(602) 555-0149');
    const [created] = await t.db.query<{ actor_type: string }>(
      "SELECT actor_type FROM audit_events WHERE action = 'create' AND entity_type = 'waitlist-entry' AND entity_id = $1",
      [entry!.id],
    );
    expect(created).toEqual({ actor_type: 'staff' });
  });

  it('is not for providers', async () => {
    const doc = await signedIn(t, 'doc@example.com');
    expect((await doc.client.get('/staff/waitlist/new')).status).toBe(404);
    expect((await doc.client.post('/staff/waitlist/new', { _csrf: doc.csrf, ...CALLER })).status).toBe(404);
    expect(await entries()).toHaveLength(1);
  });
});
