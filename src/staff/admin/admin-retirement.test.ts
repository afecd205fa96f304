/**
 * Adding and retiring clinics, providers and visit types (ADR 23): a bad form names each problem
 * and writes nothing; a retired one leaves the public pages, the API, slot search and FHIR, while
 * its past visits and patients' links keep working; visits still to come are shown first.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedIn } from '../../../test/support/staff.js';
import type { TestApp } from '../../../test/support/test-app.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../../test/support/world.js';

const east = aClinic();
const west = aClinic();
const eastDoctor = aClinician({ schedule: weekdays(east, '08:00', '16:00') });
const westDoctor = aClinician({ schedule: weekdays(west, '08:00', '16:00') });
const consult = aVisitType({ providers: [eastDoctor, westDoctor], minNoticeMinutes: 30 });
const followUp = aVisitType({ providers: [eastDoctor], minNoticeMinutes: 30 });
const world = aNetwork({
  clinics: [east, west],
  clinicians: [eastDoctor, westDoctor],
  visitTypes: [consult, followUp],
});

const clock = { now: new Date('2026-11-30T14:00:00Z') }; // Monday 07:00 in Arizona
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;

const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const json = async (path: string) => (await t.request(path)).json() as Promise<any>;

async function book(provider: string, location: string, start: string, visitType = consult.slug) {
  const res = await t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      visitType,
      location,
      provider,
      start,
      patient: {
        givenName: 'Rhea',
        familyName: 'Retiree',
        birthDate: '1960-03-03',
        email: 'rhea@example.com',
        phone: '480 555 0133',
      },
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; manageToken: string };
}

beforeAll(async () => {
  t = await createWorldApp(world, { now: () => clock.now });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [east.slug, west.slug] },
  ]);
  admin = await signedIn(t, 'admin@example.com');
});
afterAll(async () => {
  await t.close();
});

describe('adding', () => {
  it('a clinic: a bad form names each field and writes nothing; a good one is listed at once', async () => {
    const before = await count('locations');
    const bad = await admin.client.post('/staff/admin/clinics/new', {
      _csrf: admin.csrf,
      slug: 'Not A Slug',
      name: '',
      timeZone: 'Mars/Olympus',
      street: '1 St',
      city: 'Mesa',
      region: 'AZ',
      postalCode: '852',
      phone: '480 555 0100',
    });
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('<title>Error:');
    for (const id of ['#slug', '#name', '#timeZone', '#postalCode']) expect(text).toContain(`href="${id}"`);
    const taken = await admin.client.post('/staff/admin/clinics/new', {
      _csrf: admin.csrf,
      slug: east.slug,
      name: 'Another',
      timeZone: 'America/Phoenix',
      street: '1 St',
      city: 'Mesa',
      region: 'AZ',
      postalCode: '85201',
      phone: '480 555 0100',
    });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain(`already used by ${east.name}`);
    expect(await count('locations')).toBe(before);
    const ok = await admin.client.post('/staff/admin/clinics/new', {
      _csrf: admin.csrf,
      slug: 'gilbert',
      name: 'Gilbert',
      timeZone: 'America/Phoenix',
      street: '2 Gilbert Rd',
      city: 'Gilbert',
      region: 'AZ',
      postalCode: '85233',
      phone: '480 555 0102',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/staff/admin/clinics/gilbert');
    expect((await json('/api/v1/locations')).locations.map((l: { slug: string }) => l.slug)).toContain(
      'gilbert',
    );
  });

  it('a provider with languages and specialty, and a visit type', async () => {
    const bad = await admin.client.post('/staff/admin/providers/new', {
      _csrf: admin.csrf,
      slug: 'dr-new',
      displayName: 'Dr. New',
      bioEn: 'New.',
      bioEs: 'Nueva.',
    });
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('Choose the specialty');
    expect(text).toContain('Choose at least one language');
    const ok = await admin.client.post('/staff/admin/providers/new', {
      _csrf: admin.csrf,
      slug: 'dr-new',
      displayName: 'Dr. New',
      credentials: 'DO',
      specialty: 'pain-management',
      languages: ['en', 'es'],
      bioEn: 'New.',
      bioEs: 'Nueva.',
    });
    expect(ok.status).toBe(303);
    const p = await json('/api/v1/providers/dr-new');
    expect(p).toMatchObject({ specialty: 'pain-management', languages: ['en', 'es'] });
    const vt = await admin.client.post('/staff/admin/visit-types/new', {
      _csrf: admin.csrf,
      slug: 'new-visit',
      nameEn: 'New visit',
      nameEs: 'Consulta nueva',
      descriptionEn: 'New.',
      descriptionEs: 'Nueva.',
      durationMinutes: '20',
      bufferMinutes: '0',
      minNoticeMinutes: '60',
      horizonDays: '30',
    });
    expect(vt.status).toBe(303);
    expect((await json('/api/v1/visit-types')).visitTypes.map((v: { slug: string }) => v.slug)).toContain(
      'new-visit',
    );
    const [audit] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'create' AND entity_type IN ('location', 'provider', 'visit-type')",
    );
    expect(audit!.n).toBe(3);
  });
});

describe('retiring', () => {
  it('a clinic leaves search, booking, the public pages and FHIR; its past visit and link still work; it comes back', async () => {
    const past = await book(westDoctor.slug, west.slug, '2026-11-30T09:00:00-07:00');
    clock.now = new Date('2026-11-30T20:00:00Z'); // 13:00: the visit is over
    admin = await signedIn(t, 'admin@example.com'); // the morning's session has timed out
    const res = await admin.client.post(`/staff/admin/clinics/${west.slug}/retire`, { _csrf: admin.csrf });
    expect(res.status).toBe(303);
    expect((await t.request(`/clinics/${west.slug}`)).status).toBe(404);
    expect((await json('/api/v1/locations')).locations.map((l: { slug: string }) => l.slug)).not.toContain(
      west.slug,
    );
    const fhir = await json('/fhir/Location');
    expect(JSON.stringify(fhir)).not.toContain(west.name);
    const slots = await t.request(
      `/api/v1/slots?visitType=${consult.slug}&location=${west.slug}&from=2026-12-01&to=2026-12-01`,
    );
    expect(slots.status).not.toBe(200);
    const anywhere = await json(`/api/v1/slots?visitType=${consult.slug}&from=2026-12-01&to=2026-12-01`);
    expect(anywhere.slots.some((s: { location: string }) => s.location === west.slug)).toBe(false);
    // The past visit: the staff page and the patient's own link.
    expect((await admin.client.get(`/staff/appointments/${past.id}`)).status).toBe(200);
    expect((await t.request(`/appointments/manage/${past.manageToken}`)).status).toBe(200);
    // Listed as retired, and re-activated from the list.
    expect(await (await admin.client.get('/staff/admin/clinics')).text()).toContain(
      `/staff/admin/clinics/${west.slug}/reactivate`,
    );
    const back = await admin.client.post(`/staff/admin/clinics/${west.slug}/reactivate`, {
      _csrf: admin.csrf,
    });
    expect(back.status).toBe(303);
    expect((await t.request(`/clinics/${west.slug}`)).status).toBe(200);
    const events = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'location' AND action IN ('retire', 'reactivate') ORDER BY id",
    );
    expect(events.map((e) => e.action)).toEqual(['retire', 'reactivate']);
  });

  it('a provider with visits to come shows them first; cancelling them retires the provider and tells each patient', async () => {
    const coming = await book(eastDoctor.slug, east.slug, '2026-12-02T10:00:00-07:00');
    const ask = await admin.client.post(`/staff/admin/providers/${eastDoctor.slug}/retire`, {
      _csrf: admin.csrf,
    });
    expect(ask.status).toBe(409);
    const page = await ask.text();
    expect(page).toContain('Retiree');
    expect(page).not.toContain('name="decision" value="keep"');
    expect((await json('/api/v1/providers')).providers.map((p: { slug: string }) => p.slug)).toContain(
      eastDoctor.slug,
    );
    // A decision about other visits than these is asked again.
    const stale = await admin.client.post(`/staff/admin/providers/${eastDoctor.slug}/retire`, {
      _csrf: admin.csrf,
      decision: 'cancel',
      seen: randomUUID(),
    });
    expect(stale.status).toBe(409);
    const done = await admin.client.post(`/staff/admin/providers/${eastDoctor.slug}/retire`, {
      _csrf: admin.csrf,
      decision: 'cancel',
      seen: coming.id,
    });
    expect(done.status).toBe(303);
    const [visit] = await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [
      coming.id,
    ]);
    expect(visit!.status).toBe('cancelled');
    const [message] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_messages WHERE appointment_id = $1 AND kind = 'appointment-cancelled'",
      [coming.id],
    );
    expect(message!.n).toBe(1);
    expect((await json('/api/v1/providers')).providers.map((p: { slug: string }) => p.slug)).not.toContain(
      eastDoctor.slug,
    );
    expect((await t.request(`/api/v1/providers/${eastDoctor.slug}`)).status).toBe(404);
    // The visit type only they offered is offered by nobody now.
    expect((await json(`/api/v1/visit-types/${followUp.slug}`)).providers).toEqual([]);
    // The cancelled visit's page and link still work.
    expect((await admin.client.get(`/staff/appointments/${coming.id}`)).status).toBe(200);
    expect((await t.request(`/appointments/manage/${coming.manageToken}`)).status).toBe(200);
  });

  it('a visit type leaves the list and slot search', async () => {
    const res = await admin.client.post(`/staff/admin/visit-types/${consult.slug}/retire`, {
      _csrf: admin.csrf,
    });
    expect(res.status).toBe(303);
    expect((await json('/api/v1/visit-types')).visitTypes.map((v: { slug: string }) => v.slug)).not.toContain(
      consult.slug,
    );
    const slots = await t.request(`/api/v1/slots?visitType=${consult.slug}&from=2026-12-01&to=2026-12-01`);
    expect(slots.status).not.toBe(200);
    expect((await admin.client.get(`/staff/admin/visit-types/${consult.slug}`)).status).toBe(404);
  });
});
