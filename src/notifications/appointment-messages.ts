/**
 * The messages a visit produces: confirmation, move, cancellation and reminders, in the
 * patient's language, as plain text and HTML, with an iCalendar part. They carry the minimum:
 * first name, date, time, clinic, clinician and the private link; never the visit's reason or any answer.
 */
import type { Location } from '../directory/index.js';
import { dayInSentence, timeInZone } from '../platform/i18n/format.js';
import { translator, type Locale } from '../platform/i18n/i18n.js';
import type { OutgoingMessage } from './outbox.js';
import { calendarFile, VISIT_ALARM_MINUTES } from '../platform/calendar/ics.js';
import { normalizePhone } from './sms.js';

export type AppointmentEvent = 'confirmation' | 'rescheduled' | 'cancelled';

export interface AppointmentMessageInput {
  event: AppointmentEvent;
  appointment: {
    id: string;
    sequence: number;
    startMs: number;
    endMs: number;
    language: Locale;
    givenName: string;
    /** Where the messages go; without one, everything goes by text message to `phone`. */
    email: string | null;
    /** Set when text messages are wanted: reminders the patient asked for, or there is no email. */
    phone: string | null;
  };
  location: Location;
  /** The clinician's name as patients see it ("Dr. Ben Evans"): a move may change who it is. */
  providerName: string;
  networkName: string;
  manageUrl: string;
  bookUrl: string;
  /** The clinic's public page: what calendar files link to (never the private link). */
  clinicUrl: string;
  now: Date;
  mailFrom?: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text to simple HTML; links become anchors. */
export function textToHtml(text: string): string {
  return text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`)
    .join('\n');
}

/** The messages of a change to a visit: its confirmation, move or cancellation. */
export function appointmentMessages(input: AppointmentMessageInput): OutgoingMessage[] {
  const { announce, ics } = composer(input);
  if (input.event === 'cancelled') {
    const cancelled = announce('cancelled', { ics: ics('CANCEL'), icsMethod: 'CANCEL' });
    return cancelled ? [cancelled] : [];
  }
  const announced = announce(input.event, { ics: ics('REQUEST'), icsMethod: 'REQUEST' });
  return announced ? [announced] : [];
}

/**
 * A visit's reminder `hours` before its start, by email and (when wanted) by text message, due at
 * that instant. Queued near that time from the visit as it is then (scheduling's reminders.ts),
 * not at booking: a booking writes one message, and a reminder carries today's details.
 */
export function appointmentReminders(
  input: Omit<AppointmentMessageInput, 'event'>,
  hours: number,
): OutgoingMessage[] {
  const { message, sms } = composer({ ...input, event: 'confirmation' });
  const { appointment: a } = input;
  const at = new Date(a.startMs - hours * 3_600_000);
  return [
    ...(a.email !== null ? [message(`reminder-${hours}h`, 'reminder', { notBefore: at })] : []),
    ...(a.phone !== null ? [sms(`reminder-${hours}h`, 'reminder', at)] : []),
  ];
}

function composer(input: AppointmentMessageInput) {
  const { appointment: a, location: l } = input;
  const t = translator(a.language);
  const when = `${dayInSentence(a.language, a.startMs, l.timeZone)}, ${timeInZone(a.language, a.startMs, l.timeZone)}`;
  const params = {
    name: a.givenName,
    when,
    clinic: l.name,
    provider: input.providerName,
    address: `${l.street}, ${l.city}`,
    zone: l.zoneName[a.language],
    link: input.manageUrl,
    bookLink: input.bookUrl,
  };
  const footer = t('mail.footer', { phone: l.phone });
  const ics = (method: 'REQUEST' | 'CANCEL') =>
    calendarFile({
      uid: `${a.id}@carepath`,
      sequence: a.sequence,
      method,
      startMs: a.startMs,
      endMs: a.endMs,
      timeZone: l.timeZone,
      summary: t('mail.calendarTitle', { clinic: l.name }),
      location: `${l.name}, ${l.street}, ${l.city}, ${l.region} ${l.postalCode}`,
      // Calendars copy events to the cloud: the private link stays in the email's text.
      description: `${l.name}, ${l.phone}. ${input.clinicUrl}`,
      url: input.clinicUrl,
      alarmMinutesBefore: VISIT_ALARM_MINUTES,
      ...(input.mailFrom ? { organizerEmail: input.mailFrom.replace(/^.*<([^>]+)>.*$/, '$1') } : {}),
      now: input.now,
    });
  const message = (
    kind: string,
    key: 'confirmation' | 'rescheduled' | 'cancelled' | 'reminder',
    extra: Partial<OutgoingMessage>,
  ): OutgoingMessage => {
    const text = `${t(`mail.appointment.${key}.body`, params)}\n\n${footer}`;
    return {
      dedupeKey: `appointment:${a.id}:${kind}:${a.sequence}`,
      kind: `appointment-${kind}`,
      recipient: a.email!,
      language: a.language,
      subject: t(`mail.appointment.${key}.subject`, params),
      text,
      html: textToHtml(text),
      appointmentId: a.id,
      appointmentSequence: a.sequence,
      ...extra,
    };
  };

  const sms = (kind: string, key: AppointmentEvent | 'reminder', notBefore?: Date): OutgoingMessage => ({
    dedupeKey: `appointment:${a.id}:${kind}-sms:${a.sequence}`,
    kind: `appointment-${kind}-sms`,
    channel: 'sms',
    recipient: normalizePhone(a.phone!),
    language: a.language,
    subject: '',
    text: t(`sms.${key}`, { ...params, network: input.networkName }),
    html: '',
    ...(notBefore ? { notBefore } : {}),
    appointmentId: a.id,
    appointmentSequence: a.sequence,
  });

  // No email address: the confirmation, move or cancellation goes by text message instead.
  const announce = (key: AppointmentEvent, extra: Partial<OutgoingMessage>) =>
    a.email !== null ? message(key, key, extra) : a.phone !== null ? sms(key, key) : undefined;

  return { announce, message, sms, ics };
}
