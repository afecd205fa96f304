/**
 * Walks every staff route the app registers and counts the audit events each request writes.
 * A request that shows or changes health data writes exactly one event per record it touches
 * (never zero, never two for one record); pages without health data write none, and
 * administrative changes write one. A route added without a step fails the first test.
 * Afterwards, the planted patient's details must not appear in the logs.
 *
 * The world and the walk are in test/support/audit-walk.ts; the steps, in the order taken, in
 * test/audit-walk/ (front-desk-steps.ts, admin-steps.ts, accounts-steps.ts); the refusals and
 * the routes walked elsewhere are below.
 */
import { record, useLoadedMonday, walkEveryStaffRoute, type Denial } from './support/audit-walk.js';
import { FRONT_DESK_STEPS } from './audit-walk/front-desk-steps.js';
import { ADMIN_STEPS } from './audit-walk/admin-steps.js';
import { ACCOUNTS_STEPS } from './audit-walk/accounts-steps.js';

useLoadedMonday();

/** Every step, in the order taken: later steps see what earlier ones changed. */
const STEPS = [...FRONT_DESK_STEPS, ...ADMIN_STEPS, ...ACCOUNTS_STEPS];

/**
 * Requests that must be refused: another clinic's front desk on a Scottsdale record, a provider on
 * the front desk's routes, staff on administration. Each answers 404 (like a missing record),
 * changes nothing and writes exactly one "denied" event.
 */
const DENIALS: Denial[] = [
  ...[
    record('GET /staff/appointments/:id', '/staff/appointments/ID:second'),
    record('GET /staff/appointments/:id/slip', '/staff/appointments/ID:second/slip'),
    record('GET /staff/appointments/:id/intake', '/staff/appointments/ID:today/intake'),
    record('POST /staff/appointments/:id/check-in', '/staff/appointments/ID:second/check-in', {}),
    record('GET /staff/appointments/:id/no-show', '/staff/appointments/ID:second/no-show'),
    record('POST /staff/appointments/:id/no-show', '/staff/appointments/ID:second/no-show', {}),
    record('POST /staff/appointments/:id/undo', '/staff/appointments/ID:second/undo', {}),
    record('GET /staff/appointments/:id/reschedule', '/staff/appointments/ID:second/reschedule'),
    record('POST /staff/appointments/:id/reschedule', '/staff/appointments/ID:second/reschedule', {
      slot: 'ben-evans|2026-12-01T15:00:00-07:00',
    }),
    record('GET /staff/appointments/:id/cancel', '/staff/appointments/ID:second/cancel'),
    record('POST /staff/appointments/:id/cancel', '/staff/appointments/ID:second/cancel', {}),
    record('POST /staff/appointments/:id/resend', '/staff/appointments/ID:second/resend', {}),
    record('POST /staff/appointments/:id/keep', '/staff/appointments/ID:second/keep', {}),
    record('POST /staff/appointments/:id/restore', '/staff/appointments/ID:second/restore', {}),
    record('GET /staff/patients/:id', '/staff/patients/ID:patient'),
    record('POST /staff/patients/:id/contact', '/staff/patients/ID:patient/contact', {
      email: 'x@example.com',
      phone: '480 555 0000',
    }),
    record('GET /staff/waitlist/:id/offer', '/staff/waitlist/ID:entry/offer'),
    record('POST /staff/waitlist/:id/offer', '/staff/waitlist/ID:entry/offer', {
      slot: 'ben-evans|2026-12-09T09:00:00-07:00',
    }),
  ].map((r) => ({ ...r, as: 'tempe' as const })),
  ...[
    // A provider reads their day; a visit's status is the desk's to change, even their own patient's.
    record('POST /staff/appointments/:id/check-in', '/staff/appointments/ID:second/check-in', {
      status: 'booked',
    }),
    record('GET /staff/appointments/:id/no-show', '/staff/appointments/ID:second/no-show'),
    record('POST /staff/appointments/:id/no-show', '/staff/appointments/ID:second/no-show', {
      status: 'booked',
    }),
    record('POST /staff/appointments/:id/undo', '/staff/appointments/ID:started/undo', {
      status: 'no-show',
    }),
    record('GET /staff/book', '/staff/book'),
    record('POST /staff/book', '/staff/book', { location: 'scottsdale' }),
    record('GET /staff/waitlist', '/staff/waitlist'),
    record('GET /staff/waitlist/new', '/staff/waitlist/new'),
    record('POST /staff/waitlist/new', '/staff/waitlist/new', { location: 'scottsdale' }),
    record('GET /staff/appointments/:id/cancel', '/staff/appointments/ID:second/cancel'),
    record('POST /staff/appointments/:id/reschedule', '/staff/appointments/ID:second/reschedule', {}),
    record('POST /staff/appointments/:id/resend', '/staff/appointments/ID:second/resend', {}),
    record('GET /staff/decisions', '/staff/decisions'),
    record('POST /staff/appointments/:id/restore', '/staff/appointments/ID:second/restore', {}),
    record('GET /staff/admin/providers/:slug/time-off', '/staff/admin/providers/ben-evans/time-off'),
    record('GET /staff/audit', '/staff/audit'),
    record(
      'POST /staff/admin/staff/:id/password-reset',
      '/staff/admin/staff/ID:desk@example.com/password-reset',
      {},
    ),
    record('POST /staff/admin/staff/:id/mfa-reset', '/staff/admin/staff/ID:desk@example.com/mfa-reset', {}),
  ].map((r) => ({ ...r, as: 'evans' as const })),
  // The front desk: no administration at all.
  ...[
    record('GET /staff/admin', '/staff/admin'),
    record('GET /staff/admin/clinics', '/staff/admin/clinics'),
    record('POST /staff/admin/clinics/:slug/hours', '/staff/admin/clinics/scottsdale/hours', {}),
    record('GET /staff/admin/providers', '/staff/admin/providers'),
    record('POST /staff/admin/clinics/new', '/staff/admin/clinics/new', { slug: 'x' }),
    record('POST /staff/admin/providers/:slug/retire', '/staff/admin/providers/ben-evans/retire', {}),
    record(
      'POST /staff/admin/providers/:slug/blocks/:id/edit',
      '/staff/admin/providers/lucia-ramirez/blocks/ID:thursdayBlock/edit',
      {},
    ),
  ].map((r) => ({ ...r, as: 'desk' as const })),
  // A clinic manager (Tempe): not another clinic, its providers, its visits, nor the network's pages.
  ...[
    record('GET /staff/admin/clinics/:slug', '/staff/admin/clinics/scottsdale'),
    record('POST /staff/admin/clinics/:slug/hours', '/staff/admin/clinics/scottsdale/hours', {}),
    record('POST /staff/admin/clinics/:slug/closures', '/staff/admin/clinics/scottsdale/closures', {}),
    record(
      'POST /staff/admin/clinics/:slug/closures/:date/remove',
      '/staff/admin/clinics/scottsdale/closures/2026-12-24/remove',
      {},
    ),
    record('POST /staff/admin/clinics/:slug/details', '/staff/admin/clinics/tempe/details', {}),
    record('GET /staff/admin/providers/:slug', '/staff/admin/providers/ben-evans'),
    record('GET /staff/admin/providers/:slug/time-off', '/staff/admin/providers/ben-evans/time-off'),
    record('POST /staff/admin/providers/:slug/time-off', '/staff/admin/providers/ben-evans/time-off', {}),
    record(
      'POST /staff/admin/providers/:slug/time-off/:id/remove',
      '/staff/admin/providers/ben-evans/time-off/00000000-0000-4000-8000-000000000000/remove',
      {},
    ),
    record('POST /staff/admin/providers/:slug/profile', '/staff/admin/providers/ben-evans/profile', {}),
    record('POST /staff/admin/providers/:slug/blocks', '/staff/admin/providers/ben-evans/blocks', {}),
    // Lucía Ramírez works at Tempe too: its manager runs her time off there, not her working hours.
    record(
      'GET /staff/admin/providers/:slug/blocks/:id/edit',
      '/staff/admin/providers/lucia-ramirez/blocks/ID:thursdayBlock/edit',
    ),
    record(
      'POST /staff/admin/providers/:slug/blocks/:id/edit',
      '/staff/admin/providers/lucia-ramirez/blocks/ID:thursdayBlock/edit',
      {},
    ),
    record('GET /staff/admin/visit-types', '/staff/admin/visit-types'),
    record('GET /staff/admin/staff', '/staff/admin/staff'),
    record('GET /staff/admin/staff/invite', '/staff/admin/staff/invite'),
    record('GET /staff/admin/pathways', '/staff/admin/pathways'),
    record('GET /staff/admin/fhir-clients', '/staff/admin/fhir-clients'),
    record('GET /staff/audit', '/staff/audit'),
    record('GET /staff/outbox', '/staff/outbox'),
    record('GET /staff/appointments/:id', '/staff/appointments/ID:second'),
    record('GET /staff/appointments/:id/intake', '/staff/appointments/ID:today/intake'),
    record('GET /staff/admin/clinics/new', '/staff/admin/clinics/new'),
    record('POST /staff/admin/clinics/new', '/staff/admin/clinics/new', { slug: 'x' }),
    record('POST /staff/admin/clinics/:slug/retire', '/staff/admin/clinics/tempe/retire', {}),
    record('POST /staff/admin/clinics/:slug/reactivate', '/staff/admin/clinics/tempe/reactivate', {}),
    record('GET /staff/admin/providers/new', '/staff/admin/providers/new'),
    record('POST /staff/admin/providers/new', '/staff/admin/providers/new', { slug: 'x' }),
    record('POST /staff/admin/providers/:slug/retire', '/staff/admin/providers/ben-evans/retire', {}),
    record('POST /staff/admin/providers/:slug/reactivate', '/staff/admin/providers/ben-evans/reactivate', {}),
    record('GET /staff/admin/visit-types/new', '/staff/admin/visit-types/new'),
    record('POST /staff/admin/visit-types/new', '/staff/admin/visit-types/new', { slug: 'x' }),
    record(
      'POST /staff/admin/visit-types/:slug/retire',
      '/staff/admin/visit-types/back-pain-visit/retire',
      {},
    ),
    record(
      'POST /staff/admin/visit-types/:slug/reactivate',
      '/staff/admin/visit-types/back-pain-visit/reactivate',
      {},
    ),
  ].map((r) => ({ ...r, as: 'manager' as const })),
];

/** Two-factor and sign-out routes are walked in the sign-in tests (they change the session). */
const ELSEWHERE = new Set([
  'POST /staff/login',
  'POST /staff/logout',
  'GET /staff/login/mfa',
  'POST /staff/login/mfa',
  'GET /staff/mfa',
  'POST /staff/mfa',
]);

walkEveryStaffRoute({ steps: STEPS, denials: DENIALS, elsewhere: ELSEWHERE });
