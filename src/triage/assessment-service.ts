/**
 * Self-check use cases: create an assessment, read it with its token, record a check-in.
 * Each one validates first, then writes its rows, its audit event and its jobs in one
 * transaction, so a failure leaves nothing behind.
 */
import { recordAudit, type AuditEvent } from '../audit/index.js';
import type { Database } from '../platform/db/database.js';
import { Conflict, ValidationFailed, type FieldError } from '../platform/http/problem.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { Scheduler } from '../platform/jobs/scheduler.js';
import { hashToken, newToken, sameHash } from '../platform/tokens.js';
import { assessAnswers, mostUrgent, validateAnswers, type Answers } from './engine.js';
import { evaluateCheckIn, unknownSigns, type CheckInInput } from './check-in.js';
import { configurePathway, type Disposition, type Pathway, type PathwayCatalog } from './pathway.js';
import {
  findAssessment,
  findAssessmentByTokenHash,
  insertAssessment,
  insertCheckIn,
  listCheckIns,
  updateAssessmentAnswers,
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
  pathways: PathwayCatalog;
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

/** The version new self-checks use, as deployed (instruments switched off are removed). */
export function deployedPathway(t: Triage, id: string): Pathway | undefined {
  const p = t.pathways.latest(id);
  return p ? configurePathway(p, { startBack: t.settings.startBack }) : undefined;
}

/** The version that produced a stored result: it is always read and re-assessed with that one. */
export function pathwayOf(t: Triage, a: { pathwayId: string; pathwayVersion: string }): Pathway {
  const p = t.pathways.version(a.pathwayId, a.pathwayVersion);
  if (!p) throw new Error(`pathway ${a.pathwayId} ${a.pathwayVersion} is no longer installed`);
  return configurePathway(p, { startBack: t.settings.startBack });
}

/**
 * When a self-care check-in falls due. With the pathway's rule (1.1.0): when the episode
 * reaches `episodeHours`, and at least `minHours` from now; without one, the configured delay.
 */
export function checkInDueAt(t: Triage, p: Pathway, answers: Answers, now: Date): Date {
  const due = p.checkIn.due;
  if (!due) return new Date(now.getTime() + t.settings.checkInDelayHours * 3_600_000);
  const days =
    typeof answers[due.episodeDaysItem] === 'number' ? (answers[due.episodeDaysItem] as number) : 0;
  const hours = Math.max(due.minHours, due.episodeHours - 24 * days);
  return new Date(now.getTime() + hours * 3_600_000);
}

/** Why a check-in cannot be recorded now: only self-care results have one, and only once due. */
export class CheckInNotOpen extends Conflict {
  constructor(
    readonly code: 'no_check_in' | 'too_early_to_check_in',
    readonly dueAt?: Date,
  ) {
    super(
      code === 'no_check_in'
        ? 'This result has no check-in: only a self-care result is followed by one.'
        : `The check-in opens at ${dueAt!.toISOString()}.`,
    );
    Object.assign(this.extra, { code, ...(dueAt ? { dueAt: dueAt.toISOString() } : {}) });
  }
}

export function checkInOpen(a: StoredAssessment, now: Date): CheckInNotOpen | undefined {
  if (!a.checkInDueAt) return new CheckInNotOpen('no_check_in');
  if (now < a.checkInDueAt) return new CheckInNotOpen('too_early_to_check_in', a.checkInDueAt);
  return undefined;
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
  // The web questionnaire ends as soon as nothing left can change the result; a request from
  // another system must answer everything (an emergency answer excepted, as in the contract).
  const errors: FieldError[] = validateAnswers(p, input.answers, { allowSettled: input.source === 'web' });
  const answers = input.answers as Answers;
  if (errors.length > 0) throw new ValidationFailed(errors);

  const result = assessAnswers(p, answers);
  const now = t.now();
  const token = newToken();
  const dueAt = result.disposition === 'self-care' ? checkInDueAt(t, p, answers, now) : null;
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
    checkInDueAt: dueAt,
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
    if (dueAt) {
      await t.scheduler.enqueue(
        tx,
        CHECK_IN_QUEUE,
        { assessmentId: newId },
        { startAfter: dueAt, singletonKey: newId },
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
  const p = pathwayOf(t, assessment);
  const errors: FieldError[] = [];
  if (!['better', 'same', 'worse'].includes(input.improving)) {
    errors.push({ field: 'improving', detail: 'must be one of: better, same, worse' });
  }
  const unknown = unknownSigns(p, input.newSigns);
  if (unknown.length)
    errors.push({ field: 'newSigns', detail: `unknown warning signs: ${unknown.join(', ')}` });
  if (errors.length) throw new ValidationFailed(errors);
  const now = t.now();
  const closed = checkInOpen(assessment, now);
  if (closed) throw closed;

  const days = (now.getTime() - assessment.createdAt.getTime()) / 86_400_000;
  const result = evaluateCheckIn(p, assessment.answers, input, days);
  const checkIn = {
    kind: 'check-in' as const,
    improving: input.improving,
    newSigns: input.newSigns,
    ...result,
    createdAt: now,
  };
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

/**
 * The questions asked after the result to help the doctor prepare (PEG, STarT Back): each
 * instrument all or nothing. The answers join the stored ones (the intake shows their scores),
 * and a follow-up records where they lead: STarT Back medium or high risk gives an appointment,
 * as a check-in would. The original result is never rewritten.
 */
export async function recordFollowUpAnswers(
  t: Triage,
  assessment: StoredAssessment,
  input: Record<string, unknown>,
  actor: Actor,
): Promise<StoredCheckIn> {
  const p = pathwayOf(t, assessment);
  const instrumentItems = new Set(p.items.filter((i) => i.instrument).map((i) => i.linkId));
  const errors: FieldError[] = Object.keys(input)
    .filter((id) => !instrumentItems.has(id))
    .map((id) => ({ field: `answers.${id}`, detail: 'is not a question asked after the result' }));
  if (Object.keys(input).length === 0)
    errors.push({ field: 'answers', detail: 'must answer at least one set of questions' });
  if (errors.length) throw new ValidationFailed(errors);
  const merged = { ...assessment.answers, ...input } as Answers;
  const invalid = validateAnswers(p, merged).filter((e) => instrumentItems.has(e.field.slice(8)));
  if (invalid.length) throw new ValidationFailed(invalid);

  const result = assessAnswers(p, merged);
  const now = t.now();
  const followUp = {
    kind: 'questions' as const,
    improving: null,
    newSigns: [],
    disposition: result.disposition,
    reasons: result.reasons,
    createdAt: now,
  };
  const id = await t.db.transaction(async (tx) => {
    await updateAssessmentAnswers(tx, assessment.id, merged, result.scores);
    const newId = await insertCheckIn(tx, assessment.id, followUp);
    await recordAudit(tx, {
      ...actor,
      action: 'update',
      entityType: 'assessment',
      entityId: assessment.id,
      outcome: 'success',
      detail: { field: 'instruments' },
    });
    return newId;
  });
  return { id, ...followUp };
}
