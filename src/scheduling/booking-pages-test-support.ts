/**
 * Shared set-up for the booking-page tests (booking-pages, booking-sms-reminders,
 * booking-warnings): one clinic, one clinician, two visit types, the app with an SMS gateway, and
 * a patient's details.
 */
import type { TestApp } from '../../test/support/test-app.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// One Arizona clinic (UTC-7 all year, so the calendar says America/Phoenix) and one clinician
// there who speaks English only, 08:00 to 16:00 on weekdays. A 45-minute consultation with a
// 15-minute buffer (one an hour from 08:00), which a self-check result leads to, and a 20-minute
// follow-up with a 10-minute buffer; two hours' notice for both, so Monday's first time, at 07:00,
// is 09:00. The follow-up's name says what it is for: the calendar file must not.
export const clinic = aClinic({ timeZone: 'America/Phoenix' });
export const doctor = aClinician({
  displayName: 'Dr. Hal Home',
  languages: ['en'],
  schedule: weekdays(clinic, '08:00', '16:00'),
});
export const consultation = aVisitType({
  providers: [doctor],
  durationMinutes: 45,
  bufferMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
export const followUp = aVisitType({
  providers: [doctor],
  name: { en: 'Back pain follow-up', es: 'Seguimiento del dolor de espalda' },
  durationMinutes: 20,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
export const network = aNetwork({
  clinics: [clinic],
  clinicians: [doctor],
  visitTypes: [consultation, followUp],
  selfCheckVisitTypes: { visit: consultation },
});

export const NOW = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona

/** The world's app at NOW. */
export function bookingPagesApp(): Promise<TestApp> {
  // An SMS gateway is configured here, so text reminders are offered (see the test without one).
  return createWorldApp(network, {
    now: () => NOW,
    config: { SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_TOKEN: 'gateway-secret-token' },
  });
}

export const DETAILS = {
  givenName: 'Ana',
  familyName: 'Pruebas',
  birthDate: '1985-06-15',
  email: 'ana@example.com',
  phone: '(602) 555-0199',
};
