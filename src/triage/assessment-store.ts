/** The only code that reads and writes self-check tables. */
import type { Queryable } from '../platform/db/database.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { Disposition } from './pathway.js';
import type { Answers, Reason, Scores } from './engine.js';

export interface StoredAssessment {
  id: string;
  tokenHash: string;
  pathwayId: string;
  pathwayVersion: string;
  language: Locale;
  answers: Answers;
  disposition: Disposition;
  reasons: Reason[];
  scores: Scores;
  complete: boolean;
  source: 'web' | 'api';
  email: string | null;
  checkInDueAt: Date | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface StoredCheckIn {
  id: string;
  /** 'check-in': the 48-72 hour check-in; 'questions': PEG and STarT Back answered after the result. */
  kind: 'check-in' | 'questions';
  /** Null for a follow-up of kind 'questions'. */
  improving: 'better' | 'same' | 'worse' | null;
  newSigns: string[];
  disposition: Disposition;
  reasons: Reason[];
  createdAt: Date;
}

interface AssessmentRow {
  id: string;
  token_hash: string;
  pathway_id: string;
  pathway_version: string;
  language: Locale;
  answers: Answers;
  disposition: Disposition;
  reasons: Reason[];
  scores: Scores;
  complete: boolean;
  source: 'web' | 'api';
  email: string | null;
  check_in_due_at: Date | null;
  created_at: Date;
  expires_at: Date;
}

const toAssessment = (r: AssessmentRow): StoredAssessment => ({
  id: r.id,
  tokenHash: r.token_hash,
  pathwayId: r.pathway_id,
  pathwayVersion: r.pathway_version,
  language: r.language,
  answers: r.answers,
  disposition: r.disposition,
  reasons: r.reasons,
  scores: r.scores,
  complete: r.complete,
  source: r.source,
  email: r.email,
  checkInDueAt: r.check_in_due_at,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export async function insertAssessment(
  db: Queryable,
  a: Omit<StoredAssessment, 'id' | 'email'>,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO assessments (token_hash, pathway_id, pathway_version, language, answers, disposition, reasons,
       scores, complete, source, check_in_due_at, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      a.tokenHash,
      a.pathwayId,
      a.pathwayVersion,
      a.language,
      JSON.stringify(a.answers),
      a.disposition,
      JSON.stringify(a.reasons),
      JSON.stringify(a.scores),
      a.complete,
      a.source,
      a.checkInDueAt,
      a.createdAt,
      a.expiresAt,
    ],
  );
  return row!.id;
}

/** Expired assessments are treated as gone even before housekeeping deletes them. */
export async function findAssessment(
  db: Queryable,
  id: string,
  now: Date,
): Promise<StoredAssessment | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  const [row] = await db.query<AssessmentRow>('SELECT * FROM assessments WHERE id = $1 AND expires_at > $2', [
    id,
    now,
  ]);
  return row ? toAssessment(row) : undefined;
}

export async function findAssessmentByTokenHash(db: Queryable, hash: string, now: Date) {
  const [row] = await db.query<AssessmentRow>(
    'SELECT * FROM assessments WHERE token_hash = $1 AND expires_at > $2',
    [hash, now],
  );
  return row ? toAssessment(row) : undefined;
}

export async function setAssessmentEmail(db: Queryable, id: string, email: string): Promise<void> {
  await db.query('UPDATE assessments SET email = $2 WHERE id = $1', [id, email]);
}

export async function insertCheckIn(
  db: Queryable,
  assessmentId: string,
  c: Omit<StoredCheckIn, 'id'>,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO assessment_check_ins (assessment_id, kind, improving, new_signs, disposition, reasons, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [assessmentId, c.kind, c.improving, c.newSigns, c.disposition, JSON.stringify(c.reasons), c.createdAt],
  );
  return row!.id;
}

/** Answers given after the result (the instruments) join the stored answers and scores. */
export async function updateAssessmentAnswers(
  db: Queryable,
  id: string,
  answers: Answers,
  scores: Scores,
): Promise<void> {
  await db.query('UPDATE assessments SET answers = $2, scores = $3 WHERE id = $1', [
    id,
    JSON.stringify(answers),
    JSON.stringify(scores),
  ]);
}

export async function listCheckIns(db: Queryable, assessmentId: string): Promise<StoredCheckIn[]> {
  const rows = await db.query<{
    id: string;
    kind: StoredCheckIn['kind'];
    improving: StoredCheckIn['improving'];
    new_signs: string[];
    disposition: Disposition;
    reasons: Reason[];
    created_at: Date;
  }>('SELECT * FROM assessment_check_ins WHERE assessment_id = $1 ORDER BY created_at, id', [assessmentId]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    improving: r.improving,
    newSigns: r.new_signs,
    disposition: r.disposition,
    reasons: r.reasons,
    createdAt: r.created_at,
  }));
}

export async function deleteExpiredAssessments(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query('DELETE FROM assessments WHERE expires_at <= $1 RETURNING id', [now]);
  return rows.length;
}

// ------------------------------------------------------------------ drafts

export interface Draft {
  id: string;
  secretHash: string;
  pathwayId: string;
  answers: Answers;
  expiresAt: Date;
}

export async function insertDraft(db: Queryable, d: Omit<Draft, 'id'>): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO questionnaire_drafts (secret_hash, pathway_id, answers, expires_at) VALUES ($1, $2, $3, $4) RETURNING id',
    [d.secretHash, d.pathwayId, JSON.stringify(d.answers), d.expiresAt],
  );
  return row!.id;
}

export async function findDraft(db: Queryable, id: string, now: Date): Promise<Draft | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  const [row] = await db.query<{
    id: string;
    secret_hash: string;
    pathway_id: string;
    answers: Answers;
    expires_at: Date;
  }>(
    'SELECT id, secret_hash, pathway_id, answers, expires_at FROM questionnaire_drafts WHERE id = $1 AND expires_at > $2',
    [id, now],
  );
  return row
    ? {
        id: row.id,
        secretHash: row.secret_hash,
        pathwayId: row.pathway_id,
        answers: row.answers,
        expiresAt: row.expires_at,
      }
    : undefined;
}

export async function updateDraft(
  db: Queryable,
  id: string,
  answers: Answers,
  expiresAt: Date,
): Promise<void> {
  await db.query(
    'UPDATE questionnaire_drafts SET answers = $2, expires_at = $3, updated_at = now() WHERE id = $1',
    [id, JSON.stringify(answers), expiresAt],
  );
}

export async function deleteDraft(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM questionnaire_drafts WHERE id = $1', [id]);
}

export async function deleteExpiredDrafts(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query('DELETE FROM questionnaire_drafts WHERE expires_at <= $1 RETURNING id', [now]);
  return rows.length;
}

/**
 * The result (disposition) of each assessment, for a schedule that flags "see a doctor today":
 * only the disposition, no answers. The caller audits the visits it lists.
 */
export async function dispositionsOf(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; disposition: string }>(
    'SELECT id, disposition FROM assessments WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.disposition]));
}
