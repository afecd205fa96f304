import type { Locale } from '../platform/i18n/i18n.js';
import type { Pathway } from './pathway.js';
import type { StoredAssessment, StoredCheckIn } from './assessment-store.js';
import type { Reason } from './engine.js';

export const reasonJson = (r: Reason, lang: Locale) => ({
  linkId: r.linkId,
  rule: r.ruleId,
  disposition: r.disposition,
  text: r.text[lang],
  ...(r.notice ? { notice: r.notice[lang] } : {}),
});

export function checkInJson(c: StoredCheckIn, lang: Locale) {
  return {
    id: c.id,
    improving: c.improving,
    newSigns: c.newSigns,
    disposition: c.disposition,
    reasons: c.reasons.map((r) => reasonJson(r, lang)),
    createdAt: c.createdAt.toISOString(),
  };
}

/** The API view of an assessment. The token appears only in the creation response. */
export function assessmentJson(
  a: StoredAssessment,
  p: Pathway | undefined,
  lang: Locale,
  publicUrl: string,
  token?: string,
) {
  return {
    id: a.id,
    ...(token ? { token } : {}),
    pathway: {
      id: a.pathwayId,
      version: a.pathwayVersion,
      ...(p && p.version === a.pathwayVersion
        ? { signOff: { ...p.signOff, note: p.signOff.note[lang] } }
        : {}),
    },
    language: a.language,
    disposition: a.disposition,
    reasons: a.reasons.map((r) => reasonJson(r, lang)),
    scores: a.scores,
    complete: a.complete,
    createdAt: a.createdAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
    checkIn: a.checkInDueAt ? { dueAt: a.checkInDueAt.toISOString() } : null,
    ...(token ? { links: { result: `${publicUrl}/self-check/r/${token}` } } : {}),
  };
}
