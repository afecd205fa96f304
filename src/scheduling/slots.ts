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
  /** Candidate clinics with their zones. */
  locations: { slug: string; timeZone: string }[];
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

function formatWithOffset(ms: number, offsetMs: number, offset: string): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 19) + offset;
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

export function findOpenSlots(q: SlotQuery): Slot[] {
  const { visitType: vt } = q;
  const duration = vt.durationMinutes * MINUTE;
  const buffer = vt.bufferMinutes * MINUTE;
  const earliest = q.now + vt.minNoticeMinutes * MINUTE;
  const latest = q.now + vt.horizonDays * 24 * 60 * MINUTE;
  const zones = new Map(q.locations.map((l) => [l.slug, l.timeZone]));
  const closed = new Set(q.closures.map((c) => `${c.location}|${c.date}`));
  const busy = byProvider(q.busy);
  const off = byProvider(q.timeOff);
  const first = Temporal.PlainDate.from(q.from);
  const last = Temporal.PlainDate.from(q.to);
  const slots: Slot[] = [];

  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    const iso = date.toString();
    const weekday = date.dayOfWeek;
    for (const provider of q.providers) {
      for (const block of provider.schedule) {
        if (block.weekday !== weekday) continue;
        const timeZone = zones.get(block.location);
        if (!timeZone) continue;
        if (iso < block.validFrom || (block.validTo !== null && iso > block.validTo)) continue;
        if (closed.has(`${block.location}|${iso}`)) continue;
        const startZdt = date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(block.starts) });
        const endZdt = date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(block.ends) });
        const blockStart = startZdt.epochMilliseconds;
        const blockEnd = endZdt.epochMilliseconds;
        if (blockEnd < earliest || blockStart > latest) continue;
        // One offset for the whole block unless a DST change falls inside it (then format exactly).
        const sameOffset = startZdt.offsetNanoseconds === endZdt.offsetNanoseconds;
        const offsetMs = startZdt.offsetNanoseconds / 1e6;
        const offset = offsetString(offsetMs);
        // Slots step by the visit plus its buffer, so every slot shown can be booked alongside the others.
        for (let s = blockStart; s + duration <= blockEnd; s += duration + buffer) {
          if (s < earliest || s > latest) continue;
          const e = s + duration;
          if (overlapsAny(busy.get(provider.slug), s, e + buffer)) continue;
          if (overlapsAny(off.get(provider.slug), s, e + buffer)) continue;
          slots.push({
            start: sameOffset ? formatWithOffset(s, offsetMs, offset) : isoInZone(s, timeZone),
            end: sameOffset ? formatWithOffset(e, offsetMs, offset) : isoInZone(e, timeZone),
            startMs: s,
            endMs: e,
            provider: provider.slug,
            location: block.location,
            visitType: vt.slug,
          });
        }
      }
    }
  }
  return slots.sort((a, b) => a.startMs - b.startMs || a.provider.localeCompare(b.provider));
}
