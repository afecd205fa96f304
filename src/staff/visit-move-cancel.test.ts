/** The staff move and cancel visits, and what that does to the patient's private link. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../../test/support/form-client.js';
import { signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import {
  clinic,
  colleague,
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
const { api, bookOnline, appointment, auditFor, outboxFor } = visitHelpers(() => t);

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
