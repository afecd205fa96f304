import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { createLogger } from '../logging/logger.js';
import { HOUSEKEEPING_QUEUE, scheduleHousekeeping } from './housekeeping.js';
import { startJobs, type Jobs } from './jobs.js';

describe('background jobs on the app database', () => {
  let t: TestDatabase;
  let jobs: Jobs;
  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
    jobs = await startJobs(t.db, { url: t.url, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await jobs.stop({ graceful: false, wait: true });
    await t.close();
  });

  it('runs the housekeeping job through pg-boss and records the run', async () => {
    let cleaned = 0;
    await scheduleHousekeeping(
      jobs,
      t.db,
      { demo: async () => ++cleaned },
      '*/15 * * * *',
      createLogger('silent'),
    );
    await jobs.send(HOUSEKEEPING_QUEUE, {});
    const deadline = Date.now() + 20_000;
    let runs: { removed: Record<string, number> }[] = [];
    while (Date.now() < deadline) {
      runs = await t.db.query('SELECT removed FROM housekeeping_runs');
      if (runs.length > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(runs).toEqual([{ removed: { demo: 1 } }]);
    const schedules = await jobs.getSchedules();
    expect(schedules.map((s) => s.name)).toContain(HOUSEKEEPING_QUEUE);
  });
});
