import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows `perMinute` attempts per address in any sliding minute, then says how long to wait', () => {
    const limiter = new RateLimiter(3);
    const t0 = 1_000_000;
    expect(limiter.take('a', t0)).toBeUndefined();
    expect(limiter.take('a', t0 + 1000)).toBeUndefined();
    expect(limiter.take('a', t0 + 2000)).toBeUndefined();
    expect(limiter.take('a', t0 + 3000)).toBe(57);
    expect(limiter.take('b', t0 + 3000)).toBeUndefined(); // another address
    expect(limiter.take('a', t0 + 60_001)).toBeUndefined(); // the first attempt left the window
  });

  it('0 turns it off', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.take('a', i)).toBeUndefined();
  });
});
