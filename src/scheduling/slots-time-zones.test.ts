/** findOpenSlots across time zones and daylight-saving changes, and isoInZone. */
import { describe, expect, it } from 'vitest';
import { findOpenSlots, isoInZone, type Slot, type SlotProvider } from './slots.js';
import { at, block, DAY, MINUTE, query, starts, type Block } from './slots-test-support.js';

describe('findOpenSlots: examples', () => {
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
