import { Writable } from 'node:stream';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';
import { pgBossScheduler, recordingScheduler, type Scheduler } from '../../src/platform/jobs/scheduler.js';
import { startJobs, type Jobs } from '../../src/platform/jobs/jobs.js';
import { CHECK_IN_QUEUE } from '../../src/triage/assessment-service.js';
import { resolveSecret } from '../../src/platform/secret-box.js';
import { loadGuides, type GuideLibrary } from '../../src/content/index.js';

/** Every log line the app wrote, for tests that check what is (not) logged. */
export class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text() {
    return this.lines.join('\n');
  }
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PGLITE_DIR: 'memory',
    JOBS: 'false',
    LOG_LEVEL: 'info',
    ...overrides,
  });
}

/**
 * The health guides, parsed from their Markdown once per worker rather than once per app (about
 * a third of building one): read-only content, like the module-scope caches in src/. The
 * product's own start (startCarepath) still loads them itself.
 */
let guides: GuideLibrary | undefined;

export interface TestAppOptions {
  config?: Record<string, string>;
  database?: TestDatabase;
  /** Start real pg-boss (enqueue only, no workers) instead of recording jobs in memory. */
  jobs?: boolean;
  now?: () => Date;
}

export async function createTestApp(options: TestAppOptions = {}) {
  const database = options.database ?? (await createTestDatabase());
  const logs = new LogCapture();
  const config = testConfig(options.config);
  const logger = createLogger('info', logs);
  let jobs: Jobs | undefined;
  const recorded = recordingScheduler();
  let scheduler: Scheduler = recorded;
  if (options.jobs) {
    jobs = await startJobs(database.db, { url: database.url, logger, workers: false });
    await jobs.createQueue(CHECK_IN_QUEUE);
    scheduler = pgBossScheduler(jobs);
  }
  const secret = await resolveSecret(database.db, config.secret);
  guides ??= loadGuides();
  const built = createApp({
    guides,
    secret,
    config,
    db: database.db,
    logger,
    scheduler,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...built,
    db: database.db,
    config,
    logs,
    jobs,
    recordedJobs: recorded.jobs,
    request: (path: string, init?: RequestInit) => built.app.request(path, init),
    async close() {
      if (jobs) await jobs.stop({ graceful: false, wait: true });
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
