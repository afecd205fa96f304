/**
 * Delivery of the outbox: a pg-boss job that any instance can run. It is triggered right after
 * a change that queued a message, and swept every minute for anything due (reminders, retries,
 * messages whose worker died). Before it sends, it lets scheduling queue the reminders that fall
 * due soon (they are not queued at booking: scheduling/reminders.ts).
 */
import type { Database } from '../platform/db/database.js';
import type { Jobs } from '../platform/jobs/jobs.js';
import type { Logger } from '../platform/logging/logger.js';
import {
  CLAIM_STALE_MS,
  DISPATCH_BATCH,
  dispatchDueMessages,
  type Channels,
  type OutdatedCheck,
  type Transport,
} from './outbox.js';

export const OUTBOX_QUEUE = 'outbox-deliver';

export async function registerOutboxJobs(
  jobs: Jobs,
  db: Database,
  transport: Transport | Channels,
  logger: Logger,
  /** Which messages about visits no longer apply (scheduling's outdatedVisitMessages). */
  isOutdated: OutdatedCheck,
  /** Queues what falls due soon before each run (scheduling's reminderSweep). */
  queueDue: () => Promise<unknown> = async () => undefined,
) {
  await jobs.createQueue(OUTBOX_QUEUE);
  await jobs.schedule(OUTBOX_QUEUE, '* * * * *', {}, { tz: 'UTC' });
  await jobs.work(OUTBOX_QUEUE, async () => {
    // A failed sweep must not stop delivery; the next run sweeps again.
    await queueDue().catch((error: Error) => logger.warn({ err: error }, 'could not queue due reminders'));
    return deliverUntilEmpty(db, transport, logger, isOutdated);
  });
  // Whatever a previous process committed but did not send goes out now, not at the next sweep;
  // what a dead process had claimed, as soon as its claims go stale.
  await jobs.send(OUTBOX_QUEUE, {});
  await jobs.send(OUTBOX_QUEUE, {}, { startAfter: Math.ceil(CLAIM_STALE_MS / 1000) + 1 });
}

/**
 * One run sends batch after batch until nothing is due (a burst of reminders is not spread over
 * many one-minute sweeps), within a time budget so a run ends before the next sweep starts.
 */
export async function deliverUntilEmpty(
  db: Database,
  transport: Transport | Channels,
  logger: Logger,
  isOutdated: OutdatedCheck,
  options: { now?: () => Date; budgetMs?: number } = {},
) {
  const budgetMs = options.budgetMs ?? 50_000;
  const started = performance.now();
  const total = { claimed: 0, sent: 0, failed: 0, skipped: 0, retried: 0, batches: 0 };
  for (;;) {
    const r = await dispatchDueMessages(db, transport, logger, {
      isOutdated,
      limit: DISPATCH_BATCH,
      ...(options.now ? { now: options.now() } : {}),
    });
    total.batches++;
    for (const k of ['claimed', 'sent', 'failed', 'skipped', 'retried'] as const) total[k] += r[k];
    if (r.claimed < DISPATCH_BATCH || performance.now() - started > budgetMs) break;
  }
  if (total.claimed > 0) logger.info({ job: OUTBOX_QUEUE, ...total }, 'outbox delivered');
  return total;
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
