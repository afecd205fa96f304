/**
 * Choosing a time without scrolling through a hundred buttons: a row of the week's days with how
 * many free times each has, then the chosen day's times grouped by clinic and clinician. Server
 * rendered (plain links), so it works without JavaScript; used by booking and by moving a visit.
 */
import type { Directory } from '../directory/index.js';
import { dateFormatter, dayInZone, timeInZone } from '../platform/i18n/format.js';
import { INTL_LOCALE } from '../platform/i18n/i18n.js';
import type { PageContext } from '../platform/views/page-context.js';
import type { Slot } from './slots.js';

/** A slot's clinic-local date (its start carries the clinic's offset). */
export const slotDay = (s: Slot) => s.start.slice(0, 10);

/** The dates from `from` for `days` days, each with its slots (clinic-local dates). */
export function daysOf(slots: Slot[], from: string, days: number): { date: string; slots: Slot[] }[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const out = Array.from({ length: days }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    slots: [] as Slot[],
  }));
  const byDate = new Map(out.map((d) => [d.date, d]));
  for (const s of slots) byDate.get(slotDay(s))?.slots.push(s);
  return out;
}

/** The day to show: the asked-for one if it has times, else the first day that has some. */
export function chosenDay(days: { date: string; slots: Slot[] }[], asked: string | undefined) {
  return days.find((d) => d.date === asked && d.slots.length) ?? days.find((d) => d.slots.length);
}

export function DayPicker({
  ctx,
  days,
  selected,
  href,
}: {
  ctx: PageContext;
  days: { date: string; slots: Slot[] }[];
  selected: string | undefined;
  href: (date: string) => string;
}) {
  const label = (date: string) => {
    const f = dateFormatter(INTL_LOCALE[ctx.locale], {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    return f.formatToParts(new Date(`${date}T12:00:00Z`));
  };
  const part = (parts: Intl.DateTimeFormatPart[], type: string) =>
    parts.filter((p) => p.type === type).map((p) => p.value.replace(/\.$/, ''));
  // Month and day in the language's own order: "Dec 7" in English, "7 dic" in Spanish.
  const monthDay = (parts: Intl.DateTimeFormatPart[]) =>
    parts
      .filter((p) => p.type === 'month' || p.type === 'day')
      .map((p) => p.value.replace(/\.$/, ''))
      .join(' ');
  return (
    <nav aria-label={ctx.t('book.days.label')}>
      <ul class="day-picker">
        {days.map(({ date, slots }) => {
          const parts = label(date);
          const count =
            slots.length === 0
              ? ctx.t('book.days.none')
              : slots.length === 1
                ? ctx.t('book.days.one')
                : ctx.t('book.days.count', { n: slots.length });
          const body = (
            <>
              <span class="dp-weekday">{part(parts, 'weekday')}</span>
              <span class="dp-date">{monthDay(parts)}</span>
              <span class="dp-count">{count}</span>
            </>
          );
          return (
            <li>
              {slots.length === 0 ? (
                <span class="dp-day dp-empty">{body}</span>
              ) : (
                <a class="dp-day" href={href(date)} aria-current={date === selected ? 'date' : undefined}>
                  {body}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** One day's times, grouped by clinic, then clinician: a compact grid of time buttons. */
export function DayTimes({
  ctx,
  d,
  slots,
  choose,
  headingLevel = 3,
  nearest,
}: {
  ctx: PageContext;
  d: Directory;
  slots: Slot[];
  choose: (s: Slot) => string;
  headingLevel?: 3 | 4;
  /** Clinics nearest first (from a ZIP code), with their distance in miles. */
  nearest?: { slug: string; miles: number | undefined }[];
}) {
  if (slots.length === 0) return null;
  const byClinic = new Map<string, Map<string, Slot[]>>();
  // Nearest clinics first: their groups are created first, so they are listed first.
  for (const n of nearest ?? [])
    if (slots.some((s) => s.location === n.slug)) byClinic.set(n.slug, new Map());
  for (const s of slots) {
    const clinic = byClinic.get(s.location) ?? new Map<string, Slot[]>();
    clinic.set(s.provider, [...(clinic.get(s.provider) ?? []), s]);
    byClinic.set(s.location, clinic);
  }
  const ClinicHeading = headingLevel === 3 ? 'h3' : 'h4';
  const miles = (slug: string) => {
    const m = nearest?.find((n) => n.slug === slug)?.miles;
    return m === undefined ? undefined : m.toFixed(1);
  };
  const ProviderHeading = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <div class="day-times">
      {[...byClinic].map(([slug, providers]) => {
        const l = d.locations.find((x) => x.slug === slug)!;
        return (
          <section class="dt-clinic">
            <ClinicHeading>{l.name}</ClinicHeading>
            {miles(slug) !== undefined ? (
              <p class="distance">{ctx.t('book.zip.miles', { miles: miles(slug)! })}</p>
            ) : null}
            {[...providers].map(([providerSlug, list]) => {
              const p = d.providers.find((x) => x.slug === providerSlug)!;
              return (
                <>
                  <ProviderHeading class="dt-provider">{p.displayName}</ProviderHeading>
                  <ul class="time-grid">
                    {list.map((s) => {
                      const time = timeInZone(ctx.locale, s.startMs, l.timeZone);
                      return (
                        <li>
                          <a
                            class="time-link"
                            href={choose(s)}
                            aria-label={ctx.t('book.times.choose', {
                              time,
                              day: dayInZone(ctx.locale, s.startMs, l.timeZone),
                              provider: p.displayName,
                              clinic: l.city,
                            })}
                          >
                            {time}
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
