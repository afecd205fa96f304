import { describe, expect, it } from 'vitest';
import type { Location } from './directory.js';
import { homeZone, openingStatus } from './directory.js';

const at = (...zones: string[]) => ({ locations: zones.map((timeZone) => ({ timeZone }) as Location) });

describe('homeZone', () => {
  it('is the zone most clinics share, the first clinic’s on a tie, and UTC without clinics', () => {
    expect(homeZone(at('America/Phoenix', 'America/Phoenix', 'America/Denver'))).toBe('America/Phoenix');
    expect(homeZone(at('America/Denver', 'America/Phoenix', 'America/Phoenix'))).toBe('America/Phoenix');
    expect(homeZone(at('America/New_York', 'America/Chicago'))).toBe('America/New_York');
    expect(homeZone(at())).toBe('UTC');
  });
});

describe('openingStatus', () => {
  // Weekdays 8:00-17:00, Saturday 9:00-13:00, closed Sunday; Phoenix has no daylight saving time (UTC-7).
  const clinic = {
    timeZone: 'America/Phoenix',
    hours: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' })),
      { weekday: 6, opens: '09:00', closes: '13:00' },
    ],
  };
  const phoenix = (iso: string) => new Date(`${iso}-07:00`);

  it('says open now and when it closes, in the clinic’s own time', () => {
    expect(openingStatus(clinic, phoenix('2026-12-01T08:00'))).toEqual({ kind: 'open', closes: '17:00' });
    expect(openingStatus(clinic, phoenix('2026-12-01T16:59'))).toEqual({ kind: 'open', closes: '17:00' });
  });

  it('says when it opens later today', () => {
    expect(openingStatus(clinic, phoenix('2026-12-05T07:30'))).toEqual({
      kind: 'opens-later-today',
      opens: '09:00',
      closes: '13:00',
    });
  });

  it('after closing (the real case: Saturday 23:44) it is closed for today and names the next opening', () => {
    expect(openingStatus(clinic, phoenix('2026-12-05T23:44'))).toEqual({
      kind: 'closed-for-today',
      next: { daysAhead: 2, weekday: 1, opens: '08:00' },
    });
    expect(openingStatus(clinic, phoenix('2026-12-01T17:00'))).toMatchObject({
      kind: 'closed-for-today',
      next: { daysAhead: 1, weekday: 3 },
    });
    expect(openingStatus({ ...clinic, hours: [] }, phoenix('2026-12-01T10:00'))).toEqual({
      kind: 'closed-for-today',
      next: null,
    });
  });
});
