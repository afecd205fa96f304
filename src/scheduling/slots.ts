/**
 * Free slots: a pure function of the availability model, the existing bookings and the clock.
 * Wall-clock times come from each clinic's IANA time zone through Temporal; a slot is then an
 * exact interval of instants, so visits keep their real length across a DST change.
 */
import { Temporal } from 'temporal-polyfill';

export interface SlotVisitType {
  slug: string;
  durationMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

export interface SlotProvider {
  slug: string;
  schedule: {
    location: string;
    weekday: number;
    starts: string;
    ends: string;
    validFrom: string;
    validTo: string | null;
  }[];
}

export interface Interval {
  provider: string;
  start: number; // epoch ms
  end: number;
}

export interface SlotQuery {
  visitType: SlotVisitType;
  /** Providers who offer the visit type (and, if one was asked for, only that one). */
  providers: SlotProvider[];
  /**
   * Candidate clinics with their zones and, where known, their opening hours: a provider's
   * working hours count only while the clinic is open (a block past closing time is cut there).
   */
  locations: {
    slug: string;
    timeZone: string;
    hours?: { weekday: number; opens: string; closes: string }[];
  }[];
  closures: { location: string; date: string }[];
  timeOff: Interval[];
  /** Time already taken: active bookings including their buffers. */
  busy: Interval[];
  from: string; // YYYY-MM-DD, inclusive, in each clinic's calendar
  to: string;
  now: number;
}

export interface Slot {
  start: string; // ISO 8601 with offset, e.g. 2026-12-01T09:00:00-07:00
  end: string;
  startMs: number;
  endMs: number;
  provider: string;
  location: string;
  visitType: string;
}

const MINUTE = 60_000;

function offsetString(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs) / MINUTE;
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 local time with offset, for an instant in a zone. */
export function isoInZone(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: 'never' });
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const isoDayCache = new Map<number, string>();

/** Local ISO 8601 with offset by integer arithmetic: thousands of slots per search, no Date objects. */
function formatWithOffset(ms: number, offsetMs: number, offset: string): string {
  const local = ms + offsetMs;
  const day = Math.floor(local / 86_400_000);
  let iso = isoDayCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (isoDayCache.size > 10_000) isoDayCache.clear();
    isoDayCache.set(day, iso);
  }
  const secondsOfDay = Math.floor((local - day * 86_400_000) / 1000);
  const h = Math.floor(secondsOfDay / 3600);
  const m = Math.floor((secondsOfDay % 3600) / 60);
  const sec = secondsOfDay % 60;
  return `${iso}T${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[sec]}${offset}`;
}

/** Sorted busy intervals per provider, for a quick overlap test. */
function byProvider(intervals: Interval[]): Map<string, Interval[]> {
  const map = new Map<string, Interval[]>();
  for (const i of intervals) {
    const list = map.get(i.provider) ?? [];
    list.push(i);
    map.set(i.provider, list);
  }
  // Sorted and merged: overlapping or nested entries (a day off plus an hour off inside it) become
  // one interval, so ends are ordered too and the binary search below is valid.
  for (const [provider, list] of map) {
    list.sort((a, b) => a.start - b.start);
    const merged: Interval[] = [];
    for (const i of list) {
      const last = merged.at(-1);
      if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
      else merged.push({ ...i });
    }
    map.set(provider, merged);
  }
  return map;
}

function overlapsAny(list: Interval[] | undefined, start: number, end: number): boolean {
  if (!list) return false;
  // Binary search for the first interval ending after `start`.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && list[i]!.start < end; i++) if (list[i]!.end > start) return true;
  return false;
}

const DAY_MS = 86_400_000;

/**
 * Local wall-clock time on a date in a zone -> epoch ms (and the zone's offset then), through
 * Temporal: a skipped time moves forward, a repeated one takes the earlier instant. The answer
 * never changes for a given zone, date and time, so it is memoised across searches.
 */
const localCache = new Map<string, { ms: number; offsetMs: number }>();
function localToInstant(timeZone: string, isoDate: string, hhmm: string, edge: 'start' | 'end' = 'start') {
  const key = `${timeZone}|${isoDate}|${hhmm}|${edge}`;
  let hit = localCache.get(key);
  if (!hit) {
    let zdt = Temporal.PlainDate.from(isoDate).toZonedDateTime({
      timeZone,
      plainTime: Temporal.PlainTime.from(hhmm),
    });
    // A block that ends at a wall time that does not exist (inside a spring-forward gap, e.g.
    // 02:45 on the day clocks jump from 02:00 to 03:00) ends at the moment of the jump. Temporal's
    // default moves it forward by the gap's length, so a block ending at 02:45 would run into one
    // starting at 03:00 and their slots would overlap. (A start in the gap keeps the default:
    // 02:30 becomes 03:30.)
    if (edge === 'end' && zdt.toPlainTime().toString().slice(0, 5) !== hhmm) {
      zdt = zdt.getTimeZoneTransition('previous') ?? zdt;
    }
    hit = { ms: zdt.epochMilliseconds, offsetMs: zdt.offsetNanoseconds / 1e6 };
    if (localCache.size > 50_000) localCache.clear();
    localCache.set(key, hit);
  }
  return hit;
}

/** Days as integers (days since 1970-01-01) so the date loop needs no calendar objects. */
const epochDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
// 1970-01-01 was a Thursday (ISO weekday 4).
const weekdayOfDay = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

export function findOpenSlots(q: SlotQuery): Slot[] {
  const { visitType: vt } = q;
  const duration = vt.durationMinutes * MINUTE;
  const buffer = vt.bufferMinutes * MINUTE;
  const earliest = q.now + vt.minNoticeMinutes * MINUTE;
  const latest = q.now + vt.horizonDays * 24 * 60 * MINUTE;
  const zones = new Map(q.locations.map((l) => [l.slug, l.timeZone]));
  const openingHours = new Map(q.locations.map((l) => [l.slug, l.hours]));
  const closed = new Set(q.closures.map((c) => `${c.location}|${c.date}`));
  const busy = byProvider(q.busy);
  const off = byProvider(q.timeOff);
  const offsets = new Map<number, string>();
  const offsetLabel = (ms: number) => {
    let label = offsets.get(ms);
    if (label === undefined) offsets.set(ms, (label = offsetString(ms)));
    return label;
  };
  // Blocks grouped by weekday once, instead of scanning every block on every date.
  const blocksByWeekday = new Map<
    number,
    { provider: string; block: SlotProvider['schedule'][number]; timeZone: string }[]
  >();
  for (const provider of q.providers) {
    for (const block of provider.schedule) {
      const timeZone = zones.get(block.location);
      if (!timeZone) continue;
      const list = blocksByWeekday.get(block.weekday) ?? [];
      list.push({ provider: provider.slug, block, timeZone });
      blocksByWeekday.set(block.weekday, list);
    }
  }
  const slots: Slot[] = [];

  for (let day = epochDay(q.from), last = epochDay(q.to); day <= last; day++) {
    const blocks = blocksByWeekday.get(weekdayOfDay(day));
    if (!blocks) continue;
    const iso = isoOfDay(day);
    for (const { provider, block, timeZone } of blocks) {
      if (iso < block.validFrom || (block.validTo !== null && iso > block.validTo)) continue;
      if (closed.has(`${block.location}|${iso}`)) continue;
      for (const window of openWindows(openingHours.get(block.location), block)) {
        const startLocal = localToInstant(timeZone, iso, window.starts);
        const endLocal = localToInstant(timeZone, iso, window.ends, 'end');
        const blockStart = startLocal.ms;
        const blockEnd = endLocal.ms;
        if (blockEnd < earliest || blockStart > latest) continue;
        // One offset for the whole block unless a DST change falls inside it (then format exactly).
        const sameOffset = startLocal.offsetMs === endLocal.offsetMs;
        const offsetMs = startLocal.offsetMs;
        const offset = offsetLabel(offsetMs);
        const providerBusy = busy.get(provider);
        const providerOff = off.get(provider);
        // Slots step by the visit plus its buffer, so every slot shown can be booked alongside the others.
        for (let s = blockStart; s + duration <= blockEnd; s += duration + buffer) {
          if (s < earliest || s > latest) continue;
          const e = s + duration;
          if (overlapsAny(providerBusy, s, e + buffer)) continue;
          if (overlapsAny(providerOff, s, e + buffer)) continue;
          slots.push({
            start: sameOffset ? formatWithOffset(s, offsetMs, offset) : isoInZone(s, timeZone),
            end: sameOffset ? formatWithOffset(e, offsetMs, offset) : isoInZone(e, timeZone),
            startMs: s,
            endMs: e,
            provider,
            location: block.location,
            visitType: vt.slug,
          });
        }
      }
    }
  }
  return slots.sort(
    (a, b) => a.startMs - b.startMs || (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0),
  );
}

/**
 * The parts of a working block (HH:MM, one weekday) inside the clinic's opening hours that day.
 * Without known hours the block stands as it is; a clinic with no hours that day gives nothing.
 */
export function openWindows(
  hours: { weekday: number; opens: string; closes: string }[] | undefined,
  block: { weekday: number; starts: string; ends: string },
): { starts: string; ends: string }[] {
  if (!hours) return [{ starts: block.starts, ends: block.ends }];
  return hours
    .filter((h) => h.weekday === block.weekday)
    .map((h) => ({
      starts: h.opens > block.starts ? h.opens : block.starts,
      ends: h.closes < block.ends ? h.closes : block.ends,
    }))
    .filter((w) => w.starts < w.ends)
    .sort((a, b) => a.starts.localeCompare(b.starts));
}
