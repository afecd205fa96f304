/**
 * The appointment state machine: which status a visit may move to, by which action, and when.
 * Pure (the clock and the clinic's time zone are passed in), so every rule is tested
 * exhaustively in visit-status.test.ts. The front-desk commands ask it before they write, and a
 * refusal carries a stable code that the pages and the API map to their own words.
 *
 *   booked ──check-in (on the visit's clinic day)──▶ checked-in ──undo──▶ booked
 *   booked ──mark-no-show (from the start time)────▶ no-show ────undo──▶ booked
 *   no-show ─check-in (the patient came late, same day)─▶ checked-in
 *   booked ──cancel / move (before the start time)─▶ cancelled / booked
 *   checked-in ──complete──▶ completed
 */
import { Temporal } from 'temporal-polyfill';

export const APPOINTMENT_STATUSES = ['booked', 'checked-in', 'no-show', 'cancelled', 'completed'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const VISIT_ACTIONS = ['check-in', 'mark-no-show', 'undo', 'cancel', 'move', 'complete'] as const;
export type VisitAction = (typeof VISIT_ACTIONS)[number];

/** Stable codes for a refused change (problem+json `code`, the page's message key). */
export type VisitRefusal =
  | 'visit_changed'
  | 'too_early_to_check_in'
  | 'too_late_to_check_in'
  | 'too_early_for_no_show'
  | 'visit_started';

export interface VisitState {
  status: AppointmentStatus;
  startsAt: Date;
  /** The clinic's IANA zone: "the visit's day" is the clinic's calendar day. */
  timeZone: string;
}

export type Decision = { ok: true; to: AppointmentStatus } | { ok: false; code: VisitRefusal };

const FROM: Record<VisitAction, AppointmentStatus[]> = {
  'check-in': ['booked', 'no-show'],
  'mark-no-show': ['booked'],
  undo: ['checked-in', 'no-show'],
  cancel: ['booked'],
  move: ['booked'],
  complete: ['checked-in'],
};

const TO: Record<VisitAction, AppointmentStatus> = {
  'check-in': 'checked-in',
  'mark-no-show': 'no-show',
  undo: 'booked',
  cancel: 'cancelled',
  move: 'booked',
  complete: 'completed',
};

function clinicDay(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/**
 * May `action` happen to a visit in `state` at `now`? A status the action does not start from
 * means the visit changed since the person looked at it (`visit_changed`).
 */
export function decideVisitAction(state: VisitState, action: VisitAction, now: Date): Decision {
  if (!FROM[action].includes(state.status)) return { ok: false, code: 'visit_changed' };
  const today = clinicDay(now, state.timeZone);
  const visitDay = clinicDay(state.startsAt, state.timeZone);
  switch (action) {
    case 'check-in':
      if (today < visitDay) return { ok: false, code: 'too_early_to_check_in' };
      if (today > visitDay) return { ok: false, code: 'too_late_to_check_in' };
      break;
    case 'mark-no-show':
      if (now < state.startsAt) return { ok: false, code: 'too_early_for_no_show' };
      break;
    case 'cancel':
    case 'move':
      if (now >= state.startsAt) return { ok: false, code: 'visit_started' };
      break;
  }
  return { ok: true, to: TO[action] };
}

/** Reminders go out only for a visit still booked and not yet started. */
export function remindersApply(status: AppointmentStatus, startsAt: Date, now: Date): boolean {
  return status === 'booked' && startsAt > now;
}
