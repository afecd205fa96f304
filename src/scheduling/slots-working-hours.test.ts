/**
 * findOpenSlots: working-hours blocks cut into slots (the grid, the block end, validity dates,
 * clinics), and openWindows: working hours inside opening hours.
 */
import { describe, expect, it } from 'vitest';
import { findOpenSlots, openWindows, type SlotProvider } from './slots.js';
import { at, block, localTimes, query, starts } from './slots-test-support.js';

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

  it('drops a last slot that would run past the block end', () => {
    const slots = findOpenSlots(
      query({ duration: 50, providers: [{ slug: 'dr-ana', schedule: [block('phx', 1, '08:00', '10:00')] }] }),
    );
    expect(localTimes(slots)).toEqual(['08:00', '08:50']);
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
