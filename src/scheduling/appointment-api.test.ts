/**
 * The booking API: booking (idempotent, validated, with a self-check as intake), reading,
 * cancelling and moving a visit with its manage token, and one patient record per person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { SELF_CARE, SCREEN_CLEAR } from '../../test/support/answers.js';
import { auditEventsFor } from '../audit/audit.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// One clinician at an Arizona clinic (UTC-7 all year, so the calendar file says America/Phoenix),
// working 08:00 to 16:00 on weekdays and never at weekends. A 45-minute consultation with a
// 15-minute buffer (one an hour from 08:00), and a 20-minute follow-up with a 10-minute buffer
// (every half hour), so a follow-up can start inside a consultation. Two hours' notice for both.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const consultation = aVisitType({
  providers: [doctor],
  durationMinutes: 45,
  bufferMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
const followUp = aVisitType({
  providers: [doctor],
  durationMinutes: 20,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
const network = aNetwork({ clinics: [clinic], clinicians: [doctor], visitTypes: [consultation, followUp] });

// Monday 30 November 2026, 07:00 in Arizona.
const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

const PATIENT = {
  givenName: 'Rosa',
  familyName: 'Testperson',
  birthDate: '1980-04-02',
  email: 'rosa@example.com',
  phone: '(480) 555-0100',
};

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let keyCounter = 0;
const newKey = () => `test-key-${keyCounter++}`;

async function book(start: string, extra: Record<string, unknown> = {}, key: string | null = newKey()) {
  const body = {
    visitType: consultation.slug,
    location: clinic.slug,
    provider: doctor.slug,
    start,
    patient: PATIENT,
    ...extra,
  };
  return t.request('/api/v1/appointments', json(body, key ? { 'idempotency-key': key } : {}));
}

describe('POST /api/v1/appointments', () => {
  it('books a free slot: 201 with id, status, times, slugs, a manage token and link', async () => {
    const res = await book('2026-12-02T09:00:00-07:00');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'booked',
      start: '2026-12-02T09:00:00-07:00',
      end: '2026-12-02T09:45:00-07:00',
      provider: doctor.slug,
      location: clinic.slug,
      visitType: consultation.slug,
    });
    expect(body.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.manageUrl).toContain(body.manageToken);
    const [row] = await t.db.query<{ manage_token_hash: string }>(
      'SELECT manage_token_hash FROM appointments WHERE id = $1',
      [body.id],
    );
    expect(row!.manage_token_hash).not.toContain(body.manageToken);
    const free = await (
      await t.request(
        `/api/v1/slots?visitType=${consultation.slug}&provider=${doctor.slug}&from=2026-12-02&to=2026-12-02`,
      )
    ).json();
    expect(free.slots.map((s: any) => s.start)).not.toContain('2026-12-02T09:00:00-07:00');
  });

  it('gives 409 problem+json when the time is taken, also for an overlapping visit of another length', async () => {
    expect((await book('2026-12-03T10:00:00-07:00')).status).toBe(201);
    const again = await book('2026-12-03T10:00:00-07:00');
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(await again.json()).toMatchObject({ status: 409, code: 'slot_taken' });
    // A 20-minute follow-up at 10:30 falls inside the consultation (10:00-10:45, blocked to 11:00).
    const shorter = await book('2026-12-03T10:30:00-07:00', { visitType: followUp.slug });
    expect(shorter.status).toBe(409);
  });

  it('returns the first response for the same key and body, 422 for the same key with another body', async () => {
    const key = newKey();
    const first = await (await book('2026-12-04T08:00:00-07:00', {}, key)).json();
    const second = await book('2026-12-04T08:00:00-07:00', {}, key);
    expect(second.status).toBe(201);
    const replay = await second.json();
    expect(replay.id).toBe(first.id);
    expect(replay.manageToken).toBe(first.manageToken);
    // Handing the details and the private link out again is audited as a read.
    const events = await t.db.query<{ action: string; actor_type: string }>(
      'SELECT action, actor_type FROM audit_events WHERE entity_id = $1 ORDER BY id',
      [first.id],
    );
    expect(events.map((e) => `${e.actor_type}:${e.action}`)).toEqual([
      'api-client:create',
      'api-client:replay',
    ]);
    const third = await book('2026-12-04T09:00:00-07:00', {}, key);
    expect(third.status).toBe(422);
    expect((await third.json()).errors[0].field).toBe('Idempotency-Key');
    const rows = await t.db.query("SELECT id FROM appointments WHERE starts_at = '2026-12-04T15:00:00Z'");
    expect(rows).toHaveLength(1);
  });

  it('asks for an Idempotency-Key (428, a clear message) and books nothing without one', async () => {
    const before = await t.db.query('SELECT id FROM appointments');
    const res = await book('2026-12-04T10:00:00-07:00', {}, null);
    expect(res.status).toBe(428);
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 428, code: 'idempotency_key_required' });
    expect(problem.detail).toMatch(/Idempotency-Key header/);
    expect(await t.db.query('SELECT id FROM appointments')).toHaveLength(before.length);
    // The same request with a key books.
    expect((await book('2026-12-04T10:00:00-07:00')).status).toBe(201);
  });

  it('names each invalid field and stores nothing', async () => {
    const before = await t.db.query('SELECT id FROM patients');
    const res = await t.request(
      '/api/v1/appointments',
      json(
        {
          visitType: consultation.slug,
          location: clinic.slug,
          provider: doctor.slug,
          start: 'tomorrow',
          patient: { givenName: '', familyName: 'X', birthDate: '2090-01-01', email: 'nope', phone: 'abc' },
        },
        { 'idempotency-key': newKey() },
      ),
    );
    expect(res.status).toBe(422);
    const fields = (await res.json()).errors.map((e: any) => e.field).sort();
    expect(fields).toEqual(['patient.birthDate', 'patient.email', 'patient.givenName', 'patient.phone']);
    const off = await book('2026-12-05T09:00:00-07:00'); // Saturday: the clinician does not work
    expect(off.status).toBe(422);
    expect((await off.json()).errors[0].field).toBe('start');
    const between = await book('2026-12-07T08:10:00-07:00'); // between the hourly times
    expect(between.status).toBe(422);
    expect(await t.db.query('SELECT id FROM patients')).toHaveLength(before.length);
  });

  it('attaches a self-check as the intake with its token, and refuses an emergency result', async () => {
    const post = (answers: unknown) =>
      t.request('/api/v1/assessments', json({ pathway: 'low-back-pain', answers }));
    const a = await (await post({ ...SELF_CARE, scoliosis: true })).json();
    const ok = await book('2026-12-07T09:00:00-07:00', { assessmentId: a.id, assessmentToken: a.token });
    expect(ok.status).toBe(201);
    expect((await ok.json()).assessmentId).toBe(a.id);
    const wrong = await book('2026-12-07T10:00:00-07:00', { assessmentId: a.id, assessmentToken: 'nope' });
    expect((await wrong.json()).errors[0].field).toBe('assessmentId');
    const e = await (await post({ ...SCREEN_CLEAR, 'major-trauma': true })).json();
    const emergency = await book('2026-12-07T11:00:00-07:00', {
      assessmentId: e.id,
      assessmentToken: e.token,
    });
    expect((await emergency.json()).errors[0].detail).toContain('911');
  });
});

describe('managing a visit', () => {
  it('reads with the manage token; no token, a wrong one or another’s gives the same 404 as a missing id', async () => {
    const a = await (await book('2026-12-08T08:00:00-07:00')).json();
    const b = await (await book('2026-12-08T09:00:00-07:00')).json();
    const ok = await t.request(`/api/v1/appointments/${a.id}`, {
      headers: { authorization: `Bearer ${a.manageToken}` },
    });
    expect(ok.status).toBe(200);
    // The patient's first name only: no birth date, email or phone in the answers.
    expect((await ok.json()).patient).toEqual({ givenName: 'Rosa' });
    expect(a.patient).toEqual({ givenName: 'Rosa' });
    const missing = await (
      await t.request('/api/v1/appointments/00000000-0000-4000-8000-000000000000', {
        headers: { authorization: `Bearer ${a.manageToken}` },
      })
    ).json();
    for (const headers of [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${b.manageToken}` },
    ] as Record<string, string>[]) {
      const res = await t.request(`/api/v1/appointments/${a.id}`, { headers });
      expect(res.status).toBe(404);
      expect({ ...(await res.json()), instance: null }).toEqual({ ...missing, instance: null });
    }
    const events = await auditEventsFor(t.db, 'appointment', a.id);
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'create:success',
      'read:success',
      'read:denied',
      'read:denied',
      'read:denied',
    ]);
  });

  it('gives the visit as an iCalendar file with its token, and a coded 404 without it', async () => {
    const a = await (await book('2026-12-11T08:00:00-07:00')).json();
    const ics = await t.request(`/api/v1/appointments/${a.id}.ics`, {
      headers: { authorization: `Bearer ${a.manageToken}` },
    });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain(`UID:${a.id}@carepath`);
    expect(text).toContain('DTSTART;TZID=America/Phoenix:20261211T080000');
    const denied = await t.request(`/api/v1/appointments/${a.id}.ics`);
    expect(denied.status).toBe(404);
    expect(await denied.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('names every problem with a stable code', async () => {
    const invalid = await t.request('/api/v1/appointments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
      body: '{}',
    });
    expect(await invalid.json()).toMatchObject({ status: 422, code: 'invalid_request' });
    expect(await (await t.request('/api/v1/nothing-here')).json()).toMatchObject({ code: 'not_found' });
  });

  it('cancels and frees the slot at once', async () => {
    const a = await (await book('2026-12-09T08:00:00-07:00')).json();
    const auth = { authorization: `Bearer ${a.manageToken}` };
    const res = await t.request(`/api/v1/appointments/${a.id}/cancel`, { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('cancelled');
    expect((await book('2026-12-09T08:00:00-07:00')).status).toBe(201);
    const twice = await t.request(`/api/v1/appointments/${a.id}/cancel`, { method: 'POST', headers: auth });
    expect(twice.status).toBe(409);
    expect((await twice.json()).code).toBe('visit_not_active');
  });

  it('reschedules atomically: a taken time leaves the visit where it was', async () => {
    const a = await (await book('2026-12-10T08:00:00-07:00')).json();
    await book('2026-12-10T10:00:00-07:00');
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${a.manageToken}` };
    const taken = await t.request(`/api/v1/appointments/${a.id}/reschedule`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ start: '2026-12-10T10:00:00-07:00' }),
    });
    expect(taken.status).toBe(409);
    expect((await taken.json()).code).toBe('slot_taken');
    const still = await (await t.request(`/api/v1/appointments/${a.id}`, { headers: auth })).json();
    expect(still.start).toBe('2026-12-10T08:00:00-07:00');
    const moved = await t.request(`/api/v1/appointments/${a.id}/reschedule`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ start: '2026-12-10T11:00:00-07:00' }),
    });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ start: '2026-12-10T11:00:00-07:00', sequence: 1 });
    expect((await book('2026-12-10T08:00:00-07:00')).status).toBe(201);
  });
});

describe('patients have an identity', () => {
  const person = {
    givenName: 'José',
    familyName: 'Pérez',
    birthDate: '1966-06-06',
    email: 'jose@example.com',
    phone: '480 555 0166',
  };
  const patientOf = async (id: string) =>
    (await t.db.query<{ patient_id: string }>('SELECT patient_id FROM appointments WHERE id = $1', [id]))[0]!
      .patient_id;

  it('a second booking by the same person reuses their record and takes their new contact details', async () => {
    const first = await (await book('2026-12-15T09:00:00-07:00', { patient: person })).json();
    const again = await (
      await book('2026-12-15T11:00:00-07:00', {
        patient: { ...person, givenName: 'jose', familyName: 'PEREZ', phone: '602 555 0177' },
      })
    ).json();
    expect(await patientOf(again.id)).toBe(await patientOf(first.id));
    const [row] = await t.db.query<{ phone: string; n: number }>(
      `SELECT phone, (SELECT count(*)::int FROM audit_events WHERE entity_type = 'patient' AND entity_id = p.id::text) AS n
       FROM patients p WHERE id = $1`,
      [await patientOf(first.id)],
    );
    expect(row).toEqual({ phone: '602 555 0177', n: 1 });
  });

  it('the same name and birth date with another email and phone is another person', async () => {
    const first = await (await book('2026-12-16T09:00:00-07:00', { patient: person })).json();
    const other = await (
      await book('2026-12-16T11:00:00-07:00', {
        patient: { ...person, email: 'another@example.com', phone: '623 555 0111' },
      })
    ).json();
    expect(await patientOf(other.id)).not.toBe(await patientOf(first.id));
  });
});
