/**
 * Reach by role (ADR 23): a network administrator reaches every clinic, including one created after
 * their account, with no per-clinic rows; a clinic manager runs only the clinics assigned to them.
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

const north = aClinic();
const south = aClinic();
const northDoctor = aClinician({ schedule: weekdays(north, '08:00', '16:00') });
const southDoctor = aClinician({ schedule: weekdays(south, '08:00', '16:00') });
// Works at both: north early in the week, south at its end.
const sharedDoctor = aClinician({
  schedule: [...weekdays(north, '08:00', '16:00', [1, 2, 3]), ...weekdays(south, '08:00', '16:00', [4, 5])],
});
const consult = aVisitType({ providers: [northDoctor, southDoctor, sharedDoctor], minNoticeMinutes: 30 });
const world = aNetwork({
  clinics: [north, south],
  clinicians: [northDoctor, southDoctor, sharedDoctor],
  visitTypes: [consult],
});

const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let ids: Record<string, string>;

const locationId = async (slug: string) =>
  (await t.directory.get()).locations.find((l) => l.slug === slug)!.id;

beforeAll(async () => {
  t = await createWorldApp(world, { now: () => clock });
  ids = await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [north.slug] },
    { email: 'manager@example.com', role: 'clinic-manager', locations: [north.slug] },
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('network administrators', () => {
  it('are stored without clinic rows, and reach a clinic created after their account', async () => {
    const rows = await t.db.query(
      "SELECT 1 FROM staff_user_locations l JOIN staff_users u ON u.id = l.user_id WHERE u.email = 'admin@example.com'",
    );
    expect(rows).toHaveLength(0);
    await t.db.query(
      `INSERT INTO locations (slug, name, time_zone, street, city, region, postal_code, phone)
       VALUES ('late-clinic', 'Late Clinic', 'America/Phoenix', '9 Late St', 'Mesa', 'AZ', '85201', '480 555 0109')`,
    );
    t.directory.invalidate();
    const admin = await signedIn(t, 'admin@example.com');
    expect((await admin.client.get('/staff/admin/clinics/late-clinic')).status).toBe(200);
    const day = await admin.client.get('/staff?location=late-clinic&date=2026-11-30');
    expect(day.status).toBe(200);
    expect(await day.text()).toContain('Late Clinic');
  });

  it('the access form makes a network administrator without asking for clinics, and stores none', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    const res = await admin.client.post(`/staff/admin/staff/${ids['desk@example.com']}/access`, {
      _csrf: admin.csrf,
      role: 'admin',
      provider: '',
    });
    expect(res.status).toBe(303);
    const rows = await t.db.query('SELECT 1 FROM staff_user_locations WHERE user_id = $1', [
      ids['desk@example.com'],
    ]);
    expect(rows).toHaveLength(0);
    const page = await (await admin.client.get('/staff/admin/staff')).text();
    expect(page).toContain('All clinics');
    // A clinic manager needs clinics: refused with the field named, nothing stored.
    const none = await admin.client.post(`/staff/admin/staff/${ids['desk@example.com']}/access`, {
      _csrf: admin.csrf,
      role: 'clinic-manager',
      provider: '',
    });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Choose at least one clinic');
    const [row] = await t.db.query<{ role: string }>('SELECT role FROM staff_users WHERE id = $1', [
      ids['desk@example.com'],
    ]);
    expect(row!.role).toBe('admin');
    // Back to the front desk of one clinic.
    const back = await admin.client.post(`/staff/admin/staff/${ids['desk@example.com']}/access`, {
      _csrf: admin.csrf,
      role: 'front-desk',
      locations: [await locationId(north.slug)],
      provider: '',
    });
    expect(back.status).toBe(303);
  });
});

const auditSince = async (mark: number) =>
  t.db.query<{ action: string; entity_type: string; outcome: string }>(
    'SELECT action, entity_type, outcome FROM audit_events WHERE id > $1 ORDER BY id',
    [mark],
  );
const lastAudit = async () =>
  (await t.db.query<{ n: number }>('SELECT COALESCE(max(id), 0)::int AS n FROM audit_events'))[0]!.n;

async function book(provider: string, location: string, start: string) {
  const res = await t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      visitType: consult.slug,
      location,
      provider,
      start,
      patient: {
        givenName: 'Mina',
        familyName: 'Manageable',
        birthDate: '1970-01-01',
        email: 'mina@example.com',
        phone: '480 555 0170',
      },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('clinic managers', () => {
  it('see their clinics and the providers working there, nothing of the network', async () => {
    const m = await signedIn(t, 'manager@example.com');
    const day = await (await m.client.get(`/staff?location=${north.slug}&date=2026-11-30`)).text();
    expect(day).toContain('href="/staff/admin"');
    expect(day).not.toContain('href="/staff/audit"');
    const areas = await (await m.client.get('/staff/admin')).text();
    expect(areas).toContain('href="/staff/admin/clinics"');
    expect(areas).toContain('href="/staff/admin/providers"');
    expect(areas).not.toContain('href="/staff/admin/staff"');
    expect(areas).not.toContain('href="/staff/admin/visit-types"');
    const clinics = await (await m.client.get('/staff/admin/clinics')).text();
    expect(clinics).toContain(north.name);
    expect(clinics).not.toContain(south.name);
    const providers = await (await m.client.get('/staff/admin/providers')).text();
    expect(providers).toContain(northDoctor.displayName);
    expect(providers).toContain(sharedDoctor.displayName);
    expect(providers).not.toContain(southDoctor.displayName);
    // Their clinic's page: hours and closures as forms, the details as text.
    const page = await (await m.client.get(`/staff/admin/clinics/${north.slug}`)).text();
    expect(page).toContain(`action="/staff/admin/clinics/${north.slug}/hours"`);
    expect(page).not.toContain(`action="/staff/admin/clinics/${north.slug}/details"`);
    // A provider's page: time off only.
    const doctor = await (await m.client.get(`/staff/admin/providers/${northDoctor.slug}`)).text();
    expect(doctor).toContain(`/staff/admin/providers/${northDoctor.slug}/time-off`);
    expect(doctor).not.toContain(`action="/staff/admin/providers/${northDoctor.slug}/profile"`);
  });

  it('change their clinic’s hours and closures and their providers’ time off, each audited', async () => {
    const m = await signedIn(t, 'manager@example.com');
    let mark = await lastAudit();
    const hours = await m.client.post(`/staff/admin/clinics/${north.slug}/hours`, {
      _csrf: m.csrf,
      'opens-1': '07:30',
      'closes-1': '18:00',
    });
    expect(hours.status).toBe(303);
    expect(await auditSince(mark)).toEqual([
      { action: 'update', entity_type: 'location', outcome: 'success' },
    ]);
    mark = await lastAudit();
    const closure = await m.client.post(`/staff/admin/clinics/${north.slug}/closures`, {
      _csrf: m.csrf,
      closedOn: '2026-12-24',
      reason: 'Holiday',
    });
    expect(closure.status).toBe(303);
    expect(await auditSince(mark)).toEqual([
      { action: 'create', entity_type: 'closure', outcome: 'success' },
    ]);
    mark = await lastAudit();
    const off = await m.client.post(`/staff/admin/providers/${northDoctor.slug}/time-off`, {
      _csrf: m.csrf,
      starts: '2026-12-14T08:00',
      ends: '2026-12-14T12:00',
      note: 'Course',
    });
    expect(off.status).toBe(303);
    expect(await auditSince(mark)).toEqual([
      { action: 'create', entity_type: 'time-off', outcome: 'success' },
    ]);
  });

  it('are refused (audited, "not found") on other clinics, their providers and the network’s pages', async () => {
    const m = await signedIn(t, 'manager@example.com');
    const refused: [string, Record<string, string>?][] = [
      [`/staff/admin/clinics/${south.slug}`],
      [`/staff/admin/clinics/${south.slug}/hours`, { 'opens-1': '08:00', 'closes-1': '12:00' }],
      [`/staff/admin/clinics/${south.slug}/closures`, { closedOn: '2026-12-24', reason: 'x' }],
      [`/staff/admin/clinics/${north.slug}/details`, {}],
      [`/staff/admin/providers/${southDoctor.slug}`],
      [`/staff/admin/providers/${southDoctor.slug}/time-off`],
      [`/staff/admin/providers/${northDoctor.slug}/profile`, {}],
      [`/staff/admin/providers/${northDoctor.slug}/blocks`, {}],
      ['/staff/admin/visit-types'],
      ['/staff/admin/staff'],
      ['/staff/admin/staff/invite'],
      ['/staff/admin/fhir-clients'],
      ['/staff/admin/pathways'],
      ['/staff/audit'],
      ['/staff/outbox'],
    ];
    for (const [path, form] of refused) {
      const mark = await lastAudit();
      const res = form ? await m.client.post(path, { _csrf: m.csrf, ...form }) : await m.client.get(path);
      expect(res.status, path).toBe(404);
      expect(
        (await auditSince(mark)).map((e) => e.outcome),
        path,
      ).toEqual(['denied']);
    }
    // The front desk is refused the administration altogether.
    const desk = await signedIn(t, 'desk@example.com');
    expect((await desk.client.get('/staff/admin')).status).toBe(404);
    expect((await desk.client.get(`/staff/admin/clinics/${north.slug}`)).status).toBe(404);
  });

  it('cannot add time off that falls on visits at a clinic they do not manage; nothing is saved', async () => {
    // Thursday 3 December: the shared doctor is at the south clinic.
    await book(sharedDoctor.slug, south.slug, '2026-12-03T10:00:00-07:00');
    const m = await signedIn(t, 'manager@example.com');
    const res = await m.client.post(`/staff/admin/providers/${sharedDoctor.slug}/time-off`, {
      _csrf: m.csrf,
      starts: '2026-12-03T08:00',
      ends: '2026-12-03T16:00',
      note: '',
    });
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(text).toContain('clinics you do not manage');
    expect(text).not.toContain('Manageable');
    const saved = await t.db.query(
      'SELECT 1 FROM provider_time_off o JOIN providers p ON p.id = o.provider_id WHERE p.slug = $1',
      [sharedDoctor.slug],
    );
    expect(saved).toHaveLength(0);
  });

  it('are invited and assigned by a network administrator on the staff pages', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    const form = await (await admin.client.get('/staff/admin/staff/invite')).text();
    expect(form).toContain('value="clinic-manager"');
    const res = await admin.client.post('/staff/admin/staff/invite', {
      _csrf: admin.csrf,
      email: 'new.manager@example.com',
      displayName: 'Nora Manager',
      role: 'clinic-manager',
      locations: [await locationId(south.slug)],
      provider: '',
    });
    expect(res.status).toBe(303);
    const [row] = await t.db.query<{ role: string; n: number }>(
      "SELECT role, cardinality(location_ids) AS n FROM staff_invites WHERE email = 'new.manager@example.com'",
    );
    expect(row).toEqual({ role: 'clinic-manager', n: 1 });
    const assign = await admin.client.post(`/staff/admin/staff/${ids['desk@example.com']}/access`, {
      _csrf: admin.csrf,
      role: 'clinic-manager',
      locations: [await locationId(south.slug)],
      provider: '',
    });
    expect(assign.status).toBe(303);
    const now = await signedIn(t, 'desk@example.com');
    expect((await now.client.get(`/staff/admin/clinics/${south.slug}`)).status).toBe(200);
    expect((await now.client.get(`/staff/admin/clinics/${north.slug}`)).status).toBe(404);
  });
});
