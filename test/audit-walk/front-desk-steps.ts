/**
 * The audit walk's steps, part 1 (test/staff-audit-walk.test.ts takes them in this order, then
 * admin-steps.ts, then accounts-steps.ts): the day's work over health data. The front desk's and
 * a provider's pages over visits, patients and the waiting list, time off over a booked visit, and
 * the administrators' reads of the audit trail and the outbox.
 */
import { ids, PLANTED, get, send, outboxRecords, type Step } from '../support/audit-walk.js';

export const FRONT_DESK_STEPS: Step[] = [
  // Sign-in pages: every attempt is audited; no health data.
  get('/staff/login', 'desk', '/staff/login', 200, 0),
  // Health data: one event per visit shown or changed.
  get('/staff', 'desk', '/staff?location=scottsdale&date=2026-11-30', 200, 3, true),
  get('/staff/week', 'desk', '/staff/week?location=scottsdale&date=2026-11-30', 200, 6, true),
  get('/staff/search', 'desk', '/staff/search', 200, 0),
  send(
    '/staff/search',
    'desk',
    () => '/staff/search',
    () => ({ q: 'Plantedpatient' }),
    200,
    7,
    true,
  ),
  get('/staff/appointments/:id', 'desk', '/staff/appointments/ID:today', 200, 1, true),
  get('/staff/appointments/:id/slip', 'desk', '/staff/appointments/ID:today/slip', 200, 1, true),
  get('/staff/appointments/:id/intake', 'evans', '/staff/appointments/ID:today/intake', 200, 1, true),
  // The planted patient and their four visits at Scottsdale: one event each.
  get('/staff/patients/:id', 'desk', '/staff/patients/ID:patient', 200, 5, true),
  send(
    '/staff/patients/:id/contact',
    'desk',
    () => `/staff/patients/${ids.patient}/contact`,
    () => ({ email: PLANTED.email, phone: PLANTED.phone }),
    303,
    1,
    true,
  ),
  send(
    '/staff/appointments/:id/check-in',
    'desk',
    () => `/staff/appointments/${ids.today}/check-in`,
    () => ({}),
    303,
    1,
    true,
  ),
  get('/staff/appointments/:id/no-show', 'desk', '/staff/appointments/ID:noShow/no-show', 200, 1, true),
  // A no-show can be marked only once the visit has started: last Friday's visit.
  send(
    '/staff/appointments/:id/no-show',
    'desk',
    () => `/staff/appointments/${ids.started}/no-show`,
    () => ({}),
    303,
    1,
    true,
  ),

  send(
    '/staff/appointments/:id/undo',
    'desk',
    () => `/staff/appointments/${ids.today}/undo`,
    () => ({ status: 'checked-in' }),
    303,
    1,
    true,
  ),
  get(
    '/staff/appointments/:id/reschedule',
    'desk',
    '/staff/appointments/ID:toMove/reschedule?date=2026-12-01',
    200,
    1,
    true,
  ),
  send(
    '/staff/appointments/:id/reschedule',
    'desk',
    () => `/staff/appointments/${ids.toMove}/reschedule`,
    () => ({ slot: 'ben-evans|2026-12-01T13:00:00-07:00' }),
    303,
    1,
    true,
  ),
  // Visits waiting for a decision: one event per visit listed (none here); keeping a visit that
  // waits for none is refused and changes nothing.
  get('/staff/decisions', 'desk', '/staff/decisions', 200, 0),
  // Undoing a cancel of a visit that is not cancelled, keeping one that waits for no decision:
  // refused, nothing changes, and the attempt is recorded (outcome invalid, with its code).
  send(
    '/staff/appointments/:id/restore',
    'desk',
    () => `/staff/appointments/${ids.toCancel}/restore`,
    () => ({}),
    409,
    1,
    true,
  ),
  send(
    '/staff/appointments/:id/keep',
    'desk',
    () => `/staff/appointments/${ids.toCancel}/keep`,
    () => ({}),
    409,
    1,
    true,
  ),
  // Sending the confirmation again: one event, naming the visit (the message holds health data).
  send(
    '/staff/appointments/:id/resend',
    'desk',
    () => `/staff/appointments/${ids.toCancel}/resend`,
    () => ({}),
    303,
    1,
    true,
  ),
  get('/staff/appointments/:id/cancel', 'desk', '/staff/appointments/ID:toCancel/cancel', 200, 1, true),
  send(
    '/staff/appointments/:id/cancel',
    'desk',
    () => `/staff/appointments/${ids.toCancel}/cancel`,
    () => ({}),
    303,
    1,
    true,
  ),
  get(
    '/staff/book',
    'desk',
    '/staff/book?location=scottsdale&visitType=back-pain-visit&date=2026-12-02',
    200,
    0,
  ),
  send(
    '/staff/book',
    'desk',
    () => '/staff/book',
    () => ({
      location: 'scottsdale',
      visitType: 'back-pain-visit',
      slot: 'ben-evans|2026-12-02T09:00:00-07:00',
      ...PLANTED,
      givenName: 'Phil',
    }),
    303,
    1,
    true,
  ),
  get('/staff/waitlist', 'desk', '/staff/waitlist?location=scottsdale', 200, 1, true),
  get('/staff/waitlist/:id/offer', 'desk', '/staff/waitlist/ID:entry/offer?date=2026-12-08', 200, 1, true),
  send(
    '/staff/waitlist/:id/offer',
    'desk',
    () => `/staff/waitlist/${ids.entry}/offer`,
    () => ({ slot: 'ben-evans|2026-12-08T09:00:00-07:00' }),
    303,
    1,
    true,
  ),
  // Adding a caller: the form shows no one; the new entry is one event.
  get('/staff/waitlist/new', 'desk', '/staff/waitlist/new?location=scottsdale', 200, 0),
  send(
    '/staff/waitlist/new',
    'desk',
    () => '/staff/waitlist/new',
    () => ({
      location: 'scottsdale',
      visitType: 'back-pain-visit',
      from: '2026-12-01',
      to: '2026-12-10',
      givenName: 'Walt',
      familyName: 'Caller',
      birthDate: '1950-01-02',
      phone: '480 555 0150',
      language: 'en',
    }),
    303,
    1,
    true,
  ),
  // Time off over a booked visit: the question lists it (one read), the decision records one event.
  get('/staff/admin/providers/:slug/time-off', 'admin', '/staff/admin/providers/ben-evans/time-off', 200, 0),
  send(
    '/staff/admin/providers/:slug/time-off',
    'admin',
    () => '/staff/admin/providers/ben-evans/time-off',
    () => ({ starts: '2026-12-03T09:00', ends: '2026-12-03T12:00', note: 'Course' }),
    409,
    1,
    true,
  ),
  // Administrators' reads of the audit trail and the outbox: one event each.
  get('/staff/audit', 'admin', '/staff/audit', 200, 1),
  get('/api/v1/audit-events', 'admin', '/api/v1/audit-events', 200, 1),
  // The outbox: a read of each visit it lists (once per visit) and of each message about none.
  get('/staff/outbox', 'admin', '/staff/outbox', 200, outboxRecords, true),
  // "Send again": one event, naming the visit the message is about.
  send(
    '/staff/outbox/:id/resend',
    'admin',
    () => `/staff/outbox/${ids.failedMessage}/resend`,
    () => ({}),
    303,
    1,
    true,
  ),
  // A user's language setting: one event (no health data), then back to the page.
  send(
    '/staff/language',
    'desk',
    () => '/staff/language',
    () => ({ language: 'en', back: '/staff' }),
    303,
    1,
  ),
];
