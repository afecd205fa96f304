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
  type RuleAction,
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
  /** What the result page must say first (Poison Control, the obstetric service). */
  action?: RuleAction;
}

export interface Assessment {
  pathway: { id: string; version: string };
  disposition: Disposition;
  /** Every triggered rule, most urgent first. */
  reasons: Reason[];
  scores: Scores;
  /** False when items a result needs are unanswered (an emergency, or the web questionnaire, ended it early). */
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

// ---------------------------------------------------------------- what is still open

/**
 * Three-valued evaluation while a questionnaire is under way: `undefined` means "not known
 * yet", because an item it needs can still be asked. Items that can no longer be asked (their
 * enableWhen is false, or they belong to an instrument asked after the result) count as
 * unanswered, exactly as `holds` treats them.
 */
export type Tri = boolean | undefined;

function openItems(p: Pathway, answers: Answers): Set<string> {
  const open = new Set<string>();
  // Items are only enabled by earlier items, so one pass in order settles every enableWhen.
  for (const item of p.items) {
    if (item.instrument || answers[item.linkId] !== undefined) continue;
    if (!item.enableWhen || evaluate(item.enableWhen, answers, {}, open) !== false) open.add(item.linkId);
  }
  return open;
}

export function evaluate(c: Condition, answers: Answers, scores: Scores, open: Set<string>): Tri {
  if ('all' in c) {
    const values = c.all.map((x) => evaluate(x, answers, scores, open));
    return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
  }
  if ('any' in c) {
    const values = c.any.map((x) => evaluate(x, answers, scores, open));
    return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
  }
  if ('item' in c && open.has(c.item)) return undefined;
  return holds(c, answers, scores);
}

/** The unanswered items that could still decide a condition that is not yet known. */
function unknownItems(c: Condition, answers: Answers, scores: Scores, open: Set<string>): string[] {
  if (evaluate(c, answers, scores, open) !== undefined) return [];
  if ('all' in c) return c.all.flatMap((x) => unknownItems(x, answers, scores, open));
  if ('any' in c) return c.any.flatMap((x) => unknownItems(x, answers, scores, open));
  return 'item' in c ? [c.item] : [];
}

/**
 * The questions still worth asking, by linkId: those that could still make the result more
 * urgent, change what the result tells the person to do first (a rule with an action, such as
 * calling Poison Control), change the self-care plan shown with a self-care or appointment
 * result, or time the self-care check-in. Everything else cannot change what the person is told,
 * so the questionnaire ends without it.
 */
export function openQuestions(p: Pathway, answers: Answers, disposition?: Disposition): Set<string> {
  const open = openItems(p, answers);
  const scores = scoreInstruments(p, answers);
  const known = p.rules.filter((r) => evaluate(r.when, answers, scores, open) === true);
  const current =
    disposition ?? known.reduce<Disposition>((d, r) => mostUrgent(d, r.disposition), 'self-care');
  const needed = new Set<string>();
  if (current === 'emergency') return needed;
  const add = (c: Condition | undefined) => {
    if (c) for (const id of unknownItems(c, answers, scores, open)) needed.add(id);
  };
  for (const r of p.rules) {
    const more = SEVERITY[r.disposition] < SEVERITY[current];
    const changesAction = r.action !== undefined && SEVERITY[r.disposition] <= SEVERITY[current];
    if (more || changesAction) add(r.when);
  }
  if (current === 'self-care' || current === 'appointment') {
    for (const s of p.plan.sections) {
      if (s.dispositions && !s.dispositions.some((d) => SEVERITY[d] >= SEVERITY[current])) continue;
      add(s.showWhen);
      add(s.hideWhen);
    }
  }
  const due = p.checkIn.due?.episodeDaysItem;
  if (current === 'self-care' && due && open.has(due)) needed.add(due);
  // A needed item that is not yet enabled needs the items that decide whether it is asked.
  const byId = new Map(p.items.map((i) => [i.linkId, i]));
  for (let grew = true; grew;) {
    grew = false;
    for (const id of [...needed]) {
      const when = byId.get(id)?.enableWhen;
      if (!when) continue;
      for (const dep of unknownItems(when, answers, scores, open)) {
        if (!needed.has(dep)) {
          needed.add(dep);
          grew = true;
        }
      }
    }
  }
  return needed;
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

/**
 * The items a result needs that are unanswered: every item except the instruments (optional as
 * a whole: all of an instrument's items or none) and items whose enableWhen does not hold.
 */
export function missingItems(p: Pathway, answers: Answers): Item[] {
  const missing = p.items.filter(
    (i) => !i.instrument && answers[i.linkId] === undefined && isEnabled(i, answers),
  );
  for (const instrument of p.instruments) {
    const items = p.items.filter((i) => i.instrument === instrument.id);
    if (items.some((i) => answers[i.linkId] !== undefined))
      missing.push(...items.filter((i) => answers[i.linkId] === undefined));
  }
  return missing;
}

/**
 * Errors name the field as `answers.<linkId>`. A result needs every item answered (see
 * missingItems), unless the answers already end the questionnaire: an emergency stops it at
 * once, and the web questionnaire (`settled`) also ends when nothing left can change the result.
 */
export function validateAnswers(
  p: Pathway,
  answers: Record<string, unknown>,
  options: { allowSettled?: boolean } = {},
): FieldError[] {
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
  // Missing items are judged on the answers that are valid; an invalid one is already named.
  const named = new Set(errors.map((e) => e.field));
  const typed = Object.fromEntries(
    Object.entries(answers).filter(([id]) => items.has(id) && !named.has(`answers.${id}`)),
  ) as Answers;
  const step = nextStep(p, typed);
  const ended = step.kind === 'stop' || (options.allowSettled && step.kind === 'complete');
  const missing = ended ? [] : missingItems(p, typed).filter((i) => !named.has(`answers.${i.linkId}`));
  for (const item of missing) {
    errors.push({
      field: `answers.${item.linkId}`,
      detail: item.screen
        ? 'is required: it is an emergency screening question'
        : item.instrument
          ? `is required: answer every question of ${item.instrument} or none`
          : 'is required',
    });
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
      ...(r.action ? { action: r.action } : {}),
    }))
    .sort((a, b) => SEVERITY[a.disposition] - SEVERITY[b.disposition]);
  const disposition: Disposition = reasons[0]?.disposition ?? 'self-care';
  const complete = missingItems(p, answers).length === 0;
  return { pathway: { id: p.id, version: p.version }, disposition, reasons, scores, complete };
}

/** The main questionnaire's items (not the instruments), answered ones and the rest, in order. */
export function questionnaireItems(p: Pathway): Item[] {
  return p.items.filter((i) => !i.instrument);
}

/** The questions answered so far that still apply, in the order they were asked. */
export function answeredItems(p: Pathway, answers: Answers): Item[] {
  return questionnaireItems(p).filter((i) => answers[i.linkId] !== undefined && isEnabled(i, answers));
}

/** Kept for 1.0.0 callers: the questions that apply given the answers so far, in order. */
export function askedItems(p: Pathway, answers: Answers): Item[] {
  return p.items.filter((i) => isEnabled(i, answers));
}

export type Step =
  | { kind: 'question'; item: Item; index: number; total: number }
  | { kind: 'stop'; ruleId: string; disposition: Disposition }
  | { kind: 'complete' };

/**
 * What comes after the answers so far: a stop rule that fired (an emergency ends the
 * questionnaire at once), the next question still worth asking (openQuestions), or the end.
 * `total` is an estimate: answered so far plus what is still open.
 */
export function nextStep(p: Pathway, answers: Answers): Step {
  const scores = scoreInstruments(p, answers);
  const stop = p.rules
    .filter((r) => r.stop && holds(r.when, answers, scores))
    .sort((a, b) => SEVERITY[a.disposition] - SEVERITY[b.disposition])[0];
  if (stop) return { kind: 'stop', ruleId: stop.id, disposition: stop.disposition };
  const open = openQuestions(p, answers);
  const item = questionnaireItems(p).find(
    (i) => open.has(i.linkId) && answers[i.linkId] === undefined && isEnabled(i, answers),
  );
  if (!item) return { kind: 'complete' };
  const index = answeredItems(p, answers).filter((i) => p.items.indexOf(i) < p.items.indexOf(item)).length;
  return { kind: 'question', item, index, total: answeredItems(p, answers).length + open.size };
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
