import { randomUUID } from 'node:crypto';
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

// An Arizona clinic (UTC-7 all year) where two clinicians work 08:00 to 16:00 on weekdays, so one
// person can have visits with each, and another clinic whose desk must not see them. A 30-minute
// visit without buffer and with half an hour's notice, so each visit can move an hour later.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const otherClinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const colleague = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const visitType = aVisitType({
  providers: [doctor, colleague],
  durationMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 30,
  horizonDays: 30,
});
const network = aNetwork({
  clinics: [clinic, otherClinic],
  clinicians: [doctor, colleague],
  visitTypes: [visitType],
});

const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let desk: Awaited<ReturnType<typeof signedIn>>;
let otherDesk: Awaited<ReturnType<typeof signedIn>>;
let provider: Awaited<ReturnType<typeof signedIn>>;
const visits: { id: string; manageToken: string }[] = [];
let patientId = '';

const PERSON = {
  givenName: 'Rosario',
  familyName: 'Registro',
  birthDate: '1958-08-18',
  email: 'rosario@example.com',
  phone: '480 555 0188',
};

async function book(start: string, provider: string) {
  const res = await t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      visitType: visitType.slug,
      location: clinic.slug,
      provider,
      start,
      patient: PERSON,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; manageToken: string };
}

const auditOf = (entityId: string) =>
  t.db.query<{ action: string; outcome: string; detail: unknown }>(
    'SELECT action, outcome, detail FROM audit_events WHERE entity_id = $1 ORDER BY id',
    [entityId],
  );

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'other-desk@example.com', role: 'front-desk', locations: [otherClinic.slug] },
    { email: 'doctor@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
  ]);
  // One person, two visits (patient identity keeps one record): one with each clinician.
  visits.push(await book('2026-12-01T09:00:00-07:00', doctor.slug));
  visits.push(await book('2026-12-02T09:00:00-07:00', colleague.slug));
  const [row] = await t.db.query<{ patient_id: string }>(
    'SELECT patient_id FROM appointments WHERE id = $1',
    [visits[0]!.id],
  );
  patientId = row!.patient_id;
  desk = await signedIn(t, 'desk@example.com');
  otherDesk = await signedIn(t, 'other-desk@example.com');
  provider = await signedIn(t, 'doctor@example.com');
});
afterAll(async () => {
  await t.close();
});

describe('a patient, for staff', () => {
  it('shows the front desk the person and all their visits at the clinic, from the visit page, audited per record', async () => {
    const visit = await (await desk.client.get(`/staff/appointments/${visits[0]!.id}`)).text();
    expect(visit).toContain(`href="/staff/patients/${patientId}"`);
    const before = (await auditOf(patientId)).length;
    const res = await desk.client.get(`/staff/patients/${patientId}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Rosario Registro');
    expect(page).toContain('rosario@example.com');
    expect(page).toContain(`/staff/appointments/${visits[0]!.id}`);
    expect(page).toContain(`/staff/appointments/${visits[1]!.id}`);
    expect(page).toContain('Correct the contact details');
    expect((await auditOf(patientId)).slice(before)).toEqual([
      { action: 'read', outcome: 'success', detail: {} },
    ]);
    expect((await auditOf(visits[1]!.id)).at(-1)).toMatchObject({ action: 'read', outcome: 'success' });
  });

  it('shows a provider only their own visits, with no correction form', async () => {
    const page = await (await provider.client.get(`/staff/patients/${patientId}`)).text();
    expect(page).toContain(`/staff/appointments/${visits[0]!.id}`);
    expect(page).not.toContain(`/staff/appointments/${visits[1]!.id}`);
    expect(page).not.toContain('Correct the contact details');
    const post = await provider.client.post(`/staff/patients/${patientId}/contact`, {
      _csrf: provider.csrf,
      email: 'x@example.com',
      phone: '480 555 0000',
    });
    expect(post.status).toBe(404);
    expect((await auditOf(patientId)).at(-1)).toMatchObject({ action: 'update', outcome: 'denied' });
  });

  it('answers "not found" (audited) to another clinic’s desk and to an unknown id', async () => {
    expect((await otherDesk.client.get(`/staff/patients/${patientId}`)).status).toBe(404);
    expect((await auditOf(patientId)).at(-1)).toMatchObject({ action: 'read', outcome: 'denied' });
    expect((await desk.client.get('/staff/patients/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await desk.client.get('/staff/patients/not-an-id')).status).toBe(404);
  });

  it('refuses bad contact details with a named error and changes nothing', async () => {
    const res = await desk.client.post(`/staff/patients/${patientId}/contact`, {
      _csrf: desk.csrf,
      email: 'not-an-email',
      phone: '12',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Enter an email address like name@example.com');
    expect(page).toContain('Enter a phone number of 7 to 25 digits');
    expect(page).toContain('value="not-an-email"');
    const [row] = await t.db.query<{ email: string }>('SELECT email FROM patients WHERE id = $1', [
      patientId,
    ]);
    expect(row!.email).toBe('rosario@example.com');
  });

  it('corrects the contact details (audited without the values), and the next message uses them', async () => {
    const res = await desk.client.post(`/staff/patients/${patientId}/contact`, {
      _csrf: desk.csrf,
      email: 'rosario.nuevo@example.com',
      phone: '602 555 0199',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/patients/${patientId}?saved=1`);
    expect(await (await desk.client.get(`/staff/patients/${patientId}?saved=1`)).text()).toContain(
      'The contact details were saved.',
    );
    const update = (await auditOf(patientId)).find((e) => e.action === 'update' && e.outcome === 'success');
    expect(update).toEqual({ action: 'update', outcome: 'success', detail: {} });
    // The patient moves their first visit: the notice goes to the corrected address.
    const moved = await t.request(`/api/v1/appointments/${visits[0]!.id}/reschedule`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${visits[0]!.manageToken}` },
      body: JSON.stringify({ start: '2026-12-01T10:00:00-07:00' }),
    });
    expect(moved.status).toBe(200);
    const [notice] = await t.db.query<{ recipient: string }>(
      "SELECT recipient FROM outbox_messages WHERE appointment_id = $1 AND kind = 'appointment-rescheduled'",
      [visits[0]!.id],
    );
    expect(notice!.recipient).toBe('rosario.nuevo@example.com');
  });

  it('keeps one of email and phone: both blank is refused, an email may be removed', async () => {
    const blank = await desk.client.post(`/staff/patients/${patientId}/contact`, {
      _csrf: desk.csrf,
      email: '',
      phone: ' ',
    });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain('Enter an email address or a phone number');
    const noEmail = await desk.client.post(`/staff/patients/${patientId}/contact`, {
      _csrf: desk.csrf,
      email: '',
      phone: '602 555 0199',
    });
    expect(noEmail.status).toBe(303);
    const page = await (await desk.client.get(`/staff/patients/${patientId}`)).text();
    expect(page).toMatch(/<dt>Email<\/dt>\s*<dd>Not given<\/dd>/);
    // Without an email address, the next notice goes by text message (none here: no SMS gateway).
    const moved = await t.request(`/api/v1/appointments/${visits[1]!.id}/reschedule`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${visits[1]!.manageToken}` },
      body: JSON.stringify({ start: '2026-12-02T10:00:00-07:00' }),
    });
    expect(moved.status).toBe(200);
    const notices = await t.db.query<{ channel: string; recipient: string }>(
      "SELECT channel, recipient FROM outbox_messages WHERE appointment_id = $1 AND kind LIKE 'appointment-rescheduled%'",
      [visits[1]!.id],
    );
    expect(notices).toEqual([{ channel: 'sms', recipient: '+16025550199' }]);
  });
});

describe('booking by phone for someone with no email', () => {
  it('books with only a phone number, says where messages go, and refuses a form with neither', async () => {
    const form = await (
      await desk.client.get(`/staff/book?location=${clinic.slug}&visitType=${visitType.slug}&date=2026-12-03`)
    ).text();
    expect(form).toContain('Leave it blank if the patient has no email');
    // No SMS gateway here: no text-reminder box to tick.
    expect(form).toContain('name="slot"');
    expect(form).not.toContain('name="smsReminders"');
    const fields = {
      _csrf: desk.csrf,
      location: clinic.slug,
      visitType: visitType.slug,
      slot: `${doctor.slug}|2026-12-03T09:00:00-07:00`,
      givenName: 'Sinco',
      familyName: 'Rreo',
      birthDate: '1944-04-04',
      email: '',
      phone: '',
    };
    const neither = await desk.client.post('/staff/book', fields);
    expect(neither.status).toBe(422);
    expect(await neither.text()).toContain('Enter an email address or a phone number');
    const booked = await desk.client.post('/staff/book', { ...fields, phone: '(623) 555-0144' });
    expect(booked.status).toBe(303);
    const [row] = await t.db.query<{ email: string | null; phone: string }>(
      "SELECT email, phone FROM patients WHERE family_name = 'Rreo'",
    );
    expect(row).toEqual({ email: null, phone: '(623) 555-0144' });
  });
});
