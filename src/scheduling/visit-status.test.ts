import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_STATUSES,
  decideVisitAction,
  remindersApply,
  VISIT_ACTIONS,
  type AppointmentStatus,
  type VisitAction,
} from './visit-status.js';

// A visit on Tuesday 1 December 2026 at 10:00 in Phoenix (UTC-7 all year) and one in New York,
// where the clinic's day and the UTC day differ in the evening.
const phoenix = (iso: string) => new Date(`${iso}-07:00`);
const visit = (status: AppointmentStatus) => ({
  status,
  startsAt: phoenix('2026-12-01T10:00'),
  timeZone: 'America/Phoenix',
});

/** Where each action may start from; every other pair is refused as "visit_changed". */
const ALLOWED: Record<VisitAction, AppointmentStatus[]> = {
  'check-in': ['booked', 'no-show'],
  'mark-no-show': ['booked'],
  undo: ['checked-in', 'no-show'],
  cancel: ['booked'],
  move: ['booked'],
  complete: ['checked-in'],
};
/** A moment at which each action's time rule holds, for the exhaustive table. */
const GOOD_TIME: Record<VisitAction, Date> = {
  'check-in': phoenix('2026-12-01T09:30'),
  'mark-no-show': phoenix('2026-12-01T10:20'),
  undo: phoenix('2026-12-01T10:20'),
  cancel: phoenix('2026-11-30T12:00'),
  move: phoenix('2026-11-30T12:00'),
  complete: phoenix('2026-12-01T10:40'),
};

describe('the appointment state machine', () => {
  it('every status and action: allowed where the table says, else visit_changed', () => {
    for (const status of APPOINTMENT_STATUSES) {
      for (const action of VISIT_ACTIONS) {
        const d = decideVisitAction(visit(status), action, GOOD_TIME[action]);
        if (ALLOWED[action].includes(status)) expect(d.ok, `${status} ${action}`).toBe(true);
        else expect(d, `${status} ${action}`).toEqual({ ok: false, code: 'visit_changed' });
      }
    }
  });

  it('goes where each action leads', () => {
    const to = (status: AppointmentStatus, action: VisitAction) => {
      const d = decideVisitAction(visit(status), action, GOOD_TIME[action]);
      return d.ok ? d.to : d.code;
    };
    expect(to('booked', 'check-in')).toBe('checked-in');
    expect(to('no-show', 'check-in')).toBe('checked-in');
    expect(to('booked', 'mark-no-show')).toBe('no-show');
    expect(to('checked-in', 'undo')).toBe('booked');
    expect(to('no-show', 'undo')).toBe('booked');
    expect(to('booked', 'cancel')).toBe('cancelled');
    expect(to('booked', 'move')).toBe('booked');
    expect(to('checked-in', 'complete')).toBe('completed');
  });

  it('checks in only on the visit’s clinic day, at any hour of it', () => {
    const at = (iso: string) => decideVisitAction(visit('booked'), 'check-in', phoenix(iso));
    expect(at('2026-12-01T00:00')).toMatchObject({ ok: true });
    expect(at('2026-12-01T23:59')).toMatchObject({ ok: true });
    expect(at('2026-11-30T23:59')).toEqual({ ok: false, code: 'too_early_to_check_in' });
    expect(at('2026-11-29T10:00')).toEqual({ ok: false, code: 'too_early_to_check_in' });
    expect(at('2026-12-02T00:00')).toEqual({ ok: false, code: 'too_late_to_check_in' });
  });

  it('uses the clinic’s zone, not UTC, for "the visit’s day"', () => {
    // 20:00 in New York on 1 December is already 2 December in UTC.
    const ny = {
      status: 'booked' as const,
      startsAt: new Date('2026-12-01T15:00:00Z'),
      timeZone: 'America/New_York',
    };
    expect(decideVisitAction(ny, 'check-in', new Date('2026-12-02T01:00:00Z'))).toMatchObject({ ok: true });
  });

  it('marks a no-show only from the start time (a no-show two days early is refused)', () => {
    const at = (iso: string) => decideVisitAction(visit('booked'), 'mark-no-show', phoenix(iso));
    expect(at('2026-11-29T10:00')).toEqual({ ok: false, code: 'too_early_for_no_show' });
    expect(at('2026-12-01T09:59')).toEqual({ ok: false, code: 'too_early_for_no_show' });
    expect(at('2026-12-01T10:00')).toMatchObject({ ok: true, to: 'no-show' });
    expect(at('2026-12-03T10:00')).toMatchObject({ ok: true });
  });

  it('cancels or moves only before the start time', () => {
    for (const action of ['cancel', 'move'] as const) {
      expect(decideVisitAction(visit('booked'), action, phoenix('2026-12-01T09:59'))).toMatchObject({
        ok: true,
      });
      expect(decideVisitAction(visit('booked'), action, phoenix('2026-12-01T10:00'))).toEqual({
        ok: false,
        code: 'visit_started',
      });
    }
  });

  it('a visit checked in by mistake can be moved or cancelled after an undo', () => {
    const undone = decideVisitAction(visit('checked-in'), 'undo', phoenix('2026-12-01T09:00'));
    expect(undone).toEqual({ ok: true, to: 'booked' });
    expect(decideVisitAction(visit('booked'), 'move', phoenix('2026-12-01T09:00'))).toMatchObject({
      ok: true,
    });
  });

  it('sends reminders only while a visit is booked and has not started', () => {
    const start = phoenix('2026-12-01T10:00');
    const before = phoenix('2026-11-30T10:00');
    expect(remindersApply('booked', start, before)).toBe(true);
    expect(remindersApply('booked', start, start)).toBe(false);
    for (const s of APPOINTMENT_STATUSES.filter((x) => x !== 'booked'))
      expect(remindersApply(s, start, before), s).toBe(false);
  });
});
