/** The patient messages of a visit change, rendered with the visit's own private link. */
import type { Directory } from '../directory/index.js';
import { type StoredAppointment } from './scheduling-store.js';
import { appointmentMessages, type AppointmentEvent, type OutgoingMessage } from '../notifications/index.js';
import { bookUrl, manageUrl } from './links.js';
import type { Scheduling } from './scheduling.js';

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
