/**
 * Starts the whole product: database (created and migrated), demo network, background jobs,
 * HTTP server. Returns a handle whose stop() shuts everything down in reverse order.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { createApp } from './app.js';
import { openDatabase } from './platform/db/open.js';
import { migrate } from './platform/db/migrate.js';
import { openPostgres } from './platform/db/postgres.js';
import { grantAppRole } from './platform/db/roles.js';
import type { Database } from './platform/db/database.js';
import { createLogger, type Logger } from './platform/logging/logger.js';
import { startJobs, type Jobs } from './platform/jobs/jobs.js';
import { scheduleHousekeeping, type CleanupTask } from './platform/jobs/housekeeping.js';
import { scheduleAuditSealing } from './audit/index.js';
import { loadNetwork, readNetworkFile } from './directory/index.js';
import { pgBossScheduler } from './platform/jobs/scheduler.js';
import { resolveSecret } from './platform/secret-box.js';
import {
  logTransport,
  type Channels,
  smsGatewayTransport,
  smtpTransport,
  OUTBOX_QUEUE,
  outboxKick,
  registerOutboxJobs,
} from './notifications/index.js';
import { CHECK_IN_QUEUE, registerTriageJobs, triageCleanup } from './triage/index.js';
import { applyClientsFile, deleteExpiredFhirCredentials, readClientsFile } from './fhir/index.js';
import {
  closeRetiredWaitlistEntries,
  deleteExpiredIdempotencyKeys,
  expireOffers,
  outdatedVisitMessages,
  reminderSweep,
} from './scheduling/index.js';
import { ensureFirstAdmin } from './staff/index.js';

/** The demo network's weekly schedules start here, so demo data is the same on every machine. */
export const DEMO_SCHEDULE_START = '2026-01-01';

export interface Running {
  config: Config;
  db: Database;
  jobs: Jobs;
  url: string;
  stop(): Promise<void>;
}

/**
 * Migrations as the tables' owner (DATABASE_MIGRATION_URL), then the app role's rights: the app
 * itself (DATABASE_URL) never runs DDL and cannot change the audit trail (decision 20).
 */
async function migrateAsOwner(ownerUrl: string, app: Database): Promise<number[]> {
  const owner = await openPostgres(ownerUrl, { max: 1 });
  try {
    const applied = await migrate(owner);
    const [role] = await app.query<{ user: string }>('SELECT current_user AS user');
    await grantAppRole(owner, role!.user);
    return applied;
  } finally {
    await owner.close();
  }
}

export async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  // Say what start-up is doing while it does it: creating the embedded database is the slow part.
  const where = config.database;
  if (where.kind === 'pglite' && where.dir !== 'memory' && !existsSync(join(where.dir, 'PG_VERSION')))
    logger.info({ dir: where.dir }, 'creating the embedded database (first start; a few seconds)');
  else logger.info({ database: where.kind }, 'opening the database');
  // A mistake in the clients file stops the start before anything is written.
  const fhirClients = config.fhirClientsFile ? readClientsFile(config.fhirClientsFile) : undefined;
  const db = await openDatabase(config.database);
  try {
    const applied =
      where.kind === 'postgres' && where.migrationUrl
        ? await migrateAsOwner(where.migrationUrl, db)
        : await migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    if (fhirClients) {
      const done = await db.transaction((tx) => applyClientsFile(tx, fhirClients, new Date()));
      logger.info(done, 'FHIR clients applied from CAREPATH_FHIR_CLIENTS');
    }
    if (config.demoData) {
      const file = readNetworkFile(config.networkFile);
      const loaded = await loadNetwork(db, file, DEMO_SCHEDULE_START);
      if (loaded) logger.info({ network: file.network.name }, 'network loaded');
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

export async function startCarepath(
  config: Config,
  logger = createLogger(config.logLevel),
  /** Tests only (a browser test of after-hours advice): the clock pages and rules read. */
  options: { now?: () => Date } = {},
): Promise<Running> {
  const started = performance.now();
  const db = await prepareDatabase(config, logger);
  let jobs: Jobs | undefined;
  let server: ServerType | undefined;
  let workersUp = false;
  try {
    // pg-boss always runs so that any instance can enqueue; JOBS=false only turns off workers.
    jobs = await startJobs(db, {
      url: config.database.kind === 'postgres' ? config.database.url : undefined,
      logger,
      workers: config.jobs,
    });
    await jobs.createQueue(CHECK_IN_QUEUE);
    await jobs.createQueue(OUTBOX_QUEUE);
    const secret = await resolveSecret(db, config.secret);
    const email = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : logTransport(logger);
    const transport: Channels = {
      email,
      ...(config.sms ? { sms: smsGatewayTransport(config.sms.url, config.sms.token) } : {}),
    };
    const kickOutbox = outboxKick(jobs, logger);
    const { app, scheduling } = createApp({
      config,
      db,
      logger,
      scheduler: pgBossScheduler(jobs),
      secret,
      kickOutbox,
      jobsRunning: () => workersUp,
      ...(options.now ? { now: options.now } : {}),
    });
    if (await ensureFirstAdmin(db, config.firstAdmin)) {
      logger.info('first administrator created from CAREPATH_ADMIN_EMAIL');
    }
    if (config.jobs) {
      const cleanup: Record<string, CleanupTask> = {
        ...triageCleanup,
        expiredIdempotencyKeys: (q, now) => deleteExpiredIdempotencyKeys(q, now),
        expiredFhirCredentials: (q, now) => deleteExpiredFhirCredentials(q, now),
        expiredWaitlistOffers: (_q, now) => expireOffers(scheduling, now),
        // Entries left open by retirements made before retiring closed them (waitlist-retired.ts).
        retiredWaitlistEntries: (_q, now) => closeRetiredWaitlistEntries(scheduling, now),
      };
      await scheduleHousekeeping(jobs, db, cleanup, config.housekeepingCron, logger);
      await scheduleAuditSealing(jobs, db, logger);
      await registerTriageJobs(jobs, db, transport, logger);
      await registerOutboxJobs(jobs, db, transport, logger, outdatedVisitMessages, reminderSweep(scheduling));
      workersUp = true;
    }
    const port = await new Promise<number>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) =>
        resolve(info.port),
      );
      server.once('error', reject);
    });
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    logger.info(
      { url, database: db.kind, startupMs: Math.round(performance.now() - started) },
      'Carepath is running',
    );
    let stopping: Promise<void> | undefined;
    return {
      config,
      db,
      jobs: jobs!,
      url,
      stop() {
        stopping ??= (async () => {
          workersUp = false;
          await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
          kickOutbox.cancel();
          await jobs!.stop({ graceful: true, timeout: 5000, wait: true });
          await db.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    server?.close();
    if (jobs) await jobs.stop({ graceful: false, wait: true }).catch(() => undefined);
    await db.close();
    throw error;
  }
}
