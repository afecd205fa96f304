/**
 * The waiting list. Joining stores the wish; a freed time (a cancellation, or the old time of a
 * reschedule) is offered, in the same transaction as the change that freed it, to the earliest
 * waiting patient it suits. The offer holds the time (a 'held' row of appointments, under the
 * booking's exclusion constraint) until it expires, is declined or is taken; taking it books it
 * like any booking, in place of the hold.
 */
import { Temporal } from 'temporal-polyfill';
import { homeZone, type Directory, locationById, providerById, visitTypeById } from '../directory/index.js';
import { ValidationFailed, type FieldError } from '../platform/http/problem.js';
import { dateInZone, dayInSentence, timeInZone } from '../platform/i18n/format.js';
import { translator, type Locale } from '../platform/i18n/i18n.js';
import { enqueueMessage, normalizePhone, textToHtml } from '../notifications/index.js';
import { UUID_PATTERN, hashToken, newToken } from '../platform/tokens.js';
import { bookAppointment, type Booked } from './booking-service.js';
import { asSystem, commandContext, type CommandContext } from './command-context.js';
import type { Scheduling } from './scheduling.js';
import { findKnownPatient, insertHold, releaseHold } from './booking-store.js';
import { requireBookableSlot } from './slot-search.js';
import type { Patient } from './scheduling-store.js';
import {
  expiredOffers,
  findEntryByOfferHash,
  findEntryByTokenHash,
  insertWaitlistEntry,
  lockNextWaiting,
  markOffered,
  setEntryStatus,
  type WaitlistEntry,
} from './waitlist-store.js';

export const MAX_WAIT_DAYS = 90;

export interface JoinRequest {
  visitType: string;
  location: string;
  provider?: string;
  from: string;
  to: string;
  patient: Patient;
  language: Locale;
}

function checkDates(from: string, to: string, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const parse = (v: string) => {
    try {
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? Temporal.PlainDate.from(v, { overflow: 'reject' }) : undefined;
    } catch {
      return undefined;
    }
  };
  const f = parse(from);
  const t = parse(to);
  if (!f || from < today)
    errors.push({ field: 'from', detail: 'must be a date as YYYY-MM-DD, today or later' });
  if (!t) errors.push({ field: 'to', detail: 'must be a date as YYYY-MM-DD' });
  else if (f && (Temporal.PlainDate.compare(t, f) < 0 || f.until(t).days > MAX_WAIT_DAYS)) {
    errors.push({ field: 'to', detail: `must be on or after from, and at most ${MAX_WAIT_DAYS} days later` });
  }
  return errors;
}

export async function joinWaitlist(ctx: CommandContext, req: JoinRequest) {
  const { s } = ctx;
  const d = await s.directory.get();
  const errors: FieldError[] = [];
  const visitType = d.visitTypes.find((v) => v.slug === req.visitType);
  const location = d.locations.find((l) => l.slug === req.location);
  const provider = req.provider ? d.providers.find((p) => p.slug === req.provider) : undefined;
  if (!visitType) errors.push({ field: 'visitType', detail: 'is not a known visit type' });
  if (!location) errors.push({ field: 'location', detail: 'is not a known clinic' });
  if (req.provider && !provider) errors.push({ field: 'provider', detail: 'is not a known provider' });
  if (provider && visitType && !visitType.providers.includes(provider.slug))
    errors.push({ field: 'provider', detail: `does not offer ${visitType.slug}` });
  errors.push(
    ...checkDates(req.from, req.to, dateInZone(ctx.now.getTime(), location?.timeZone ?? homeZone(d))),
  );
  if (errors.length) throw new ValidationFailed(errors);
  const token = newToken();
  const id = await ctx.transaction(async (t) => {
    const tx = t.db;
    const knownPatientId = (await findKnownPatient(tx, req.patient)) ?? null;
    const newId = await insertWaitlistEntry(tx, {
      knownPatientId,
      visitTypeId: visitType!.id,
      locationId: location!.id,
      providerId: provider?.id ?? null,
      earliest: req.from,
      latest: req.to,
      patient: req.patient,
      language: req.language,
      tokenHash: hashToken(token),
      now: t.now,
    });
    await t.audit({
      action: 'create',
      entityType: 'waitlist-entry',
      entityId: newId,
      outcome: 'success',
    });
    // A known person's contact details were updated from this request: that is a change too.
    if (knownPatientId)
      await t.audit({
        action: 'update',
        entityType: 'patient',
        entityId: knownPatientId,
        outcome: 'success',
      });
    return newId;
  });
  return { id, token };
}

export function waitlistUrl(publicUrl: string, language: Locale, path: string) {
  return `${publicUrl}${language === 'es' ? '/es' : ''}${path}`;
}

export interface FreedTime {
  visitTypeId: string;
  locationId: string;
  providerId: string;
  startsAt: Date;
}

/**
 * Offers a freed time to the earliest waiting patient it suits, inside the caller's
 * transaction; the offer email goes to the outbox in the same transaction. Returns the offer
 * token (tests use it; patients get it by email).
 */
export async function offerFreedTime(
  ctx: CommandContext,
  d: Directory,
  freed: FreedTime,
): Promise<string | undefined> {
  const { s, db: tx } = ctx;
  const location = d.locations.find((l) => l.id === freed.locationId);
  const startMs = freed.startsAt.getTime();
  // Offered only if it could be booked now, by the same rule as every booking (working and
  // opening hours, notice, horizon, time off over any part of the visit, closures): an offer
  // that its taker cannot book is worse than none. Only active ones: a freed time at a retired
  // clinic, with a retired provider or of a retired visit type is never offered (ADR 23).
  const visitType = d.visitTypes.find((v) => v.id === freed.visitTypeId);
  const provider = d.providers.find((p) => p.id === freed.providerId);
  if (!location || !visitType || !provider) return undefined;
  try {
    await requireBookableSlot(
      s,
      d,
      {
        visitType: visitType.slug,
        location: location.slug,
        provider: provider.slug,
        start: freed.startsAt.toISOString(),
      },
      { checkBlocking: true, db: tx },
    );
  } catch (error) {
    if (error instanceof ValidationFailed) return undefined;
    throw error;
  }
  const localDate = dateInZone(startMs, location.timeZone);
  const entry = await lockNextWaiting(tx, {
    visitTypeId: freed.visitTypeId,
    locationId: freed.locationId,
    providerId: freed.providerId,
    localDate,
  });
  if (!entry) return undefined;
  return offerToEntry(ctx, d, entry, freed);
}

/**
 * Offers a time to one entry (locked by the caller), holds the time for the offer and queues
 * the offer email. Returns undefined, writing nothing, when the time is not free (booked, or
 * held for someone else).
 */
export async function offerToEntry(
  ctx: CommandContext,
  d: Directory,
  entry: WaitlistEntry,
  freed: FreedTime,
): Promise<string | undefined> {
  const { s, db: tx } = ctx;
  const location = locationById(d, freed.locationId)!;
  const visitType = visitTypeById(d, freed.visitTypeId)!;
  const startMs = freed.startsAt.getTime();
  const endMs = startMs + visitType.durationMinutes * 60_000;
  const offerToken = newToken();
  const expiresAt = new Date(Math.min(ctx.now.getTime() + s.waitlistOfferMinutes * 60_000, startMs));
  const held = await insertHold(tx, {
    entryId: entry.id,
    patientId: entry.patientId,
    providerId: freed.providerId,
    locationId: freed.locationId,
    visitTypeId: freed.visitTypeId,
    language: entry.language,
    startsAt: freed.startsAt,
    endsAt: new Date(endMs),
    blockedUntil: new Date(endMs + visitType.bufferMinutes * 60_000),
    expiresAt,
    now: ctx.now,
  });
  if (!held) return undefined;
  await markOffered(tx, entry.id, {
    offerTokenHash: hashToken(offerToken),
    providerId: freed.providerId,
    startsAt: freed.startsAt,
    expiresAt,
  });
  await ctx.audit({
    action: 'offer',
    entityType: 'waitlist-entry',
    entityId: entry.id,
    outcome: 'success',
  });
  const t = translator(entry.language);
  const when = (ms: number) =>
    `${dayInSentence(entry.language, ms, location.timeZone)}, ${timeInZone(entry.language, ms, location.timeZone)}`;
  const link = waitlistUrl(s.publicUrl, entry.language, `/waitlist/offer/${offerToken}`);
  const params = {
    name: entry.patient.givenName,
    when: when(startMs),
    clinic: location.name,
    expires: when(expiresAt.getTime()),
    link,
  };
  const text = t('mail.waitlist.body', params);
  // Joining online gives an email address; a record corrected since may have only a phone.
  await enqueueMessage(
    tx,
    entry.patient.email !== null
      ? {
          dedupeKey: `waitlist-offer:${entry.id}:${startMs}`,
          kind: 'waitlist-offer',
          recipient: entry.patient.email,
          language: entry.language,
          subject: t('mail.waitlist.subject', { network: d.network.name }),
          text,
          html: textToHtml(text),
        }
      : {
          dedupeKey: `waitlist-offer-sms:${entry.id}:${startMs}`,
          kind: 'waitlist-offer-sms',
          channel: 'sms',
          recipient: normalizePhone(entry.patient.phone!),
          language: entry.language,
          subject: '',
          text: t('sms.waitlistOffer', { ...params, network: d.network.name }),
          html: '',
        },
  );
  return offerToken;
}

export async function readEntry(
  ctx: CommandContext,
  token: string,
  /** The entry the caller asked for by id: another entry's token is a denied read of that one. */
  expectedId?: string,
): Promise<WaitlistEntry | undefined> {
  const entry = await findEntryByTokenHash(ctx.db, hashToken(token));
  if (expectedId !== undefined && entry && entry.id !== expectedId) {
    await ctx.audit({
      action: 'read',
      entityType: 'waitlist-entry',
      entityId: UUID_PATTERN.test(expectedId) ? expectedId : null,
      outcome: 'denied',
    });
    return undefined;
  }
  await ctx.audit({
    action: 'read',
    entityType: 'waitlist-entry',
    entityId: entry?.id ?? null,
    outcome: entry ? 'success' : 'not-found',
  });
  return entry;
}

export async function leaveWaitlist(ctx: CommandContext, entry: WaitlistEntry) {
  const d = await ctx.s.directory.get();
  await ctx.transaction(async (t) => {
    const tx = t.db;
    if (!(await setEntryStatus(tx, entry.id, 'left', ['waiting', 'offered']))) return;
    await releaseHold(tx, entry.id);
    await t.audit({
      action: 'leave',
      entityType: 'waitlist-entry',
      entityId: entry.id,
      outcome: 'success',
    });
    // Someone leaving with an open offer passes the time on to the next person waiting.
    if (entry.status === 'offered') await offerOnward(asSystem(t), d, entry);
  });
}

/**
 * Offers an entry's offered time (its hold already released) to the next person; the new hold
 * is not made if someone booked the time meanwhile.
 */
async function offerOnward(ctx: CommandContext, d: Directory, entry: WaitlistEntry) {
  await offerFreedTime(ctx, d, {
    visitTypeId: entry.visitTypeId,
    locationId: entry.locationId,
    providerId: entry.offerProviderId!,
    startsAt: entry.offerStartsAt!,
  });
}

export async function readOffer(ctx: CommandContext, offerToken: string) {
  const entry = await findEntryByOfferHash(ctx.db, hashToken(offerToken));
  await ctx.audit({
    action: 'read-offer',
    entityType: 'waitlist-entry',
    entityId: entry?.id ?? null,
    outcome: entry ? 'success' : 'not-found',
  });
  if (!entry) return undefined;
  const open = entry.status === 'offered' && entry.offerExpiresAt!.getTime() > ctx.now.getTime();
  return { entry, open };
}

/** Books the offered time for the waiting patient; the offer's own key makes a double click book once. */
export async function takeOffer(ctx: CommandContext, entry: WaitlistEntry): Promise<Booked> {
  const d = await ctx.s.directory.get();
  const location = locationById(d, entry.locationId)!;
  const booked = await bookAppointment(
    ctx,
    {
      visitType: visitTypeById(d, entry.visitTypeId)!.slug,
      location: location.slug,
      provider: providerById(d, entry.offerProviderId)!.slug,
      start: Temporal.Instant.fromEpochMilliseconds(entry.offerStartsAt!.getTime())
        .toZonedDateTimeISO(location.timeZone)
        .toString({ timeZoneName: 'never' }),
      patient: entry.patient,
      language: entry.language,
    },
    `waitlist-offer:${entry.id}`,
    { heldFor: entry.id },
  );
  await setEntryStatus(ctx.db, entry.id, 'booked', ['offered', 'expired', 'waiting'], booked.appointment.id);
  return booked;
}

/** Housekeeping: an unanswered offer expires and the time goes to the next person waiting. */
export async function expireOffers(s: Scheduling, now: Date): Promise<number> {
  const ctx = commandContext(s, { actorType: 'system' }, { now });
  const expired = await expiredOffers(ctx.db, now);
  const d = await s.directory.get();
  let count = 0;
  for (const entry of expired) {
    await ctx.transaction(async (t) => {
      // Only an offer that is still open expires (not one booked or left meanwhile).
      if (!(await setEntryStatus(t.db, entry.id, 'expired', ['offered']))) return;
      count++;
      await releaseHold(t.db, entry.id);
      await offerOnward(t, d, entry);
    });
  }
  return count;
}
