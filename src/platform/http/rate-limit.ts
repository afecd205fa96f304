/**
 * Booking attempts per client address per minute (BOOKING_RATE_LIMIT): a bot filling a calendar
 * meets 429 with Retry-After; an honest patient books a handful of times at most. Counted in
 * memory per process, over a sliding minute. The address is the socket peer (proxies are not
 * trusted); a request without one is not limited.
 */
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './client.js';
import { HttpProblem } from './problem.js';

export class TooManyRequests extends HttpProblem {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'Too Many Requests',
      `Too many booking attempts from this address. Try again in ${retryAfterSeconds} s.`,
      {
        code: 'rate_limited',
      },
    );
  }
}

const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Counts an attempt; undefined when allowed, else the seconds until the next one is. */
  take(key: string, now: number): number | undefined {
    if (this.perMinute <= 0) return undefined;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.hits.delete(key); // re-insert: the map stays in order of last use
    this.hits.set(key, recent);
    if (this.hits.size > MAX_ADDRESSES) this.hits.delete(this.hits.keys().next().value!);
    return undefined;
  }
}

export function rateLimited(limiter: RateLimiter, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const address = clientAddress(c);
    const wait = address ? limiter.take(address, now().getTime()) : undefined;
    if (wait !== undefined) throw new TooManyRequests(wait);
    await next();
  };
}
