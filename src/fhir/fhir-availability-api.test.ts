import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { validFhir } from '../../test/support/fhir-validate.js';
import { bookViaApi } from '../../test/support/api.js';

const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
const WEEK = { monday: '2026-12-07', sunday: '2026-12-13', nextMonday: '2026-12-14' };
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => {
  await t.close();
});

const json = async (path: string) => {
  const res = await t.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toContain('application/fhir+json');
  return res.json();
};
const ndjson = async (path: string) => {
  const res = await t.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/fhir+ndjson');
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
};
const expectValid = (resources: unknown[]) => {
  for (const r of resources) expect(validFhir(r), JSON.stringify(r).slice(0, 200)).toEqual([]);
};

describe('FHIR availability, public', () => {
  it('states what it implements in a valid R4 CapabilityStatement', async () => {
    const cs = await json('/fhir/metadata');
    expectValid([cs]);
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.rest[0].resource.map((r: { type: string }) => r.type)).toEqual([
      'Location',
      'Practitioner',
      'PractitionerRole',
      'HealthcareService',
      'Schedule',
      'Slot',
      'Appointment',
      'Patient',
      'Questionnaire',
      'QuestionnaireResponse',
    ]);
    // The SMART security extension points at the token endpoint.
    const oauth = cs.rest[0].security.extension[0].extension[0];
    expect(oauth).toEqual({ url: 'token', valueUri: 'http://localhost:3000/fhir/auth/token' });
  });

  it('reads and searches clinics, clinicians, visit types and schedules as valid resources', async () => {
    const locations = await json('/fhir/Location');
    expect(locations.total).toBe(4);
    const scottsdale = locations.entry.find((e: any) => e.resource.address.city === 'Scottsdale').resource;
    expect(scottsdale.hoursOfOperation.length).toBeGreaterThan(0);
    expect(await json(`/fhir/Location/${scottsdale.id}`)).toEqual(scottsdale);
    const evans = (await json('/fhir/Practitioner?name=evans')).entry.map((e: any) => e.resource);
    expect(evans).toHaveLength(1);
    const services = await json('/fhir/HealthcareService');
    const schedules = await json(`/fhir/Schedule?actor=Practitioner/${evans[0].id}`);
    expect(schedules.total).toBeGreaterThan(0);
    for (const s of schedules.entry)
      expect(s.resource.actor.map((a: any) => a.reference)).toContain(`Practitioner/${evans[0].id}`);
    expectValid([
      ...locations.entry.map((e: any) => e.resource),
      ...evans,
      ...services.entry.map((e: any) => e.resource),
      ...schedules.entry.map((e: any) => e.resource),
      locations,
    ]);
    const missing = await t.request('/fhir/Location/nope');
    expect(missing.status).toBe(404);
    expectValid([await missing.json()]);
  });

  it('names each clinician’s role at each clinic: specialty, visit types, hours (PractitionerRole)', async () => {
    const evans = (await json('/fhir/Practitioner?name=evans')).entry[0].resource;
    expect(evans.communication.length).toBeGreaterThan(0); // languages spoken
    const roles = await json(`/fhir/PractitionerRole?practitioner=Practitioner/${evans.id}`);
    expectValid([roles, ...roles.entry.map((e: any) => e.resource)]);
    expect(roles.total).toBeGreaterThan(0);
    const role = roles.entry[0].resource;
    expect(role.practitioner.reference).toBe(`Practitioner/${evans.id}`);
    expect(role.specialty[0].coding[0].code).toBe('pain-management');
    expect(role.healthcareService.length).toBeGreaterThan(0);
    expect(role.availableTime.length).toBeGreaterThan(0);
    const scottsdale = role.location[0].reference;
    const atClinic = await json(`/fhir/PractitionerRole?location=${scottsdale}&specialty=pain-management`);
    expect(atClinic.entry.map((e: any) => e.resource.id)).toContain(role.id);
    const internists = await json(`/fhir/PractitionerRole?specialty=internal-medicine`);
    expect(internists.entry.map((e: any) => e.resource.id)).not.toContain(role.id);
    expect(await json(`/fhir/PractitionerRole/${role.id}`)).toEqual(role);
  });

  it('publishes each pathway version as a valid Questionnaire', async () => {
    const all = await json('/fhir/Questionnaire');
    expectValid([all, ...all.entry.map((e: any) => e.resource)]);
    const versions = all.entry.map((e: any) => e.resource.id);
    expect(versions).toEqual(expect.arrayContaining(['low-back-pain-1.0.0', 'low-back-pain-1.1.0']));
    const current = await json('/fhir/Questionnaire?version=1.1.0');
    expect(current.total).toBe(1);
    expect(await json('/fhir/Questionnaire/low-back-pain-1.1.0')).toEqual(current.entry[0].resource);
    expect((await t.request('/fhir/Questionnaire/low-back-pain-9.9.9')).status).toBe(404);
  });

  it('offers exactly the times of GET /api/v1/slots, in the Slot search and in the week’s ndjson file', async () => {
    const d = await t.directory.get();
    const schedules = (await json('/fhir/Schedule')).entry.map((e: any) => e.resource);
    const scheduleKey = new Map<string, string>();
    const locationSlug = new Map(
      (await json('/fhir/Location')).entry.map((e: any) => [e.resource.id, e.resource.identifier[0].value]),
    );
    const providerSlug = new Map(
      (await json('/fhir/Practitioner')).entry.map((e: any) => [
        e.resource.id,
        e.resource.identifier[0].value,
      ]),
    );
    for (const s of schedules) {
      const [loc, prac] = s.actor.map((a: any) => a.reference.split('/')[1]);
      scheduleKey.set(
        s.id,
        `${locationSlug.get(loc)}|${providerSlug.get(prac)}|${s.serviceType[0].coding[0].code}`,
      );
    }
    const keyOf = (slot: any) => `${scheduleKey.get(slot.schedule.reference.split('/')[1])}|${slot.start}`;

    const api = new Set<string>();
    for (const v of d.visitTypes) {
      const res = await t.request(`/api/v1/slots?visitType=${v.slug}&from=${WEEK.monday}&to=${WEEK.sunday}`);
      for (const s of (await res.json()).slots)
        api.add(`${s.location}|${s.provider}|${s.visitType}|${s.start}`);
    }
    expect(api.size).toBeGreaterThan(100);

    // The search, page by page (500 a page) along its next links.
    const found: any[] = [];
    let next: string | undefined = `/fhir/Slot?start=ge${WEEK.monday}&start=lt${WEEK.nextMonday}&_count=500`;
    let pages = 0;
    while (next) {
      const page = await json(next);
      expect(page.total).toBe(api.size);
      found.push(...page.entry.map((e: any) => e.resource));
      const link = page.link.find((l: any) => l.relation === 'next');
      next = link ? new URL(link.url).pathname + new URL(link.url).search : undefined;
      pages++;
    }
    expect(pages).toBe(Math.ceil(api.size / 500));
    expect(found).toHaveLength(api.size);
    expect(new Set<string>(found.map(keyOf))).toEqual(api);

    const manifest = await (await t.request('/fhir/$bulk-publish')).json();
    const slotFile = manifest.output.find((o: any) => o.url.endsWith(`Slot-${WEEK.monday}.ndjson`));
    expect(slotFile.type).toBe('Slot');
    const fromFile = await ndjson(new URL(slotFile.url).pathname);
    expect(new Set(fromFile.map(keyOf))).toEqual(api);
    expectValid([...fromFile.slice(0, 50), ...found.slice(-20)]);
  });

  it('publishes a Scheduling Links manifest whose files reference each other', async () => {
    const manifest = await (await t.request('/fhir/$bulk-publish')).json();
    expect(manifest).toMatchObject({ request: expect.stringMatching(/\/fhir\/\$bulk-publish$/), error: [] });
    expect(manifest.output.map((o: any) => o.type)).toEqual([
      'Location',
      'Schedule',
      ...Array(8).fill('Slot'),
    ]);
    const path = (type: string) => new URL(manifest.output.find((o: any) => o.type === type).url).pathname;
    const locations = await ndjson(path('Location'));
    const schedules = await ndjson(path('Schedule'));
    expectValid([...locations, ...schedules]);
    const locationIds = new Set(locations.map((l) => `Location/${l.id}`));
    for (const s of schedules) expect(locationIds.has(s.actor[0].reference)).toBe(true);
    const scheduleIds = new Set(schedules.map((s) => `Schedule/${s.id}`));
    const slots = await ndjson(new URL(manifest.output[3].url).pathname);
    for (const slot of slots) {
      expect(scheduleIds.has(slot.schedule.reference)).toBe(true);
      expect(slot.id).toMatch(/^[A-Za-z0-9.]{1,64}$/);
    }
    expect((await t.request('/fhir/$bulk-publish/Slot-2030-01-07.ndjson')).status).toBe(404);
  });

  it('links each slot to the booking page with that time chosen, and to the clinic’s phone', async () => {
    const [slot] = (await json('/fhir/Slot?_count=1')).entry.map((e: any) => e.resource);
    const link = slot.extension.find((x: any) => x.url.endsWith('booking-deep-link')).valueUrl;
    const phone = slot.extension.find((x: any) => x.url.endsWith('booking-phone')).valueString;
    expect(phone).toMatch(/\(\d{3}\) \d{3}-\d{4}/);
    const page = await t.request(new URL(link).pathname + new URL(link).search);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="givenName"');
    expect(html).toContain(`value="${new URL(link).searchParams.get('start')}"`);
  });

  it('answers 304 to a poll that already has the data, and 400 OperationOutcome to a bad search', async () => {
    const first = await t.request('/fhir/$bulk-publish/Schedule.ndjson');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toContain('max-age');
    const again = await t.request('/fhir/$bulk-publish/Schedule.ndjson', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    for (const bad of ['/fhir/Slot?start=yesterday', '/fhir/Slot?start=ge2026-12-01&start=lt2027-03-01']) {
      const res = await t.request(bad);
      expect(res.status, bad).toBe(400);
      const outcome = await res.json();
      expectValid([outcome]);
      expect(outcome.issue[0].diagnostics).toMatch(/start/);
    }
  });

  it('stops offering a time once it is booked', async () => {
    const search = `/fhir/Slot?service-type=pain-follow-up&start=ge2026-12-02T09:00:00-07:00&start=le2026-12-02T09:00:00-07:00`;
    const before = (await json(search)).entry.map((e: any) => e.resource);
    const evansSlot = before.find((s: any) => s.extension[0].valueUrl.includes('provider=ben-evans'));
    expect(evansSlot.start).toBe('2026-12-02T09:00:00-07:00');
    const res = await bookViaApi(t, {
      visitType: 'pain-follow-up',
      location: 'scottsdale',
      provider: 'ben-evans',
      start: '2026-12-02T09:00:00-07:00',
    });
    expect(res.status).toBe(201);
    const after = (await json(search)).entry.map((e: any) => e.resource.id);
    expect(after).not.toContain(evansSlot.id);
  });
});
