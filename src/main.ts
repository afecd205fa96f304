/** Composition root: config -> database -> jobs -> http. `npm start` runs this file. */
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './platform/logging/logger.js';
import { isDatabaseUnavailable } from './platform/db/postgres.js';
import { startCarepath } from './server.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // A database restart or failover must not take every instance down with it: a library's
  // unhandled rejection for a lost connection (pg-boss failing a job while the database is away)
  // is logged and ridden out; the pool reconnects. Anything else is a bug, and exits as before.
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.error({ err: reason }, 'database unavailable (unhandled in a library); continuing');
      return;
    }
    logger.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });
  try {
    const running = await startCarepath(config, logger);
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    logger.fatal({ err: error }, (error as Error).message);
    process.exitCode = 1;
  }
}

await main();
