/**
 * A gate for write paths that many requests can hit at once (one popular booking time): at most
 * `slots` of them hold a database connection at a time, so reads (health, slot search, pages)
 * always find one; the rest wait in order, in memory, and give up with ServiceBusy (503 with
 * Retry-After) after `maxWaitMs` or when `maxQueue` are already waiting, instead of queueing
 * without end.
 */
import { HttpProblem } from '../http/problem.js';

export class ServiceBusy extends HttpProblem {
  constructor(
    readonly retryAfterSeconds = 2,
    /** busy: too much waiting for one thing; unavailable: the database is away (restarting). */
    kind: 'busy' | 'unavailable' = 'busy',
  ) {
    super(
      503,
      'Service Unavailable',
      kind === 'busy'
        ? 'Too many requests are waiting for the same thing. Try again in a moment.'
        : 'The service is briefly unavailable. Nothing was changed; try again in a few seconds.',
      { code: kind },
    );
  }
}

export class Gate {
  private active = 0;
  private readonly waiting: { resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxQueue = 500,
    private readonly maxWaitMs = 10_000,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.active < this.slots) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueue) return Promise.reject(new ServiceBusy());
    return new Promise<void>((resolve, reject) => {
      const entry = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new ServiceBusy());
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private leave() {
    const next = this.waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(); // the slot passes straight to the next in line
    } else {
      this.active--;
    }
  }
}
