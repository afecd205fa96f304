/**
 * iCalendar (RFC 5545) for one appointment: a stable UID per appointment, SEQUENCE rising with
 * every change, times in the clinic's zone. The title is generic: no health details.
 */
import { Temporal } from 'temporal-polyfill';

/** The reminder a patient's calendar shows before a visit, in minutes. */
export const VISIT_ALARM_MINUTES = 120;

export interface CalendarEvent {
  uid: string;
  sequence: number;
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  startMs: number;
  endMs: number;
  timeZone: string;
  summary: string;
  location: string;
  description: string;
  url?: string;
  organizerEmail?: string;
  /** A reminder this many minutes before the start (a VALARM that displays the summary). */
  alarmMinutesBefore?: number;
  now: Date;
}

const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded with CRLF + space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function offsetOf(timeZone: string, isoDate: string): number {
  return Temporal.PlainDate.from(isoDate).toZonedDateTime({ timeZone }).offsetNanoseconds / 6e10;
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export function calendarFile(e: CalendarEvent): string {
  const year = new Date(e.startMs).getUTCFullYear();
  const winter = offsetOf(e.timeZone, `${year}-01-15`);
  const summer = offsetOf(e.timeZone, `${year}-07-15`);
  // Zones without daylight saving (like America/Phoenix) get a one-rule VTIMEZONE and local
  // times with TZID; zones that change their clocks are written in UTC, which every client reads.
  const fixed = winter === summer;
  const local = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms)
      .toZonedDateTimeISO(e.timeZone)
      .toPlainDateTime()
      .toString()
      .replace(/[-:]/g, '')
      .slice(0, 15);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Carepath//Appointments//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    ...(fixed
      ? [
          'BEGIN:VTIMEZONE',
          `TZID:${e.timeZone}`,
          'BEGIN:STANDARD',
          'DTSTART:19700101T000000',
          `TZOFFSETFROM:${offsetLabel(winter)}`,
          `TZOFFSETTO:${offsetLabel(winter)}`,
          'END:STANDARD',
          'END:VTIMEZONE',
        ]
      : []),
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(e.now.getTime())}`,
    fixed ? `DTSTART;TZID=${e.timeZone}:${local(e.startMs)}` : `DTSTART:${utcStamp(e.startMs)}`,
    fixed ? `DTEND;TZID=${e.timeZone}:${local(e.endMs)}` : `DTEND:${utcStamp(e.endMs)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `LOCATION:${escapeText(e.location)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.url ? [`URL:${e.url}`] : []),
    ...(e.organizerEmail ? [`ORGANIZER:mailto:${e.organizerEmail}`] : []),
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    ...(e.alarmMinutesBefore !== undefined && e.method !== 'CANCEL'
      ? [
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${escapeText(e.summary)}`,
          `TRIGGER:-PT${e.alarmMinutesBefore}M`,
          'END:VALARM',
        ]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
