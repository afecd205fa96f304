/** findOpenSlots: the buffer after a visit, busy time, minimum notice and the booking horizon. */
import { describe, expect, it } from 'vitest';
import { findOpenSlots, type Interval, type SlotProvider } from './slots.js';
import { at, block, DAY, localTimes, MINUTE, query, starts } from './slots-test-support.js';

describe('findOpenSlots: examples', () => {
  it('steps by the visit plus its buffer and only needs the visit itself to fit in the block', () => {
    const slots = findOpenSlots(query({ duration: 45, buffer: 15 }));
    // 11:00 ends at 11:45 <= 12:00 (its buffer runs to the block end; it may not need to).
    expect(localTimes(slots)).toEqual(['08:00', '09:00', '10:00', '11:00']);
    expect(slots.map((s) => s.end.slice(11, 16))).toEqual(['08:45', '09:45', '10:45', '11:45']);
    const withLongBuffer = findOpenSlots(query({ duration: 40, buffer: 20 }));
    // 08:00, 09:00, 10:00, 11:00 (ends 11:40, its buffer would run to 12:00).
    expect(localTimes(withLongBuffer)).toEqual(['08:00', '09:00', '10:00', '11:00']);
    const overhang = findOpenSlots(query({ duration: 50, buffer: 20 }));
    // 08:00, 09:10, 10:20; 11:30 would end at 12:20. The last buffer (11:10-11:30) is inside the block.
    expect(localTimes(overhang)).toEqual(['08:00', '09:10', '10:20']);
    const bufferPastEnd = findOpenSlots(
      query({
        duration: 50,
        buffer: 20,
        providers: [{ slug: 'dr-ana', schedule: [block('phx', 1, '08:00', '10:00')] }],
      }),
    );
    // 09:10 ends at 10:00 exactly; its buffer would run to 10:20, past the block, and that is allowed.
    expect(localTimes(bufferPastEnd)).toEqual(['08:00', '09:10']);
  });

  it('removes exactly the slot overlapping a busy interval when there is no buffer', () => {
    const busy: Interval[] = [
      { provider: 'dr-ana', start: at('2026-11-30T09:00:00-07:00'), end: at('2026-11-30T09:30:00-07:00') },
    ];
    expect(localTimes(findOpenSlots(query({ busy })))).toEqual([
      '08:00',
      '08:30',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
    ]);
  });

  it('also removes the slot whose buffer runs into a busy interval', () => {
    const busy: Interval[] = [
      { provider: 'dr-ana', start: at('2026-11-30T09:00:00-07:00'), end: at('2026-11-30T09:30:00-07:00') },
    ];
    // Grid 08:00, 08:45, 09:30, 10:15, 11:00. 08:45 is blocked [08:45, 09:30) and goes; 08:00 is blocked
    // [08:00, 08:45) and 09:30 starts when the busy interval ends, so both stay.
    expect(localTimes(findOpenSlots(query({ busy, buffer: 15 })))).toEqual([
      '08:00',
      '09:30',
      '10:15',
      '11:00',
    ]);
    // Without the buffer the 08:45 visit itself (to 09:15) would overlap anyway; with a busy interval
    // starting at 09:20 only the buffer does.
    const late: Interval[] = [
      { provider: 'dr-ana', start: at('2026-11-30T09:20:00-07:00'), end: at('2026-11-30T09:30:00-07:00') },
    ];
    expect(localTimes(findOpenSlots(query({ busy: late, buffer: 15 })))).toEqual([
      '08:00',
      '09:30',
      '10:15',
      '11:00',
    ]);
    expect(localTimes(findOpenSlots(query({ busy: late, buffer: 0 })))).toEqual([
      '08:00',
      '08:30',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
    ]);
  });

  it('treats intervals as half-open: touching a busy interval is not overlapping it', () => {
    const busy: Interval[] = [
      { provider: 'dr-ana', start: at('2026-11-30T09:00:00-07:00'), end: at('2026-11-30T10:00:00-07:00') },
    ];
    // 45 + 15: 08:00 is blocked [08:00, 09:00), ending as the busy interval starts; 10:00 starts as it ends.
    expect(localTimes(findOpenSlots(query({ busy, duration: 45, buffer: 15 })))).toEqual([
      '08:00',
      '10:00',
      '11:00',
    ]);
    // One millisecond more on either side and the neighbours go.
    const wider: Interval[] = [{ provider: 'dr-ana', start: busy[0]!.start - 1, end: busy[0]!.end + 1 }];
    expect(localTimes(findOpenSlots(query({ busy: wider, duration: 45, buffer: 15 })))).toEqual(['11:00']);
  });

  it("ignores another provider's busy time", () => {
    const busy: Interval[] = [
      { provider: 'dr-ben', start: at('2026-11-30T08:00:00-07:00'), end: at('2026-11-30T12:00:00-07:00') },
    ];
    expect(findOpenSlots(query({ busy }))).toHaveLength(8);
  });

  it('respects the minimum notice (slots stay on the grid from the block start)', () => {
    const now = at('2026-11-30T08:10:00-07:00');
    const slots = findOpenSlots(query({ now, notice: 120 }));
    // now + 120 min = 10:10; the grid is 08:00, 08:30, ... so the first slot is 10:30.
    expect(localTimes(slots)).toEqual(['10:30', '11:00', '11:30']);
  });

  it('allows a slot starting exactly at now + notice', () => {
    const now = at('2026-11-30T08:00:00-07:00');
    expect(localTimes(findOpenSlots(query({ now, notice: 120 })))[0]).toBe('10:00');
    expect(localTimes(findOpenSlots(query({ now: now + 1, notice: 120 })))[0]).toBe('10:30');
  });

  it('drops slots starting more than horizonDays after now (a slot exactly at the horizon stays)', () => {
    const providers: SlotProvider[] = [
      { slug: 'dr-ana', schedule: [block('phx', 1, '08:00', '12:00'), block('phx', 2, '08:00', '12:00')] },
    ];
    const now = at('2026-11-30T08:00:00-07:00');
    const slots = findOpenSlots(query({ providers, now, horizon: 1, from: '2026-11-30', to: '2026-12-08' }));
    expect(starts(slots).at(0)).toBe('2026-11-30T08:00:00-07:00');
    expect(starts(slots).at(-1)).toBe('2026-12-01T08:00:00-07:00');
    expect(slots).toHaveLength(9);
    expect(slots.every((s) => s.startMs <= now + DAY)).toBe(true);

    const later = findOpenSlots(
      query({ providers, now: now + 10 * MINUTE, horizon: 1, from: '2026-11-30', to: '2026-12-08' }),
    );
    expect(starts(later).at(0)).toBe('2026-11-30T08:30:00-07:00');
    expect(starts(later).at(-1)).toBe('2026-12-01T08:00:00-07:00');
    expect(later).toHaveLength(8);
  });
});
