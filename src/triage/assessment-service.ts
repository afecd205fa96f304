/**
 * Self-check use cases: create an assessment, read it with its token, record a check-in.
 * Each one validates first, then writes its rows, its audit event and its jobs in one
 * transaction, so a failure leaves nothing behind.
 */
import { recordAudit, type AuditEvent } from '../audit/audit.js';
import type { Database } from '../platform/db/database.js';
import { ValidationFailed, type FieldError } from '../platform/http/problem.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { Scheduler } from '../platform/jobs/scheduler.js';
import { hashToken, newToken, sameHash } from '../platform/tokens.js';
import { assessAnswers, mostUrgent, nextStep, validateAnswers, type Answers } from './engine.js';
import { evaluateCheckIn, unknownSigns, type CheckInInput } from './check-in.js';
import { configurePathway, type Disposition, type Pathway } from './pathway.js';
import {
  findAssessment,
  findAssessmentByTokenHash,
  insertAssessment,
  insertCheckIn,
  listCheckIns,
  type StoredAssessment,
  type StoredCheckIn,
} from './assessment-store.js';

export const CHECK_IN_QUEUE = 'self-check-check-in';

export interface TriageSettings {
  startBack: boolean;
  checkInDelayHours: number;
  assessmentRetentionDays: number;
}

export interface Triage {
  db: Database;
  scheduler: Scheduler;
  pathways: Map<string, Pathway>;
  settings: TriageSettings;
  now: () => Date;
}

/** Who is acting, for the audit trail. */
export type Actor = Pick<AuditEvent, 'actorType' | 'actorId' | 'ip' | 'requestId'>;

/**
 * Where a person stands now: the most urgent of the original result and every check-in since.
 * A check-in that found an emergency keeps the result at "call 911"; the booking flow and the
 * result page both use this, never the original disposition alone.
 */
export function currentDisposition(
  a: { disposition: Disposition },
  checkIns: { disposition: Disposition }[],
): Disposition {
  return checkIns.reduce<Disposition>((d, c) => mostUrgent(d, c.disposition), a.disposition);
}

export function deployedPathway(t: Triage, id: string): Pathway | undefined {
  const p = t.pathways.get(id);
  return p ? configurePathway(p, { startBack: t.settings.startBack }) : undefined;
}

export interface CreatedAssessment {
  token: string;
  assessment: StoredAssessment;
}

export async function createAssessment(
  t: Triage,
  input: { pathwayId: string; answers: Record<string, unknown>; language: Locale; source: 'web' | 'api' },
  actor: Actor,
): Promise<CreatedAssessment> {
  const p = deployedPathway(t, input.pathwayId);
  if (!p) throw new ValidationFailed([{ field: 'pathway', detail: `is not a known pathway` }]);
  let errors: FieldError[] = validateAnswers(p, input.answers);
  const answers = input.answers as Answers;
  // The web questionnaire stops at the first emergency answer, before the rest of the screen
  // is asked: that is complete by design, so missing screen answers are no error then.
  if (input.source === 'web' && errors.length > 0 && nextStep(p, answers).kind === 'stop') {
    errors = errors.filter((e) => !e.detail.startsWith('is required'));
  }
  if (errors.length > 0) throw new ValidationFailed(errors);

  const result = assessAnswers(p, answers);
  const now = t.now();
  const token = newToken();
  const checkInDueAt =
    result.disposition === 'self-care'
      ? new Date(now.getTime() + t.settings.checkInDelayHours * 3_600_000)
      : null;
  const stored: Omit<StoredAssessment, 'id' | 'email'> = {
    tokenHash: hashToken(token),
    pathwayId: p.id,
    pathwayVersion: p.version,
    language: input.language,
    answers,
    disposition: result.disposition,
    reasons: result.reasons,
    scores: result.scores,
    complete: result.complete,
    source: input.source,
    checkInDueAt,
    createdAt: now,
    expiresAt: new Date(now.getTime() + t.settings.assessmentRetentionDays * 86_400_000),
  };
  const id = await t.db.transaction(async (tx) => {
    const newId = await insertAssessment(tx, stored);
    await recordAudit(tx, {
      ...actor,
      action: 'create',
      entityType: 'assessment',
      entityId: newId,
      outcome: 'success',
    });
    if (checkInDueAt) {
      await t.scheduler.enqueue(
        tx,
        CHECK_IN_QUEUE,
        { assessmentId: newId },
        { startAfter: checkInDueAt, singletonKey: newId },
      );
    }
    return newId;
  });
  return { token, assessment: { ...stored, id, email: null } };
}

/**
 * Reads an assessment only with its token. A wrong token and a missing id look the same to
 * the caller; both are audited as denied.
 */
export async function readAssessment(t: Triage, id: string, token: string | undefined, actor: Actor) {
  const found = await findAssessment(t.db, id, t.now());
  const allowed = Boolean(found && token && sameHash(found.tokenHash, hashToken(token)));
  await recordAudit(t.db, {
    ...actor,
    action: 'read',
    entityType: 'assessment',
    entityId: found ? found.id : null,
    outcome: allowed ? 'success' : found ? 'denied' : 'not-found',
  });
  if (!allowed || !found) return undefined;
  return { assessment: found, checkIns: await listCheckIns(t.db, found.id) };
}

/** Private links carry only the token; the assessment is found by the token's hash. */
export async function readAssessmentByToken(t: Triage, token: string, actor: Actor, action = 'read') {
  const found = await findAssessmentByTokenHash(t.db, hashToken(token), t.now());
  await recordAudit(t.db, {
    ...actor,
    action,
    entityType: 'assessment',
    entityId: found?.id ?? null,
    outcome: found ? 'success' : 'not-found',
  });
  if (!found) return undefined;
  return { assessment: found, checkIns: await listCheckIns(t.db, found.id) };
}

export async function recordCheckIn(
  t: Triage,
  assessment: StoredAssessment,
  input: CheckInInput,
  actor: Actor,
): Promise<StoredCheckIn> {
  const p = t.pathways.get(assessment.pathwayId);
  if (!p) throw new Error(`pathway ${assessment.pathwayId} is no longer installed`);
  const errors: FieldError[] = [];
  if (!['better', 'same', 'worse'].includes(input.improving)) {
    errors.push({ field: 'improving', detail: 'must be one of: better, same, worse' });
  }
  const unknown = unknownSigns(p, input.newSigns);
  if (unknown.length)
    errors.push({ field: 'newSigns', detail: `unknown warning signs: ${unknown.join(', ')}` });
  if (errors.length) throw new ValidationFailed(errors);

  const now = t.now();
  const days = (now.getTime() - assessment.createdAt.getTime()) / 86_400_000;
  const result = evaluateCheckIn(
    configurePathway(p, { startBack: t.settings.startBack }),
    assessment.answers,
    input,
    days,
  );
  const checkIn = { improving: input.improving, newSigns: input.newSigns, ...result, createdAt: now };
  const id = await t.db.transaction(async (tx) => {
    const newId = await insertCheckIn(tx, assessment.id, checkIn);
    await recordAudit(tx, {
      ...actor,
      action: 'check-in',
      entityType: 'assessment',
      entityId: assessment.id,
      outcome: 'success',
    });
    return newId;
  });
  return { id, ...checkIn };
}
