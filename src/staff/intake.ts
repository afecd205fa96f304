/**
 * The provider's pre-visit intake, built from a stored self-check: every red-flag item as an
 * explicit yes or no, the course of the pain, medicine cautions, scores and check-ins.
 */
import type { Answers, Scores, Condition, Item, Pathway } from '../triage/index.js';

function itemsIn(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(itemsIn);
  if ('any' in c) return c.any.flatMap(itemsIn);
  return 'item' in c ? [c.item] : [];
}

export interface IntakeLine {
  linkId: string;
  question: string;
  answer: string;
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
            ? (item.options!.find((o) => o.code === v)?.display.en ?? String(v))
            : `${v}${item.unit ? ` ${item.unit.en}` : ''}`;
    return { linkId: item.linkId, question: item.text.en, answer };
  };
  const plain = p.items.filter((i) => !i.instrument);
  return {
    redFlags: plain
      .filter((i) => redFlagIds.has(i.linkId) && i.linkId !== 'age' && !CAUTIONS.includes(i.linkId))
      .map(line),
    course: plain.filter((i) => COURSE.includes(i.linkId)).map(line),
    cautions: plain.filter((i) => CAUTIONS.includes(i.linkId)).map(line),
    scores,
  };
}
