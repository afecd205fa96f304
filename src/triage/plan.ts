import type { Locale } from '../platform/i18n/i18n.js';
import { holds, scoreInstruments, type Answers } from './engine.js';
import type { Disposition, Pathway } from './pathway.js';

export interface PlanSection {
  id: string;
  heading: string;
  paragraphs: string[];
}

/**
 * The self-care plan, built from the answers: sections whose showWhen holds and whose hideWhen
 * does not (NSAID advice is withheld with `nsaid-caution` or `pregnant`), and that belong beside
 * this result (the check-in is promised to self-care only), in the person's language.
 */
export function buildPlan(
  p: Pathway,
  answers: Answers,
  locale: Locale,
  disposition: Disposition,
): PlanSection[] {
  const scores = scoreInstruments(p, answers);
  return p.plan.sections
    .filter(
      (s) =>
        (!s.dispositions || s.dispositions.includes(disposition)) &&
        (!s.showWhen || holds(s.showWhen, answers, scores)) &&
        !(s.hideWhen && holds(s.hideWhen, answers, scores)),
    )
    .map((s) => ({ id: s.id, heading: s.heading[locale], paragraphs: s.body.map((b) => b[locale]) }));
}
