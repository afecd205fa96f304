import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { SELF_CARE, SCREEN_CLEAR } from '../../test/support/answers.js';
import { auditEventsFor } from '../audit/audit.js';

// Monday 30 November 2026, 07:00 in Arizona.
const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
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
const newKey = () => `test-key-${Date.now()}-${keyCounter++}`;

async function book(start: string, extra: Record<string, unknown> = {}, key: string | null = newKey()) {
  const body = {
    visitType: 'new-patient-pain-consultation',
    location: 'scottsdale',
    provider: 'ben-evans',
    start,
    patient: PATIENT,
    ...extra,
  };
  return t.request('/api/v1/appointments', json(body, key ? { 'idempotency-key': key } : {}));
}

describe('GET /api/v1/slots', () => {
  it('lists Dr. Evans’s free times in Scottsdale as ISO 8601 with the Arizona offset', async () => {
    const res = await t.request(
      '/api/v1/slots?visitType=new-patient-pain-consultation&location=scottsdale&provider=ben-evans&from=2026-12-01&to=2026-12-01',
    );
    expect(res.status).toBe(200);
    const { slots } = await res.json();
    expect(slots[0]).toEqual({
      start: '2026-12-01T08:00:00-07:00',
      end: '2026-12-01T08:45:00-07:00',
      provider: 'ben-evans',
      location: 'scottsdale',
      visitType: 'new-patient-pain-consultation',
    });
    // 45-minute visits with a 15-minute buffer, 08:00-16:00: one an hour.
    expect(slots.map((s: any) => s.start.slice(11, 16))).toEqual([
      '08:00',
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
    ]);
  });

  it('merges every provider for "any provider" and the whole network when no clinic is given, soonest first', async () => {
    const { slots } = await (
      await t.request('/api/v1/slots?visitType=back-pain-visit&from=2026-12-02&to=2026-12-02')
    ).json();
    const locations = new Set(slots.map((s: any) => s.location));
    expect(locations.size).toBe(4);
    const starts = slots.map((s: any) => Date.parse(s.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('respects the minimum notice from now', async () => {
    const { slots } = await (
      await t.request(
        '/api/v1/slots?visitType=pain-follow-up&location=scottsdale&from=2026-11-30&to=2026-11-30',
      )
    ).json();
    // now is 07:00; two hours' notice: nothing before 09:00.
    expect(Date.parse(slots[0].start)).toBeGreaterThanOrEqual(Date.parse('2026-11-30T09:00:00-07:00'));
  });

  it('names every invalid parameter with 422', async () => {
    const res = await t.request(
      '/api/v1/slots?visitType=massage&location=tucson&provider=nobody&from=2026-13-01',
    );
    expect(res.status).toBe(422);
    const fields = (await res.json()).errors.map((e: any) => e.field).sort();
    expect(fields).toEqual(['from', 'location', 'provider', 'to', 'visitType']);
  });

  it('allows at most 31 days per call', async () => {
    const ok = await t.request('/api/v1/slots?visitType=pain-follow-up&from=2026-12-01&to=2026-12-31');
    expect(ok.status).toBe(200);
    const tooLong = await t.request('/api/v1/slots?visitType=pain-follow-up&from=2026-12-01&to=2027-01-01');
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).errors[0]).toMatchObject({ field: 'to' });
  });

  it('rejects a provider who does not offer the visit type or work at the clinic', async () => {
    const res = await t.request(
      '/api/v1/slots?visitType=internal-medicine-visit&provider=ben-evans&from=2026-12-01&to=2026-12-01',
    );
    expect((await res.json()).errors[0]).toMatchObject({ field: 'provider' });
    const res2 = await t.request(
      '/api/v1/slots?visitType=back-pain-visit&provider=ben-evans&location=tempe&from=2026-12-01&to=2026-12-01',
    );
    expect((await res2.json()).errors[0].detail).toContain('does not work at tempe');
  });
});

describe('POST /api/v1/appointments', () => {
  it('books a free slot: 201 with id, status, times, slugs, a manage token and link', async () => {
    const res = await book('2026-12-02T09:00:00-07:00');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'booked',
      start: '2026-12-02T09:00:00-07:00',
      end: '2026-12-02T09:45:00-07:00',
      provider: 'ben-evans',
      location: 'scottsdale',
      visitType: 'new-patient-pain-consultation',
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
        '/api/v1/slots?visitType=new-patient-pain-consultation&provider=ben-evans&from=2026-12-02&to=2026-12-02',
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
    // A 20-minute follow-up at 10:40 falls inside the consultation's buffer (10:45-11:00 blocked).
    const followUp = await book('2026-12-03T10:30:00-07:00', { visitType: 'pain-follow-up' });
    expect(followUp.status).toBe(409);
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
          visitType: 'new-patient-pain-consultation',
          location: 'scottsdale',
          provider: 'ben-evans',
          start: 'tomorrow',
          patient: { givenName: '', familyName: 'X', birthDate: '2090-01-01', email: 'nope', phone: 'abc' },
        },
        { 'idempotency-key': newKey() },
      ),
    );
    expect(res.status).toBe(422);
    const fields = (await res.json()).errors.map((e: any) => e.field).sort();
    expect(fields).toEqual(['patient.birthDate', 'patient.email', 'patient.givenName', 'patient.phone']);
    const off = await book('2026-12-05T09:00:00-07:00'); // Saturday: Dr. Evans does not work
    expect(off.status).toBe(422);
    expect((await off.json()).errors[0].field).toBe('start');
    const between = await book('2026-12-07T08:10:00-07:00');
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

describe('the slot list serializer', () => {
  it('writes exactly what JSON.stringify would', async () => {
    const { slotsJson } = await import('./appointment-api.js');
    const res = await t.request('/api/v1/slots?visitType=back-pain-visit&from=2026-12-01&to=2026-12-03');
    const text = await res.text();
    const parsed = JSON.parse(text);
    expect(parsed.slots.length).toBeGreaterThan(50);
    expect(text).toBe(JSON.stringify(parsed));
    expect(slotsJson([])).toBe('{"slots":[]}');
  });
});

describe('time off and closures', () => {
  it('refuses a booking in the clinician’s time off or on a closed day, and hides those slots', async () => {
    await t.db.query(
      `INSERT INTO provider_time_off (provider_id, starts_at, ends_at, note)
       SELECT id, '2026-12-11T15:00:00Z', '2026-12-11T18:00:00Z', 'training' FROM providers WHERE slug = 'ben-evans'`,
    );
    await t.db.query(
      `INSERT INTO location_closures (location_id, closed_on) SELECT id, '2026-12-25' FROM locations WHERE slug = 'scottsdale'`,
    );
    t.directory.invalidate();
    const off = await book('2026-12-11T09:00:00-07:00');
    expect(off.status).toBe(422);
    expect((await off.json()).errors[0].field).toBe('start');
    const closed = await book('2026-12-25T09:00:00-07:00');
    expect(closed.status).toBe(422);
    const { slots } = await (
      await t.request(
        '/api/v1/slots?visitType=new-patient-pain-consultation&provider=ben-evans&from=2026-12-11&to=2026-12-11',
      )
    ).json();
    // Fridays 08:00-14:00; time off 08:00-11:00.
    expect(slots.map((s: any) => s.start.slice(11, 16))).toEqual(['11:00', '12:00', '13:00']);
    expect((await book('2026-12-11T11:00:00-07:00')).status).toBe(201);
  });
});

describe('clinic opening hours', () => {
  it('bound working hours: a block past closing time is cut there, for the slot list and for booking', async () => {
    // Dr. Evans's Friday block is stretched to 18:00; Scottsdale closes at 15:00 on Fridays.
    await t.db.query(
      `UPDATE provider_schedules SET ends = '18:00'
       WHERE weekday = 5 AND provider_id = (SELECT id FROM providers WHERE slug = 'ben-evans')`,
    );
    t.directory.invalidate();
    try {
      const { slots } = await (
        await t.request(
          '/api/v1/slots?visitType=new-patient-pain-consultation&provider=ben-evans&from=2026-12-18&to=2026-12-18',
        )
      ).json();
      // The 14:00 visit ends at closing time; nothing starts later.
      expect(slots.map((s: any) => s.start.slice(11, 16))).toEqual([
        '08:00',
        '09:00',
        '10:00',
        '11:00',
        '12:00',
        '13:00',
        '14:00',
      ]);
      const late = await book('2026-12-18T15:00:00-07:00');
      expect(late.status).toBe(422);
      expect((await late.json()).errors[0].field).toBe('start');
      expect((await book('2026-12-18T13:00:00-07:00')).status).toBe(201);
    } finally {
      await t.db.query(
        `UPDATE provider_schedules SET ends = '14:00'
         WHERE weekday = 5 AND provider_id = (SELECT id FROM providers WHERE slug = 'ben-evans')`,
      );
      t.directory.invalidate();
    }
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
