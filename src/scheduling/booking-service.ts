/**
 * Booking a visit, idempotently. The database has the last word on collisions (the exclusion
 * constraint); this code only turns its refusal into a clear 409.
 */
import { locationById, providerById, visitTypeById } from '../directory/index.js';
import { SchedulingRefused } from './refusals.js';
import { createHash } from 'node:crypto';
import type { Directory } from '../directory/index.js';
import { PG, pgErrorCode, retryOnDeadlock, type Queryable } from '../platform/db/database.js';
import { ValidationFailed } from '../platform/http/problem.js';
import type { Locale } from '../platform/i18n/i18n.js';
import { hashToken, newToken } from '../platform/tokens.js';
import {
  clearHolds,
  deleteExpiredIdempotencyKey,
  findIdempotencyRecord,
  bookingPrecheck,
  insertBooking,
  lockProviderBookings,
} from './booking-store.js';
import { findAppointment, type Patient, type StoredAppointment } from './scheduling-store.js';
import { isoInZone } from './slots.js';
import { randomUUID } from 'node:crypto';
import { messagesAsJson } from '../notifications/index.js';
import type { CommandContext } from './command-context.js';
import { requireBookableSlot } from './slot-search.js';
import { visitMessages } from './visit-messages.js';

const IDEMPOTENCY_TTL_MS = 48 * 3600_000;

// ------------------------------------------------------------------ booking

export interface BookingRequest {
  visitType: string;
  location: string;
  provider: string;
  start: string;
  patient: Patient;
  assessmentId?: string;
  assessmentToken?: string;
  /**
   * The booking pages read the self-check from its result (an audited read) before booking; they
   * hand over what they read, so one booking reads and audits the self-check once. Never set
   * from a request body: the API passes assessmentId and assessmentToken, checked here.
   */
  verifiedIntake?: { assessmentId: string; disposition: string };
  language: Locale;
  /** Also remind by SMS (in addition to email). */
  smsReminders?: boolean;
  /**
   * A time inside the visit type's online notice: the front desk booking someone who is at the
   * desk or calling for today. Refused unless a staff member books (`walk_in_staff_only`).
   */
  walkIn?: boolean;
}

export interface Booked {
  appointment: StoredAppointment;
  manageToken: string;
  replayed: boolean;
}

/** The slot a request asks for, checked against the working hours, notice and horizon (not bookings). */

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function requestHash(req: BookingRequest): string {
  return createHash('sha256').update(canonicalJson(req)).digest('hex');
}

const SCOPE = 'appointments:create';

export async function bookAppointment(
  ctx: CommandContext,
  req: BookingRequest,
  idempotencyKey: string | undefined,
  options: {
    /** A waiting-list entry booking the time its offer holds (the hold gives way to it). */
    heldFor?: string;
    /** Set on the one retry after freeing an expired idempotency key. */
    retried?: boolean;
  } = {},
): Promise<Booked> {
  const { s, actor, now } = ctx;
  const hash = requestHash(req);
  if (idempotencyKey !== undefined && (idempotencyKey.length < 8 || idempotencyKey.length > 200)) {
    throw new ValidationFailed([{ field: 'Idempotency-Key', detail: 'must be 8 to 200 characters' }]);
  }
  if (req.walkIn && actor.actorType !== 'staff')
    throw new ValidationFailed([{ field: 'walkIn', detail: 'is only for bookings made by clinic staff' }]);
  const d = await s.directory.get();
  let checked;
  try {
    checked = await requireBookableSlot(s, d, req, { checkBlocking: false, walkIn: req.walkIn === true });
  } catch (error) {
    // A retry that arrives after the time stopped being bookable still gets its first answer.
    const replay = idempotencyKey !== undefined ? await replayBooking(ctx, idempotencyKey, hash) : undefined;
    if (replay) return replay;
    throw error;
  }
  const { slot, visitType, provider, location, localDate } = checked;

  let assessmentId: string | null = null;
  if (req.verifiedIntake || req.assessmentId) {
    const checkedIntake = async () => {
      const found = await s.verifyIntake(req.assessmentId!, req.assessmentToken!, actor);
      return found && { assessmentId: req.assessmentId!, disposition: found.disposition };
    };
    const intake = req.verifiedIntake ?? (req.assessmentToken ? await checkedIntake() : undefined);
    if (!intake)
      throw new ValidationFailed([
        { field: 'assessmentId', detail: 'was not found, or assessmentToken does not match it' },
      ]);
    if (intake.disposition === 'emergency') {
      throw new ValidationFailed([
        { field: 'assessmentId', detail: 'is an emergency result: call 911 instead of booking' },
      ]);
    }
    assessmentId = intake.assessmentId;
  }

  const startsAt = new Date(slot.startMs);
  const blockedUntil = new Date(slot.endMs + visitType.bufferMinutes * 60_000);
  try {
    // A rush on one time: most racers learn it is taken here, before any lock or constraint. Who
    // the patient is needs no lock either: both are found in one round trip before the write.
    const heldFor = options.heldFor ?? null;
    const pre = await bookingPrecheck(ctx.db, {
      providerId: provider.id,
      start: startsAt,
      blockedUntil,
      now,
      heldFor,
      patient: req.patient,
    });
    if (pre.taken) throw timeTaken();
    // The token, the sealed copies and the confirmation (its calendar part) only for a booking
    // that may still succeed: in a rush, most racers leave at the check above without this work.
    const manageToken = newToken();
    const manageTokenHash = hashToken(manageToken);
    const sealedToken = s.box.seal(manageToken);
    const id = randomUUID();
    const messages = visitMessages(
      s,
      d,
      'confirmation',
      {
        id,
        sequence: 0,
        startMs: slot.startMs,
        endMs: slot.endMs,
        language: req.language,
        patient: req.patient,
        locationId: location.id,
        providerId: provider.id,
        smsReminders: req.smsReminders ?? false,
      },
      manageToken,
    );
    const locks = s.db.kind === 'postgres';
    const book = (tx: Queryable, lockProvider: boolean) =>
      insertBooking(tx, {
        id,
        lockProvider,
        heldFor,
        smsReminders: req.smsReminders ?? false,
        messagesJson: messagesAsJson(messages),
        patient: req.patient,
        knownPatientId: pre.knownPatientId,
        language: req.language,
        providerId: provider.id,
        locationId: location.id,
        visitTypeId: visitType.id,
        startsAt,
        endsAt: new Date(slot.endMs),
        blockedUntil,
        manageTokenHash,
        manageTokenSealed: sealedToken,
        assessmentId,
        now,
        localDate,
        audit: {
          actorType: actor.actorType,
          actorId: actor.actorId ?? null,
          ip: actor.ip ?? null,
          requestId: actor.requestId ?? null,
        },
        idempotency:
          idempotencyKey === undefined
            ? null
            : {
                scope: SCOPE,
                key: idempotencyKey,
                requestHash: hash,
                sealedToken,
                expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
              },
      });
    // The rest queue for one of a few connections (reads keep theirs), then take the provider's
    // booking lock, so overlapping inserts are ordered instead of deadlocking in the constraint.
    // The usual booking is one statement that takes the lock itself; a hold in the way (a lapsed
    // offer's, or the taker's own, which would trip the constraint) is cleared first under the
    // lock, in one transaction. A time taken meanwhile is found by the check the statement makes
    // after the lock ('taken': 409); the exclusion constraint stays the guarantee.
    const inserted = await s.bookingGate.run(() =>
      retryOnDeadlock(() =>
        pre.holdsToClear
          ? ctx.transaction(async ({ db: tx }) => {
              if (locks) await lockProviderBookings(tx, provider.id);
              await clearHolds(tx, provider.id, startsAt, blockedUntil, now, heldFor);
              return book(tx, false);
            })
          : book(ctx.db, locks),
      ),
    );
    if (inserted === 'taken') throw timeTaken();
    if (!inserted) {
      throw new ValidationFailed([
        { field: 'start', detail: 'falls in the clinician’s time off or on a day the clinic is closed' },
      ]);
    }
    const { patientId } = inserted;
    s.kickOutbox();
    const appointment: StoredAppointment = {
      id,
      providerId: provider.id,
      locationId: location.id,
      visitTypeId: visitType.id,
      patientId,
      patient: req.patient,
      startsAt: new Date(slot.startMs),
      endsAt: new Date(slot.endMs),
      status: 'booked',
      manageTokenHash,
      assessmentId,
      language: req.language,
      sequence: 0,
      createdAt: now,
      smsReminders: req.smsReminders ?? false,
      checkedInAt: null,
      decisionDue: null,
    };
    return { appointment, manageToken, replayed: false };
  } catch (error) {
    const code = pgErrorCode(error);
    // The key was used before (a retry), or a concurrent request with the same key won: answer
    // with that first result. Otherwise the time is taken.
    if (idempotencyKey !== undefined && (code === PG.uniqueViolation || code === PG.exclusionViolation)) {
      const replay = await replayBooking(ctx, idempotencyKey, hash);
      if (replay) return replay;
      // The key's old record expired but was not swept yet: free it and book once more.
      if (
        code === PG.uniqueViolation &&
        !options.retried &&
        (await deleteExpiredIdempotencyKey(ctx.db, SCOPE, idempotencyKey, now))
      ) {
        return bookAppointment(ctx, req, idempotencyKey, { ...options, retried: true });
      }
    }
    if (code === PG.exclusionViolation) throw new SchedulingRefused('slot_taken');
    throw error;
  }
}

async function replayBooking(ctx: CommandContext, key: string, hash: string): Promise<Booked | undefined> {
  const { s } = ctx;
  const record = await findIdempotencyRecord(ctx.db, SCOPE, key, ctx.now);
  if (!record) return undefined;
  if (record.requestHash !== hash) {
    throw new ValidationFailed([
      { field: 'Idempotency-Key', detail: 'was already used with a different request body' },
    ]);
  }
  const appointment = await findAppointment(ctx.db, String(record.body.appointmentId));
  if (!appointment) throw new SchedulingRefused('booking_gone');
  // A replay hands out the patient's details and private link again: that is a read, audited.
  await ctx.audit({
    action: 'replay',
    entityType: 'appointment',
    entityId: appointment.id,
    outcome: 'success',
  });
  return { appointment, manageToken: s.box.open(String(record.body.sealedToken)), replayed: true };
}

// ------------------------------------------------------------------ presentation helpers

export function appointmentView(d: Directory, a: StoredAppointment) {
  const location = locationById(d, a.locationId)!;
  const provider = providerById(d, a.providerId)!;
  const visitType = visitTypeById(d, a.visitTypeId)!;
  return {
    location,
    provider,
    visitType,
    start: isoInZone(a.startsAt.getTime(), location.timeZone),
    end: isoInZone(a.endsAt.getTime(), location.timeZone),
  };
}

/** "This time is taken", in the shape the exclusion constraint reports it (handled below as 409). */
function timeTaken(): Error {
  return Object.assign(new Error('The time was taken by another booking.'), { code: PG.exclusionViolation });
}
