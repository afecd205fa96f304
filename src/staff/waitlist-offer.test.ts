/** The front desk reads the waiting list and offers someone on it a time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/test-app.js';
import {
  clinic,
  doctor,
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
const { api } = visitHelpers(() => t);

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
    // The entry's dates in words here too, never YYYY-MM-DD.
    expect(page).toContain('December 7, 2026 – December 9, 2026');
    expect(page).not.toContain('2026-12-07 –');
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
