/**
 * The open times of a clinic's day, per clinician, for the front desk: when someone calling or at
 * the desk could still be fitted in. They come from the one availability function (searchSlots,
 * with the desk's walk-in reach inside the online notice): a range is the union of the bookable
 * times of every visit type the clinician offers there, so it already leaves out visits, holds,
 * buffers, time off, closures, hours outside the clinic's opening hours, and times already begun.
 */
import type { Directory, Location } from '../directory/index.js';
import { timeInZone } from '../platform/i18n/format.js';
import { searchSlots, type Scheduling } from '../scheduling/index.js';
import { staffLocale, t } from './staff-kit.js';

export interface OpenRange {
  startMs: number;
  endMs: number;
}

export interface ClinicianOpenTimes {
  provider: Directory['providers'][number];
  ranges: OpenRange[];
}

/** Joins ranges that overlap or lie within `gapMs` of each other (a visit type's buffer). */
function union(ranges: OpenRange[], gapMs = 0): OpenRange[] {
  const sorted = [...ranges].sort((a, b) => a.startMs - b.startMs);
  const out: OpenRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.startMs <= last.endMs + gapMs) last.endMs = Math.max(last.endMs, r.endMs);
    else out.push({ ...r });
  }
  return out;
}

export async function openTimesOfDay(
  s: Scheduling,
  d: Directory,
  location: Location,
  date: string,
  /** Only this clinician (the day's clinician filter). */
  providerSlug?: string,
): Promise<ClinicianOpenTimes[]> {
  const here = d.providers.filter(
    (p) => p.locations.includes(location.slug) && (!providerSlug || p.slug === providerSlug),
  );
  const byProvider = new Map<string, OpenRange[]>();
  for (const visitType of d.visitTypes) {
    const offering = here.filter((p) => visitType.providers.includes(p.slug));
    if (offering.length === 0) continue;
    const slots = await searchSlots(
      s,
      {
        visitType: visitType.slug,
        location: location.slug,
        ...(providerSlug ? { provider: providerSlug } : {}),
        from: date,
        to: date,
      },
      { walkIn: true },
    );
    const gap = visitType.bufferMinutes * 60_000;
    for (const p of offering) {
      const mine = union(
        slots.filter((x) => x.provider === p.slug),
        gap,
      );
      byProvider.set(p.slug, union([...(byProvider.get(p.slug) ?? []), ...mine]));
    }
  }
  return here
    .map((provider) => ({ provider, ranges: byProvider.get(provider.slug) ?? [] }))
    .filter((x) => x.ranges.length > 0);
}

/** The list under the day's schedule; each range books at this clinic on this day. */
export function OpenTimes({
  open,
  location,
  date,
}: {
  open: ClinicianOpenTimes[];
  location: Location;
  date: string;
}) {
  const at = (ms: number) => timeInZone(staffLocale(), ms, location.timeZone);
  const book = `/staff/book?${new URLSearchParams({ location: location.slug, date })}`;
  return (
    <section class="open-times" aria-labelledby="open-times-heading">
      <h2 id="open-times-heading">{t('staff.open.title')}</h2>
      {open.length === 0 ? (
        <p>{t('staff.open.none')}</p>
      ) : (
        <ul>
          {open.map(({ provider, ranges }) => (
            <li>
              <strong>{provider.displayName}</strong>:{' '}
              {ranges.map((r, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={book}>{t('staff.open.range', { from: at(r.startMs), to: at(r.endMs) })}</a>
                </>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
