import { describe, expect, it } from 'vitest';
import { byDistance, milesBetween, zipCentre } from './nearest.js';

describe('nearest clinic by ZIP code', () => {
  it('finds a ZIP code’s centre, and nothing for an unknown or malformed one', async () => {
    const scottsdale = await zipCentre('85251');
    expect(scottsdale!.latitude).toBeCloseTo(33.49, 1);
    expect(scottsdale!.longitude).toBeCloseTo(-111.92, 1);
    expect(await zipCentre('00000')).toBeUndefined();
    expect(await zipCentre('8525')).toBeUndefined();
    expect(await zipCentre('85251-1234')).toBeUndefined();
  });

  it('measures great-circle miles (Phoenix to Tucson is about 105 miles)', () => {
    const miles = milesBetween(
      { latitude: 33.4484, longitude: -112.074 },
      { latitude: 32.2226, longitude: -110.9747 },
    );
    expect(miles).toBeGreaterThan(100);
    expect(miles).toBeLessThan(110);
  });

  it('orders clinics nearest first, those without coordinates last', () => {
    const here = { latitude: 33.5, longitude: -112.2 };
    const ordered = byDistance(
      [
        { name: 'far', latitude: 33.4, longitude: -111.9 },
        { name: 'none', latitude: null, longitude: null },
        { name: 'near', latitude: 33.53, longitude: -112.18 },
      ],
      here,
    );
    expect(ordered.map((x) => x.location.name)).toEqual(['near', 'far', 'none']);
    expect(ordered[2]!.miles).toBeUndefined();
  });
});
