/**
 * The provider's pre-visit intake, built from a stored self-check: every red-flag item as an
 * explicit yes or no, the course of the pain, medicine cautions, scores and check-ins.
 */
import type { Answers, Scores, Condition, Item, Pathway } from '../triage/index.js';
import { amount } from '../platform/i18n/format.js';

function itemsIn(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(itemsIn);
  if ('any' in c) return c.any.flatMap(itemsIn);
  return 'item' in c ? [c.item] : [];
}

export interface IntakeLine {
  linkId: string;
  question: string;
  answer: string;
  /** A "yes" (or a choice other than none) to a red-flag question: listed first, highlighted. */
  positive: boolean;
}

export interface Intake {
  redFlags: IntakeLine[];
  course: IntakeLine[];
  cautions: IntakeLine[];
  scores: Scores;
}

const COURSE = ['duration-days', 'improving', 'first-episode', 'pain-score', 'age'];
const CAUTIONS = [
  'nsaid-caution',
  'liver-or-alcohol',
  'pregnant',
  'pregnancy-warning',
  'analgesic-over-limit',
];

export function buildIntake(
  p: Pathway,
  answers: Answers,
  scores: Scores,
  words: { yes: string; no: string; notAsked: string },
  /** The reader's language (the staff user's). */
  locale: 'en' | 'es' = 'en',
): Intake {
  const redFlagIds = new Set(
    p.rules
      .filter((r) => r.disposition === 'emergency' || r.disposition === 'urgent')
      .flatMap((r) => itemsIn(r.when)),
  );
  const line = (item: Item): IntakeLine => {
    const v = answers[item.linkId];
    const answer =
      v === undefined
        ? words.notAsked
        : item.type === 'boolean'
          ? v
            ? words.yes
            : words.no
          : item.type === 'choice'
            ? (item.options!.find((o) => o.code === v)?.display[locale] ?? String(v))
            : amount(locale, typeof v === 'boolean' ? String(v) : v, item.unit);
    const positive = v === true || (item.type === 'choice' && v !== undefined && v !== 'none');
    return { linkId: item.linkId, question: item.text[locale], answer, positive };
  };
  const plain = p.items.filter((i) => !i.instrument);
  return {
    // Positive red flags first (in pathway order), then the negatives: what the clinician must see.
    redFlags: plain
      .filter((i) => redFlagIds.has(i.linkId) && i.linkId !== 'age' && !CAUTIONS.includes(i.linkId))
      .map(line)
      .sort((a, b) => Number(b.positive) - Number(a.positive)),
    course: plain.filter((i) => COURSE.includes(i.linkId)).map(line),
    cautions: plain.filter((i) => CAUTIONS.includes(i.linkId)).map(line),
    scores,
  };
}
