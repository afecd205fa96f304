import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  findOpenSlots,
  isoInZone,
  openWindows,
  type Interval,
  type Slot,
  type SlotProvider,
  type SlotQuery,
} from './slots.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Block = SlotProvider['schedule'][number];

/** Epoch ms of an ISO string with an offset. */
const at = (iso: string): number => new Date(iso).getTime();

function block(
  location: string,
  weekday: number,
  starts: string,
  ends: string,
  extra: Partial<Block> = {},
): Block {
  return { location, weekday, starts, ends, validFrom: '2026-01-01', validTo: null, ...extra };
}

function query(
  overrides: Partial<SlotQuery> & { duration?: number; buffer?: number; notice?: number; horizon?: number },
): SlotQuery {
  const { duration = 30, buffer = 0, notice = 0, horizon = 365, ...rest } = overrides;
  return {
    visitType: {
      slug: 'follow-up',
      durationMinutes: duration,
      bufferMinutes: buffer,
      minNoticeMinutes: notice,
      horizonDays: horizon,
    },
    providers: [{ slug: 'dr-ana', schedule: [block('phx', 1, '08:00', '12:00')] }],
    locations: [
      { slug: 'phx', timeZone: 'America/Phoenix' },
      { slug: 'phx-west', timeZone: 'America/Phoenix' },
      { slug: 'den', timeZone: 'America/Denver' },
      { slug: 'nyc', timeZone: 'America/New_York' },
    ],
    closures: [],
    timeOff: [],
    busy: [],
    from: '2026-11-30',
    to: '2026-11-30',
    now: at('2026-11-01T00:00:00Z'),
    ...rest,
  };
}

/**
 * Grid step between consecutive slot starts of one block: the visit plus its buffer, so that every
 * slot shown can be booked alongside the others (the rule in slots.ts; the only place these tests encode it).
 */
const stepMs = (vt: SlotQuery['visitType']): number => (vt.durationMinutes + vt.bufferMinutes) * MINUTE;

const starts = (slots: Slot[]): string[] => slots.map((s) => s.start);
const localTimes = (slots: Slot[]): string[] => slots.map((s) => s.start.slice(11, 16));

describe('findOpenSlots: examples', () => {
  it('cuts a Monday 08:00-12:00 Phoenix block into eight 30-minute slots', () => {
    const slots = findOpenSlots(query({}));
    expect(slots).toHaveLength(8);
    expect(slots[0]).toEqual({
      start: '2026-11-30T08:00:00-07:00',
      end: '2026-11-30T08:30:00-07:00',
      startMs: at('2026-11-30T08:00:00-07:00'),
      endMs: at('2026-11-30T08:30:00-07:00'),
      provider: 'dr-ana',
      location: 'phx',
      visitType: 'follow-up',
    });
    expect(slots.at(-1)?.start).toBe('2026-11-30T11:30:00-07:00');
    expect(slots.at(-1)?.end).toBe('2026-11-30T12:00:00-07:00');
    expect(localTimes(slots)).toEqual([
      '08:00',
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
    ]);
  });

  it('gives nothing on days the provider does not work', () => {
    expect(findOpenSlots(query({ from: '2026-12-01', to: '2026-12-06' }))).toEqual([]);
  });

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

  it('drops a last slot that would run past the block end', () => {
    const slots = findOpenSlots(
      query({ duration: 50, providers: [{ slug: 'dr-ana', schedule: [block('phx', 1, '08:00', '10:00')] }] }),
    );
    expect(localTimes(slots)).toEqual(['08:00', '08:50']);
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

  it('respects validFrom and validTo (both inclusive)', () => {
    const providers: SlotProvider[] = [
      {
        slug: 'dr-ana',
        schedule: [
          block('phx', 1, '08:00', '09:00', { validFrom: '2026-01-05', validTo: '2026-11-30' }),
          block('phx', 1, '13:00', '14:00', { validFrom: '2026-12-07', validTo: '2026-12-14' }),
        ],
      },
    ];
    const slots = findOpenSlots(query({ providers, from: '2026-11-23', to: '2026-12-28' }));
    expect(starts(slots)).toEqual([
      '2026-11-23T08:00:00-07:00',
      '2026-11-23T08:30:00-07:00',
      '2026-11-30T08:00:00-07:00',
      '2026-11-30T08:30:00-07:00',
      '2026-12-07T13:00:00-07:00',
      '2026-12-07T13:30:00-07:00',
      '2026-12-14T13:00:00-07:00',
      '2026-12-14T13:30:00-07:00',
    ]);
  });

  it('puts a provider working at two clinics on different weekdays at the right clinic each day', () => {
    const providers: SlotProvider[] = [
      { slug: 'dr-ana', schedule: [block('phx', 1, '08:00', '09:00'), block('nyc', 3, '08:00', '09:00')] },
    ];
    const slots = findOpenSlots(query({ providers, from: '2026-11-30', to: '2026-12-06' }));
    expect(slots.map((s) => [s.location, s.start])).toEqual([
      ['phx', '2026-11-30T08:00:00-07:00'],
      ['phx', '2026-11-30T08:30:00-07:00'],
      ['nyc', '2026-12-02T08:00:00-05:00'],
      ['nyc', '2026-12-02T08:30:00-05:00'],
    ]);
  });

  it('skips blocks at clinics that are not among the candidate locations', () => {
    const providers: SlotProvider[] = [
      { slug: 'dr-ana', schedule: [block('elsewhere', 1, '08:00', '12:00')] },
    ];
    expect(findOpenSlots(query({ providers }))).toEqual([]);
  });

  it('sorts by start, then provider slug, across clinics in different zones', () => {
    const providers: SlotProvider[] = [
      { slug: 'dr-cy', schedule: [block('phx', 1, '08:00', '09:00')] },
      { slug: 'dr-ben', schedule: [block('nyc', 1, '10:00', '11:00')] }, // 10:00 EST = 08:00 MST
      { slug: 'dr-ana', schedule: [block('den', 1, '08:00', '09:00')] }, // 08:00 MST
    ];
    const slots = findOpenSlots(query({ providers }));
    expect(slots.map((s) => `${s.provider} ${s.start}`)).toEqual([
      'dr-ana 2026-11-30T08:00:00-07:00',
      'dr-ben 2026-11-30T10:00:00-05:00',
      'dr-cy 2026-11-30T08:00:00-07:00',
      'dr-ana 2026-11-30T08:30:00-07:00',
      'dr-ben 2026-11-30T10:30:00-05:00',
      'dr-cy 2026-11-30T08:30:00-07:00',
    ]);
  });

  it('formats instants in a zone with isoInZone', () => {
    expect(isoInZone(at('2026-12-01T16:00:00Z'), 'America/Phoenix')).toBe('2026-12-01T09:00:00-07:00');
    expect(isoInZone(at('2026-07-01T16:00:00Z'), 'America/Denver')).toBe('2026-07-01T10:00:00-06:00');
    expect(isoInZone(at('2026-07-01T16:00:00Z'), 'America/New_York')).toBe('2026-07-01T12:00:00-04:00');
  });
});

describe('findOpenSlots: daylight saving time', () => {
  const denver = (schedule: Block[]): SlotProvider[] => [{ slug: 'dr-ana', schedule }];

  function expectRealDurations(slots: Slot[], minutes: number): void {
    for (const s of slots) {
      expect(s.endMs - s.startMs).toBe(minutes * MINUTE);
      expect(new Date(s.start).getTime()).toBe(s.startMs);
      expect(new Date(s.end).getTime()).toBe(s.endMs);
    }
  }

  it('keeps 09:00 wall-clock across the spring change in Denver (-07:00 Friday, -06:00 Monday)', () => {
    const slots = findOpenSlots(
      query({
        providers: denver([block('den', 5, '09:00', '10:00'), block('den', 1, '09:00', '10:00')]),
        from: '2026-03-06',
        to: '2026-03-09',
        now: at('2026-03-01T00:00:00Z'),
      }),
    );
    expect(slots.map((s) => `${s.start} ${s.end}`)).toEqual([
      '2026-03-06T09:00:00-07:00 2026-03-06T09:30:00-07:00',
      '2026-03-06T09:30:00-07:00 2026-03-06T10:00:00-07:00',
      '2026-03-09T09:00:00-06:00 2026-03-09T09:30:00-06:00',
      '2026-03-09T09:30:00-06:00 2026-03-09T10:00:00-06:00',
    ]);
    expectRealDurations(slots, 30);
    // 3 days minus the lost hour between the two 09:00s.
    expect(slots[2]!.startMs - slots[0]!.startMs).toBe(3 * DAY - 60 * MINUTE);
  });

  it('keeps 09:00 wall-clock across the autumn change in Denver (-06:00 Friday, -07:00 Monday)', () => {
    const slots = findOpenSlots(
      query({
        providers: denver([block('den', 5, '09:00', '10:00'), block('den', 1, '09:00', '10:00')]),
        from: '2026-10-30',
        to: '2026-11-02',
        now: at('2026-10-01T00:00:00Z'),
      }),
    );
    expect(slots.map((s) => `${s.start} ${s.end}`)).toEqual([
      '2026-10-30T09:00:00-06:00 2026-10-30T09:30:00-06:00',
      '2026-10-30T09:30:00-06:00 2026-10-30T10:00:00-06:00',
      '2026-11-02T09:00:00-07:00 2026-11-02T09:30:00-07:00',
      '2026-11-02T09:30:00-07:00 2026-11-02T10:00:00-07:00',
    ]);
    expectRealDurations(slots, 30);
    expect(slots[2]!.startMs - slots[0]!.startMs).toBe(3 * DAY + 60 * MINUTE);
  });

  it('cuts a block spanning the spring-forward gap (01:00-04:00 is 2 real hours) into real-length slots', () => {
    const slots = findOpenSlots(
      query({
        providers: denver([block('den', 7, '01:00', '04:00')]),
        from: '2026-03-08',
        to: '2026-03-08',
        now: at('2026-03-01T00:00:00Z'),
      }),
    );
    expect(slots.map((s) => `${s.start} ${s.end}`)).toEqual([
      '2026-03-08T01:00:00-07:00 2026-03-08T01:30:00-07:00',
      '2026-03-08T01:30:00-07:00 2026-03-08T03:00:00-06:00',
      '2026-03-08T03:00:00-06:00 2026-03-08T03:30:00-06:00',
      '2026-03-08T03:30:00-06:00 2026-03-08T04:00:00-06:00',
    ]);
    expectRealDurations(slots, 30);
  });

  it('lets a 45-minute visit straddle the spring-forward gap', () => {
    const slots = findOpenSlots(
      query({
        duration: 45,
        providers: denver([block('den', 7, '01:00', '04:00')]),
        from: '2026-03-08',
        to: '2026-03-08',
        now: at('2026-03-01T00:00:00Z'),
      }),
    );
    expect(slots.map((s) => `${s.start} ${s.end}`)).toEqual([
      '2026-03-08T01:00:00-07:00 2026-03-08T01:45:00-07:00',
      '2026-03-08T01:45:00-07:00 2026-03-08T03:30:00-06:00',
    ]);
    expectRealDurations(slots, 45);
  });

  it('cuts a block spanning the fall-back repeat (01:00-03:00 is 3 real hours) into real-length slots', () => {
    const slots = findOpenSlots(
      query({
        providers: denver([block('den', 7, '01:00', '03:00')]),
        from: '2026-11-01',
        to: '2026-11-01',
        now: at('2026-10-01T00:00:00Z'),
      }),
    );
    expect(starts(slots)).toEqual([
      '2026-11-01T01:00:00-06:00',
      '2026-11-01T01:30:00-06:00',
      '2026-11-01T01:00:00-07:00',
      '2026-11-01T01:30:00-07:00',
      '2026-11-01T02:00:00-07:00',
      '2026-11-01T02:30:00-07:00',
    ]);
    expect(slots.at(-1)?.end).toBe('2026-11-01T03:00:00-07:00');
    expectRealDurations(slots, 30);
    expect(new Set(slots.map((s) => s.startMs)).size).toBe(6);
  });

  it('handles a block starting inside the spring-forward gap (02:30 does not exist; it becomes 03:30)', () => {
    const slots = findOpenSlots(
      query({
        providers: denver([block('den', 7, '02:30', '05:00')]),
        from: '2026-03-08',
        to: '2026-03-08',
        now: at('2026-03-01T00:00:00Z'),
      }),
    );
    expect(starts(slots)).toEqual([
      '2026-03-08T03:30:00-06:00',
      '2026-03-08T04:00:00-06:00',
      '2026-03-08T04:30:00-06:00',
    ]);
    expectRealDurations(slots, 30);
  });

  it('keeps Arizona at -07:00 all year', () => {
    const providers: SlotProvider[] = [{ slug: 'dr-ana', schedule: [block('phx', 7, '01:00', '04:00')] }];
    for (const date of ['2026-03-08', '2026-07-12', '2026-11-01']) {
      const slots = findOpenSlots(
        query({ providers, from: date, to: date, now: at('2026-01-01T00:00:00Z') }),
      );
      expect(slots).toHaveLength(6);
      expect(slots.every((s) => s.start.endsWith('-07:00') && s.end.endsWith('-07:00'))).toBe(true);
      expect(slots[0]!.start).toBe(`${date}T01:00:00-07:00`);
      expectRealDurations(slots, 30);
    }
    const march = findOpenSlots(
      query({
        providers: [{ slug: 'dr-ana', schedule: [block('phx', 2, '09:00', '10:00')] }],
        from: '2026-03-10',
        to: '2026-03-10',
        now: at('2026-03-01T00:00:00Z'),
      }),
    );
    const july = findOpenSlots(
      query({
        providers: [{ slug: 'dr-ana', schedule: [block('phx', 2, '09:00', '10:00')] }],
        from: '2026-07-14',
        to: '2026-07-14',
        now: at('2026-07-01T00:00:00Z'),
      }),
    );
    expect(starts(march)).toEqual(['2026-03-10T09:00:00-07:00', '2026-03-10T09:30:00-07:00']);
    expect(starts(july)).toEqual(['2026-07-14T09:00:00-07:00', '2026-07-14T09:30:00-07:00']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

const PROP_LOCATIONS = [
  { slug: 'phx-central', timeZone: 'America/Phoenix' },
  { slug: 'den-north', timeZone: 'America/Denver' },
  { slug: 'den-south', timeZone: 'America/Denver' },
  { slug: 'nyc-midtown', timeZone: 'America/New_York' },
] as const;

const ZONE = new Map<string, string>(PROP_LOCATIONS.map((l) => [l.slug, l.timeZone]));

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
function blockInstants(b: Block, date: Temporal.PlainDate): [number, number] {
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

const localDateOf = (ms: number, timeZone: string): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate();

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

function blockActive(b: Block, date: Temporal.PlainDate): boolean {
  const iso = date.toString();
  return b.weekday === date.dayOfWeek && iso >= b.validFrom && (b.validTo === null || iso <= b.validTo);
}

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

const RUNS = { numRuns: 300 };
const constrained = caseArb({ startHours: [6, 12], constrained: true });
const open = caseArb({ startHours: [6, 12], constrained: false });
/** Blocks starting 00:00-03:45 so that some of them contain a DST change. */
const overnight = caseArb({ startHours: [0, 3], constrained: true });

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

describe('openWindows: working hours inside the clinic’s opening hours', () => {
  const block = { weekday: 5, starts: '08:00', ends: '18:00' };
  it('cuts a block at opening and closing time, and splits it around a midday closure', () => {
    expect(openWindows([{ weekday: 5, opens: '09:00', closes: '15:00' }], block)).toEqual([
      { starts: '09:00', ends: '15:00' },
    ]);
    expect(
      openWindows(
        [
          { weekday: 5, opens: '13:00', closes: '17:00' },
          { weekday: 5, opens: '07:00', closes: '12:00' },
        ],
        block,
      ),
    ).toEqual([
      { starts: '08:00', ends: '12:00' },
      { starts: '13:00', ends: '17:00' },
    ]);
  });
  it('gives nothing on a day the clinic is closed, and the whole block when hours are unknown', () => {
    expect(openWindows([{ weekday: 4, opens: '08:00', closes: '17:00' }], block)).toEqual([]);
    expect(openWindows(undefined, block)).toEqual([{ starts: '08:00', ends: '18:00' }]);
  });
});

describe('a working block that ends inside a spring-forward gap', () => {
  it('ends at the moment the clocks jump, so it never overlaps the next block (found by property h)', () => {
    // Denver, 8 March 2026: clocks jump from 02:00 to 03:00. Blocks 01:45-02:45 and 03:00-04:00.
    const slots = findOpenSlots({
      visitType: {
        slug: 'visit',
        durationMinutes: 10,
        bufferMinutes: 0,
        minNoticeMinutes: 0,
        horizonDays: 8,
      },
      providers: [
        {
          slug: 'p0',
          schedule: [
            {
              location: 'den',
              weekday: 7,
              starts: '01:45',
              ends: '02:45',
              validFrom: '2026-01-01',
              validTo: null,
            },
            {
              location: 'den',
              weekday: 7,
              starts: '03:00',
              ends: '04:00',
              validFrom: '2026-01-01',
              validTo: null,
            },
          ],
        },
      ],
      locations: [{ slug: 'den', timeZone: 'America/Denver' }],
      closures: [],
      timeOff: [],
      busy: [],
      from: '2026-03-08',
      to: '2026-03-08',
      now: Date.parse('2026-03-08T00:00:00Z'),
    });
    for (let i = 1; i < slots.length; i++)
      expect(slots[i]!.startMs).toBeGreaterThanOrEqual(slots[i - 1]!.endMs);
    // 01:45 and (the jump at 02:00 is 03:00) then 03:00-04:00: 01:45, 03:00, 03:10, ...
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual([
      '01:45',
      '03:00',
      '03:10',
      '03:20',
      '03:30',
      '03:40',
      '03:50',
    ]);
  });
});
