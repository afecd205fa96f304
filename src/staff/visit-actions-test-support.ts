/**
 * Shared set-up for the tests of what the staff do to visits (booking on a patient's behalf, moving,
 * cancelling, offering waiting-list times, the audit trail): one world, its staff accounts, and
 * helpers that book online and read a visit's row, audit events and messages.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../../test/support/test-app.js';
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
export const clinic = aClinic({ timeZone: 'America/Phoenix' });
export const otherClinic = aClinic({ timeZone: 'America/Phoenix' });
export const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
export const colleague = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
export const otherDoctor = aClinician({ schedule: weekdays(otherClinic, '08:00', '16:00') });
export const visit = aVisitType({
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

export const PATIENT = {
  givenName: 'Paloma',
  familyName: 'Phoneline',
  birthDate: '1966-06-16',
  email: 'paloma@example.com',
  phone: '480 555 0166',
};

export type StaffSession = Awaited<ReturnType<typeof signedIn>>;

/**
 * The world's app with a front desk at each clinic, a provider account for `doctor` and a clinic
 * manager at the other clinic, and the first desk signed in.
 */
export async function visitActionsApp(): Promise<{ t: TestApp; desk: StaffSession }> {
  const t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'other-desk@example.com', role: 'front-desk', locations: [otherClinic.slug] },
    { email: 'doctor@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
    { email: 'other-manager@example.com', role: 'clinic-manager', locations: [otherClinic.slug] },
  ]);
  return { t, desk: await signedIn(t, 'desk@example.com') };
}

/** Helpers on the app that `app` returns (once beforeAll has made it). */
export function visitHelpers(app: () => TestApp) {
  const api = (path: string, body: unknown) =>
    app().request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });

  async function bookOnline(
    start: string,
    provider = doctor.slug,
    visitType = visit.slug,
    patient = PATIENT,
  ) {
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
      await app().db.query<{ status: string; provider: string; starts_at: Date; sequence: number }>(
        `SELECT a.status, p.slug AS provider, a.starts_at, a.sequence FROM appointments a JOIN providers p ON p.id = a.provider_id WHERE a.id = $1`,
        [id],
      )
    )[0]!;

  const auditFor = (entityId: string) =>
    app().db.query<{ action: string; outcome: string; actor_type: string; detail: unknown }>(
      'SELECT action, outcome, actor_type, detail FROM audit_events WHERE entity_id = $1 ORDER BY id',
      [entityId],
    );

  const outboxFor = (id: string) =>
    app().db.query<{ kind: string; text_body: string; recipient: string }>(
      "SELECT kind, text_body, recipient FROM outbox_messages WHERE appointment_id = $1 AND kind NOT LIKE 'appointment-reminder%' ORDER BY created_at, kind",
      [id],
    );

  return { api, bookOnline, appointment, auditFor, outboxFor };
}
