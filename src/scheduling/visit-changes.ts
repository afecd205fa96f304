/**
 * Managing a visit: reading it with its private token, cancelling and moving it. Each change is
 * audited, tells the patient, and offers the freed time to the waiting list, in one transaction.
 */
import { locationById, providerById, visitTypeById } from '../directory/index.js';
import { SchedulingRefused } from './refusals.js';
import { PG, pgErrorCode, retryOnDeadlock } from '../platform/db/database.js';
import { hashToken, sameHash } from '../platform/tokens.js';
import {
  findAppointment,
  findAppointmentByTokenHash,
  markCancelled,
  moveAppointment,
  type StoredAppointment,
} from './scheduling-store.js';
import { offerFreedTime } from './waitlist.js';
import { clearHolds } from './booking-store.js';
import { enqueueMessage } from '../notifications/index.js';
import { asSystem, type CommandContext } from './command-context.js';
import type { Directory, VisitType } from '../directory/index.js';
import { ValidationFailed } from '../platform/http/problem.js';
import { requireBookableSlot } from './slot-search.js';
import { messageSubject, visitMessages } from './visit-messages.js';

// ------------------------------------------------------------------ managing a visit

/** Reads an appointment with its manage token; a wrong token looks exactly like a missing id. */
export async function readAppointment(
  ctx: CommandContext,
  id: string,
  token: string | undefined,
  options: { auditSuccess?: boolean } = {},
) {
  const found = await findAppointment(ctx.db, id);
  const allowed = Boolean(
    found && token && sameHash(found.manageTokenHash, hashToken(token)) && linkAlive(ctx, found),
  );
  // A read before a change is audited by the change itself: one event per access.
  if (!allowed || options.auditSuccess !== false) {
    await ctx.audit({
      action: 'read',
      entityType: 'appointment',
      entityId: found?.id ?? null,
      outcome: allowed ? 'success' : found ? 'denied' : 'not-found',
    });
  }
  return allowed ? found : undefined;
}

/** Private links to a visit stop working a day after the visit ends (or after it was cancelled). */
export const LINK_LIFETIME_AFTER_VISIT_MS = 24 * 3_600_000;
function linkAlive(ctx: CommandContext, a: StoredAppointment): boolean {
  return ctx.now.getTime() <= a.endsAt.getTime() + LINK_LIFETIME_AFTER_VISIT_MS;
}

export async function readAppointmentByToken(
  ctx: CommandContext,
  token: string,
  options: { auditSuccess?: boolean } = {},
) {
  const stored = await findAppointmentByTokenHash(ctx.db, hashToken(token));
  const found = stored && linkAlive(ctx, stored) ? stored : undefined;
  if (!found || options.auditSuccess !== false) {
    await ctx.audit({
      action: 'read',
      entityType: 'appointment',
      entityId: stored?.id ?? null,
      outcome: found ? 'success' : stored ? 'denied' : 'not-found',
    });
  }
  return found;
}

export async function cancelAppointment(
  ctx: CommandContext,
  a: StoredAppointment,
  manageToken: string,
  /** Why, when staff cancel (kept in the audit event, not sent to the patient). */
  reason?: string,
): Promise<StoredAppointment> {
  const { s } = ctx;
  requireChangeable(ctx, a);
  const d = await s.directory.get();
  const cancelled = await ctx.transaction(async (t) => {
    const tx = t.db;
    if (!(await markCancelled(tx, a.id, t.now))) throw new SchedulingRefused('visit_changed');
    await t.audit({
      action: 'cancel',
      entityType: 'appointment',
      entityId: a.id,
      outcome: 'success',
      ...(reason ? { detail: { reason } } : {}),
    });
    const after = (await findAppointment(tx, a.id))!;
    for (const m of visitMessages(s, d, 'cancelled', messageSubject(after), manageToken))
      await enqueueMessage(tx, m);
    // The freed time goes to the waiting list in the same transaction: a crash cannot lose it.
    await offerFreedTime(asSystem(t), d, {
      visitTypeId: a.visitTypeId,
      locationId: a.locationId,
      providerId: a.providerId,
      startsAt: a.startsAt,
    });
    return after;
  });
  s.kickOutbox();
  return cancelled;
}

/**
 * Where a visit moves: a new time, and optionally another clinician, clinic or visit type
 * (slugs; an absent one stays as it is). The self-check intake always stays with the visit.
 */
export interface MoveTarget {
  start: string;
  visitType?: string;
  location?: string;
  provider?: string;
}

/** The target with the visit's own clinician, clinic and visit type filled in. */
export function moveTargetOf(d: Directory, a: StoredAppointment, to: MoveTarget) {
  return {
    start: to.start,
    visitType: to.visitType || visitTypeById(d, a.visitTypeId)!.slug,
    location: to.location || locationById(d, a.locationId)!.slug,
    provider: to.provider || providerById(d, a.providerId)!.slug,
  };
}

/**
 * The visit types a visit may move to. A visit booked from a self-check keeps its intake, so it
 * stays among the visit types the self-check books (a back pain visit or the pain
 * consultation); any other visit may become any visit type the network offers.
 */
export function visitTypesForMove(d: Directory, a: StoredAppointment): VisitType[] {
  const current = visitTypeById(d, a.visitTypeId)!;
  if (!a.assessmentId) return d.visitTypes;
  const fromSelfCheck = new Set(Object.values(d.network.selfCheckVisitTypes));
  return d.visitTypes.filter((v) => v.id === current.id || fromSelfCheck.has(v.slug));
}

export async function rescheduleAppointment(
  ctx: CommandContext,
  a: StoredAppointment,
  to: MoveTarget,
  manageToken: string,
): Promise<StoredAppointment> {
  const { s } = ctx;
  requireChangeable(ctx, a);
  const d = await s.directory.get();
  const target = moveTargetOf(d, a, to);
  if (!visitTypesForMove(d, a).some((v) => v.slug === target.visitType))
    throw new ValidationFailed([
      {
        field: 'visitType',
        detail: "does not fit this visit's self-check; book a new visit for another kind of care",
      },
    ]);
  const { slot, visitType, provider, location } = await requireBookableSlot(s, d, target, {
    checkBlocking: true,
  });
  try {
    const moved = await retryOnDeadlock(() =>
      ctx.transaction(async (t) => {
        const tx = t.db;
        const blockedUntil = new Date(slot.endMs + visitType.bufferMinutes * 60_000);
        // A lapsed waiting-list hold on the new time would still trip the exclusion constraint.
        await clearHolds(tx, provider.id, new Date(slot.startMs), blockedUntil, t.now);
        const changed = await moveAppointment(
          tx,
          a.id,
          new Date(slot.startMs),
          new Date(slot.endMs),
          blockedUntil,
          t.now,
          a.sequence,
          { providerId: provider.id, locationId: location.id, visitTypeId: visitType.id },
        );
        if (!changed) throw new SchedulingRefused('visit_changed');
        await t.audit({
          action: 'reschedule',
          entityType: 'appointment',
          entityId: a.id,
          outcome: 'success',
          // What changed besides the time (slugs, no health data).
          ...changedPlaces(
            a,
            { providerId: provider.id, locationId: location.id, visitTypeId: visitType.id },
            d,
          ),
        });
        // The old time is free now: offer it to the waiting list in the same transaction.
        await offerFreedTime(asSystem(t), d, {
          visitTypeId: a.visitTypeId,
          locationId: a.locationId,
          providerId: a.providerId,
          startsAt: a.startsAt,
        });
        const after = (await findAppointment(tx, a.id))!;
        // The move notice and new reminders carry the new sequence; old reminders are skipped.
        for (const m of visitMessages(s, d, 'rescheduled', messageSubject(after), manageToken))
          await enqueueMessage(tx, m);
        return after;
      }),
    );
    s.kickOutbox();
    return moved;
  } catch (error) {
    if (pgErrorCode(error) === PG.exclusionViolation) throw new SchedulingRefused('slot_taken');
    throw error;
  }
}

/** Only a booked visit that has not started can change (cancel or move). */
export function requireChangeable(ctx: CommandContext, a: StoredAppointment) {
  if (a.status !== 'booked') throw new SchedulingRefused('visit_not_active');
  if (a.startsAt.getTime() <= ctx.now.getTime()) throw new SchedulingRefused('visit_started');
}

/** An audit detail naming the clinician, clinic or visit type a move changed, if any. */
function changedPlaces(
  a: StoredAppointment,
  to: { providerId: string; locationId: string; visitTypeId: string },
  d: Directory,
) {
  const detail: Record<string, string> = {};
  if (to.providerId !== a.providerId) detail.provider = providerById(d, to.providerId)!.slug;
  if (to.locationId !== a.locationId) detail.location = locationById(d, to.locationId)!.slug;
  if (to.visitTypeId !== a.visitTypeId) detail.visitType = visitTypeById(d, to.visitTypeId)!.slug;
  return Object.keys(detail).length ? { detail } : {};
}
