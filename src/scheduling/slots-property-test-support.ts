/**
 * Random slot queries for the property tests of findOpenSlots (slots-properties.test.ts,
 * slots-reference-model.test.ts), and the instants of a working block computed without the code
 * under test.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type { SlotProvider, SlotQuery } from './slots.js';
import { DAY, MINUTE, type Block } from './slots-test-support.js';

const PROP_LOCATIONS = [
  { slug: 'phx-central', timeZone: 'America/Phoenix' },
  { slug: 'den-north', timeZone: 'America/Denver' },
  { slug: 'den-south', timeZone: 'America/Denver' },
  { slug: 'nyc-midtown', timeZone: 'America/New_York' },
] as const;

export const ZONE = new Map<string, string>(PROP_LOCATIONS.map((l) => [l.slug, l.timeZone]));

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const utcMidnight = (date: Temporal.PlainDate): number => Date.UTC(date.year, date.month - 1, date.day);

interface Case {
  q: SlotQuery;
}

interface CaseOptions {
  /** Earliest and latest block start hour (local). */
  startHours: [number, number];
  /** Generate busy intervals, time off, closures and a realistic clock (else: everything open). */
  constrained: boolean;
}

const JAN_1 = Temporal.PlainDate.from('2026-01-01');

const anchorArb = fc.oneof(
  fc.constant(Temporal.PlainDate.from('2026-03-08')),
  fc.constant(Temporal.PlainDate.from('2026-11-01')),
  fc.integer({ min: 0, max: 364 }).map((d) => JAN_1.add({ days: d })),
);

const rawBlockArb = (startHours: [number, number]) =>
  fc.record({
    // Sundays more often: the US changes clocks on Sunday mornings.
    weekday: fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 7 }), weight: 3 },
      { arbitrary: fc.constant(7), weight: 1 },
    ),
    startMinute: fc
      .tuple(fc.integer({ min: startHours[0], max: startHours[1] }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => h * 60 + m),
    lengthMinutes: fc.integer({ min: 12, max: 96 }).map((x) => x * 5), // 1-8 hours
    location: fc.nat(PROP_LOCATIONS.length - 1),
    validFrom: fc.option(fc.integer({ min: -20, max: 30 }), { nil: null, freq: 2 }), // days from `from`
    validFor: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 2 }),
  });

const rawIntervalArb = (minStart: number, maxStart: number, minLength: number, maxLength: number) =>
  fc.record({
    provider: fc.nat(2),
    day: fc.nat(32),
    startMinute: fc.integer({ min: minStart, max: maxStart }),
    lengthMinutes: fc.integer({ min: minLength, max: maxLength }),
  });

function caseArb(options: CaseOptions): fc.Arbitrary<Case> {
  return fc
    .record({
      anchor: anchorArb,
      back: fc.integer({ min: 0, max: 15 }),
      days: fc.integer({ min: 1, max: 31 }),
      providers: fc.array(fc.array(rawBlockArb(options.startHours), { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 3,
      }),
      duration: fc.integer({ min: 2, max: 12 }).map((x) => x * 5),
      buffer: fc.integer({ min: 0, max: 20 }),
      // Busy times from UTC 00:00 to 05:00 the next day (the clinics' working hours), time off any time.
      busy: fc.array(rawIntervalArb(0, 1740, 5, 360), { maxLength: 30 }),
      timeOff: fc.array(rawIntervalArb(0, 1439, 30, 3 * 1440), { maxLength: 3 }),
      closures: fc.array(fc.tuple(fc.nat(PROP_LOCATIONS.length - 1), fc.nat(32)), { maxLength: 6 }),
      // Mostly before the range (a patient looking ahead), sometimes inside it.
      nowMinute: fc.oneof(
        { arbitrary: fc.integer({ min: -3 * 1440, max: 0 }), weight: 3 },
        { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((f) => ({ within: f })), weight: 1 },
      ),
      nowMs: fc.integer({ min: 0, max: 59_999 }),
      notice: fc.integer({ min: 0, max: 2880 }),
      // Mostly a horizon beyond the range, sometimes one cutting into it.
      horizon: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 7 }), weight: 1 },
        { arbitrary: fc.integer({ min: 8, max: 60 }), weight: 3 },
      ),
    })
    .map((r): Case => {
      const from = r.anchor.subtract({ days: r.back });
      const to = from.add({ days: r.days - 1 });
      const base = utcMidnight(from);
      const dayIn = (d: number) => Math.min(d, r.days + 1);
      const nowMinute =
        typeof r.nowMinute === 'number' ? r.nowMinute : Math.floor(r.nowMinute.within * r.days * 1440);

      const providers: SlotProvider[] = r.providers.map((raw, p) => {
        // One clinic per weekday (so no two zones share a day) and no wall-clock overlap on a weekday,
        // like the provider_schedules exclusion constraint.
        const dayLocation = new Map<number, string>();
        const schedule: Block[] = [];
        for (const b of raw) {
          const location = dayLocation.get(b.weekday) ?? PROP_LOCATIONS[b.location]!.slug;
          dayLocation.set(b.weekday, location);
          const s = b.startMinute;
          const e = b.startMinute + b.lengthMinutes;
          const clash = schedule.some((k) => {
            if (k.weekday !== b.weekday) return false;
            const ks = Temporal.PlainTime.from(k.starts);
            const ke = Temporal.PlainTime.from(k.ends);
            return ks.hour * 60 + ks.minute < e && s < ke.hour * 60 + ke.minute;
          });
          if (clash) continue;
          const validFrom = b.validFrom === null ? JAN_1 : from.add({ days: b.validFrom });
          schedule.push({
            location,
            weekday: b.weekday,
            starts: hhmm(s),
            ends: hhmm(e),
            validFrom: validFrom.toString(),
            validTo: b.validFor === null ? null : validFrom.add({ days: b.validFor }).toString(),
          });
        }
        return { slug: `p${p}`, schedule };
      });

      const toIntervals = (
        raw: { provider: number; day: number; startMinute: number; lengthMinutes: number }[],
      ) =>
        raw.map((i) => {
          const start = base + dayIn(i.day) * DAY + i.startMinute * MINUTE;
          return {
            provider: `p${i.provider % providers.length}`,
            start,
            end: start + i.lengthMinutes * MINUTE,
          };
        });

      const q: SlotQuery = {
        visitType: {
          slug: 'visit',
          durationMinutes: r.duration,
          bufferMinutes: r.buffer,
          minNoticeMinutes: options.constrained ? r.notice : 0,
          horizonDays: options.constrained ? r.horizon : 400,
        },
        providers,
        locations: PROP_LOCATIONS.map((l) => ({ ...l })),
        closures: options.constrained
          ? r.closures.map(([l, d]) => ({
              location: PROP_LOCATIONS[l]!.slug,
              date: from.add({ days: dayIn(d) }).toString(),
            }))
          : [],
        timeOff: options.constrained ? toIntervals(r.timeOff) : [],
        busy: options.constrained ? toIntervals(r.busy) : [],
        from: from.toString(),
        to: to.toString(),
        now: options.constrained ? base + nowMinute * MINUTE + r.nowMs : base - 10 * DAY,
      };
      return { q };
    });
}

/** The instants of a weekly block on a local date, computed here without the code under test. */
const blockCache = new Map<string, [number, number]>();
export function blockInstants(b: Block, date: Temporal.PlainDate): [number, number] {
  const key = `${b.location}|${b.starts}|${b.ends}|${date.toString()}`;
  const hit = blockCache.get(key);
  if (hit) return hit;
  const timeZone = ZONE.get(b.location)!;
  const at = (time: string, edge: 'start' | 'end') => {
    const t = Temporal.PlainTime.from(time);
    const zdt = Temporal.ZonedDateTime.from({
      timeZone,
      year: date.year,
      month: date.month,
      day: date.day,
      hour: t.hour,
      minute: t.minute,
    });
    // The rule: a block ending at a wall time that does not exist ends when the clocks jump.
    const skipped = zdt.hour !== t.hour || zdt.minute !== t.minute;
    return (edge === 'end' && skipped ? zdt.getTimeZoneTransition('previous')! : zdt).epochMilliseconds;
  };
  const value: [number, number] = [at(b.starts, 'start'), at(b.ends, 'end')];
  blockCache.set(key, value);
  return value;
}

export const localDateOf = (ms: number, timeZone: string): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate();

export function blockActive(b: Block, date: Temporal.PlainDate): boolean {
  const iso = date.toString();
  return b.weekday === date.dayOfWeek && iso >= b.validFrom && (b.validTo === null || iso <= b.validTo);
}

export const RUNS = { numRuns: 300 };
export const constrained = caseArb({ startHours: [6, 12], constrained: true });
export const open = caseArb({ startHours: [6, 12], constrained: false });
/** Blocks starting 00:00-03:45 so that some of them contain a DST change. */
export const overnight = caseArb({ startHours: [0, 3], constrained: true });
