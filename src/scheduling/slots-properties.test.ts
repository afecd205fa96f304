/** findOpenSlots: properties that hold for any random query (see slots-property-test-support.ts). */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findOpenSlots, type Slot } from './slots.js';
import {
  blockActive,
  blockInstants,
  constrained,
  localDateOf,
  open,
  overnight,
  RUNS,
  ZONE,
} from './slots-property-test-support.js';
import { DAY, MINUTE, stepMs } from './slots-test-support.js';

const isoCache = new Map<string, string>();
function expectedIso(ms: number, timeZone: string): string {
  const key = `${ms}|${timeZone}`;
  let iso = isoCache.get(key);
  if (iso === undefined) {
    iso = Temporal.Instant.fromEpochMilliseconds(ms)
      .toZonedDateTimeISO(timeZone)
      .toString({ timeZoneName: 'never' });
    isoCache.set(key, iso);
  }
  return iso;
}

describe('findOpenSlots: properties', () => {
  it('(a) no slot, buffer included, overlaps busy time or time off of its provider', () => {
    fc.assert(
      fc.property(constrained, ({ q }) => {
        const buffer = q.visitType.bufferMinutes * MINUTE;
        for (const s of findOpenSlots(q)) {
          for (const i of [...q.busy, ...q.timeOff]) {
            if (i.provider !== s.provider) continue;
            expect(i.start < s.endMs + buffer && s.startMs < i.end, `${s.start} vs ${i.start}-${i.end}`).toBe(
              false,
            );
          }
        }
      }),
      RUNS,
    );
  });

  it('(b) every slot lies on the grid of one of its working blocks at that clinic on that local date', () => {
    fc.assert(
      fc.property(constrained, ({ q }) => {
        const step = stepMs(q.visitType);
        for (const s of findOpenSlots(q)) {
          const timeZone = ZONE.get(s.location)!;
          const date = localDateOf(s.startMs, timeZone);
          expect(date.toString() >= q.from && date.toString() <= q.to).toBe(true);
          const provider = q.providers.find((p) => p.slug === s.provider)!;
          const containing = provider.schedule.filter((b) => {
            if (b.location !== s.location || !blockActive(b, date)) return false;
            const [bs, be] = blockInstants(b, date);
            return bs <= s.startMs && s.endMs <= be && (s.startMs - bs) % step === 0;
          });
          expect(containing, s.start).toHaveLength(1);
        }
      }),
      RUNS,
    );
  });

  it('(c) every slot starts no earlier than now + notice and no later than now + horizon', () => {
    fc.assert(
      fc.property(constrained, ({ q }) => {
        const earliest = q.now + q.visitType.minNoticeMinutes * MINUTE;
        const latest = q.now + q.visitType.horizonDays * DAY;
        for (const s of findOpenSlots(q)) {
          expect(s.startMs).toBeGreaterThanOrEqual(earliest);
          expect(s.startMs).toBeLessThanOrEqual(latest);
        }
      }),
      RUNS,
    );
  });

  it('(d) no slot falls on a date its clinic is closed', () => {
    fc.assert(
      fc.property(constrained, ({ q }) => {
        const closed = new Set(q.closures.map((c) => `${c.location}|${c.date}`));
        for (const s of findOpenSlots(q)) {
          const date = localDateOf(s.startMs, ZONE.get(s.location)!).toString();
          expect(closed.has(`${s.location}|${date}`)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('(e, f) every slot lasts exactly the visit, and its strings are the right local times that parse back', () => {
    fc.assert(
      fc.property(fc.oneof(constrained, overnight), ({ q }) => {
        const duration = q.visitType.durationMinutes * MINUTE;
        for (const s of findOpenSlots(q)) {
          expect(s.endMs - s.startMs).toBe(duration);
          expect(new Date(s.start).getTime()).toBe(s.startMs);
          expect(new Date(s.end).getTime()).toBe(s.endMs);
          const timeZone = ZONE.get(s.location)!;
          expect(s.start).toBe(expectedIso(s.startMs, timeZone));
          expect(s.end).toBe(expectedIso(s.endMs, timeZone));
          expect(s.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
          expect(s.visitType).toBe('visit');
        }
      }),
      RUNS,
    );
  });

  it('(g) output is sorted by start, then provider', () => {
    fc.assert(
      fc.property(constrained, ({ q }) => {
        const slots = findOpenSlots(q);
        for (let i = 1; i < slots.length; i++) {
          const a = slots[i - 1]!;
          const b = slots[i]!;
          expect(a.startMs <= b.startMs).toBe(true);
          if (a.startMs === b.startMs) expect(a.provider.localeCompare(b.provider)).toBeLessThan(0);
        }
      }),
      RUNS,
    );
  });

  it("(h) a provider's slots never overlap each other", () => {
    fc.assert(
      fc.property(fc.oneof(constrained, overnight), ({ q }) => {
        const slots = findOpenSlots(q);
        for (const p of q.providers) {
          const mine = slots.filter((s) => s.provider === p.slug);
          for (let i = 1; i < mine.length; i++)
            expect(mine[i]!.startMs).toBeGreaterThanOrEqual(mine[i - 1]!.endMs);
        }
      }),
      RUNS,
    );
  });

  it('(h) with nothing booked, consecutive slots of one block are exactly one step apart and fill it', () => {
    fc.assert(
      fc.property(open, ({ q }) => {
        const duration = q.visitType.durationMinutes * MINUTE;
        const step = stepMs(q.visitType);
        const slots = findOpenSlots(q);
        const byBlock = new Map<string, Slot[]>();
        for (const s of slots) {
          const date = localDateOf(s.startMs, ZONE.get(s.location)!);
          const b = q.providers
            .find((p) => p.slug === s.provider)!
            .schedule.find((k) => {
              if (k.location !== s.location || !blockActive(k, date)) return false;
              const [bs, be] = blockInstants(k, date);
              return bs <= s.startMs && s.endMs <= be;
            });
          expect(b).toBeDefined();
          const key = `${s.provider}|${date.toString()}|${b!.starts}`;
          byBlock.set(key, [...(byBlock.get(key) ?? []), s]);
        }
        for (const [key, list] of byBlock) {
          const [provider, isoDate, startsAt] = key.split('|') as [string, string, string];
          const b = q.providers
            .find((p) => p.slug === provider)!
            .schedule.find((k) => k.starts === startsAt && blockActive(k, Temporal.PlainDate.from(isoDate)))!;
          const [bs, be] = blockInstants(b, Temporal.PlainDate.from(isoDate));
          expect(list[0]!.startMs).toBe(bs);
          for (let i = 1; i < list.length; i++) expect(list[i]!.startMs - list[i - 1]!.startMs).toBe(step);
          expect(list.length).toBe(Math.floor((be - bs - duration) / step) + 1);
          expect(list.at(-1)!.endMs).toBeLessThanOrEqual(be);
          expect(list.at(-1)!.startMs + step + duration).toBeGreaterThan(be);
        }
      }),
      RUNS,
    );
  });
});
