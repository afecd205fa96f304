/**
 * A self-check in progress: answers kept on the server for DRAFT_TTL_MINUTES, found through a
 * cookie holding the draft id and a secret (only the secret's hash is stored). Nothing about
 * the answers ever goes into a URL.
 */
import { recordAudit } from '../audit/index.js';
import { hashToken, newToken, sameHash } from '../platform/tokens.js';
import type { Actor, Triage } from './assessment-service.js';
import { deleteDraft, findDraft, insertDraft, updateDraft, type Draft } from './assessment-store.js';
import type { Answers } from './engine.js';

export const DRAFT_COOKIE = 'cp_selfcheck';

export interface DraftSettings {
  ttlMinutes: number;
}

const expiry = (t: Triage, s: DraftSettings) => new Date(t.now().getTime() + s.ttlMinutes * 60_000);

/** A new draft, empty or (to change an answer of a finished self-check) holding its answers. */
export async function startDraft(
  t: Triage,
  s: DraftSettings,
  pathwayId: string,
  answers: Answers,
  actor: Actor,
) {
  const secret = newToken();
  const id = await t.db.transaction(async (tx) => {
    const newId = await insertDraft(tx, {
      secretHash: hashToken(secret),
      pathwayId,
      answers,
      expiresAt: expiry(t, s),
    });
    await recordAudit(tx, {
      ...actor,
      action: 'create',
      entityType: 'questionnaire-draft',
      entityId: newId,
      outcome: 'success',
    });
    return newId;
  });
  return { cookie: `${id}.${secret}`, id };
}

/** The draft named by the cookie, if it exists, has not expired and the secret matches. */
export async function findDraftByCookie(t: Triage, cookie: string | undefined): Promise<Draft | undefined> {
  if (!cookie) return undefined;
  const [id, secret] = cookie.split('.');
  if (!id || !secret) return undefined;
  const draft = await findDraft(t.db, id, t.now());
  if (!draft || !sameHash(draft.secretHash, hashToken(secret))) return undefined;
  return draft;
}

export async function saveDraftAnswers(
  t: Triage,
  s: DraftSettings,
  draft: Draft,
  answers: Answers,
  actor: Actor,
) {
  await t.db.transaction(async (tx) => {
    await updateDraft(tx, draft.id, answers, expiry(t, s));
    await recordAudit(tx, {
      ...actor,
      action: 'update',
      entityType: 'questionnaire-draft',
      entityId: draft.id,
      outcome: 'success',
    });
  });
}

export async function discardDraft(t: Triage, draftId: string) {
  await deleteDraft(t.db, draftId);
}
