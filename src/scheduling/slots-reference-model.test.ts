/** findOpenSlots against a straightforward model of the rules, on random queries. */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findOpenSlots, type Interval, type SlotQuery } from './slots.js';
import {
  blockActive,
  blockInstants,
  constrained,
  open,
  overnight,
  RUNS,
  ZONE,
} from './slots-property-test-support.js';
import { DAY, MINUTE, stepMs } from './slots-test-support.js';

/** A straightforward model of the rules, for comparison. */
function referenceSlots(q: SlotQuery): string[] {
  const duration = q.visitType.durationMinutes * MINUTE;
  const buffer = q.visitType.bufferMinutes * MINUTE;
  const earliest = q.now + q.visitType.minNoticeMinutes * MINUTE;
  const latest = q.now + q.visitType.horizonDays * DAY;
  const out: string[] = [];
  const last = Temporal.PlainDate.from(q.to);
  for (
    let d = Temporal.PlainDate.from(q.from);
    Temporal.PlainDate.compare(d, last) <= 0;
    d = d.add({ days: 1 })
  ) {
    for (const p of q.providers) {
      for (const b of p.schedule) {
        if (!blockActive(b, d) || !ZONE.has(b.location)) continue;
        if (q.closures.some((c) => c.location === b.location && c.date === d.toString())) continue;
        const [bs, be] = blockInstants(b, d);
        for (let s = bs; s + duration <= be; s += stepMs(q.visitType)) {
          if (s < earliest || s > latest) continue;
          const blocked = (i: Interval) =>
            i.provider === p.slug && i.start < s + duration + buffer && s < i.end;
          if (q.busy.some(blocked) || q.timeOff.some(blocked)) continue;
          out.push(`${p.slug}|${b.location}|${s}`);
        }
      }
    }
  }
  return out.sort();
}

describe('findOpenSlots: properties', () => {
  it('matches a straightforward model of the rules (no slot missing, none extra)', () => {
    fc.assert(
      fc.property(fc.oneof(constrained, overnight, open), ({ q }) => {
        const actual = findOpenSlots(q)
          .map((s) => `${s.provider}|${s.location}|${s.startMs}`)
          .sort();
        expect(actual).toEqual(referenceSlots(q));
      }),
      RUNS,
    );
  });
});
