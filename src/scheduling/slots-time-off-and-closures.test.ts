/** findOpenSlots: a provider's time off and a clinic's closed days. */
import { describe, expect, it } from 'vitest';
import { findOpenSlots, type Interval, type Slot, type SlotProvider } from './slots.js';
import { at, block, localTimes, query } from './slots-test-support.js';

describe('findOpenSlots: examples', () => {
  it('removes a whole day of time off and nothing else', () => {
    const timeOff: Interval[] = [
      { provider: 'dr-ana', start: at('2026-11-30T00:00:00-07:00'), end: at('2026-12-01T00:00:00-07:00') },
    ];
    const slots = findOpenSlots(query({ timeOff, from: '2026-11-30', to: '2026-12-07' }));
    expect(slots).toHaveLength(8);
    expect(slots.every((s) => s.start.startsWith('2026-12-07T'))).toBe(true);
  });

  it('removes slots overlapping part-day time off, buffer included', () => {
    const timeOff: Interval[] = [
      { provider: 'dr-ana', start: at('2026-11-30T10:10:00-07:00'), end: at('2026-11-30T12:00:00-07:00') },
    ];
    // Grid 08:00, 08:40, 09:20, 10:00, 10:40, 11:20; 10:00 is blocked [10:00, 10:40) and overlaps.
    expect(localTimes(findOpenSlots(query({ timeOff, buffer: 10 })))).toEqual(['08:00', '08:40', '09:20']);
  });

  it("removes only the closed clinic's date", () => {
    const providers: SlotProvider[] = [
      { slug: 'dr-ana', schedule: [block('phx', 1, '08:00', '12:00')] },
      { slug: 'dr-ben', schedule: [block('phx-west', 1, '08:00', '12:00')] },
    ];
    const slots = findOpenSlots(
      query({
        providers,
        closures: [{ location: 'phx', date: '2026-11-30' }],
        from: '2026-11-30',
        to: '2026-12-07',
      }),
    );
    const key = (s: Slot) => `${s.location} ${s.start.slice(0, 10)}`;
    const counts = new Map<string, number>();
    for (const s of slots) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      'phx-west 2026-11-30': 8,
      'phx 2026-12-07': 8,
      'phx-west 2026-12-07': 8,
    });
  });
});

describe('nested time off (regression)', () => {
  it('a whole day off with a shorter entry inside it still removes the whole day', () => {
    const slots = findOpenSlots({
      visitType: { slug: 'v', durationMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 365 },
      providers: [
        {
          slug: 'dr-ana',
          schedule: [
            {
              location: 'phx',
              weekday: 1,
              starts: '08:00',
              ends: '12:00',
              validFrom: '2026-01-01',
              validTo: null,
            },
          ],
        },
      ],
      locations: [{ slug: 'phx', timeZone: 'America/Phoenix' }],
      closures: [],
      busy: [],
      timeOff: [
        {
          provider: 'dr-ana',
          start: Date.parse('2026-11-30T00:00:00-07:00'),
          end: Date.parse('2026-12-01T00:00:00-07:00'),
        },
        {
          provider: 'dr-ana',
          start: Date.parse('2026-11-30T08:00:00-07:00'),
          end: Date.parse('2026-11-30T08:30:00-07:00'),
        },
      ],
      from: '2026-11-30',
      to: '2026-11-30',
      now: Date.parse('2026-11-01T00:00:00Z'),
    });
    expect(slots).toEqual([]);
  });
});
