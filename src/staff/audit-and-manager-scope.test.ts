/** The audit trail by patient and by user, and what a clinic manager may not see. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import {
  clinic,
  doctor,
  otherClinic,
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
const { bookOnline } = visitHelpers(() => t);

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
