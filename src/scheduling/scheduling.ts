/**
 * What the scheduling use cases need from the app (database, directory, secrets, clock, message
 * settings), and who is acting, for the audit trail.
 */
import type { AuditEvent } from '../audit/index.js';
import type { DirectoryService } from '../directory/index.js';
import type { Database } from '../platform/db/database.js';
import type { Gate } from '../platform/db/gate.js';
import type { SecretBox } from '../platform/secret-box.js';

export type Actor = Pick<AuditEvent, 'actorType' | 'actorId' | 'ip' | 'requestId'>;

export interface Scheduling {
  db: Database;
  directory: DirectoryService;
  box: SecretBox;
  publicUrl: string;
  now: () => Date;
  /** How long a waiting-list offer holds (minutes). */
  waitlistOfferMinutes: number;
  /** Hours before a visit to remind the patient, e.g. [48, 2]. */
  reminderHours: number[];
  mailFrom: string;
  /** An SMS gateway is configured: only then are text reminders offered to patients. */
  smsAvailable: boolean;
  /** Bounds how many bookings hold a database connection at once (platform/db/gate.ts). */
  bookingGate: Gate;
  /** Asks the outbox worker to deliver now (after a commit that queued messages). */
  kickOutbox: () => void;
  /** Checks an assessment's token for attaching it as the intake; returns its disposition. */
  verifyIntake: (
    assessmentId: string,
    token: string,
    actor: Actor,
  ) => Promise<{ disposition: string } | undefined>;
}
