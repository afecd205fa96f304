import { Temporal } from 'temporal-polyfill';
import { INTL_LOCALE, type Locale } from './i18n.js';

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one (it was a tenth of a
 * booking's CPU time, which renders several dates into its messages), so each combination of
 * language, fields and zone is built once. The combinations are few: two languages, a handful of
 * field sets, the network's zones.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** ISO weekday (1 = Monday) as a name in the language. */
export function weekdayName(locale: Locale, isoWeekday: number, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoWeekday));
  const name = dateFormatter(INTL_LOCALE[locale], { weekday: style, timeZone: 'UTC' }).format(date);
  // Spanish weekdays are lower case inside a sentence; callers capitalise a label's start.
  return locale === 'en' ? name : name.toLowerCase();
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Monday to Friday" / "Lunes a viernes"; a single day stays a single day. */
export function weekdayRange(locale: Locale, from: number, to: number): string {
  if (from === to) return capitalize(weekdayName(locale, from));
  const joiner = locale === 'es' ? ' a ' : ' to ';
  return capitalize(weekdayName(locale, from)) + joiner + weekdayName(locale, to);
}

/** "HH:MM" wall-clock time -> "9:00 AM" / "9:00 a. m." */
export function clockTime(locale: Locale, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const date = new Date(Date.UTC(2024, 0, 1, h, m));
  return dateFormatter(INTL_LOCALE[locale], {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(date);
}

/** A calendar date 'YYYY-MM-DD' in words: "November 20, 2026" / "20 de noviembre de 2026". */
export function longDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return dateFormatter(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/**
 * Calendar dates 'YYYY-MM-DD' from the first to the last (inclusive), as one span in words:
 * "December 8 – 9" / "8–9 de diciembre", one date alone for a single day. The year shows when the
 * span crosses one, or always with `withYear`.
 */
export function dateRange(locale: Locale, from: string, to: string, withYear = false): string {
  const utc = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  };
  const f = dateFormatter(INTL_LOCALE[locale], {
    month: 'long',
    day: 'numeric',
    ...(withYear || from.slice(0, 4) !== to.slice(0, 4) ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
  return from === to ? f.format(utc(from)) : f.formatRange(utc(from), utc(to));
}

/**
 * Two instants in a zone as one span with the day and times: "Tuesday, December 8, 9:00 AM –
 * 1:00 PM", or both days when it runs past midnight. Capitalised: it stands on its own.
 */
export function instantRange(locale: Locale, from: number, to: number, timeZone: string): string {
  const f = dateFormatter(INTL_LOCALE[locale], {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
  return capitalize(f.formatRange(from, to));
}

/**
 * A date of birth as staff read it, the same on every page: in words ("March 15, 1972" / "15 de
 * marzo de 1972"), since 03/15/1972 and 15/03/1972 read differently in each language while the
 * patient search takes MM/DD/YYYY in both.
 */
export const birthDate = (locale: Locale, isoDate: string): string => longDate(locale, isoDate);

/** "Glendale, Tempe, Phoenix and Scottsdale" in the language. */
export function list(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * "Tuesday, December 1" / "Martes, 1 de diciembre" for an instant in a clinic's zone, as a value
 * that stands on its own (a heading, a table cell). Inside a sentence use dayInSentence.
 */
export function dayInZone(locale: Locale, ms: number, timeZone: string): string {
  return capitalize(dayInSentence(locale, ms, timeZone));
}

/** The same day as it reads mid-sentence: Spanish writes weekdays in lower case ("el martes"). */
export function dayInSentence(locale: Locale, ms: number, timeZone: string): string {
  return dateFormatter(INTL_LOCALE[locale], {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone,
  }).format(ms);
}

/** "9:00 AM" / "9:00 a. m." for an instant in a clinic's zone. */
export function timeInZone(locale: Locale, ms: number, timeZone: string): string {
  return dateFormatter(INTL_LOCALE[locale], {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(ms);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(ms: number, timeZone: string): string {
  return dateFormatter('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(ms);
}

/**
 * A page's ?date= parameter, if it is a real calendar date between `min` and one year after it;
 * otherwise `min`. Bad or far-off dates in a URL never reach the slot search.
 */
export function pageDate(value: string | undefined, min: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return min;
  try {
    const date = Temporal.PlainDate.from(value, { overflow: 'reject' }).toString();
    const max = Temporal.PlainDate.from(min).add({ days: 366 }).toString();
    return date < min || date > max ? min : date;
  } catch {
    return min;
  }
}

/**
 * True when the text is a real calendar date as YYYY-MM-DD (no 2027-02-30) in the years 1900 to
 * 2199: year 0 and the days around 9999-12-31 are valid calendar dates but not PostgreSQL's.
 */
/**
 * A calendar date as people type it: 2026-11-30, 11/30/2026 or 1/5/2026 (month first, as in the
 * United States). Undefined for anything else, or a date that does not exist (2/30/2026).
 */
export function parseTypedDate(input: string): string | undefined {
  const q = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (!y) return undefined;
  try {
    return Temporal.PlainDate.from({ year: +y, month: +m!, day: +d! }, { overflow: 'reject' }).toString();
  } catch {
    return undefined;
  }
}

export function isRealDate(value: string): boolean {
  if (!/^(19|2[01])\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** A time zone's everyday name in the language ("Mountain Time", "hora de las Montañas Rocosas"). */
export function zoneDisplayName(locale: Locale, timeZone: string): string {
  const part = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Units Intl can put in the right number ("1 day", "2 días"), by the English word content uses. */
const INTL_UNITS: Record<string, string> = {
  days: 'day',
  weeks: 'week',
  months: 'month',
  years: 'year',
  hours: 'hour',
};

/**
 * An amount with its unit, as the page's language says it: "1 day", "34 años". A unit Intl does
 * not know is written after the number as the content spells it.
 */
export function amount(
  locale: Locale,
  value: number | string,
  unit: { [L in Locale]: string } | undefined,
): string {
  if (!unit) return String(value);
  const intlUnit = INTL_UNITS[unit.en];
  return intlUnit && typeof value === 'number'
    ? new Intl.NumberFormat(INTL_LOCALE[locale], {
        style: 'unit',
        unit: intlUnit,
        unitDisplay: 'long',
      }).format(value)
    : `${value} ${unit[locale]}`;
}
