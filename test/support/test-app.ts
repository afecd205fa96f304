import { Writable } from 'node:stream';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

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

export async function createTestApp(
  options: { config?: Record<string, string>; database?: TestDatabase } = {},
) {
  const database = options.database ?? (await createTestDatabase());
  const logs = new LogCapture();
  const config = testConfig(options.config);
  const logger = createLogger('info', logs);
  const built = createApp({ config, db: database.db, logger });
  return {
    ...built,
    db: database.db,
    config,
    logs,
    request: (path: string, init?: RequestInit) => built.app.request(path, init),
    close: () => database.close(),
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
