/**
 * The 48-72 hour check-in after a self-care result: the original answers are re-assessed with
 * the new "improving" answer, the days that have passed, and any new warning signs. The spec's
 * check-in rule: "same" or "worse" gives at least an appointment.
 */
import { assessAnswers, mostUrgent, type Answers, type Reason } from './engine.js';
import type { Disposition, Pathway } from './pathway.js';

export type Improving = 'better' | 'same' | 'worse';

export interface CheckInInput {
  improving: Improving;
  /** ids of pathway.checkIn.signs that are new */
  newSigns: string[];
}

export interface CheckInResult {
  disposition: Disposition;
  reasons: Reason[];
}

export function evaluateCheckIn(
  p: Pathway,
  original: Answers,
  input: CheckInInput,
  daysSince: number,
): CheckInResult {
  const merged: Answers = {
    ...original,
    improving: input.improving,
    'duration-days': Math.min(
      3650,
      Number(original['duration-days'] ?? 0) + Math.max(0, Math.floor(daysSince)),
    ),
  };
  for (const sign of p.checkIn.signs) {
    if (!input.newSigns.includes(sign.id)) continue;
    for (const [linkId, value] of Object.entries(sign.answers)) {
      // Leg weakness: keep the more serious of the original and the new answer.
      if (linkId === 'leg-weakness' && merged[linkId] === 'severe-or-worsening') continue;
      merged[linkId] = value;
    }
  }
  const result = assessAnswers(p, merged);
  let { disposition } = result;
  const reasons = [...result.reasons];
  if (input.improving !== 'better') {
    disposition = mostUrgent(disposition, 'appointment');
    // 1.1.0's own 48-72 hour rule already says this in the pathway's words: say it once.
    if (reasons.some((r) => r.linkId === 'improving')) return { disposition, reasons };
    reasons.push({
      ruleId: 'check-in-not-improving',
      linkId: 'improving',
      disposition: 'appointment',
      text: p.checkIn.notImprovingReason,
    });
  }
  return { disposition, reasons };
}

export function unknownSigns(p: Pathway, ids: string[]): string[] {
  const known = new Set(p.checkIn.signs.map((s) => s.id));
  return ids.filter((id) => !known.has(id));
}
