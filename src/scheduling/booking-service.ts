/**
 * Scheduling use cases: search free slots, book (idempotently), read, cancel and reschedule.
 * The database has the last word on collisions (the exclusion constraint); this code only
 * turns its refusal into a clear 409.
 */
import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { recordAudit, type AuditEvent } from '../audit/audit.js';
import type { Directory, Location, Provider, VisitType } from '../directory/directory.js';
import type { DirectoryService } from '../directory/directory-service.js';
import { PG, pgErrorCode, retryOnDeadlock, type Database } from '../platform/db/database.js';
import { Conflict, HttpProblem, ValidationFailed, type FieldError } from '../platform/http/problem.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { SecretBox } from '../platform/secret-box.js';
import { hashToken, newToken, sameHash } from '../platform/tokens.js';
import {
  findAppointment,
  findAppointmentByTokenHash,
  deleteExpiredIdempotencyKey,
  findIdempotencyRecord,
  insertBooking,
  loadAvailability,
  loadBlockingTime,
  markCancelled,
  moveAppointment,
  type Patient,
  type StoredAppointment,
} from './scheduling-store.js';
import { findOpenSlots, isoInZone, type Slot } from './slots.js';
import { offerFreedTime } from './waitlist.js';
import { randomUUID } from 'node:crypto';
import { appointmentMessages, type AppointmentEvent } from '../notifications/appointment-messages.js';
import { enqueueMessage, messagesAsJson, type OutgoingMessage } from '../platform/mail/mailer.js';
import { bookUrl, manageUrl } from './links.js';

export type Actor = Pick<AuditEvent, 'actorType' | 'actorId' | 'ip' | 'requestId'>;

export interface Scheduling {
  db: Database;
  directory: DirectoryService;
  box: SecretBox;
  publicUrl: string;
  now: () => Date;
  /** How long a waiting-list offer holds (minutes). */
  waitlistOfferMinutes: number;
  /** Hours before a visit to remind the patient, e.g. [48, 2]. */
  reminderHours: number[];
  mailFrom: string;
  /** Asks the outbox worker to deliver now (after a commit that queued messages). */
  kickOutbox: () => void;
  /** Checks an assessment's token for attaching it as the intake; returns its disposition. */
  verifyIntake: (
    assessmentId: string,
    token: string,
    actor: Actor,
  ) => Promise<{ disposition: string } | undefined>;
}

export const MAX_RANGE_DAYS = 31;
const IDEMPOTENCY_TTL_MS = 48 * 3600_000;

// ------------------------------------------------------------------ slots

export interface SlotSearch {
  visitType?: string;
  location?: string;
  provider?: string;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(
  value: string | undefined,
  field: string,
  errors: FieldError[],
): Temporal.PlainDate | undefined {
  if (!value) {
    errors.push({ field, detail: 'is required (YYYY-MM-DD)' });
    return undefined;
  }
  try {
    if (!DATE.test(value)) throw new Error();
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    errors.push({ field, detail: 'must be a date as YYYY-MM-DD' });
    return undefined;
  }
}

export interface ResolvedSearch {
  visitType: VisitType;
  providers: Provider[];
  locations: Location[];
  from: string;
  to: string;
}

/** Checks every parameter and names each invalid one. */
export function resolveSearch(d: Directory, q: SlotSearch): ResolvedSearch {
  const errors: FieldError[] = [];
  const visitType = d.visitTypes.find((v) => v.slug === q.visitType);
  if (!q.visitType) errors.push({ field: 'visitType', detail: 'is required' });
  else if (!visitType) errors.push({ field: 'visitType', detail: 'is not a known visit type' });
  const location = q.location ? d.locations.find((l) => l.slug === q.location) : undefined;
  if (q.location && !location) errors.push({ field: 'location', detail: 'is not a known clinic' });
  const provider = q.provider ? d.providers.find((p) => p.slug === q.provider) : undefined;
  if (q.provider && !provider) errors.push({ field: 'provider', detail: 'is not a known provider' });
  if (provider && visitType && !visitType.providers.includes(provider.slug)) {
    errors.push({ field: 'provider', detail: `does not offer ${visitType.slug}` });
  }
  if (provider && location && !provider.locations.includes(location.slug)) {
    errors.push({ field: 'provider', detail: `does not work at ${location.slug}` });
  }
  const from = parseDate(q.from, 'from', errors);
  const to = parseDate(q.to, 'to', errors);
  if (from && to) {
    const days = from.until(to, { largestUnit: 'days' }).days;
    if (days < 0) errors.push({ field: 'to', detail: 'must not be before from' });
    else if (days >= MAX_RANGE_DAYS)
      errors.push({
        field: 'to',
        detail: `must be at most ${MAX_RANGE_DAYS} days after from (inclusive range)`,
      });
  }
  if (errors.length) throw new ValidationFailed(errors);
  const providers = d.providers.filter(
    (p) =>
      visitType!.providers.includes(p.slug) &&
      (!provider || p.slug === provider.slug) &&
      (!location || p.locations.includes(location.slug)),
  );
  return {
    visitType: visitType!,
    providers,
    locations: location ? [location] : d.locations,
    from: from!.toString(),
    to: to!.toString(),
  };
}

export async function searchSlots(
  s: Scheduling,
  q: SlotSearch,
  options: { ignoreBookings?: boolean } = {},
): Promise<Slot[]> {
  const d = await s.directory.get();
  const r = resolveSearch(d, q);
  return slotsFor(s, r, options);
}

async function slotsFor(
  s: Scheduling,
  r: ResolvedSearch,
  options: { ignoreBookings?: boolean } = {},
): Promise<Slot[]> {
  // Instants that surely cover the local dates in any US zone.
  const start = new Date(`${r.from}T00:00:00Z`).getTime() - 14 * 3600_000;
  const end = new Date(`${r.to}T00:00:00Z`).getTime() + 38 * 3600_000;
  const av = await loadAvailability(
    s.db,
    r.providers.map((p) => p.id),
    r.locations.map((l) => l.id),
    {
      start: new Date(start),
      end: new Date(end),
      fromDate: r.from,
      toDate: r.to,
    },
  );
  const providerSlug = new Map(r.providers.map((p) => [p.id, p.slug]));
  const locationSlug = new Map(r.locations.map((l) => [l.id, l.slug]));
  const slug = (i: { provider: string; start: number; end: number }) => ({
    ...i,
    provider: providerSlug.get(i.provider)!,
  });
  return findOpenSlots({
    visitType: r.visitType,
    providers: r.providers,
    locations: r.locations.map((l) => ({ slug: l.slug, timeZone: l.timeZone })),
    closures: av.closures.map((c) => ({ location: locationSlug.get(c.locationId)!, date: c.date })),
    timeOff: av.timeOff.map(slug),
    busy: options.ignoreBookings ? [] : av.busy.map(slug),
    from: r.from,
    to: r.to,
    now: s.now().getTime(),
  });
}

// ------------------------------------------------------------------ booking

export interface BookingRequest {
  visitType: string;
  location: string;
  provider: string;
  start: string;
  patient: Patient;
  assessmentId?: string;
  assessmentToken?: string;
  language: Locale;
  /** Also remind by SMS (in addition to email). */
  smsReminders?: boolean;
}

export interface Booked {
  appointment: StoredAppointment;
  manageToken: string;
  replayed: boolean;
}

/** The slot a request asks for, checked against the working hours, notice and horizon (not bookings). */
export async function requireBookableSlot(
  s: Scheduling,
  d: Directory,
  req: { visitType: string; location: string; provider: string; start: string },
  /** Bookings check time off and closures inside their insert; a reschedule checks them here. */
  options: { checkBlocking: boolean },
) {
  const location = d.locations.find((l) => l.slug === req.location);
  let startMs = Number.NaN;
  try {
    startMs = Temporal.Instant.from(req.start).epochMilliseconds;
  } catch {
    /* reported below */
  }
  const errors: FieldError[] = [];
  if (Number.isNaN(startMs))
    errors.push({
      field: 'start',
      detail: 'must be an ISO 8601 date-time with offset, e.g. 2026-12-01T09:00:00-07:00',
    });
  if (!location) errors.push({ field: 'location', detail: 'is not a known clinic' });
  if (errors.length) {
    // Report the other fields' problems too.
    try {
      resolveSearch(d, {
        visitType: req.visitType,
        provider: req.provider,
        location: location?.slug,
        from: '2000-01-01',
        to: '2000-01-01',
      });
    } catch (e) {
      if (e instanceof ValidationFailed) errors.push(...e.errors);
    }
    throw new ValidationFailed(errors);
  }
  const localDate = Temporal.Instant.fromEpochMilliseconds(startMs)
    .toZonedDateTimeISO(location!.timeZone)
    .toPlainDate()
    .toString();
  const r = resolveSearch(d, {
    visitType: req.visitType,
    location: req.location,
    provider: req.provider,
    from: localDate,
    to: localDate,
  });
  const provider = r.providers[0]!;
  // Working hours, notice and horizon from the slot function; time off and closures from one
  // query. Other bookings are left to the exclusion constraint.
  const blocking = options.checkBlocking
    ? await loadBlockingTime(
        s.db,
        provider.id,
        location!.id,
        new Date(startMs - 86_400_000),
        new Date(startMs + 86_400_000),
        localDate,
      )
    : { closed: false, timeOff: [] };
  const slot = findOpenSlots({
    visitType: r.visitType,
    providers: [provider],
    locations: [{ slug: location!.slug, timeZone: location!.timeZone }],
    closures: blocking.closed ? [{ location: location!.slug, date: localDate }] : [],
    timeOff: blocking.timeOff.map((t) => ({ provider: provider.slug, ...t })),
    busy: [],
    from: localDate,
    to: localDate,
    now: s.now().getTime(),
  }).find((x) => x.startMs === startMs);
  if (!slot) {
    throw new ValidationFailed([
      {
        field: 'start',
        detail:
          'is not a bookable time for this provider at this clinic (outside working hours, too soon, too far ahead, or between slots)',
      },
    ]);
  }
  return { slot, visitType: r.visitType, provider: r.providers[0]!, location: location!, localDate };
}

/** JSON with keys sorted at every level, so the same request always hashes the same. */
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
  s: Scheduling,
  req: BookingRequest,
  idempotencyKey: string | undefined,
  actor: Actor,
  retried = false,
): Promise<Booked> {
  const now = s.now();
  const hash = requestHash(req);
  if (idempotencyKey !== undefined && (idempotencyKey.length < 8 || idempotencyKey.length > 200)) {
    throw new ValidationFailed([{ field: 'Idempotency-Key', detail: 'must be 8 to 200 characters' }]);
  }
  const d = await s.directory.get();
  let checked;
  try {
    checked = await requireBookableSlot(s, d, req, { checkBlocking: false });
  } catch (error) {
    // A retry that arrives after the time stopped being bookable still gets its first answer.
    const replay =
      idempotencyKey !== undefined ? await replayBooking(s, idempotencyKey, hash, now) : undefined;
    if (replay) return replay;
    throw error;
  }
  const { slot, visitType, provider, location, localDate } = checked;

  let assessmentId: string | null = null;
  if (req.assessmentId) {
    const intake = req.assessmentToken
      ? await s.verifyIntake(req.assessmentId, req.assessmentToken, actor)
      : undefined;
    if (!intake)
      throw new ValidationFailed([
        { field: 'assessmentId', detail: 'was not found, or assessmentToken does not match it' },
      ]);
    if (intake.disposition === 'emergency') {
      throw new ValidationFailed([
        { field: 'assessmentId', detail: 'is an emergency result: call 911 instead of booking' },
      ]);
    }
    assessmentId = req.assessmentId;
  }

  const manageToken = newToken();
  const manageTokenHash = hashToken(manageToken);
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
      smsReminders: req.smsReminders ?? false,
    },
    manageToken,
  );
  try {
    const inserted = await retryOnDeadlock(() =>
      insertBooking(s.db, {
        id,
        smsReminders: req.smsReminders ?? false,
        messagesJson: messagesAsJson(messages),
        patient: req.patient,
        language: req.language,
        providerId: provider.id,
        locationId: location.id,
        visitTypeId: visitType.id,
        startsAt: new Date(slot.startMs),
        endsAt: new Date(slot.endMs),
        blockedUntil: new Date(slot.endMs + visitType.bufferMinutes * 60_000),
        manageTokenHash,
        manageTokenSealed: s.box.seal(manageToken),
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
                sealedToken: s.box.seal(manageToken),
                expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
              },
      }),
    );
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
    };
    return { appointment, manageToken, replayed: false };
  } catch (error) {
    const code = pgErrorCode(error);
    // The key was used before (a retry), or a concurrent request with the same key won: answer
    // with that first result. Otherwise the time is taken.
    if (idempotencyKey !== undefined && (code === PG.uniqueViolation || code === PG.exclusionViolation)) {
      const replay = await replayBooking(s, idempotencyKey, hash, now);
      if (replay) return replay;
      // The key's old record expired but was not swept yet: free it and book once more.
      if (
        code === PG.uniqueViolation &&
        !retried &&
        (await deleteExpiredIdempotencyKey(s.db, SCOPE, idempotencyKey, now))
      ) {
        return bookAppointment(s, req, idempotencyKey, actor, true);
      }
    }
    if (code === PG.exclusionViolation)
      throw new Conflict('That time has just been taken. Please choose another time.');
    throw error;
  }
}

async function replayBooking(
  s: Scheduling,
  key: string,
  hash: string,
  now: Date,
): Promise<Booked | undefined> {
  const record = await findIdempotencyRecord(s.db, SCOPE, key, now);
  if (!record) return undefined;
  if (record.requestHash !== hash) {
    throw new ValidationFailed([
      { field: 'Idempotency-Key', detail: 'was already used with a different request body' },
    ]);
  }
  const appointment = await findAppointment(s.db, String(record.body.appointmentId));
  if (!appointment)
    throw new HttpProblem(410, 'Gone', 'The appointment booked with this key no longer exists.');
  return { appointment, manageToken: s.box.open(String(record.body.sealedToken)), replayed: true };
}

// ------------------------------------------------------------------ managing a visit

/** Reads an appointment with its manage token; a wrong token looks exactly like a missing id. */
export async function readAppointment(
  s: Scheduling,
  id: string,
  token: string | undefined,
  actor: Actor,
  options: { auditSuccess?: boolean } = {},
) {
  const found = await findAppointment(s.db, id);
  const allowed = Boolean(
    found && token && sameHash(found.manageTokenHash, hashToken(token)) && linkAlive(s, found),
  );
  // A read before a change is audited by the change itself: one event per access.
  if (!allowed || options.auditSuccess !== false) {
    await recordAudit(s.db, {
      ...actor,
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
function linkAlive(s: Scheduling, a: StoredAppointment): boolean {
  return s.now().getTime() <= a.endsAt.getTime() + LINK_LIFETIME_AFTER_VISIT_MS;
}

export async function readAppointmentByToken(
  s: Scheduling,
  token: string,
  actor: Actor,
  options: { auditSuccess?: boolean } = {},
) {
  const stored = await findAppointmentByTokenHash(s.db, hashToken(token));
  const found = stored && linkAlive(s, stored) ? stored : undefined;
  if (!found || options.auditSuccess !== false) {
    await recordAudit(s.db, {
      ...actor,
      action: 'read',
      entityType: 'appointment',
      entityId: stored?.id ?? null,
      outcome: found ? 'success' : stored ? 'denied' : 'not-found',
    });
  }
  return found;
}

export async function cancelAppointment(
  s: Scheduling,
  a: StoredAppointment,
  manageToken: string,
  actor: Actor,
  /** Why, when staff cancel (kept in the audit event, not sent to the patient). */
  reason?: string,
): Promise<StoredAppointment> {
  if (a.status !== 'booked') throw new Conflict(`This visit is ${a.status} and cannot be cancelled.`);
  if (a.startsAt.getTime() <= s.now().getTime()) throw new Conflict('This visit has already started.');
  const d = await s.directory.get();
  const cancelled = await s.db.transaction(async (tx) => {
    if (!(await markCancelled(tx, a.id, s.now())))
      throw new Conflict('This visit was changed meanwhile. Reload and try again.');
    await recordAudit(tx, {
      ...actor,
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
    await offerFreedTime(tx, s, d, {
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

export async function rescheduleAppointment(
  s: Scheduling,
  a: StoredAppointment,
  start: string,
  manageToken: string,
  actor: Actor,
  /** Staff may move the visit to another provider (slug) at the same clinic. */
  toProvider?: string,
): Promise<StoredAppointment> {
  if (a.status !== 'booked') throw new Conflict(`This visit is ${a.status} and cannot be moved.`);
  if (a.startsAt.getTime() <= s.now().getTime()) throw new Conflict('This visit has already started.');
  const d = await s.directory.get();
  const ref = {
    visitType: d.visitTypes.find((v) => v.id === a.visitTypeId)!.slug,
    location: d.locations.find((l) => l.id === a.locationId)!.slug,
    provider: toProvider ?? d.providers.find((p) => p.id === a.providerId)!.slug,
  };
  const { slot, visitType, provider } = await requireBookableSlot(
    s,
    d,
    { ...ref, start },
    { checkBlocking: true },
  );
  try {
    const moved = await retryOnDeadlock(() =>
      s.db.transaction(async (tx) => {
        const changed = await moveAppointment(
          tx,
          a.id,
          new Date(slot.startMs),
          new Date(slot.endMs),
          new Date(slot.endMs + visitType.bufferMinutes * 60_000),
          s.now(),
          a.sequence,
          provider.id === a.providerId ? undefined : provider.id,
        );
        if (!changed) throw new Conflict('This visit was changed meanwhile. Reload and try again.');
        await recordAudit(tx, {
          ...actor,
          action: 'reschedule',
          entityType: 'appointment',
          entityId: a.id,
          outcome: 'success',
        });
        // The old time is free now: offer it to the waiting list in the same transaction.
        await offerFreedTime(tx, s, d, {
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
    if (pgErrorCode(error) === PG.exclusionViolation)
      throw new Conflict('That time has just been taken. Your visit was not changed.');
    throw error;
  }
}

/** What the messages about a visit need from it. */
function messageSubject(a: StoredAppointment) {
  return {
    id: a.id,
    sequence: a.sequence,
    startMs: a.startsAt.getTime(),
    endMs: a.endsAt.getTime(),
    language: a.language,
    patient: a.patient,
    locationId: a.locationId,
    smsReminders: a.smsReminders,
  };
}

function visitMessages(
  s: Scheduling,
  d: Directory,
  event: AppointmentEvent,
  a: ReturnType<typeof messageSubject>,
  manageToken: string,
): OutgoingMessage[] {
  return appointmentMessages({
    event,
    appointment: {
      id: a.id,
      sequence: a.sequence,
      startMs: a.startMs,
      endMs: a.endMs,
      language: a.language,
      givenName: a.patient.givenName,
      email: a.patient.email,
      phone: a.smsReminders ? a.patient.phone : null,
    },
    location: d.locations.find((l) => l.id === a.locationId)!,
    networkName: d.network.name,
    manageUrl: manageUrl(s.publicUrl, manageToken, a.language),
    bookUrl: bookUrl(s.publicUrl, a.language),
    now: s.now(),
    reminderHours: s.reminderHours,
    mailFrom: s.mailFrom,
  });
}

// ------------------------------------------------------------------ presentation helpers

export function appointmentView(d: Directory, a: StoredAppointment) {
  const location = d.locations.find((l) => l.id === a.locationId)!;
  const provider = d.providers.find((p) => p.id === a.providerId)!;
  const visitType = d.visitTypes.find((v) => v.id === a.visitTypeId)!;
  return {
    location,
    provider,
    visitType,
    start: isoInZone(a.startsAt.getTime(), location.timeZone),
    end: isoInZone(a.endsAt.getTime(), location.timeZone),
  };
}
