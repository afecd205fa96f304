/**
 * Time off in words, where it is listed: whole days as dates ("December 8 – 9, all day"),
 * part of a day with its times ("Tuesday, December 8, 9:00 AM – 1:00 PM"), in the zone the
 * times were entered in (the provider's first clinic's).
 */
import { Temporal } from 'temporal-polyfill';
import { homeZone, type Directory, type Provider } from '../../directory/index.js';
import { dateRange, instantRange } from '../../platform/i18n/format.js';
import { staffLocale, t } from '../staff-kit.js';

/** The zone the provider's times are entered in: their first clinic's, or the network's. */
export const timeOffZone = (d: Directory, p: Provider) =>
  d.locations.find((l) => l.slug === p.locations[0])?.timeZone ?? homeZone(d);

export function describeTimeOff(range: { startsAt: Date; endsAt: Date }, zone: string): string {
  const at = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(zone);
  const [start, end] = [at(range.startsAt), at(range.endsAt)];
  const midnight = (z: Temporal.ZonedDateTime) => z.hour === 0 && z.minute === 0 && z.second === 0;
  if (midnight(start) && midnight(end)) {
    // Whole days end at the start of the day after the last.
    const first = start.toPlainDate();
    const last = end.toPlainDate().subtract({ days: 1 });
    const dates = dateRange(staffLocale(), first.toString(), last.toString());
    return t(first.equals(last) ? 'admin.timeOff.wholeDay' : 'admin.timeOff.wholeDays', { dates });
  }
  return instantRange(staffLocale(), range.startsAt.getTime(), range.endsAt.getTime(), zone);
}
