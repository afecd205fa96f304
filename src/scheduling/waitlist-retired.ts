/**
 * Waiting-list entries whose clinic, provider or visit type is retired (ADR 23). Offers go only to
 * active ones (offerFreedTime), so such an entry would wait in silence until its dates passed.
 * The simplest behaviour that never does that: each is closed (status 'closed', any held time
 * released, one 'close' event) and its patient told, in their language, why, and how to book or
 * join the list again or whom to call. An entry naming a provider is not moved to "any provider":
 * the patient chose that person, and the message lets them join again for anyone. Re-activating
 * does not reopen entries: their patients were told they are off the list.
 *
 * Retiring calls this in its own transaction, so nothing is retired with patients still waiting
 * for it; housekeeping calls it too, for entries left open by retirements made before it existed.
 */
import { locationById, providerById, visitTypeById, type Directory } from '../directory/index.js';
import { enqueueMessage, normalizePhone, textToHtml } from '../notifications/index.js';
import { longDate } from '../platform/i18n/format.js';
import { translator } from '../platform/i18n/i18n.js';
import { releaseHold } from './booking-store.js';
import { commandContext, type CommandContext } from './command-context.js';
import { bookUrl } from './links.js';
import type { Scheduling } from './scheduling.js';
import {
  listOpenEntriesNaming,
  lockOpenEntriesOfRetired,
  setEntryStatus,
  type RetiredPart,
  type WaitlistEntry,
} from './waitlist-store.js';

/** Open entries naming this clinic, provider or visit type: what retiring it would close. */
export const openEntriesNaming = listOpenEntriesNaming;

/** The patient's message: off the list, why, and how to book, join again or call. */
async function tellPatient(ctx: CommandContext, d: Directory, entry: WaitlistEntry, retired: RetiredPart) {
  const t = translator(entry.language);
  const clinic = locationById(d, entry.locationId)!;
  const visit = visitTypeById(d, entry.visitTypeId)!.name[entry.language];
  const params = {
    name: entry.patient.givenName,
    network: d.network.name,
    visit,
    clinic: clinic.name,
    from: longDate(entry.language, entry.earliest),
    to: longDate(entry.language, entry.latest),
    reason: t(`waitlist.closed.${retired}`, {
      clinic: clinic.name,
      provider: providerById(d, entry.providerId)?.displayName ?? '',
    }),
    link: bookUrl(ctx.s.publicUrl, entry.language),
    // A retired clinic's number may no longer be answered: the booking page lists the others'.
    call:
      retired === 'location'
        ? t('mail.waitlistClosed.callClinics')
        : t('mail.waitlistClosed.call', { clinic: clinic.name, phone: clinic.phone }),
  };
  const text = t('mail.waitlistClosed.body', params);
  await enqueueMessage(
    ctx.db,
    entry.patient.email !== null
      ? {
          dedupeKey: `waitlist-closed:${entry.id}`,
          kind: 'waitlist-closed',
          recipient: entry.patient.email,
          language: entry.language,
          subject: t('mail.waitlistClosed.subject', { network: d.network.name }),
          text,
          html: textToHtml(text),
        }
      : {
          dedupeKey: `waitlist-closed-sms:${entry.id}`,
          kind: 'waitlist-closed-sms',
          channel: 'sms',
          recipient: normalizePhone(entry.patient.phone!),
          language: entry.language,
          subject: '',
          text: t('sms.waitlistClosed', params),
          html: '',
        },
  );
}

/**
 * Closes every open entry that names a retired clinic, provider or visit type, in one transaction
 * (the caller's, if it has one): status, held time, audit event and message together. `d` names
 * them (looked up by id, so it may be read before or after the retirement). Returns how many.
 */
export async function closeEntriesOfRetired(ctx: CommandContext, d: Directory): Promise<number> {
  const closed = await ctx.transaction(async (t) => {
    let count = 0;
    for (const { entry, retired } of await lockOpenEntriesOfRetired(t.db)) {
      if (!(await setEntryStatus(t.db, entry.id, 'closed', ['waiting', 'offered']))) continue;
      await releaseHold(t.db, entry.id);
      await t.audit({
        action: 'close',
        entityType: 'waitlist-entry',
        entityId: entry.id,
        outcome: 'success',
        detail: { retired },
      });
      await tellPatient(t, d, entry, retired);
      count++;
    }
    return count;
  });
  // Inside a caller's transaction the messages are not committed yet: the caller kicks the outbox.
  if (closed && !ctx.inTransaction) ctx.s.kickOutbox();
  return closed;
}

/** Housekeeping: the same, acting as the system. */
export async function closeRetiredWaitlistEntries(s: Scheduling, now: Date): Promise<number> {
  return closeEntriesOfRetired(commandContext(s, { actorType: 'system' }, { now }), await s.directory.get());
}
