/** The front desk books a visit on a patient's behalf. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../../test/support/form-client.js';
import { signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import {
  clinic,
  doctor,
  otherClinic,
  otherDoctor,
  PATIENT,
  type StaffSession,
  visit,
  visitActionsApp,
  visitHelpers,
} from './visit-actions-test-support.js';

let t: TestApp;
let desk: StaffSession;
beforeAll(async () => {
  ({ t, desk } = await visitActionsApp());
});
afterAll(async () => {
  await t.close();
});
const { auditFor, outboxFor } = visitHelpers(() => t);

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
