/**
 * A clinic's opening status in words, from its own clock: "Open now until 5:00 PM", "Opens today
 * at 9:00 AM, until 1:00 PM", "Closed for the rest of today. Opens Monday at 8:00 AM".
 */
import { Temporal } from 'temporal-polyfill';
import { clockTime, dateFormatter } from '../platform/i18n/format.js';
import { INTL_LOCALE } from '../platform/i18n/i18n.js';
import type { PageContext } from '../platform/views/page-context.js';
import { openingStatus, type Location } from './directory.js';

function weekdayName(ctx: PageContext, now: Date, timeZone: string, daysAhead: number): string {
  const day = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .add({ days: daysAhead });
  return dateFormatter(INTL_LOCALE[ctx.locale], { weekday: 'long', timeZone }).format(
    new Date(day.epochMilliseconds),
  );
}

export function openingStatusText(
  ctx: PageContext,
  l: Pick<Location, 'hours' | 'timeZone'>,
  now: Date,
): string {
  const s = openingStatus(l, now);
  const time = (hhmm: string) => clockTime(ctx.locale, hhmm);
  if (s.kind === 'open') return ctx.t('clinics.status.open', { closes: time(s.closes) });
  if (s.kind === 'opens-later-today')
    return ctx.t('clinics.status.later', { opens: time(s.opens), closes: time(s.closes) });
  return s.next
    ? ctx.t('clinics.status.next', {
        day: weekdayName(ctx, now, l.timeZone, s.next.daysAhead),
        opens: time(s.next.opens),
      })
    : ctx.t('clinics.status.closed');
}
