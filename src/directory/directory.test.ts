import { describe, expect, it } from 'vitest';
import type { Location } from './directory.js';
import { homeZone } from './directory.js';

const at = (...zones: string[]) => ({ locations: zones.map((timeZone) => ({ timeZone }) as Location) });

describe('homeZone', () => {
  it('is the zone most clinics share, the first clinic’s on a tie, and UTC without clinics', () => {
    expect(homeZone(at('America/Phoenix', 'America/Phoenix', 'America/Denver'))).toBe('America/Phoenix');
    expect(homeZone(at('America/Denver', 'America/Phoenix', 'America/Phoenix'))).toBe('America/Phoenix');
    expect(homeZone(at('America/New_York', 'America/Chicago'))).toBe('America/New_York');
    expect(homeZone(at())).toBe('UTC');
  });
});
