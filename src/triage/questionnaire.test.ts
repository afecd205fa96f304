/**
 * The 1.1.0 questionnaire: the shorter path (it ends as soon as nothing left can change what the
 * person is told), completeness (missing items are a 422, not "no"), the plan and check-in timing.
 */
import { describe, expect, it } from 'vitest';
import { SCREEN_CLEAR, SELF_CARE } from '../../test/support/answers.js';
import { checkInDueAt, type Triage } from './assessment-service.js';
import {
  assessAnswers,
  missingItems,
  nextStep,
  openQuestions,
  validateAnswers,
  type Answers,
} from './engine.js';
import { configurePathway, loadPathways } from './pathway.js';
import { buildPlan } from './plan.js';

const catalog = loadPathways();
const pathway = catalog.latest('low-back-pain')!;
const before = catalog.version('low-back-pain', '1.0.0')!;

/** Answers the web questionnaire as a person would: the given answers, the calm one otherwise. */
function walk(given: Answers, p = pathway): { asked: string[]; answers: Answers; end: string } {
  let answers: Answers = {};
  const asked: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const step = nextStep(p, answers);
    if (step.kind !== 'question') return { asked, answers, end: step.kind };
    const id = step.item.linkId;
    asked.push(id);
    answers = { ...answers, [id]: id in given ? given[id]! : ((SELF_CARE as Answers)[id] ?? false) };
  }
  throw new Error('the questionnaire never ended');
}

describe('the shorter path', () => {
  it('a calm path asks every question that could change the result or the plan, and nothing else', () => {
    const calm = walk({});
    expect(calm.end).toBe('complete');
    expect(assessAnswers(pathway, calm.answers).disposition).toBe('self-care');
    // Getting better: the "not improving" and pain rules are settled without the pain score.
    expect(calm.asked).not.toContain('pain-score');
    expect(calm.asked).toContain('nsaid-caution');
    expect(calm.asked).toContain('liver-or-alcohol');
    expect(calm.asked).toContain('duration-days');
    expect(calm.asked.length).toBeLessThanOrEqual(26);
  });

  it('an urgent answer ends it once nothing left could make it an emergency or change what to do first', () => {
    const urgent = walk({ fever: true, 'infection-risk': false, 'cancer-history': false });
    expect(urgent.end).toBe('complete');
    expect(assessAnswers(pathway, urgent.answers).disposition).toBe('urgent');
    // Poison Control and the obstetric route change what the page says first: still asked.
    expect(urgent.asked).toContain('analgesic-over-limit');
    expect(urgent.asked).toContain('pregnant');
    for (const id of ['weight-loss', 'duration-days', 'pain-score', 'nsaid-caution', 'scoliosis'])
      expect(urgent.asked, id).not.toContain(id);
    expect(urgent.asked.length).toBeLessThanOrEqual(13);
  });

  it('with fever, infection risk is still asked (together they are an emergency)', () => {
    expect(openQuestions(pathway, { ...SCREEN_CLEAR, fever: true }).has('infection-risk')).toBe(true);
  });

  it('an emergency screen answer stops at once', () => {
    const emergency = walk({ 'bladder-bowel-change': true });
    expect(emergency).toMatchObject({ end: 'stop', asked: ['bladder-bowel-change'] });
    expect(walk({ 'chest-pain': true }).asked).toHaveLength(4);
  });

  it('asks about pregnancy warning signs only of someone pregnant, and pregnancy only at 12-60', () => {
    expect(walk({ age: 30, pregnant: true }).asked).toContain('pregnancy-warning');
    expect(walk({ age: 30, pregnant: false }).asked).not.toContain('pregnancy-warning');
    expect(walk({ age: 70 }).asked).not.toContain('pregnant');
  });

  it('asks the NSAID questions of an appointment too (the plan is shown beside it)', () => {
    const appointment = walk({ 'leg-numbness': true });
    expect(assessAnswers(pathway, appointment.answers).disposition).toBe('appointment');
    expect(appointment.asked).toContain('nsaid-caution');
    expect(appointment.asked).not.toContain('scoliosis');
  });

  it('never asks the instruments in the questionnaire (they come after the result)', () => {
    expect(walk({}).asked.some((id) => id.startsWith('peg-') || id.startsWith('sbst-'))).toBe(false);
  });

  it('is shorter than 1.0.0 on every path', () => {
    const all = (p: typeof pathway) => p.items.filter((i) => !i.instrument).length;
    expect(walk({}).asked.length).toBeLessThan(before.items.length);
    expect(all(pathway)).toBe(29);
  });
});

describe('completeness', () => {
  it('an API result needs every item: each missing one is named', () => {
    const { fever: _f, 'cancer-history': _c, ...rest } = SELF_CARE;
    const errors = validateAnswers(pathway, rest);
    expect(errors.map((e) => e.field).sort()).toEqual(['answers.cancer-history', 'answers.fever']);
    expect(errors[0]!.detail).toBe('is required');
  });

  it('the screen alone is not enough any more (1.0.0 counted the rest as "no")', () => {
    expect(validateAnswers(pathway, SCREEN_CLEAR).length).toBeGreaterThan(10);
  });

  it('conditional items are required only when their condition holds', () => {
    const { pregnant: _p, ...noPregnancy } = SELF_CARE;
    expect(validateAnswers(pathway, { ...noPregnancy, age: 70 })).toEqual([]);
    expect(validateAnswers(pathway, { ...noPregnancy, age: 30 }).map((e) => e.field)).toEqual([
      'answers.pregnant',
    ]);
    expect(validateAnswers(pathway, { ...SELF_CARE, pregnant: true }).map((e) => e.field)).toEqual([
      'answers.pregnancy-warning',
    ]);
  });

  it('an answer given is always used, even where its condition does not hold', () => {
    expect(assessAnswers(pathway, { ...SELF_CARE, age: 70, pregnant: true }).disposition).toBe('appointment');
  });

  it('an emergency answer ends the questionnaire, so the rest may be missing', () => {
    expect(validateAnswers(pathway, { 'chest-pain': true })).toEqual([]);
  });

  it('the web questionnaire may end early once the result is settled; another system may not', () => {
    const urgent = walk({ fever: true }).answers;
    expect(validateAnswers(pathway, urgent, { allowSettled: true })).toEqual([]);
    expect(validateAnswers(pathway, urgent).length).toBeGreaterThan(0);
    expect(assessAnswers(pathway, urgent).complete).toBe(false);
  });

  it('an instrument is all or nothing', () => {
    expect(validateAnswers(pathway, { ...SELF_CARE, 'peg-pain': 5 }).map((e) => e.field)).toEqual([
      'answers.peg-enjoyment',
      'answers.peg-activity',
    ]);
    expect(missingItems(pathway, SELF_CARE)).toEqual([]);
  });

  it('names an unknown item, a wrong type and a value out of range', () => {
    const errors = validateAnswers(pathway, {
      ...SELF_CARE,
      'favourite-colour': 'blue',
      fever: 'yes',
      age: 121,
    });
    expect(errors.map((e) => e.field).sort()).toEqual([
      'answers.age',
      'answers.favourite-colour',
      'answers.fever',
    ]);
  });

  it('STarT Back switched off: its items are unknown and the pathway still works', () => {
    const off = configurePathway(pathway, { startBack: false });
    expect(validateAnswers(off, { ...SELF_CARE, 'sbst-1': true })[0]?.field).toBe('answers.sbst-1');
    expect(assessAnswers(off, { ...SELF_CARE, 'weight-loss': true }).disposition).toBe('appointment');
  });
});

describe('the self-care plan', () => {
  const ids = (answers: Answers, d: 'self-care' | 'appointment' = 'self-care') =>
    buildPlan(pathway, { ...SELF_CARE, ...answers }, 'en', d).map((s) => s.id);

  it('offers an NSAID only without cautions, pregnancy, steroids or age 60+ (boundary 59/60)', () => {
    expect(ids({ age: 59 })).toContain('pain-relief-nsaid');
    for (const extra of [
      { 'nsaid-caution': true },
      { pregnant: true },
      { 'osteoporosis-or-steroids': true },
      { age: 60 },
    ] as Answers[]) {
      expect(ids(extra), JSON.stringify(extra)).not.toContain('pain-relief-nsaid');
      expect(ids(extra), JSON.stringify(extra)).toContain('pain-relief-ask-first');
    }
  });

  it('says "ask first" about acetaminophen with liver disease, alcohol or warfarin', () => {
    expect(ids({})).toContain('acetaminophen');
    expect(ids({ 'liver-or-alcohol': true })).toContain('acetaminophen-ask-first');
    expect(ids({ 'liver-or-alcohol': true })).not.toContain('acetaminophen');
  });

  it('promises the check-in to self-care only; an appointment says what to do if no visit comes soon', () => {
    expect(ids({})).toContain('check-in');
    expect(ids({}, 'appointment')).not.toContain('check-in');
    expect(ids({}, 'appointment')).toContain('if-no-visit-soon');
  });

  it('has heat safety, sleep, activity, work and the 911 signs with chest pain, in Spanish too', () => {
    const en = buildPlan(pathway, SELF_CARE, 'en', 'self-care');
    const es = buildPlan(pathway, SELF_CARE, 'es', 'self-care');
    for (const id of ['stay-active', 'heat-or-cold', 'sleep', 'return-to-activity', 'work', 'warning-signs'])
      expect(es.map((s) => s.id)).toContain(id);
    expect(en.find((s) => s.id === 'heat-or-cold')!.paragraphs.join(' ')).toMatch(/asleep/);
    expect(en.find((s) => s.id === 'warning-signs')!.paragraphs.join(' ')).toMatch(/chest/i);
    expect(es.find((s) => s.id === 'warning-signs')!.paragraphs.join(' ')).toMatch(/pecho/i);
  });
});

describe('the check-in time', () => {
  const t = { settings: { checkInDelayHours: 48 } } as Triage;
  const now = new Date('2026-12-01T12:00:00Z');
  const hoursUntil = (days: number, p = pathway) =>
    (checkInDueAt(t, p, { 'duration-days': days }, now).getTime() - now.getTime()) / 3_600_000;

  it('is when the episode reaches 72 hours, and at least 24 hours from now', () => {
    expect(hoursUntil(0)).toBe(72);
    expect(hoursUntil(1)).toBe(48);
    expect(hoursUntil(2)).toBe(24);
    expect(hoursUntil(3)).toBe(24);
    expect(hoursUntil(40)).toBe(24);
  });

  it('keeps the configured delay for 1.0.0', () => {
    expect(hoursUntil(2, before)).toBe(48);
  });
});
