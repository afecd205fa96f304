/**
 * A visit as an iCalendar file for the patient's own calendar (the manage page's download and
 * GET /api/v1/appointments/{id}.ics): the same UID and SEQUENCE as the emailed invitations, so a
 * calendar updates the event instead of adding a second one; a cancelled visit is a CANCEL.
 */
import type { Context } from 'hono';
import { calendarFile, VISIT_ALARM_MINUTES } from '../platform/calendar/ics.js';
import type { Locale } from '../platform/i18n/i18n.js';
import { appointmentView } from './booking-service.js';
import { clinicUrl } from './links.js';
import type { Scheduling } from './scheduling.js';
import type { StoredAppointment } from './scheduling-store.js';

export async function visitCalendarResponse(c: Context, s: Scheduling, a: StoredAppointment, locale: Locale) {
  const d = await s.directory.get();
  const v = appointmentView(d, a);
  // Not the private link: calendars copy events to the cloud (see links.ts).
  const link = clinicUrl(s.publicUrl, v.location.slug, locale);
  const body = calendarFile({
    uid: `${a.id}@carepath`,
    sequence: a.sequence,
    method: a.status === 'cancelled' ? 'CANCEL' : 'PUBLISH',
    startMs: a.startsAt.getTime(),
    endMs: a.endsAt.getTime(),
    timeZone: v.location.timeZone,
    summary: `${d.network.name}: ${v.location.city}`,
    location: `${v.location.name}, ${v.location.street}, ${v.location.city}, ${v.location.region} ${v.location.postalCode}`,
    description: `${v.provider.displayName}. ${v.location.phone}. ${link}`,
    url: link,
    alarmMinutesBefore: VISIT_ALARM_MINUTES,
    now: s.now(),
  });
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Content-Disposition', 'attachment; filename="carepath-visit.ics"');
  return c.body(body);
}
