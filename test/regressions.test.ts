/** Regression tests for defects found in review (2026-11-25), one per finding. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from './support/test-app.js';
import { FormClient } from './support/form-client.js';
import { SELF_CARE } from './support/answers.js';
import { postJson } from './support/api.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  bookIn,
  createWorldApp,
  tryBookIn,
  weekdays,
} from './support/world.js';
import { auditEventsFor } from '../src/audit/audit.js';
import { safeError } from '../src/platform/logging/logger.js';
import { commandContext } from '../src/scheduling/command-context.js';
import { readAppointment, rescheduleAppointment } from '../src/scheduling/visit-changes.js';

// Two Arizona clinics (UTC-7 all year), each with a clinician working 08:00 to 16:00 on weekdays.
// The follow-up the tests book is 20 minutes with a 10-minute buffer and two hours' notice, with
// the first clinician only: a visit at 10:00 can be booked at 07:00 that day (7.), a 09:00 visit
// moved to 10:00, 11:00 or 12:00 (8.), and a 09:00 visit ends at 09:20, which the private link
// outlives by a day (the last test). The same-day visit a self-check with a warning sign leads to
// is offered at both clinics at half an hour's notice, so at 08:00 both have free times today (11.).
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const otherClinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const otherDoctor = aClinician({ schedule: weekdays(otherClinic, '08:00', '16:00') });
const followUp = aVisitType({
  providers: [doctor],
  durationMinutes: 20,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
const sameDay = aVisitType({
  providers: [doctor, otherDoctor],
  durationMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 30,
  horizonDays: 30,
});
const network = aNetwork({
  clinics: [clinic, otherClinic],
  clinicians: [doctor, otherDoctor],
  visitTypes: [followUp, sameDay],
  selfCheckVisitTypes: { sameDay, visit: followUp },
});

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
});
afterAll(async () => {
  await t.close();
});

const PATIENT = {
  givenName: 'Rita',
  familyName: 'Review',
  birthDate: '1981-01-01',
  email: 'rita@example.com',
  phone: '480 555 0106',
};
/** Rita's follow-up with the first clinician, at a time each test gives. */
const followUpWith = { visitType: followUp, clinic, clinician: doctor, patient: PATIENT };

describe('review fixes', () => {
  it('1. a check-in that finds an emergency changes the result page and blocks booking', async () => {
    const a = await (
      await postJson(t, '/api/v1/assessments', { pathway: 'low-back-pain', answers: SELF_CARE })
    ).json();
    const saved = clock;
    clock = new Date(a.checkIn.dueAt); // the check-in opens when it is due
    const checkIn = await postJson(
      t,
      `/api/v1/assessments/${a.id}/check-ins`,
      { improving: 'worse', newSigns: ['saddle'] },
      { authorization: `Bearer ${a.token}` },
    );
    expect(checkIn.status).toBe(201);
    clock = saved;
    const page = await (await t.request(`/self-check/r/${a.token}`)).text();
    expect(page).toContain('<h1>Call 911 now</h1>');
    const go = await t.request(`/self-check/r/${a.token}/book`);
    expect(go.headers.get('location')).toBe(`/self-check/r/${a.token}`);
    const res = await tryBookIn(t, { ...followUpWith, start: '2026-12-02T09:00:00-07:00', intake: a });
    expect(res.status).toBe(422);
    const got = await (
      await t.request(`/api/v1/assessments/${a.id}`, { headers: { authorization: `Bearer ${a.token}` } })
    ).json();
    expect(got.currentDisposition).toBe('emergency');
  });

  it('2. database errors are logged without their parameters', () => {
    const error = Object.assign(new Error('invalid input syntax for type date: "1990-02-31"'), {
      code: '22008',
      severity: 'ERROR',
      routine: 'DateTimeParseError',
      params: ['Rita', 'rita@example.com'],
      query: 'INSERT ...',
    });
    const logged = JSON.stringify(safeError(error));
    expect(logged).toContain('22008');
    expect(logged).not.toContain('rita@example.com');
    expect(logged).not.toContain('1990-02-31');
  });

  it('3. impossible dates, control characters and malformed ids are clear errors, never 500s', async () => {
    const bad = await tryBookIn(t, {
      ...followUpWith,
      start: '2026-12-02T10:00:00-07:00',
      patient: { ...PATIENT, birthDate: '1990-02-31' },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toBe('patient.birthDate');
    const nul = await tryBookIn(t, {
      ...followUpWith,
      start: '2026-12-02T10:00:00-07:00',
      patient: { ...PATIENT, givenName: 'Ri\u0000ta' },
    });
    expect(nul.status).toBe(422);
    expect(t.logs.text).not.toContain('rita@example.com');
    expect((await t.request(`/book?visitType=${sameDay.slug}&date=2027-02-30`)).status).toBe(200);
    expect((await t.request(`/es/book?visitType=${sameDay.slug}&date=2027-13-01`)).status).toBe(200);
    expect((await t.request('/api/v1/appointments/------------------------------------')).status).toBe(404);
    expect((await t.request('/api/v1/assessments/------------------------------------')).status).toBe(404);
    const cookie = await t.request('/self-check/q/bladder-bowel-change', {
      headers: { cookie: 'cp_selfcheck=------------------------------------.x' },
    });
    expect(cookie.status).toBe(303);
  });

  it('4. the self-check goes with one booking only', async () => {
    const a = await (
      await postJson(t, '/api/v1/assessments', {
        pathway: 'low-back-pain',
        answers: { ...SELF_CARE, scoliosis: true },
      })
    ).json();
    const client = new FormClient(t);
    await client.get(`/self-check/r/${a.token}/book`);
    const confirm = async (start: string, givenName: string) =>
      client.post('/book/confirm', {
        visitType: followUp.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start,
        ...PATIENT,
        givenName,
        idempotencyKey: `intake-${givenName}-key`,
      });
    await confirm('2026-12-03T09:00:00-07:00', 'First');
    expect(client.hasCookie('cp_intake')).toBe(false);
    await confirm('2026-12-03T10:00:00-07:00', 'Second');
    const rows = await t.db.query<{ given_name: string; assessment_id: string | null }>(
      "SELECT p.given_name, a.assessment_id FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.given_name IN ('First', 'Second') ORDER BY p.given_name",
    );
    expect(rows).toEqual([
      { given_name: 'First', assessment_id: a.id },
      { given_name: 'Second', assessment_id: null },
    ]);
  });

  it('5. a wrong intake token is audited as denied', async () => {
    const a = await (
      await postJson(t, '/api/v1/assessments', { pathway: 'low-back-pain', answers: SELF_CARE })
    ).json();
    await tryBookIn(t, {
      ...followUpWith,
      start: '2026-12-04T09:00:00-07:00',
      intake: { id: a.id, token: 'guess' },
    });
    const events = await auditEventsFor(t.db, 'assessment', a.id);
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toContain('read:denied');
  });

  it('6. an expired but unswept idempotency key can be used again', async () => {
    const key = { 'idempotency-key': 'reused-key-123' };
    const first = await bookIn(t, { ...followUpWith, start: '2026-12-07T09:00:00-07:00' }, key);
    clock = new Date(clock.getTime() + 49 * 3600_000);
    const again = await bookIn(t, { ...followUpWith, start: '2026-12-08T10:00:00-07:00' }, key);
    expect(again.id).not.toBe(first.id);
  });

  it('7. a visit that has started cannot be moved', async () => {
    clock = new Date('2026-12-09T14:00:00Z');
    const a = await bookIn(t, { ...followUpWith, start: '2026-12-09T10:00:00-07:00' });
    clock = new Date('2026-12-09T17:30:00Z');
    const res = await postJson(
      t,
      `/api/v1/appointments/${a.id}/reschedule`,
      { start: '2026-12-10T09:00:00-07:00' },
      { authorization: `Bearer ${a.manageToken}` },
    );
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('visit_started');
  });

  it('8. two moves of the same visit at once: one wins, the other is told it changed', async () => {
    clock = new Date('2026-12-09T14:00:00Z');
    const a = await bookIn(t, { ...followUpWith, start: '2026-12-14T09:00:00-07:00' });
    // Both moves read the visit before either writes (what "at once" means): the second carries a
    // stale read and is refused, never applied over the first. Deterministic at the command level.
    const ctx = commandContext(t.scheduling, { actorType: 'patient', requestId: 'regression-8' });
    const read = (await readAppointment(ctx, a.id, a.manageToken, { auditSuccess: false }))!;
    await rescheduleAppointment(ctx, read, { start: '2026-12-14T11:00:00-07:00' }, a.manageToken);
    await expect(
      rescheduleAppointment(ctx, read, { start: '2026-12-14T12:00:00-07:00' }, a.manageToken),
    ).rejects.toMatchObject({ code: 'visit_changed' });
    // Over HTTP, whether the two requests overlap depends on timing: each answer is a success or
    // visit_changed (never a 5xx or a lost update), and the visit ends at the last winner's time.
    const auth = { authorization: `Bearer ${a.manageToken}` };
    const results = await Promise.all([
      postJson(t, `/api/v1/appointments/${a.id}/reschedule`, { start: '2026-12-14T10:00:00-07:00' }, auth),
      postJson(t, `/api/v1/appointments/${a.id}/reschedule`, { start: '2026-12-14T12:00:00-07:00' }, auth),
    ]);
    const statuses = results.map((r) => r.status);
    expect(statuses).toContain(200);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect((await r.json()).code).toBe('visit_changed');
    }
    const [row] = await t.db.query<{ sequence: number }>('SELECT sequence FROM appointments WHERE id = $1', [
      a.id,
    ]);
    expect(row!.sequence).toBe(1 + statuses.filter((s) => s === 200).length);
  });

  it('9. leaving with an open offer passes the time to the next person', async () => {
    const join = (name: string) =>
      postJson(t, '/api/v1/waitlist', {
        visitType: followUp.slug,
        location: clinic.slug,
        from: '2026-12-15',
        to: '2026-12-20',
        patient: { ...PATIENT, givenName: name },
      });
    const first = await (await join('Uno')).json();
    await join('Dos');
    const a = await bookIn(t, { ...followUpWith, start: '2026-12-16T09:00:00-07:00' });
    await postJson(
      t,
      `/api/v1/appointments/${a.id}/cancel`,
      {},
      { authorization: `Bearer ${a.manageToken}` },
    );
    const client = new FormClient(t);
    await client.post(`/waitlist/${first.token}/leave`);
    const rows = await t.db.query<{ given_name: string; status: string }>(
      "SELECT p.given_name, w.status FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id WHERE p.given_name IN ('Uno', 'Dos') ORDER BY w.seq",
    );
    expect(rows.map((r) => `${r.given_name}:${r.status}`)).toEqual(['Uno:left', 'Dos:offered']);
  });

  it('11. an urgent result shows today’s free times at all clinics first', async () => {
    clock = new Date('2026-12-15T15:00:00Z'); // Tuesday 08:00 in Arizona
    const a = await (
      await postJson(t, '/api/v1/assessments', {
        pathway: 'low-back-pain',
        answers: { ...SELF_CARE, fever: true },
      })
    ).json();
    const client = new FormClient(t);
    await client.get(`/self-check/r/${a.token}/book`);
    const html = await (await client.get(`/book?visitType=${sameDay.slug}`)).text();
    expect(html).toContain('Free times today at all our clinics');
    // The today section ends where the search form begins.
    const today = html.slice(html.indexOf('id="today"'), html.indexOf('<form method="get"'));
    expect(today).toContain('Tuesday, December 15');
    const clinics = [...today.matchAll(/<section class="dt-clinic"><h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(new Set(clinics).size).toBeGreaterThan(1);
  });

  it('12. every answer renews the self-check cookie', async () => {
    const client = new FormClient(t);
    await client.post('/self-check/start');
    const res = await client.post('/self-check/q/bladder-bowel-change', { answer: 'no' });
    expect(res.headers.get('set-cookie')).toMatch(/cp_selfcheck=.*Max-Age=3600/);
  });
});

describe('private links expire after the visit', () => {
  it('a manage link works until a day after the visit ends, then answers like a missing one', async () => {
    clock = new Date('2026-12-20T14:00:00Z');
    const a = await bookIn(t, { ...followUpWith, start: '2026-12-21T09:00:00-07:00' });
    const auth = { headers: { authorization: `Bearer ${a.manageToken}` } };
    clock = new Date('2026-12-22T16:00:00Z'); // 23 h after the end
    expect((await t.request(`/api/v1/appointments/${a.id}`, auth)).status).toBe(200);
    expect((await t.request(`/appointments/manage/${a.manageToken}`)).status).toBe(200);
    clock = new Date('2026-12-22T17:30:00Z');
    expect((await t.request(`/api/v1/appointments/${a.id}`, auth)).status).toBe(404);
    expect((await t.request(`/appointments/manage/${a.manageToken}`)).status).toBe(404);
  });
});
