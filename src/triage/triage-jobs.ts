import type { Database } from '../platform/db/database.js';
import type { CleanupTask } from '../platform/jobs/housekeeping.js';
import type { Jobs } from '../platform/jobs/jobs.js';
import type { Logger } from '../platform/logging/logger.js';
import { dispatchDueMessages, type Channels, type Transport } from '../notifications/index.js';
import { deleteExpiredAssessments, deleteExpiredDrafts } from './assessment-store.js';
import { CHECK_IN_QUEUE } from './assessment-service.js';

/** Retention: expired self-checks (ASSESSMENT_RETENTION_DAYS) and abandoned drafts are deleted. */
export const triageCleanup: Record<string, CleanupTask> = {
  expiredAssessments: (db, now) => deleteExpiredAssessments(db, now),
  expiredDrafts: (db, now) => deleteExpiredDrafts(db, now),
};

export function checkInMessageKey(assessmentId: string) {
  return `check-in:${assessmentId}`;
}

/**
 * When a self-care check-in falls due, the reminder the person asked for (if any) is sent.
 * The job carries only the assessment id; the log line names no person.
 */
export async function registerTriageJobs(
  jobs: Jobs,
  db: Database,
  transport: Transport | Channels,
  logger: Logger,
) {
  await jobs.work<{ assessmentId: string }>(CHECK_IN_QUEUE, async ([job]) => {
    if (!job) return;
    const { sent } = await dispatchDueMessages(db, transport, logger, {
      prefix: checkInMessageKey(job.data.assessmentId),
    });
    logger.info({ job: CHECK_IN_QUEUE, jobId: job.id, sent }, 'check-in due');
  });
}
