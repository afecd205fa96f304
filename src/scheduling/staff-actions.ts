/**
 * Visit changes made by clinic staff: the same rules, audit events and patient messages as the
 * patient's own changes. The notices carry the patient's own private link, opened from its sealed
 * copy (migration 0010); staff never see it.
 */
import { locationById, visitTypeById } from '../directory/index.js';
import { SchedulingRefused } from './refusals.js';
import { NotFound, ValidationFailed } from '../platform/http/problem.js';
import {
  cancelAppointment,
  moveTargetOf,
  requireChangeable,
  rescheduleAppointment,
  type MoveTarget,
} from './visit-changes.js';
import { requireBookableSlot } from './slot-search.js';
import type { CommandContext } from './command-context.js';
import { PG, pgErrorCode, type Queryable } from '../platform/db/database.js';
import {
  clearDecisionDue,
  findAppointment,
  markDecisionDue,
  restoreCancelled,
  type StoredAppointment,
  type DecisionReason,
} from './scheduling-store.js';
import { offerToEntry } from './waitlist.js';
import { findWaitingEntry } from './waitlist-store.js';
import { messageSubject, patientToken, visitMessages } from './visit-messages.js';
import { enqueueMessage } from '../notifications/index.js';

async function requireVisit(ctx: CommandContext, id: string) {
  const a = await findAppointment(ctx.db, id);
  if (!a) throw new NotFound('There is no visit with this id.');
  return a;
}

/** Cancels a visit for the patient: they are told, and the time goes to the waiting list. */
export async function staffCancelAppointment(
  ctx: CommandContext,
  appointmentId: string,
  reason?: string,
): Promise<StoredAppointment> {
  const a = await requireVisit(ctx, appointmentId);
  // Refuse before patientToken may issue a new token: a refused change must not break the link.
  requireChangeable(ctx, a);
  return cancelAppointment(ctx, a, await patientToken(ctx.s, a.id), reason);
}

/** Moves a visit to a new time, optionally with another clinician, clinic or visit type. */
export async function staffRescheduleAppointment(
  ctx: CommandContext,
  a: StoredAppointment,
  to: MoveTarget,
): Promise<StoredAppointment> {
  // Refuse a visit that cannot move, or a time that is not bookable, before patientToken may issue
  // a new token (a refused change must not break the patient's link). The move checks both again.
  requireChangeable(ctx, a);
  const d = await ctx.s.directory.get();
  await requireBookableSlot(ctx.s, d, moveTargetOf(d, a, to), { checkBlocking: true });
  return rescheduleAppointment(ctx, a, to, await patientToken(ctx.s, a.id));
}

/**
 * Offers a chosen open time to one person on the waiting list (staff pick who, e.g. after a
 * phone call); they get the usual time-limited offer by email.
 */
export async function staffOfferTime(
  ctx: CommandContext,
  entryId: string,
  req: { provider: string; start: string },
): Promise<void> {
  const { s } = ctx;
  const d = await s.directory.get();
  // The slot is checked before the transaction: PGlite has one connection, and the check reads
  // through s.db. The entry is locked and checked again inside it.
  const waiting = await findWaitingEntry(s.db, entryId);
  if (!waiting) throw new SchedulingRefused('not_waiting');
  const location = locationById(d, waiting.locationId)!;
  const visitType = visitTypeById(d, waiting.visitTypeId)!;
  const { slot, provider, localDate } = await requireBookableSlot(
    s,
    d,
    { visitType: visitType.slug, location: location.slug, provider: req.provider, start: req.start },
    { checkBlocking: true },
  );
  if (localDate < waiting.earliest || localDate > waiting.latest)
    throw new ValidationFailed([
      {
        field: 'start',
        detail: `is outside the dates this person can come (${waiting.earliest} to ${waiting.latest})`,
      },
    ]);
  if (waiting.providerId && waiting.providerId !== provider.id)
    throw new ValidationFailed([
      { field: 'provider', detail: 'is not the provider this person is waiting for' },
    ]);
  await ctx.transaction(async (t) => {
    const entry = await findWaitingEntry(t.db, entryId, true);
    if (!entry) throw new SchedulingRefused('not_waiting');
    // Staff chose who gets this time: the offer is theirs in the audit trail.
    const offered = await offerToEntry(t, d, entry, {
      visitTypeId: entry.visitTypeId,
      locationId: entry.locationId,
      providerId: provider.id,
      startsAt: new Date(slot.startMs),
    });
    // Booked or held for another offer since the slot check: nothing was written.
    if (!offered) throw new SchedulingRefused('slot_taken');
  });
  s.kickOutbox();
}

/**
 * Sends a coming visit's confirmation again (by email, or by text where that is how the patient
 * hears from the clinic), with the patient's own private link and calendar invitation: the
 * patient lost it, or their address was corrected. Reminders are not queued again.
 */
export function resendConfirmation(ctx: CommandContext, appointmentId: string): Promise<StoredAppointment> {
  return auditingRefusal(ctx, 'resend-confirmation', appointmentId, () => resend(ctx, appointmentId));
}

async function resend(ctx: CommandContext, appointmentId: string): Promise<StoredAppointment> {
  const a = await requireVisit(ctx, appointmentId);
  requireChangeable(ctx, a);
  const token = await patientToken(ctx.s, a.id);
  const d = await ctx.s.directory.get();
  const confirmations = visitMessages(ctx.s, d, 'confirmation', messageSubject(a), token)
    .filter((m) => m.kind.startsWith('appointment-confirmation'))
    // A new key each time: the outbox keeps one message per key, and this is a new message.
    .map((m) => ({ ...m, dedupeKey: `${m.dedupeKey}:resent:${ctx.now.getTime()}` }));
  await ctx.transaction(async (t) => {
    for (const m of confirmations) await enqueueMessage(t.db, m);
    await t.audit({
      action: 'resend-confirmation',
      entityType: 'appointment',
      entityId: a.id,
      outcome: 'success',
      detail: { channels: confirmations.map((m) => m.channel ?? 'email').join(',') },
    });
  });
  ctx.s.kickOutbox();
  return a;
}

/**
 * Holds visits kept over a closure or a clinician's time off for a decision, visit by visit: their
 * reminders wait (visit-messages.ts) and the schedule flags them until staff keep, move or cancel
 * each. Runs in the caller's transaction (the one that saves the closure or time off).
 */
export async function holdVisitsForDecision(db: Queryable, ids: string[], reason: DecisionReason) {
  if (ids.length) await markDecisionDue(db, ids, reason);
}

/** Keeps a visit that was waiting for a decision: it stays as booked, and its reminders go out. */
export function keepVisit(ctx: CommandContext, appointmentId: string): Promise<StoredAppointment> {
  return auditingRefusal(ctx, 'keep', appointmentId, () => keep(ctx, appointmentId));
}

async function keep(ctx: CommandContext, appointmentId: string): Promise<StoredAppointment> {
  const a = await requireVisit(ctx, appointmentId);
  requireChangeable(ctx, a);
  await ctx.transaction(async (t) => {
    if (!(await clearDecisionDue(t.db, a.id))) throw new SchedulingRefused('visit_changed');
    await t.audit({
      action: 'keep',
      entityType: 'appointment',
      entityId: a.id,
      outcome: 'success',
      detail: { reason: a.decisionDue ?? '' },
    });
  });
  ctx.s.kickOutbox();
  return { ...a, decisionDue: null };
}

/**
 * Undoes a staff cancel while the time is still free: the visit is booked again, the patient is
 * told it is back on (a confirmation with new reminders; the cancel's messages no longer apply),
 * audited. Refused once the visit has started, or when the time was taken or offered meanwhile.
 */
export function restoreVisit(ctx: CommandContext, appointmentId: string): Promise<StoredAppointment> {
  return auditingRefusal(ctx, 'restore', appointmentId, () => restore(ctx, appointmentId));
}

async function restore(ctx: CommandContext, appointmentId: string): Promise<StoredAppointment> {
  const a = await requireVisit(ctx, appointmentId);
  if (a.status !== 'cancelled') throw new SchedulingRefused('visit_changed');
  if (a.startsAt.getTime() <= ctx.now.getTime()) throw new SchedulingRefused('visit_started');
  const token = await patientToken(ctx.s, a.id);
  const d = await ctx.s.directory.get();
  try {
    const restored = await ctx.transaction(async (t) => {
      if (!(await restoreCancelled(t.db, a.id, t.now))) throw new SchedulingRefused('visit_changed');
      const after = (await findAppointment(t.db, a.id))!;
      for (const m of visitMessages(ctx.s, d, 'confirmation', messageSubject(after), token))
        await enqueueMessage(t.db, m);
      await t.audit({ action: 'restore', entityType: 'appointment', entityId: a.id, outcome: 'success' });
      return after;
    });
    ctx.s.kickOutbox();
    return restored;
  } catch (error) {
    if (pgErrorCode(error) === PG.exclusionViolation) throw new SchedulingRefused('slot_taken');
    throw error;
  }
}

/**
 * A refused command is audited like the front desk's status changes (front-desk.ts): outcome
 * "invalid", its refusal code, no content; written after the command's own transaction was
 * rolled back, so the trail shows the attempt even though nothing changed.
 */
async function auditingRefusal<T>(
  ctx: CommandContext,
  action: string,
  appointmentId: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SchedulingRefused)
      await ctx.audit({
        action,
        entityType: 'appointment',
        entityId: appointmentId,
        outcome: 'invalid',
        detail: { code: error.code },
      });
    throw error;
  }
}
