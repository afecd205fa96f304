/**
 * The product's own gauges on /metrics: the outbox (read once per scrape for its three gauges)
 * and the background jobs.
 */
import { outboxStats } from './notifications/index.js';
import type { Database } from './platform/db/database.js';
import { oncePerScrape, type Metrics } from './platform/http/metrics.js';
import { jobBacklog } from './platform/jobs/jobs.js';

export function appGauges(metrics: Metrics, db: Database, now: () => Date) {
  const outbox = oncePerScrape(() => outboxStats(db, now()));
  metrics.gauge('carepath_outbox_due', 'Messages due and not yet sent.', async () => (await outbox()).due);
  metrics.gauge(
    'carepath_outbox_oldest_due_seconds',
    'How long the oldest due message has waited.',
    async () => (await outbox()).oldestDueSeconds,
  );
  metrics.gauge(
    'carepath_outbox_failed',
    'Messages that failed for good.',
    async () => (await outbox()).failed,
  );
  // Background jobs (reminders, check-ins, housekeeping): the backlog and its oldest wait.
  metrics.gauge(
    'carepath_jobs_due',
    'Background jobs due and not yet started.',
    async () => (await jobBacklog(db)).due,
  );
  metrics.gauge(
    'carepath_jobs_lag_seconds',
    'How long the oldest due background job has waited to start.',
    async () => (await jobBacklog(db)).lagSeconds,
  );
}
