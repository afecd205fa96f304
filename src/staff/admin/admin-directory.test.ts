import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClinic, aClinician, aNetwork, aVisitType, weekdays } from '../../../test/support/world.js';
import { adminTestApp, session, type AdminTestContext } from './admin-test-support.js';

const openOn = (days: number[]) => days.map((d) => [d, '08:00', '17:00'] as [number, string, string]);
// Each clinic plays one part, so no test's change shows in another's assertions. The desk works
// at `home`, whose closure must empty its slot search; `sixDays` (Monday to Saturday) has its hours
// replaced by five; refused hours must leave `fiveDays` as it was; `renamed` gets new details;
// `annex`, open every day, is where a clinician gets a second block of hours.
const home = aClinic();
const sixDays = aClinic({ hours: openOn([1, 2, 3, 4, 5, 6]) });
const fiveDays = aClinic({ hours: openOn([1, 2, 3, 4, 5]) });
const renamed = aClinic();
const annex = aClinic();
// `doctor` gives `home` times on December 2 and 3; `walker` already works at `home` on Mondays
// at midday; `ramirez` offers only the consultation until given `internal` instead.
const doctor = aClinician({ schedule: weekdays(home, '08:00', '12:00') });
const walker = aClinician({ schedule: weekdays(home, '08:00', '17:00', [1, 2, 3]) });
const ramirez = aClinician({ schedule: weekdays(home, '08:00', '17:00', [2]) });
// The consultation is the one refused a bad length (it stays 30 minutes); the follow-up gets new
// settings.
const consult = aVisitType({ providers: [doctor, walker, ramirez], durationMinutes: 30 });
const followUp = aVisitType({ providers: [doctor] });
const internal = aVisitType({ providers: [walker] });
const world = aNetwork({
  clinics: [home, sixDays, fiveDays, renamed, annex],
  clinicians: [doctor, walker, ramirez],
  visitTypes: [consult, followUp, internal],
});
let x: AdminTestContext;
beforeAll(async () => {
  x = await adminTestApp(world, { deskAt: home });
});
afterAll(async () => {
  await x.t.close();
});

const lastAuditId = async () =>
  (await x.t.db.query<{ n: number | null }>('SELECT max(id)::int AS n FROM audit_events'))[0]!.n ?? 0;

describe('only administrators', () => {
  it('a front-desk user gets 404 on every admin route, and each denial is audited', async () => {
    const { client, csrf } = await session(x.t, 'desk@example.com');
    const before = await lastAuditId();
    const gets = [
      '/staff/admin',
      '/staff/admin/clinics',
      `/staff/admin/clinics/${home.slug}`,
      '/staff/admin/providers',
      `/staff/admin/providers/${doctor.slug}`,
      `/staff/admin/providers/${doctor.slug}/time-off`,
      '/staff/admin/visit-types',
      `/staff/admin/visit-types/${consult.slug}`,
      '/staff/admin/staff',
      '/staff/admin/staff/invite',
      `/staff/admin/staff/${x.ids.admin}`,
      '/staff/admin/pathways',
    ];
    const posts = [
      `/staff/admin/clinics/${home.slug}/details`,
      `/staff/admin/clinics/${home.slug}/hours`,
      `/staff/admin/clinics/${home.slug}/closures`,
      `/staff/admin/clinics/${home.slug}/closures/2026-12-24/remove`,
      `/staff/admin/providers/${doctor.slug}/profile`,
      `/staff/admin/providers/${doctor.slug}/visit-types`,
      `/staff/admin/providers/${doctor.slug}/blocks`,
      `/staff/admin/providers/${doctor.slug}/time-off`,
      `/staff/admin/visit-types/${consult.slug}`,
      '/staff/admin/staff/invite',
      `/staff/admin/staff/${x.ids.admin}/access`,
      `/staff/admin/staff/${x.ids.admin}/deactivate`,
      `/staff/admin/staff/${x.ids.admin}/reactivate`,
    ];
    for (const path of gets) expect((await client.get(path)).status, path).toBe(404);
    for (const path of posts)
      expect((await client.post(path, { _csrf: csrf, name: 'X' })).status, path).toBe(404);
    const denied = await x.t.db.query<{ action: string; entity_type: string }>(
      "SELECT action, entity_type FROM audit_events WHERE id > $1 AND actor_id = $2 AND outcome = 'denied'",
      [before, x.ids.desk],
    );
    expect(denied).toHaveLength(gets.length + posts.length);
    // Nothing changed: the admin account is still active and an admin.
    const [admin] = await x.t.db.query<{ active: boolean }>('SELECT active FROM staff_users WHERE id = $1', [
      x.ids.admin,
    ]);
    expect(admin!.active).toBe(true);
  });
});

describe('clinics', () => {
  it('new opening hours show at once in GET /api/v1/locations/<slug>', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    expect((await (await x.t.request(`/api/v1/locations/${sixDays.slug}`)).json()).hours).toHaveLength(6);
    const hours: Record<string, string> = { _csrf: csrf };
    for (const d of [1, 2, 3, 4, 5])
      Object.assign(hours, { [`opens-${d}`]: '08:00', [`closes-${d}`]: '16:30' });
    const res = await client.post(`/staff/admin/clinics/${sixDays.slug}/hours`, hours);
    expect(res.status).toBe(303);
    const after = await (await x.t.request(`/api/v1/locations/${sixDays.slug}`)).json();
    expect(after.hours).toEqual(
      [1, 2, 3, 4, 5].map((d) => expect.objectContaining({ weekday: d, opens: '08:00', closes: '16:30' })),
    );
    const [audit] = await x.t.db.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'location' AND actor_id = $1",
      [x.ids.admin],
    );
    expect(audit!.action).toBe('update');
  });

  it('refuses hours that close before they open, naming the day, and changes nothing', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post(`/staff/admin/clinics/${fiveDays.slug}/hours`, {
      _csrf: csrf,
      'opens-1': '17:00',
      'closes-1': '08:00',
      'opens-2': '8 am',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#closes-1"');
    expect(html).toContain('The closing time on Monday must be after the opening time');
    expect(html).toContain('Enter the opening time on Tuesday as HH:MM');
    expect((await (await x.t.request(`/api/v1/locations/${fiveDays.slug}`)).json()).hours).toHaveLength(5);
  });

  it('updates the details; a bad ZIP code is a 422 naming the field', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const fields = {
      _csrf: csrf,
      name: 'Carepath Phoenix Midtown',
      street: '1 Central Ave',
      city: 'Phoenix',
      region: 'AZ',
      postalCode: '85004',
      phone: '(602) 555-0199',
    };
    const bad = await client.post(`/staff/admin/clinics/${renamed.slug}/details`, {
      ...fields,
      postalCode: 'ABC',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter a ZIP code like 85251');
    expect((await client.post(`/staff/admin/clinics/${renamed.slug}/details`, fields)).status).toBe(303);
    const api = await (await x.t.request(`/api/v1/locations/${renamed.slug}`)).json();
    expect(api.name).toBe('Carepath Phoenix Midtown');
    expect(api.phone).toBe('(602) 555-0199');
  });

  it('a closure makes that date unbookable in the slot search; removing it opens it again', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const slots = async () =>
      (
        await (
          await x.t.request(
            `/api/v1/slots?visitType=${consult.slug}&location=${home.slug}&from=2026-12-02&to=2026-12-03`,
          )
        ).json()
      ).slots as { start: string }[];
    const on = (list: { start: string }[], day: string) => list.filter((s) => s.start.startsWith(day));
    expect(on(await slots(), '2026-12-02').length).toBeGreaterThan(0);
    const res = await client.post(`/staff/admin/clinics/${home.slug}/closures`, {
      _csrf: csrf,
      closedOn: '2026-12-02',
      reason: 'Staff training',
    });
    expect(res.status).toBe(303);
    const after = await slots();
    expect(on(after, '2026-12-02')).toEqual([]);
    expect(on(after, '2026-12-03').length).toBeGreaterThan(0);
    const page = await (await client.get(`/staff/admin/clinics/${home.slug}`)).text();
    expect(page).toContain('Staff training');
    const twice = await client.post(`/staff/admin/clinics/${home.slug}/closures`, {
      _csrf: csrf,
      closedOn: '2026-12-02',
      reason: 'Again',
    });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('already closed on this date');
    const past = await client.post(`/staff/admin/clinics/${home.slug}/closures`, {
      _csrf: csrf,
      closedOn: '2026-11-01',
      reason: 'Too late',
    });
    expect(past.status).toBe(422);
    await client.post(`/staff/admin/clinics/${home.slug}/closures/2026-12-02/remove`, { _csrf: csrf });
    expect(on(await slots(), '2026-12-02').length).toBeGreaterThan(0);
    const audits = await x.t.db.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'closure' AND outcome = 'success' ORDER BY id",
    );
    expect(audits.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});

describe('visit types', () => {
  it.each(['0', '1000', 'ten', ''])(
    'a duration of "%s" is a 422 naming the field, and nothing changes',
    async (value) => {
      const { client, csrf } = await session(x.t, 'admin@example.com');
      const form = await (await client.get(`/staff/admin/visit-types/${consult.slug}`)).text();
      expect(form).toContain('value="30"');
      const res = await client.post(`/staff/admin/visit-types/${consult.slug}`, {
        _csrf: csrf,
        nameEn: 'Changed name',
        nameEs: 'Nombre cambiado',
        descriptionEn: 'Changed',
        descriptionEs: 'Cambiado',
        durationMinutes: value,
        bufferMinutes: '0',
        minNoticeMinutes: '30',
        horizonDays: '30',
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('href="#durationMinutes"');
      expect(html).toContain('Enter the length of the visit as a whole number of minutes from 5 to 480');
      expect(html).toMatch(/<title>Error: /);
      const api = await (await x.t.request(`/api/v1/visit-types/${consult.slug}`)).json();
      expect(api.durationMinutes).toBe(30);
      expect(api.name).toBe(consult.name.en);
    },
  );

  it('saves valid settings, and the public API shows them at once', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post(`/staff/admin/visit-types/${followUp.slug}`, {
      _csrf: csrf,
      nameEn: 'Pain follow-up',
      nameEs: 'Seguimiento del dolor',
      descriptionEn: 'A short review.',
      descriptionEs: 'Una revisión corta.',
      durationMinutes: '25',
      bufferMinutes: '5',
      minNoticeMinutes: '60',
      horizonDays: '60',
    });
    expect(res.status).toBe(303);
    const api = await (await x.t.request(`/api/v1/visit-types/${followUp.slug}?lang=es`)).json();
    expect(api).toMatchObject({
      name: 'Seguimiento del dolor',
      durationMinutes: 25,
      bufferMinutes: 5,
      horizonDays: 60,
    });
  });
});

describe('providers', () => {
  it('a working block that would put a provider in two places at once is a clear form error, not a 500', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const before = await (await x.t.request(`/api/v1/providers/${walker.slug}`)).json();
    expect(before.locations).not.toContain(annex.slug);
    const res = await client.post(`/staff/admin/providers/${walker.slug}/blocks`, {
      _csrf: csrf,
      location: x.loc(annex.slug),
      weekday: '1',
      starts: '12:00',
      ends: '13:00',
      validFrom: '2026-12-01',
      validTo: '',
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('already works at that time on that day');
    const ok = await client.post(`/staff/admin/providers/${walker.slug}/blocks`, {
      _csrf: csrf,
      location: x.loc(annex.slug),
      weekday: '6',
      starts: '09:00',
      ends: '12:00',
      validFrom: '2026-12-01',
      validTo: '2027-01-31',
    });
    expect(ok.status).toBe(303);
    const api = await (await x.t.request(`/api/v1/providers/${walker.slug}`)).json();
    expect(api.locations).toContain(annex.slug);
  });

  it('edits the profile and the visit types offered', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    expect(
      (
        await client.post(`/staff/admin/providers/${ramirez.slug}/profile`, {
          _csrf: csrf,
          displayName: 'Dr. Lucía Ramírez',
          credentials: 'MD',
          bioEn: 'Internal medicine.',
          bioEs: 'Medicina interna.',
        })
      ).status,
    ).toBe(303);
    const d = await x.t.directory.get();
    const im = d.visitTypes.find((v) => v.slug === internal.slug)!.id;
    expect(
      (
        await client.post(`/staff/admin/providers/${ramirez.slug}/visit-types`, {
          _csrf: csrf,
          visitTypes: [im],
        })
      ).status,
    ).toBe(303);
    const api = await (await x.t.request(`/api/v1/providers/${ramirez.slug}`)).json();
    expect(api.name).toBe('Dr. Lucía Ramírez');
    expect(api.visitTypes).toEqual([internal.slug]);
  });
});

describe('pathways', () => {
  it('lists each pathway with its version and sign-off, read-only', async () => {
    const { client } = await session(x.t, 'admin@example.com');
    const html = await (await client.get('/staff/admin/pathways')).text();
    expect(html).toContain('Low back pain self-check');
    expect(html).toContain('1.0.0');
    expect(html).toContain('Not yet approved');
    // A pending version's "signed off by" is its file's placeholder, not a person: not shown.
    expect(html).not.toContain('Pending clinical review');
    expect(html).toContain('Read only');
    expect(html).not.toContain('<form method="post" action="/staff/admin/pathways');
  });
});
