/**
 * Delivery of the outbox: a pg-boss job that any instance can run. It is triggered right after
 * a change that queued a message, and swept every minute for anything due (reminders, retries,
 * messages whose worker died).
 */
import type { Database } from '../platform/db/database.js';
import type { Jobs } from '../platform/jobs/jobs.js';
import type { Logger } from '../platform/logging/logger.js';
import { dispatchDueMessages, type Channels, type OutdatedCheck, type Transport } from './outbox.js';

export const OUTBOX_QUEUE = 'outbox-deliver';

export async function registerOutboxJobs(
  jobs: Jobs,
  db: Database,
  transport: Transport | Channels,
  logger: Logger,
  /** Which messages about visits no longer apply (scheduling's outdatedVisitMessages). */
  isOutdated: OutdatedCheck,
) {
  await jobs.createQueue(OUTBOX_QUEUE);
  await jobs.schedule(OUTBOX_QUEUE, '* * * * *', {}, { tz: 'UTC' });
  await jobs.work(OUTBOX_QUEUE, async () => {
    const result = await dispatchDueMessages(db, transport, logger, { isOutdated });
    if (result.sent + result.failed + result.skipped + result.retried > 0)
      logger.info({ job: OUTBOX_QUEUE, ...result }, 'outbox delivered');
  });
  // Whatever a previous process committed but did not send goes out now, not at the next sweep.
  await jobs.send(OUTBOX_QUEUE, {});
}

/**
 * Asks a worker to deliver now (best effort: the minute sweep delivers anyway). Kicks are
 * coalesced: however many bookings commit within 250 ms, one job is queued.
 */
export function outboxKick(jobs: Jobs | undefined, logger: Logger): (() => void) & { cancel(): void } {
  let pending: NodeJS.Timeout | undefined;
  let cancelled = false;
  const kick = () => {
    if (!jobs || pending || cancelled) return;
    pending = setTimeout(() => {
      pending = undefined;
      jobs
        .send(OUTBOX_QUEUE, {})
        .catch((error: Error) => logger.warn({ err: error }, 'could not trigger outbox delivery'));
    }, 250);
    pending.unref();
  };
  // On shutdown: a kick still waiting would fire at a closed queue (what it would have sent
  // goes out at the next start's first sweep).
  return Object.assign(kick, {
    cancel() {
      cancelled = true;
      clearTimeout(pending);
    },
  });
}
