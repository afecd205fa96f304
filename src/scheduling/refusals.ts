/**
 * Every reason scheduling refuses a change, with its stable code: the API's problem+json `code`
 * (409 or 410), and the key of the text pages show (`refusal.<code>` in the catalogs). Codes are
 * a public interface: add new ones, never rename. The English detail is for API clients.
 */
import { Refused } from '../platform/http/problem.js';
import type { VisitRefusal } from './visit-status.js';

const REFUSALS = {
  slot_taken: [409, 'That time has just been taken. Please choose another time.'],
  visit_changed: [409, 'This visit changed since it was read; nothing was changed. Read it again and retry.'],
  visit_not_active: [
    409,
    'This visit is no longer booked (cancelled, checked in or past), so it cannot be changed.',
  ],
  visit_started: [409, 'This visit has already started.'],
  too_early_to_check_in: [409, 'A visit can be checked in only on its day.'],
  too_late_to_check_in: [409, 'This visit’s day has passed; it can no longer be checked in.'],
  too_early_for_no_show: [409, 'A visit can be marked as a no-show only once its start time has passed.'],
  not_waiting: [409, 'This person is no longer waiting (offered, booked or left the list).'],
  booking_gone: [410, 'The appointment booked with this key no longer exists.'],
} as const satisfies Record<string, readonly [409 | 410, string]> & Record<VisitRefusal, unknown>;

export type RefusalCode = keyof typeof REFUSALS;

export class SchedulingRefused extends Refused {
  constructor(override readonly code: RefusalCode) {
    super(code, REFUSALS[code][0], REFUSALS[code][1]);
  }
}

export const REFUSAL_CODES = Object.keys(REFUSALS) as RefusalCode[];

export const isRefusalCode = (code: string): code is RefusalCode => code in REFUSALS;
