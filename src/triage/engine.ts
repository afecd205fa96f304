/**
 * The pathway engine: pure functions, answers in, result out. It knows nothing about low
 * back pain; everything clinical comes from the pathway definition.
 */
import type { FieldError } from '../platform/http/problem.js';
import type { Locale } from '../platform/i18n/i18n.js';
import {
  DISPOSITIONS,
  type Condition,
  type Disposition,
  type Item,
  type Pathway,
  type Text,
} from './pathway.js';

export type AnswerValue = boolean | number | string;
export type Answers = Record<string, AnswerValue>;

export interface Scores {
  peg?: { score: number; items: { pain: number; enjoyment: number; activity: number } };
  startBack?: { total: number; psychosocial: number; risk: 'low' | 'medium' | 'high'; answered: number };
}

export interface Reason {
  ruleId: string;
  linkId: string;
  disposition: Exclude<Disposition, 'self-care'>;
  text: Text;
  notice?: Text;
}

export interface Assessment {
  pathway: { id: string; version: string };
  disposition: Disposition;
  /** Every triggered rule, most urgent first. */
  reasons: Reason[];
  scores: Scores;
  /** False when questions that would be asked are unanswered (optional ones, or a stop rule ended it). */
  complete: boolean;
}

const SEVERITY: Record<Disposition, number> = { emergency: 0, urgent: 1, appointment: 2, 'self-care': 3 };

// ---------------------------------------------------------------- scoring

const SBST_BOTHERSOME = new Set(['very-much', 'extremely']);

export function scoreInstruments(p: Pathway, answers: Answers): Scores {
  const scores: Scores = {};
  const has = (id: string) => p.instruments.some((i) => i.id === id);
  const num = (id: string) => (typeof answers[id] === 'number' ? (answers[id] as number) : undefined);

  if (has('peg')) {
    const pain = num('peg-pain');
    const enjoyment = num('peg-enjoyment');
    const activity = num('peg-activity');
    if (pain !== undefined && enjoyment !== undefined && activity !== undefined) {
      // PEG = mean of the three items, reported to one decimal (Krebs 2009).
      const score = Math.round(((pain + enjoyment + activity) / 3) * 10) / 10;
      scores.peg = { score, items: { pain, enjoyment, activity } };
    }
  }

  if (has('start-back')) {
    const ids = Array.from({ length: 9 }, (_, i) => `sbst-${i + 1}`);
    const answered = ids.filter((id) => answers[id] !== undefined).length;
    if (answered > 0) {
      // Items 1-8 score 1 for "agree"; item 9 scores 1 only for "very much" or "extremely".
      const point = (id: string) =>
        id === 'sbst-9' ? (SBST_BOTHERSOME.has(String(answers[id])) ? 1 : 0) : answers[id] === true ? 1 : 0;
      const total = ids.reduce((sum, id) => sum + point(id), 0);
      const psychosocial = ids.slice(4).reduce((sum, id) => sum + point(id), 0);
      const risk = psychosocial >= 4 ? 'high' : total <= 3 ? 'low' : 'medium';
      scores.startBack = { total, psychosocial, risk, answered };
    }
  }
  return scores;
}

// ---------------------------------------------------------------- conditions

/**
 * Unanswered items count as "no": every comparison with an unanswered item is false, except
 * "not equal", which is true (an unanswered `improving` is not "better").
 */
export function holds(c: Condition, answers: Answers, scores: Scores): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, answers, scores));
  if ('any' in c) return c.any.some((x) => holds(x, answers, scores));
  if ('score' in c) return scores.startBack?.risk === c.value;
  const v = answers[c.item];
  if (v === undefined) return c.op === 'ne';
  switch (c.op) {
    case 'eq':
      return v === c.value;
    case 'ne':
      return v !== c.value;
    case 'gte':
      return typeof v === 'number' && v >= (c.value as number);
    case 'gt':
      return typeof v === 'number' && v > (c.value as number);
    case 'lte':
      return typeof v === 'number' && v <= (c.value as number);
    case 'lt':
      return typeof v === 'number' && v < (c.value as number);
  }
}

export function isEnabled(item: Item, answers: Answers): boolean {
  return !item.enableWhen || holds(item.enableWhen, answers, {});
}

// ---------------------------------------------------------------- validation

function checkValue(item: Item, value: unknown): string | undefined {
  switch (item.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number';
      if (value < item.min! || value > item.max!) return `must be between ${item.min} and ${item.max}`;
      return undefined;
    case 'choice': {
      const codes = item.options!.map((o) => o.code);
      return typeof value === 'string' && codes.includes(value)
        ? undefined
        : `must be one of: ${codes.join(', ')}`;
    }
  }
}

/** Errors name the field as `answers.<linkId>`. */
export function validateAnswers(p: Pathway, answers: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const items = new Map(p.items.map((i) => [i.linkId, i]));
  for (const [linkId, value] of Object.entries(answers)) {
    const item = items.get(linkId);
    if (!item) {
      errors.push({ field: `answers.${linkId}`, detail: `is not a question in ${p.id} ${p.version}` });
      continue;
    }
    const problem = checkValue(item, value);
    if (problem) errors.push({ field: `answers.${linkId}`, detail: problem });
  }
  for (const item of p.items) {
    if (item.screen && answers[item.linkId] === undefined) {
      errors.push({
        field: `answers.${item.linkId}`,
        detail: 'is required: it is an emergency screening question',
      });
    }
  }
  return errors;
}

/** One value from a form field (always text) to its typed answer, or an error message key. */
export function parseFormValue(
  item: Item,
  raw: string | undefined,
): { value: AnswerValue } | { error: 'missing' | 'integer' | 'range' | 'choice' } {
  const s = (raw ?? '').trim();
  if (s === '') return { error: 'missing' };
  if (item.type === 'boolean') {
    if (s === 'yes' || s === 'true') return { value: true };
    if (s === 'no' || s === 'false') return { value: false };
    return { error: 'choice' };
  }
  if (item.type === 'integer') {
    if (!/^\d+$/.test(s)) return { error: 'integer' };
    const n = Number(s);
    if (n < item.min! || n > item.max!) return { error: 'range' };
    return { value: n };
  }
  return item.options!.some((o) => o.code === s) ? { value: s } : { error: 'choice' };
}

// ---------------------------------------------------------------- assessment

export function assessAnswers(p: Pathway, answers: Answers): Assessment {
  const scores = scoreInstruments(p, answers);
  const reasons: Reason[] = p.rules
    .filter((r) => holds(r.when, answers, scores))
    .map((r) => ({
      ruleId: r.id,
      linkId: r.reason.linkId,
      disposition: r.disposition,
      text: r.reason.text,
      ...(r.notice ? { notice: r.notice } : {}),
    }))
    .sort((a, b) => SEVERITY[a.disposition] - SEVERITY[b.disposition]);
  const disposition: Disposition = reasons[0]?.disposition ?? 'self-care';
  const complete = nextItem(p, answers) === undefined;
  return { pathway: { id: p.id, version: p.version }, disposition, reasons, scores, complete };
}

/** The questions that will be asked given the answers so far, in order. */
export function askedItems(p: Pathway, answers: Answers): Item[] {
  return p.items.filter((i) => isEnabled(i, answers));
}

function nextItem(p: Pathway, answers: Answers): Item | undefined {
  return askedItems(p, answers).find((i) => answers[i.linkId] === undefined);
}

export type Step =
  | { kind: 'question'; item: Item; index: number; total: number }
  | { kind: 'stop'; ruleId: string; disposition: Disposition }
  | { kind: 'complete' };

/**
 * What comes after the answers so far: a stop rule that fired (an emergency ends the
 * questionnaire at once), the next unanswered question, or the end.
 */
export function nextStep(p: Pathway, answers: Answers): Step {
  const scores = scoreInstruments(p, answers);
  const stop = p.rules
    .filter((r) => r.stop && holds(r.when, answers, scores))
    .sort((a, b) => SEVERITY[a.disposition] - SEVERITY[b.disposition])[0];
  if (stop) return { kind: 'stop', ruleId: stop.id, disposition: stop.disposition };
  const asked = askedItems(p, answers);
  const index = asked.findIndex((i) => answers[i.linkId] === undefined);
  if (index < 0) return { kind: 'complete' };
  return { kind: 'question', item: asked[index]!, index, total: asked.length };
}

/** Answers to questions that are no longer asked (an earlier answer changed) are dropped. */
export function pruneAnswers(p: Pathway, answers: Answers): Answers {
  const asked = new Set(askedItems(p, answers).map((i) => i.linkId));
  return Object.fromEntries(Object.entries(answers).filter(([k]) => asked.has(k)));
}

export function mostUrgent(a: Disposition, b: Disposition): Disposition {
  return SEVERITY[a] <= SEVERITY[b] ? a : b;
}

export function localize(text: Text, locale: Locale): string {
  return text[locale];
}

export { DISPOSITIONS };
