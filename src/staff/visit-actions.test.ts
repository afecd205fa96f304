import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// Two Arizona clinics (UTC-7 all year). At the desk's own clinic two clinicians work 08:00 to
// 16:00 on weekdays, so a visit can move from one to the other the same day; at the other clinic,
// which the desk does not work at, a third works the same hours. They all offer a 30-minute visit
// without buffer and with half an hour's notice.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const otherClinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const colleague = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const otherDoctor = aClinician({ schedule: weekdays(otherClinic, '08:00', '16:00') });
const visit = aVisitType({
  providers: [doctor, colleague, otherDoctor],
  durationMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 30,
  horizonDays: 30,
});
const network = aNetwork({
  clinics: [clinic, otherClinic],
  clinicians: [doctor, colleague, otherDoctor],
  visitTypes: [visit],
});

const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let desk: Awaited<ReturnType<typeof signedIn>>;

const PATIENT = {
  givenName: 'Paloma',
  familyName: 'Phoneline',
  birthDate: '1966-06-16',
  email: 'paloma@example.com',
  phone: '480 555 0166',
};

const api = (path: string, body: unknown) =>
  t.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });

async function bookOnline(start: string, provider = doctor.slug, visitType = visit.slug, patient = PATIENT) {
  const res = await api('/api/v1/appointments', {
    visitType,
    location: clinic.slug,
    provider,
    start,
    patient,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; manageToken: string };
}

const appointment = async (id: string) =>
  (
    await t.db.query<{ status: string; provider: string; starts_at: Date; sequence: number }>(
      `SELECT a.status, p.slug AS provider, a.starts_at, a.sequence FROM appointments a JOIN providers p ON p.id = a.provider_id WHERE a.id = $1`,
      [id],
    )
  )[0]!;

const auditFor = (entityId: string) =>
  t.db.query<{ action: string; outcome: string; actor_type: string; detail: unknown }>(
    'SELECT action, outcome, actor_type, detail FROM audit_events WHERE entity_id = $1 ORDER BY id',
    [entityId],
  );

const outboxFor = (id: string) =>
  t.db.query<{ kind: string; text_body: string; recipient: string }>(
    "SELECT kind, text_body, recipient FROM outbox_messages WHERE appointment_id = $1 AND kind NOT LIKE 'appointment-reminder%' ORDER BY created_at, kind",
    [id],
  );

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'other-desk@example.com', role: 'front-desk', locations: [otherClinic.slug] },
    { email: 'doctor@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
    { email: 'other-manager@example.com', role: 'clinic-manager', locations: [otherClinic.slug] },
  ]);
  desk = await signedIn(t, 'desk@example.com');
});
afterAll(async () => {
  await t.close();
});

describe('booking on a patient’s behalf', () => {
  it('shows the open times, books with the same rules, and sends the patient their own link (never shown to staff)', async () => {
    const form = await desk.client.get(
      `/staff/book?location=${clinic.slug}&visitType=${visit.slug}&provider=${doctor.slug}&date=2026-12-02`,
    );
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain(`value="${doctor.slug}|2026-12-02T09:00:00-07:00"`);
    const key = /name="key" value="([^"]+)"/.exec(html)![1]!;
    const fields = {
      _csrf: desk.csrf,
      key,
      location: clinic.slug,
      visitType: visit.slug,
      slot: `${doctor.slug}|2026-12-02T09:00:00-07:00`,
      ...PATIENT,
      language: 'es',
    };
    const res = await desk.client.post('/staff/book', fields);
    expect(res.status).toBe(303);
    expect(FormClient.location(res)).toBe(`/staff?location=${clinic.slug}&date=2026-12-02&done=booked`);
    // The same form sent twice (a double click) books once.
    expect((await desk.client.post('/staff/book', fields)).status).toBe(303);
    const rows = await t.db.query<{ id: string; language: string }>(
      "SELECT a.id, a.language FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.family_name = 'Phoneline'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.language).toBe('es');
    const [confirmation] = await outboxFor(rows[0]!.id);
    expect(confirmation!.recipient).toBe(PATIENT.email);
    const link = /\/es\/appointments\/manage\/([\w-]{43})/.exec(confirmation!.text_body)![1]!;
    // The patient's link works, and the staff pages never showed it.
    expect((await t.request(`/es/appointments/manage/${link}`)).status).toBe(200);
    const day = await (
      await desk.client.get(`/staff?location=${clinic.slug}&date=2026-12-02&done=booked`)
    ).text();
    expect(day).toContain('The visit is booked');
    expect(day).not.toContain(link);
    // Administrators read the outbox, with patients' links masked.
    const admin = await signedIn(t, 'admin@example.com');
    const outbox = await (await admin.client.get('/staff/outbox')).text();
    expect(outbox).toContain('/es/appointments/manage/[private link]');
    expect(outbox).not.toContain(link);
    // The visit's own trail shows that an administrator read its messages.
    expect(await auditFor(rows[0]!.id)).toContainEqual(
      expect.objectContaining({ action: 'read', actor_type: 'staff', detail: { via: 'outbox' } }),
    );
    const events = await auditFor(rows[0]!.id);
    expect(events.filter((e) => e.action === 'create')).toEqual([
      expect.objectContaining({ actor_type: 'staff', outcome: 'success' }),
    ]);
  });

  it('names every problem of a bad form with 422 and books nothing', async () => {
    const before = await t.db.query('SELECT id FROM appointments');
    const res = await desk.client.post('/staff/book', {
      _csrf: desk.csrf,
      location: clinic.slug,
      visitType: visit.slug,
      slot: '',
      ...PATIENT,
      email: 'not an email',
      birthDate: '1990-02-30',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Choose one of the open times.');
    expect(html).toMatch(/email address/i);
    expect(html).toMatch(/date of birth/i);
    expect(await t.db.query('SELECT id FROM appointments')).toHaveLength(before.length);
  });

  it('is not for providers, and not at a clinic the user does not work at', async () => {
    const provider = await signedIn(t, 'doctor@example.com');
    expect((await provider.client.get('/staff/book')).status).toBe(404);
    // The footer lists only the shortcuts a provider has (no "b book", no "l waiting list").
    const day = await (await provider.client.get('/staff')).text();
    expect(day).toContain('Keyboard: t today, w week, f find a patient, p and n previous and next.');
    expect(day).not.toContain('b book');
    const res = await desk.client.post('/staff/book', {
      _csrf: desk.csrf,
      // An open time, but at a clinic the desk does not work at.
      location: otherClinic.slug,
      visitType: visit.slug,
      slot: `${otherDoctor.slug}|2026-12-02T09:00:00-07:00`,
      ...PATIENT,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Choose one of your clinics.');
  });
});

describe('moving and cancelling a visit', () => {
  it('moves a visit to another provider at the same clinic; the notice carries the patient’s own link', async () => {
    const booked = await bookOnline('2026-12-01T10:00:00-07:00');
    const page = await desk.client.get(
      `/staff/appointments/${booked.id}/reschedule?provider=${colleague.slug}&date=2026-12-01`,
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${colleague.slug}|2026-12-01T11:00:00-07:00"`);
    const res = await desk.client.post(`/staff/appointments/${booked.id}/reschedule`, {
      _csrf: desk.csrf,
      slot: `${colleague.slug}|2026-12-01T11:00:00-07:00`,
    });
    expect(res.status).toBe(303);
    // The day's notice, with what its Undo needs: the visit and where it was.
    const back = new URL(FormClient.location(res)!, 'http://x');
    expect(back.pathname).toBe('/staff');
    expect(Object.fromEntries(back.searchParams)).toMatchObject({
      location: clinic.slug,
      date: '2026-12-01',
      done: 'moved',
      visit: booked.id,
    });
    expect(back.searchParams.get('was')).toMatch(/\|2026-12-01T/);
    const after = await appointment(booked.id);
    expect(after).toMatchObject({ status: 'booked', provider: colleague.slug, sequence: 1 });
    expect(after.starts_at.toISOString()).toBe('2026-12-01T18:00:00.000Z');
    const notice = (await outboxFor(booked.id)).find((m) => m.kind === 'appointment-rescheduled')!;
    expect(notice.text_body).toContain(`/appointments/manage/${booked.manageToken}`);
    expect((await t.request(`/appointments/manage/${booked.manageToken}`)).status).toBe(200);
    const events = await auditFor(booked.id);
    expect(events.filter((e) => e.action === 'reschedule')).toEqual([
      expect.objectContaining({ actor_type: 'staff', outcome: 'success' }),
    ]);
  });

  it('refuses a time that is not open with 409 and leaves the visit as it was', async () => {
    const booked = await bookOnline('2026-12-01T13:00:00-07:00');
    const res = await desk.client.post(`/staff/appointments/${booked.id}/reschedule`, {
      _csrf: desk.csrf,
      slot: `${doctor.slug}|2026-12-01T03:00:00-07:00`, // before the clinician's 08:00 start
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toMatch(/not (an open|a bookable)|outside|working hours|not available/i);
    expect(await appointment(booked.id)).toMatchObject({ provider: doctor.slug, sequence: 0 });
  });

  it('cancels with a reason code kept in the audit trail, tells the patient and offers the time to the waiting list', async () => {
    const booked = await bookOnline('2026-12-03T09:00:00-07:00');
    const join = await api('/api/v1/waitlist', {
      visitType: visit.slug,
      location: clinic.slug,
      from: '2026-12-01',
      to: '2026-12-10',
      patient: { ...PATIENT, givenName: 'Wanda', email: 'wanda@example.com' },
    });
    expect(join.status).toBe(201);
    const confirm = await desk.client.get(`/staff/appointments/${booked.id}/cancel`);
    expect(confirm.status).toBe(200);
    const res = await desk.client.post(`/staff/appointments/${booked.id}/cancel`, {
      _csrf: desk.csrf,
      reason: 'provider-unavailable',
    });
    expect(res.status).toBe(303);
    expect((await appointment(booked.id)).status).toBe('cancelled');
    const events = await auditFor(booked.id);
    expect(events.at(-1)).toMatchObject({
      action: 'cancel',
      actor_type: 'staff',
      detail: { reason: 'provider-unavailable' },
    });
    const notice = (await outboxFor(booked.id)).find((m) => m.kind === 'appointment-cancelled')!;
    expect(notice.recipient).toBe(PATIENT.email);
    const [offer] = await t.db.query<{ status: string }>(
      "SELECT w.status FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id WHERE p.given_name = 'Wanda'",
    );
    expect(offer!.status).toBe('offered');
    // Cancelling it again is refused, and the page says why (the refusal's own text, 409).
    const again = await desk.client.post(`/staff/appointments/${booked.id}/cancel`, {
      _csrf: desk.csrf,
      reason: 'provider-unavailable',
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('This visit is no longer booked');
  });

  it('answers "not found" (audited) to a provider trying to cancel and to another clinic’s desk', async () => {
    const booked = await bookOnline('2026-12-03T10:00:00-07:00');
    const provider = await signedIn(t, 'doctor@example.com');
    expect(
      (await provider.client.post(`/staff/appointments/${booked.id}/cancel`, { _csrf: provider.csrf }))
        .status,
    ).toBe(404);
    const otherDesk = await signedIn(t, 'other-desk@example.com');
    expect((await otherDesk.client.get(`/staff/appointments/${booked.id}`)).status).toBe(404);
    expect(
      (await otherDesk.client.post(`/staff/appointments/${booked.id}/cancel`, { _csrf: otherDesk.csrf }))
        .status,
    ).toBe(404);
    expect((await appointment(booked.id)).status).toBe('booked');
    const denied = (await auditFor(booked.id)).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => e.action)).toEqual(['cancel', 'read', 'cancel']);
  });

  it('refuses a cancel form without the session’s CSRF token', async () => {
    const booked = await bookOnline('2026-12-03T11:00:00-07:00');
    expect((await desk.client.post(`/staff/appointments/${booked.id}/cancel`, {})).status).toBe(403);
    expect((await appointment(booked.id)).status).toBe('booked');
  });
});

describe('the waiting list', () => {
  it('lists who is waiting and sends one of them an offer for a chosen time', async () => {
    const join = await api('/api/v1/waitlist', {
      visitType: visit.slug,
      location: clinic.slug,
      from: '2026-12-07',
      to: '2026-12-09',
      patient: { ...PATIENT, givenName: 'Olga', email: 'olga@example.com' },
    });
    expect(join.status).toBe(201);
    const list = await (await desk.client.get(`/staff/waitlist?location=${clinic.slug}`)).text();
    expect(list).toContain('Olga');
    // The desk calls people: their phone is a link; dates are in words.
    expect(list).toMatch(/<a href="tel:\d+">/);
    expect(list).toContain('December 7, 2026 – December 9, 2026');
    const [entry] = await t.db.query<{ id: string }>(
      "SELECT w.id FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id WHERE p.given_name = 'Olga'",
    );
    const page = await (await desk.client.get(`/staff/waitlist/${entry!.id}/offer?date=2026-12-08`)).text();
    expect(page).toContain('2026-12-08T09:00:00-07:00');
    const res = await desk.client.post(`/staff/waitlist/${entry!.id}/offer`, {
      _csrf: desk.csrf,
      slot: `${doctor.slug}|2026-12-08T09:00:00-07:00`,
    });
    expect(res.status).toBe(303);
    const [after] = await t.db.query<{ status: string; offer_starts_at: Date }>(
      'SELECT status, offer_starts_at FROM waitlist_entries WHERE id = $1',
      [entry!.id],
    );
    expect(after!.status).toBe('offered');
    expect(after!.offer_starts_at.toISOString()).toBe('2026-12-08T16:00:00.000Z');
    const [mail] = await t.db.query<{ recipient: string }>(
      "SELECT recipient FROM outbox_messages WHERE kind = 'waitlist-offer' AND recipient = 'olga@example.com'",
    );
    expect(mail).toBeDefined();
    // Someone already offered a time is not offered another.
    const again = await desk.client.post(`/staff/waitlist/${entry!.id}/offer`, {
      _csrf: desk.csrf,
      slot: `${doctor.slug}|2026-12-08T10:00:00-07:00`,
    });
    expect(again.status).toBe(409);
    // A time outside the dates the person can come is refused, and they are still waiting.
    const pia = await api('/api/v1/waitlist', {
      visitType: visit.slug,
      location: clinic.slug,
      from: '2026-12-07',
      to: '2026-12-09',
      patient: { ...PATIENT, givenName: 'Pia', email: 'pia@example.com' },
    });
    const piaId = (await pia.json()).id as string;
    const outside = await desk.client.post(`/staff/waitlist/${piaId}/offer`, {
      _csrf: desk.csrf,
      slot: `${doctor.slug}|2026-12-10T09:00:00-07:00`,
    });
    expect(outside.status).toBe(409);
    expect(await outside.text()).toContain('outside the dates');
    const [piaAfter] = await t.db.query<{ status: string }>(
      'SELECT status FROM waitlist_entries WHERE id = $1',
      [piaId],
    );
    expect(piaAfter!.status).toBe('waiting');
  });
});

describe('the audit trail, by patient and by user', () => {
  it('shows every event about one patient’s records, and a user found by email', async () => {
    const booked = await bookOnline('2026-12-04T09:00:00-07:00');
    // Another person (the same person's second visit would share the patient record).
    const other = await bookOnline('2026-12-04T10:00:00-07:00', doctor.slug, visit.slug, {
      ...PATIENT,
      givenName: 'Otra',
      email: 'otra@example.com',
    });
    await desk.client.get(`/staff/appointments/${booked.id}`);
    const [row] = await t.db.query<{ patient_id: string }>(
      'SELECT patient_id FROM appointments WHERE id = $1',
      [booked.id],
    );
    const admin = await signedIn(t, 'admin@example.com');
    const visitPage = await (await admin.client.get(`/staff/appointments/${booked.id}`)).text();
    expect(visitPage).toContain(`/staff/audit?patient=${row!.patient_id}`);
    const byPatient = await (await admin.client.get(`/staff/audit?patient=${row!.patient_id}`)).text();
    expect(byPatient).toContain(booked.id);
    expect(byPatient).not.toContain(other.id);
    const byUser = await (await admin.client.get('/staff/audit?user=desk@example.com')).text();
    expect(byUser).toContain('desk@example.com');
    expect(byUser).toContain(booked.id);
    const nobody = await (await admin.client.get('/staff/audit?patient=not-an-id')).text();
    expect(nobody).not.toContain(booked.id);
  });
});

describe('visits booked before their token was sealed', () => {
  it('keep their link when a staff change is refused, and get a new one in the notice when it goes through', async () => {
    const booked = await bookOnline('2026-12-04T11:00:00-07:00');
    await t.db.query('UPDATE appointments SET manage_token_sealed = NULL WHERE id = $1', [booked.id]);
    const hashOf = async () =>
      (
        await t.db.query<{ h: string }>('SELECT manage_token_hash AS h FROM appointments WHERE id = $1', [
          booked.id,
        ])
      )[0]!.h;
    const before = await hashOf();
    const refused = await desk.client.post(`/staff/appointments/${booked.id}/reschedule`, {
      _csrf: desk.csrf,
      slot: `${doctor.slug}|not-a-time`,
    });
    expect(refused.status).toBe(409);
    expect(await hashOf()).toBe(before);
    expect((await t.request(`/appointments/manage/${booked.manageToken}`)).status).toBe(200);
    const moved = await desk.client.post(`/staff/appointments/${booked.id}/reschedule`, {
      _csrf: desk.csrf,
      slot: `${doctor.slug}|2026-12-04T13:00:00-07:00`,
    });
    expect(moved.status).toBe(303);
    expect(await hashOf()).not.toBe(before);
    const notice = (await outboxFor(booked.id)).find((m) => m.kind === 'appointment-rescheduled')!;
    const link = /\/appointments\/manage\/([\w-]{43})/.exec(notice.text_body)![1]!;
    expect(link).not.toBe(booked.manageToken);
    expect((await t.request(`/appointments/manage/${link}`)).status).toBe(200);
  });
});

describe('a clinic manager', () => {
  it('runs their clinics but sees no network administration, audit trail or outbox', async () => {
    const admin = await signedIn(t, 'other-manager@example.com');
    const day = await admin.client.get(`/staff?location=${otherClinic.slug}&date=2026-12-01`);
    expect(day.status).toBe(200);
    // Their own clinic's administration, nothing of the network's.
    expect(await day.text()).not.toContain('href="/staff/audit"');
    const areas = await (await admin.client.get('/staff/admin')).text();
    expect(areas).toContain(`href="/staff/admin/clinics"`);
    expect(areas).not.toContain('href="/staff/admin/staff"');
    for (const path of [
      `/staff/admin/clinics/${clinic.slug}`,
      '/staff/admin/staff',
      '/staff/audit',
      '/staff/outbox',
      '/api/v1/audit-events',
    ])
      expect((await admin.client.get(path)).status, path).toBe(404);
    const booked = await bookOnline('2026-12-03T14:00:00-07:00');
    expect((await admin.client.get(`/staff/appointments/${booked.id}`)).status).toBe(404);
  });
});
