/**
 * Front-desk status commands: check in, mark a no-show, undo either. Each one locks the visit,
 * asks the state machine (visit-status.ts), writes the status and its audit event in one
 * transaction, and refuses with a stable code instead of doing nothing quietly: a visit that
 * changed since the page was shown is `visit_changed`, never a redirect as if it had worked.
 */
import { locationById } from '../directory/index.js';
import { NotFound } from '../platform/http/problem.js';
import { SchedulingRefused } from './refusals.js';
import type { CommandContext } from './command-context.js';
import { changeStatus, lockAppointment, type StoredAppointment } from './scheduling-store.js';
import { decideVisitAction, type AppointmentStatus } from './visit-status.js';

export type FrontDeskAction = 'check-in' | 'mark-no-show' | 'undo';

/** The audit action of each command (kept as before for check-in and no-show). */
const AUDIT_ACTION: Record<FrontDeskAction, string> = {
  'check-in': 'check-in',
  'mark-no-show': 'no-show',
  undo: 'undo-status',
};

/**
 * `expected` is the status the person saw: a visit that has moved on since (someone else checked
 * it in, or it was cancelled) is refused as changed even when the action would be allowed now.
 */
export async function changeVisitStatus(
  ctx: CommandContext,
  id: string,
  action: FrontDeskAction,
  expected?: AppointmentStatus,
): Promise<StoredAppointment> {
  const d = await ctx.s.directory.get();
  const now = ctx.now;
  const outcome = await ctx.transaction(async (t) => {
    const tx = t.db;
    const visit = await lockAppointment(tx, id);
    if (!visit) throw new NotFound('There is no visit with this id.');
    const timeZone = locationById(d, visit.locationId)!.timeZone;
    const decision =
      expected && expected !== visit.status
        ? ({ ok: false, code: 'visit_changed' } as const)
        : decideVisitAction({ status: visit.status, startsAt: visit.startsAt, timeZone }, action, now);
    if (!decision.ok) return { refused: decision.code, visit: undefined };
    await changeStatus(tx, id, decision.to, [visit.status], now);
    await t.audit({
      action: AUDIT_ACTION[action],
      entityType: 'appointment',
      entityId: id,
      outcome: 'success',
      ...(action === 'undo' ? { detail: { from: visit.status } } : {}),
    });
    return {
      refused: undefined,
      visit: { ...visit, status: decision.to, checkedInAt: decision.to === 'checked-in' ? now : null },
    };
  });
  if (outcome.refused) {
    // The refusal is audited after the (read-only) transaction, with its code and no content.
    await ctx.audit({
      action: AUDIT_ACTION[action],
      entityType: 'appointment',
      entityId: id,
      outcome: 'invalid',
      detail: { code: outcome.refused },
    });
    throw new SchedulingRefused(outcome.refused);
  }
  return outcome.visit!;
}
