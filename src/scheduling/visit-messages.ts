/** The patient messages of a visit change, rendered with the visit's own private link. */
import { locationById, providerById } from '../directory/index.js';
import type { Directory } from '../directory/index.js';
import {
  findSealedManageToken,
  replaceManageToken,
  visitVersions,
  type StoredAppointment,
} from './scheduling-store.js';
import { hashToken, newToken } from '../platform/tokens.js';
import {
  appointmentMessages,
  appointmentReminders,
  type AppointmentEvent,
  type OutgoingMessage,
  type VisitMessageRef,
} from '../notifications/index.js';
import type { Queryable } from '../platform/db/database.js';
import { remindersApply } from './visit-status.js';
import { bookUrl, clinicUrl, manageUrl } from './links.js';
import type { Scheduling } from './scheduling.js';

/**
 * The patient's manage token, for the links in messages. A visit booked before tokens were sealed,
 * or sealed under a secret since rotated, gets a new one (its old link stops working; the message
 * carries the new link). See docs/decisions/0008-sealed-manage-token.md.
 */
export async function patientToken(s: Scheduling, appointmentId: string): Promise<string> {
  const sealed = await findSealedManageToken(s.db, appointmentId);
  if (sealed) {
    try {
      return s.box.open(sealed);
    } catch {
      // Sealed under an earlier secret (CAREPATH_SECRET was rotated): issue a new token below.
    }
  }
  const token = newToken();
  await replaceManageToken(s.db, appointmentId, hashToken(token), s.box.seal(token));
  return token;
}

/** What the messages about a visit need from it. */
export function messageSubject(a: StoredAppointment) {
  return {
    id: a.id,
    sequence: a.sequence,
    startMs: a.startsAt.getTime(),
    endMs: a.endsAt.getTime(),
    language: a.language,
    patient: a.patient,
    locationId: a.locationId,
    providerId: a.providerId,
    smsReminders: a.smsReminders,
  };
}

export function visitMessages(
  s: Scheduling,
  d: Directory,
  event: AppointmentEvent,
  a: ReturnType<typeof messageSubject>,
  manageToken: string,
): OutgoingMessage[] {
  return appointmentMessages({ event, ...messageInput(s, d, a, manageToken) });
}

/** The visit's reminder `hours` before it starts (queued near that time: reminders.ts). */
export function visitReminders(
  s: Scheduling,
  d: Directory,
  a: ReturnType<typeof messageSubject>,
  manageToken: string,
  hours: number,
): OutgoingMessage[] {
  return appointmentReminders(messageInput(s, d, a, manageToken), hours);
}

function messageInput(
  s: Scheduling,
  d: Directory,
  a: ReturnType<typeof messageSubject>,
  manageToken: string,
) {
  const location = locationById(d, a.locationId)!;
  return {
    appointment: {
      id: a.id,
      sequence: a.sequence,
      startMs: a.startMs,
      endMs: a.endMs,
      language: a.language,
      givenName: a.patient.givenName,
      email: a.patient.email,
      // Text messages when asked for, and always for someone with no email address.
      phone: a.smsReminders || a.patient.email === null ? a.patient.phone : null,
    },
    location,
    providerName: providerById(d, a.providerId)!.displayName,
    networkName: d.network.name,
    manageUrl: manageUrl(s.publicUrl, manageToken, a.language),
    bookUrl: bookUrl(s.publicUrl, a.language),
    clinicUrl: clinicUrl(s.publicUrl, location.slug, a.language),
    now: s.now(),
    ...(s.mailFrom ? { mailFrom: s.mailFrom } : {}),
  };
}

/**
 * The outbox asks this before sending messages about visits (wired in server.ts): a message
 * queued for an older version of the visit (moved, cancelled: a newer sequence) no longer
 * applies, a reminder applies only while remindersApply says so (booked, not yet started), and a
 * reminder for a visit kept over a closure or time off waits until staff decide about it.
 */
export async function outdatedVisitMessages(
  db: Queryable,
  messages: VisitMessageRef[],
  now: Date,
): Promise<{ skip: Set<string>; hold: Set<string> }> {
  const visits = await visitVersions(db, [...new Set(messages.map((m) => m.appointmentId))]);
  const skip = new Set<string>();
  const hold = new Set<string>();
  for (const m of messages) {
    const visit = visits.get(m.appointmentId);
    const reminder = m.kind.startsWith('appointment-reminder');
    if (
      !visit ||
      visit.sequence !== m.appointmentSequence ||
      (reminder && !remindersApply(visit.status, visit.startsAt, now))
    )
      skip.add(m.id);
    else if (reminder && visit.decisionDue) hold.add(m.id);
  }
  return { skip, hold };
}
