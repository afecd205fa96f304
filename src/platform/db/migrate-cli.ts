/** `npm run db:migrate`: applies pending migrations and exits (the app also does this on start). */
import { loadConfig } from '../../config.js';
import { createLogger } from '../logging/logger.js';
import { migrate } from './migrate.js';
import { openDatabase } from './open.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await openDatabase(config.database);
try {
  const applied = await migrate(db);
  logger.info(
    { applied, database: db.kind },
    applied.length ? 'migrations applied' : 'database is up to date',
  );
} finally {
  await db.close();
}
