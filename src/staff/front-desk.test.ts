/**
 * The front desk's day: the clinic's schedule with names, check-in, undo and no-show (each only
 * when it makes sense), patient search and the week, all only at the desk's own clinic: another
 * clinic's visit and any intake look like pages that do not exist, and the tries are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { SELF_CARE } from '../../test/support/answers.js';
import { postJson } from '../../test/support/api.js';
import { auditWhere, createStaff, signedIn } from '../../test/support/staff.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  bookIn,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// Two Arizona clinics (UTC-7 all year), each with a clinician working 08:00 to 16:00 on weekdays.
// The desk works at the first; at the second a patient with the same family name as the desk's
// patient is booked at the same time: not in the desk's schedule or search, and not its to check
// in. The visit type (30 minutes, two hours' notice) lets both book 10:00 on Monday at 07:00.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const otherClinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const otherDoctor = aClinician({ schedule: weekdays(otherClinic, '08:00', '16:00') });
const visitType = aVisitType({
  providers: [doctor, otherDoctor],
  durationMinutes: 30,
  minNoticeMinutes: 120,
});
const network = aNetwork({
  clinics: [clinic, otherClinic],
  clinicians: [doctor, otherDoctor],
  visitTypes: [visitType],
});

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let ids: Record<string, string>;
let visit: { id: string }; // at the desk's clinic, with a self-check attached as its intake
let otherVisit: { id: string }; // at the other clinic

const IRIS = {
  givenName: 'Iris',
  familyName: 'Intake',
  birthDate: '1970-07-07',
  email: 'iris@example.com',
  phone: '480 555 0107',
};

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  ids = await createStaff(t, [{ email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] }]);
  const intake = await (
    await postJson(t, '/api/v1/assessments', { pathway: 'low-back-pain', answers: SELF_CARE })
  ).json();
  const monday10 = '2026-11-30T10:00:00-07:00';
  visit = await bookIn(t, { visitType, clinic, clinician: doctor, start: monday10, patient: IRIS, intake });
  otherVisit = await bookIn(t, {
    visitType,
    clinic: otherClinic,
    clinician: otherDoctor,
    start: monday10,
    patient: { ...IRIS, givenName: 'Tom' },
  });
  clock = new Date('2026-11-30T15:00:00Z'); // Monday 08:00: the desk's day has begun
});
afterAll(async () => {
  await t.close();
});

const audit = (where: string, params: unknown[] = []) => auditWhere(t, where, params);

describe('the front desk', () => {
  it('sees today’s schedule at its clinic with names, and one audit event per visit shown', async () => {
    const { client } = await signedIn(t, 'desk@example.com');
    const before = (await audit("action = 'list' AND entity_id = $1", [visit.id])).length;
    const html = await (await client.get('/staff')).text();
    expect(html).toContain(`Schedule for ${clinic.name}, Monday, November 30`);
    expect(html).toContain('Intake, Iris');
    expect(html).not.toContain('Intake, Tom');
    expect(html).toContain('Attached');
    expect(html).not.toContain('/intake"');
    const listed = await audit("action = 'list' AND entity_id = $1", [visit.id]);
    expect(listed).toHaveLength(before + 1);
  });

  it('checks a patient in on the day, undoes it, and marks a no-show only after the start time', async () => {
    const start = clock; // restored at the end: later tests sign in within this clock's window
    const { client, csrf } = await signedIn(t, 'desk@example.com');
    const status = async () =>
      (await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [visit.id]))[0]!
        .status;
    const back = `/staff?location=${clinic.slug}&date=2026-11-30`;
    expect(
      (await client.post(`/staff/appointments/${visit.id}/check-in`, { _csrf: csrf, back, status: 'booked' }))
        .status,
    ).toBe(303);
    expect(await status()).toBe('checked-in');
    // The schedule says what was done, and offers Undo right there.
    const notice = await (
      await client.get(`${back}&${new URLSearchParams({ done: 'checked-in', visit: visit.id })}`)
    ).text();
    expect(notice).toContain('Iris Intake is checked in.');
    expect(notice).toContain(`action="/staff/appointments/${visit.id}/undo"`);
    // Checked in by mistake: undo returns the visit to booked.
    expect(await (await client.get(back)).text()).toContain('Undo');
    await client.post(`/staff/appointments/${visit.id}/undo`, { _csrf: csrf, back, status: 'checked-in' });
    expect(await status()).toBe('booked');

    // Before 10:00 the visit has not started: no "Mark no-show" button, and the command is refused.
    expect(await (await client.get(back)).text()).not.toContain(`/staff/appointments/${visit.id}/no-show`);
    const early = await client.post(`/staff/appointments/${visit.id}/no-show`, {
      _csrf: csrf,
      status: 'booked',
    });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('only once its start time has passed');
    expect(await status()).toBe('booked');
    const refused = await audit("action = 'no-show' AND entity_id = $1 AND outcome = 'invalid'", [visit.id]);
    expect(refused).toHaveLength(1);

    // A page that showed "checked-in" is out of date now: its undo is refused, not done quietly.
    const stale = await client.post(`/staff/appointments/${visit.id}/undo`, {
      _csrf: csrf,
      status: 'checked-in',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('This visit changed since the page was shown');
    expect(
      await audit("action = 'undo-status' AND entity_id = $1 AND outcome = 'invalid'", [visit.id]),
    ).toHaveLength(1);

    // The day before, it cannot be checked in yet.
    clock = new Date('2026-11-29T17:00:00Z');
    const tooEarly = await client.post(`/staff/appointments/${visit.id}/check-in`, {
      _csrf: csrf,
      status: 'booked',
    });
    expect(tooEarly.status).toBe(409);
    expect(await tooEarly.text()).toContain('only on its day');
    expect(await status()).toBe('booked');

    clock = new Date('2026-11-30T17:30:00Z'); // 10:30 in Arizona (a new session: the old one idled out)
    const later = await signedIn(t, 'desk@example.com');
    expect(await (await later.client.get(`/staff/appointments/${visit.id}/no-show`)).text()).toContain(
      'Mark this visit as a no-show?',
    );
    await later.client.post(`/staff/appointments/${visit.id}/no-show`, {
      _csrf: later.csrf,
      status: 'booked',
    });
    expect(await status()).toBe('no-show');
    // A mistaken no-show is undone from the schedule by checking the patient in.
    const day = await (await later.client.get(back)).text();
    expect(day).toContain('Arrived after all: check in');
    await later.client.post(`/staff/appointments/${visit.id}/check-in`, {
      _csrf: later.csrf,
      status: 'no-show',
    });
    expect(await status()).toBe('checked-in');
    clock = start;
  });

  it('cannot act on another clinic’s visit or open an intake: both look like not found, and are audited', async () => {
    const { client, csrf } = await signedIn(t, 'desk@example.com');
    const [{ n: before }] = (await t.db.query<{ n: number }>(
      'SELECT max(id)::int AS n FROM audit_events',
    )) as [{ n: number }];
    expect((await client.post(`/staff/appointments/${otherVisit.id}/check-in`, { _csrf: csrf })).status).toBe(
      404,
    );
    expect((await client.get(`/staff/appointments/${visit.id}/intake`)).status).toBe(404);
    expect((await client.get('/staff/audit')).status).toBe(404);
    const denied = await audit("outcome IN ('denied', 'not-found') AND actor_id = $1 AND id > $2", [
      ids['desk@example.com'],
      before,
    ]);
    expect(denied.map((e) => e.action).sort()).toEqual(['check-in', 'read', 'read-intake']);
  });
});

describe('search and week view', () => {
  it('finds a patient’s visits by name or date of birth, only at the user’s clinics, audited', async () => {
    const { client, csrf } = await signedIn(t, 'desk@example.com');
    // A POST form: names and dates of birth never appear in a URL.
    const find = async (q: string) => (await client.post('/staff/search', { _csrf: csrf, q })).text();
    const byName = await find('intak');
    expect(byName).toContain('Intake, Iris');
    expect(byName).not.toContain('Intake, Tom'); // the other clinic: not this user's
    expect(byName).toContain('method="post" action="/staff/search"');
    const byDate = await find('1970-07-07');
    expect(byDate).toContain('Intake, Iris');
    expect(await find('%%')).not.toContain('Intake, Iris');
    expect(client.visited.some((path) => /intak|1970/.test(path))).toBe(false);
    expect((await audit("action = 'search' AND entity_id = $1", [visit.id])).length).toBe(2);
  });

  it('finds by name without accents, by MM/DD/YYYY, phone digits and email', async () => {
    await bookIn(t, {
      visitType,
      clinic,
      clinician: doctor,
      start: '2026-12-03T09:00:00-07:00',
      patient: {
        givenName: 'Álvaro',
        familyName: 'Martínez',
        birthDate: '1981-01-21',
        email: 'alvaro@example.com',
        phone: '602-555-0121',
      },
    });
    const { client, csrf } = await signedIn(t, 'desk@example.com');
    const find = async (q: string) => (await client.post('/staff/search', { _csrf: csrf, q })).text();
    for (const q of ['martinez', 'MARTÍ', 'alvaro mart', '1/21/1981', '(602) 555 0121', 'ALVARO@example.com'])
      expect(await find(q), q).toContain('Martínez, Álvaro');
    expect(await find('7/7/1970')).toContain('Intake, Iris');
    expect(await find('480.555.0107')).toContain('Intake, Iris');
    expect(await find('martinex')).not.toContain('Martínez');
  });

  it('shows the week with dates', async () => {
    const { client } = await signedIn(t, 'desk@example.com');
    const html = await (await client.get('/staff/week?date=2026-12-02')).text();
    expect(html).toContain('Week of Monday, November 30');
    // A calendar: the day's column, then its visits by time.
    const monday = html.slice(
      html.indexOf('>Monday, November 30</a>'),
      html.indexOf('>Tuesday, December 1</a>'),
    );
    expect(monday).toMatch(/<strong>10:00\sAM<\/strong>/);
  });
});

describe('what the desk typed and saw', () => {
  it('leaves no patient details in the logs', () => {
    expect(t.logs.text).not.toMatch(/Iris|iris@example\.com|1970-07-07|Álvaro|alvaro@example\.com/);
  });
});
