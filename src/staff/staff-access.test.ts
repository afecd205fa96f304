/**
 * Who sees what beyond the front desk's day: a clinician reads only their own patients' intakes,
 * administrators the audit trail (which nobody can change) and the failed messages; a page a user
 * may not see looks like one that does not exist.
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

// One Arizona clinic (UTC-7 all year) where two clinicians work 08:00 to 16:00 on weekdays: the
// visit with an intake is the first one's, and the second, at the same clinic, may not read it.
// A 30-minute visit type with two hours' notice lets the visit be booked for 10:00 at 07:00.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const colleague = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const visitType = aVisitType({ providers: [doctor, colleague], durationMinutes: 30, minNoticeMinutes: 120 });
const network = aNetwork({ clinics: [clinic], clinicians: [doctor, colleague], visitTypes: [visitType] });

const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let ids: Record<string, string>;
let visit: { id: string }; // the first clinician's, with intake

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  ids = await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'doctor@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
    { email: 'colleague@example.com', role: 'provider', locations: [clinic.slug], provider: colleague.slug },
  ]);
  // What the intake page shows: a red flag answered no, a caution answered yes, a pain score.
  const answers = { ...SELF_CARE, scoliosis: true, 'nsaid-caution': true, 'pain-score': 6 };
  const intake = await (
    await postJson(t, '/api/v1/assessments', { pathway: 'low-back-pain', answers })
  ).json();
  visit = await bookIn(t, {
    visitType,
    clinic,
    clinician: doctor,
    start: '2026-11-30T10:00:00-07:00',
    patient: { givenName: 'Iris', familyName: 'Intake', birthDate: '1970-07-07', email: 'iris@example.com' },
    intake,
  });
});
afterAll(async () => {
  await t.close();
});

const audit = (where: string, params: unknown[] = []) => auditWhere(t, where, params);

describe('providers', () => {
  it('a clinician opens their patient’s intake: red flags as explicit yes/no, cautions, scores', async () => {
    const { client } = await signedIn(t, 'doctor@example.com');
    const schedule = await (await client.get('/staff')).text();
    expect(schedule).toContain('Your schedule');
    const html = await (await client.get(`/staff/appointments/${visit.id}/intake`)).text();
    expect(html).toContain('Pre-visit intake: Iris Intake');
    expect(html).toMatch(/numbness or a different feeling around your genitals[\s\S]*?<strong>No<\/strong>/i);
    expect(html).toMatch(/kidney disease[\s\S]*?<strong>Yes<\/strong>/);
    expect(html).toContain('Book a visit in the next few days');
    const reads = await audit("action = 'read-intake' AND outcome = 'success' AND actor_id = $1", [
      ids['doctor@example.com'],
    ]);
    expect(reads).toHaveLength(1);
  });

  it('reads their day without the desk’s status buttons, and the status routes refuse them', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    const deskDay = await (await desk.client.get('/staff')).text();
    expect(deskDay).toContain(`action="/staff/appointments/${visit.id}/check-in"`);
    const { client, csrf } = await signedIn(t, 'doctor@example.com');
    const day = await (await client.get('/staff')).text();
    expect(day).toContain('Intake, Iris');
    expect(day).not.toMatch(/check-in"|\/no-show"|\/undo"|>Actions</);
    const [{ n: before }] = (await t.db.query<{ n: number }>(
      'SELECT max(id)::int AS n FROM audit_events',
    )) as [{ n: number }];
    const back = '/staff';
    expect([
      (await client.post(`/staff/appointments/${visit.id}/check-in`, { _csrf: csrf, back, status: 'booked' }))
        .status,
      (await client.get(`/staff/appointments/${visit.id}/no-show`)).status,
      (await client.post(`/staff/appointments/${visit.id}/no-show`, { _csrf: csrf, back, status: 'booked' }))
        .status,
      (await client.post(`/staff/appointments/${visit.id}/undo`, { _csrf: csrf, back, status: 'booked' }))
        .status,
    ]).toEqual([404, 404, 404, 404]);
    const events = await audit('actor_id = $1 AND id > $2', [ids['doctor@example.com'], before]);
    expect(events.map((e) => `${e.action} ${e.outcome}`)).toEqual([
      'check-in denied',
      'read denied',
      'no-show denied',
      'undo-status denied',
    ]);
    const [row] = await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [
      visit.id,
    ]);
    expect(row!.status).toBe('booked');
  });

  it('another provider at the same clinic cannot open it', async () => {
    const { client } = await signedIn(t, 'colleague@example.com');
    expect((await client.get(`/staff/appointments/${visit.id}/intake`)).status).toBe(404);
  });
});

describe('administrators and the audit trail', () => {
  it('reads the audit trail as a page and through the API; others get not found', async () => {
    const { client } = await signedIn(t, 'admin@example.com');
    const page = await (await client.get(`/staff/audit?entity=${visit.id}`)).text();
    expect(page).toContain(visit.id);
    const api = await client.get('/api/v1/audit-events?entity=' + visit.id);
    expect(api.status).toBe(200);
    const { events } = await api.json();
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e: any) => e.entityId === visit.id)).toBe(true);
    const desk = await signedIn(t, 'desk@example.com');
    expect((await desk.client.get('/api/v1/audit-events')).status).toBe(404);
    expect((await client.get('/staff/outbox')).status).toBe(200);
  });

  it('the database refuses to change or delete audit events', async () => {
    await expect(t.db.query("UPDATE audit_events SET outcome = 'success'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });

  it('no patient details in the logs', () => {
    expect(t.logs.text).not.toMatch(/Iris|iris@example\.com|1970-07-07/);
  });
});

describe('failed messages', () => {
  it('administrators see a warning on the schedule when messages failed permanently', async () => {
    await t.db.query(
      "INSERT INTO outbox_messages (dedupe_key, kind, recipient, language, subject, text_body, html_body, status) VALUES ('test:failed', 'test', 'x@example.com', 'en', 's', 't', 'h', 'failed')",
    );
    const { client } = await signedIn(t, 'admin@example.com');
    expect(await (await client.get('/staff')).text()).toContain('Messages that could not be sent: 1');
    const desk = await signedIn(t, 'desk@example.com');
    expect(await (await desk.client.get('/staff')).text()).not.toContain('could not be sent');
  });
});

describe('a staff page that does not exist', () => {
  it('answers 404 inside the staff frame, with a way back, for a signed-in user', async () => {
    const { client } = await signedIn(t, 'desk@example.com');
    const res = await client.get('/staff/no-such-page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('href="/staff"');
    expect(html).toContain('Carepath Staff');
    // A record this user may not see looks the same.
    const hidden = await client.get('/staff/appointments/00000000-0000-4000-8000-000000000000');
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toContain('Page not found');
  });
});
