import { describe, expect, it } from 'vitest';
import {
  assessAnswers,
  nextStep,
  pruneAnswers,
  scoreInstruments,
  validateAnswers,
  type Answers,
} from './engine.js';
import { configurePathway, loadPathways } from './pathway.js';
import { buildPlan } from './plan.js';

const pathway = loadPathways().get('low-back-pain')!;

/** The emergency screen answered "no" everywhere: the smallest valid set of answers. */
const SCREEN_CLEAR: Answers = {
  'bladder-bowel-change': false,
  'saddle-numbness': false,
  'leg-weakness': 'none',
  'sciatica-both-legs': false,
  'major-trauma': false,
  'collapse-or-pulsation': false,
};

const assess = (extra: Answers) => assessAnswers(pathway, { ...SCREEN_CLEAR, age: 35, ...extra });
const disposition = (extra: Answers) => assess(extra).disposition;
const ruleIds = (extra: Answers) => assess(extra).reasons.map((r) => r.ruleId);

describe('the low back pain pathway definition', () => {
  it('keeps every public item id of the clinical contract', () => {
    const ids = pathway.items.map((i) => i.linkId);
    for (const id of [
      'bladder-bowel-change',
      'saddle-numbness',
      'leg-weakness',
      'sciatica-both-legs',
      'major-trauma',
      'collapse-or-pulsation',
      'fever',
      'infection-risk',
      'cancer-history',
      'leg-numbness',
      'weight-loss',
      'minor-injury',
      'osteoporosis-or-steroids',
      'night-pain',
      'analgesic-over-limit',
      'age',
      'duration-days',
      'improving',
      'first-episode',
      'pain-score',
      'inflammatory-pattern',
      'scoliosis',
      'pregnant',
      'nsaid-caution',
      'peg-pain',
      'peg-enjoyment',
      'peg-activity',
      'sbst-1',
      'sbst-2',
      'sbst-3',
      'sbst-4',
      'sbst-5',
      'sbst-6',
      'sbst-7',
      'sbst-8',
      'sbst-9',
    ]) {
      expect(ids, id).toContain(id);
    }
    const screen = pathway.items.filter((i) => i.screen).map((i) => i.linkId);
    expect(screen).toEqual(ids.slice(0, 6));
    expect(screen.sort()).toEqual([
      'bladder-bowel-change',
      'collapse-or-pulsation',
      'leg-weakness',
      'major-trauma',
      'saddle-numbness',
      'sciatica-both-legs',
    ]);
  });

  it('records the pathway id and version in every result', () => {
    expect(assess({}).pathway).toEqual({ id: 'low-back-pain', version: pathway.version });
  });
});

describe('emergency rules', () => {
  for (const id of [
    'bladder-bowel-change',
    'saddle-numbness',
    'sciatica-both-legs',
    'major-trauma',
    'collapse-or-pulsation',
  ]) {
    it(`${id} = yes is an emergency and stops the questionnaire at once`, () => {
      expect(disposition({ [id]: true })).toBe('emergency');
      const answered = { [id]: true };
      expect(nextStep(pathway, answered)).toMatchObject({ kind: 'stop', disposition: 'emergency' });
    });
  }

  it('leg-weakness severe-or-worsening is an emergency and stops at once; one-leg-stable is urgent', () => {
    expect(disposition({ 'leg-weakness': 'severe-or-worsening' })).toBe('emergency');
    expect(
      nextStep(pathway, {
        'bladder-bowel-change': false,
        'saddle-numbness': false,
        'leg-weakness': 'severe-or-worsening',
      }),
    ).toMatchObject({ kind: 'stop', disposition: 'emergency' });
    expect(disposition({ 'leg-weakness': 'one-leg-stable' })).toBe('urgent');
    expect(disposition({ 'leg-weakness': 'none' })).toBe('self-care');
  });

  it('fever with infection risk is an emergency; fever alone is urgent; infection risk alone is nothing', () => {
    expect(disposition({ fever: true, 'infection-risk': true })).toBe('emergency');
    expect(disposition({ fever: true })).toBe('urgent');
    expect(disposition({ 'infection-risk': true })).toBe('self-care');
  });

  it('cancer history with leg weakness or leg numbness is an emergency; alone it is urgent', () => {
    expect(disposition({ 'cancer-history': true, 'leg-weakness': 'one-leg-stable' })).toBe('emergency');
    expect(disposition({ 'cancer-history': true, 'leg-numbness': true })).toBe('emergency');
    expect(disposition({ 'cancer-history': true })).toBe('urgent');
  });

  it('the emergency outranks everything else and every reason is still listed, most urgent first', () => {
    const r = assess({ 'major-trauma': true, fever: true, 'weight-loss': true });
    expect(r.disposition).toBe('emergency');
    expect(r.reasons.map((x) => x.disposition)).toEqual(['emergency', 'urgent', 'appointment']);
    for (const reason of r.reasons) {
      expect(reason.text.en.length).toBeGreaterThan(20);
      expect(reason.text.es.length).toBeGreaterThan(20);
    }
  });
});

describe('urgent rules', () => {
  it('minor injury with osteoporosis or steroids is urgent (possible fracture)', () => {
    expect(disposition({ 'minor-injury': true, 'osteoporosis-or-steroids': true })).toBe('urgent');
    expect(disposition({ 'minor-injury': true })).toBe('self-care');
    expect(disposition({ 'osteoporosis-or-steroids': true })).toBe('self-care');
  });

  it('minor injury at age 70 is urgent, at 69 it is not (boundary 69/70)', () => {
    expect(ruleIds({ 'minor-injury': true, age: 69 })).not.toContain('possible-fracture');
    expect(ruleIds({ 'minor-injury': true, age: 70 })).toContain('possible-fracture');
    expect(disposition({ 'minor-injury': true, age: 70 })).toBe('urgent');
  });

  it('analgesic over the limit is urgent and shows the Poison Control number', () => {
    const r = assess({ 'analgesic-over-limit': true });
    expect(r.disposition).toBe('urgent');
    const reason = r.reasons.find((x) => x.linkId === 'analgesic-over-limit')!;
    expect(`${reason.text.en} ${reason.notice?.en}`).toContain('1-800-222-1222');
    expect(`${reason.text.es} ${reason.notice?.es}`).toContain('1-800-222-1222');
  });

  it('night pain with weight loss is urgent; with age 50 urgent, at 49 only an appointment (boundary 50/51 of first episode kept apart)', () => {
    expect(disposition({ 'night-pain': true, 'weight-loss': true })).toBe('urgent');
    expect(disposition({ 'night-pain': true, age: 50 })).toBe('urgent');
    expect(disposition({ 'night-pain': true, age: 49 })).toBe('appointment');
  });

  it('under 16 is urgent and ends the questionnaire (boundary 15/16)', () => {
    expect(disposition({ age: 15 })).toBe('urgent');
    expect(disposition({ age: 16 })).toBe('self-care');
    const before = {
      ...SCREEN_CLEAR,
      fever: false,
      'infection-risk': false,
      'cancer-history': false,
      'leg-numbness': false,
    };
    expect(nextStep(pathway, { ...before, age: 15 })).toMatchObject({ kind: 'stop', disposition: 'urgent' });
    expect(nextStep(pathway, { ...before, age: 16 })).toMatchObject({ kind: 'question' });
    const reason = assess({ age: 15 }).reasons.find((r) => r.linkId === 'age')!;
    expect(`${reason.text.en} ${reason.notice?.en}`).toMatch(/16/);
  });

  it('an emergency still wins over under-16', () => {
    expect(disposition({ age: 12, 'saddle-numbness': true })).toBe('emergency');
  });
});

describe('appointment rules', () => {
  for (const id of [
    'weight-loss',
    'night-pain',
    'leg-numbness',
    'inflammatory-pattern',
    'scoliosis',
    'pregnant',
  ]) {
    it(`${id} = yes gives an appointment`, () => {
      expect(disposition({ [id]: true })).toBe('appointment');
      expect(assess({ [id]: true }).reasons[0]!.linkId).toBe(id);
    });
  }

  it('first episode under 20 or over 50 (boundaries 19/20 and 50/51)', () => {
    expect(disposition({ 'first-episode': true, age: 19 })).toBe('appointment');
    expect(disposition({ 'first-episode': true, age: 20 })).toBe('self-care');
    expect(disposition({ 'first-episode': true, age: 50 })).toBe('self-care');
    expect(disposition({ 'first-episode': true, age: 51 })).toBe('appointment');
    expect(disposition({ 'first-episode': false, age: 51 })).toBe('self-care');
  });

  it('the 48-72 hour rule: 3 days or more and the same or worse (boundary days 2/3)', () => {
    expect(disposition({ 'duration-days': 2, improving: 'same' })).toBe('self-care');
    expect(disposition({ 'duration-days': 3, improving: 'same' })).toBe('appointment');
    expect(disposition({ 'duration-days': 3, improving: 'worse' })).toBe('appointment');
    expect(disposition({ 'duration-days': 3, improving: 'better' })).toBe('self-care');
  });

  it('more than four weeks unless getting better (boundary days 28/29)', () => {
    expect(disposition({ 'duration-days': 28 })).toBe('self-care');
    expect(disposition({ 'duration-days': 29 })).toBe('appointment');
    expect(disposition({ 'duration-days': 29, improving: 'better' })).toBe('self-care');
  });

  it('pain 8 or more unless getting better (boundary 7/8)', () => {
    expect(disposition({ 'pain-score': 7, 'duration-days': 1, improving: 'same' })).toBe('self-care');
    expect(disposition({ 'pain-score': 8, 'duration-days': 1, improving: 'same' })).toBe('appointment');
    expect(disposition({ 'pain-score': 8, 'duration-days': 1, improving: 'better' })).toBe('self-care');
  });

  it('STarT Back high risk gives an appointment; medium does not', () => {
    const high = { 'sbst-5': true, 'sbst-6': true, 'sbst-7': true, 'sbst-8': true };
    expect(disposition(high)).toBe('appointment');
    expect(assess(high).reasons[0]!.linkId).toBe('start-back');
    expect(disposition({ 'sbst-1': true, 'sbst-2': true, 'sbst-3': true, 'sbst-5': true })).toBe('self-care');
  });

  it('nothing triggering is self-care', () => {
    expect(assess({ 'duration-days': 1, improving: 'better', 'pain-score': 5 })).toMatchObject({
      disposition: 'self-care',
      reasons: [],
    });
  });
});

describe('instrument scoring', () => {
  it('PEG is the mean of its three items', () => {
    expect(
      scoreInstruments(pathway, { 'peg-pain': 6, 'peg-enjoyment': 4, 'peg-activity': 5 }).peg?.score,
    ).toBe(5);
    expect(
      scoreInstruments(pathway, { 'peg-pain': 7, 'peg-enjoyment': 7, 'peg-activity': 8 }).peg?.score,
    ).toBe(7.3);
    expect(scoreInstruments(pathway, { 'peg-pain': 7 }).peg).toBeUndefined();
  });

  const sbst = (agree: number[], bother: string) =>
    Object.fromEntries([
      ...Array.from({ length: 8 }, (_, i) => [`sbst-${i + 1}`, agree.includes(i + 1)]),
      ['sbst-9', bother],
    ]);

  it('STarT Back: total 0-9, subscale = items 5-9, risk low/medium/high', () => {
    expect(scoreInstruments(pathway, sbst([], 'not-at-all')).startBack).toEqual({
      total: 0,
      psychosocial: 0,
      risk: 'low',
      answered: 9,
    });
    expect(scoreInstruments(pathway, sbst([1, 2, 3], 'moderately')).startBack).toMatchObject({
      total: 3,
      risk: 'low',
    });
    expect(scoreInstruments(pathway, sbst([1, 2, 3], 'very-much')).startBack).toMatchObject({
      total: 4,
      psychosocial: 1,
      risk: 'medium',
    });
    expect(scoreInstruments(pathway, sbst([1, 5, 6], 'extremely')).startBack).toMatchObject({
      total: 4,
      psychosocial: 3,
      risk: 'medium',
    });
    expect(scoreInstruments(pathway, sbst([5, 6, 7], 'extremely')).startBack).toMatchObject({
      total: 4,
      psychosocial: 4,
      risk: 'high',
    });
    expect(scoreInstruments(pathway, sbst([1, 2, 3, 4, 5, 6, 7, 8], 'extremely')).startBack).toMatchObject({
      total: 9,
      psychosocial: 5,
      risk: 'high',
    });
  });

  it('item 9 scores only for "very much" and "extremely"', () => {
    for (const [answer, points] of [
      ['not-at-all', 0],
      ['slightly', 0],
      ['moderately', 0],
      ['very-much', 1],
      ['extremely', 1],
    ] as const) {
      expect(scoreInstruments(pathway, { 'sbst-9': answer }).startBack?.total, answer).toBe(points);
    }
  });
});

describe('validation', () => {
  it('accepts the emergency screen alone', () => {
    expect(validateAnswers(pathway, SCREEN_CLEAR)).toEqual([]);
  });

  it('names an unknown item, a wrong type, a value out of range and a missing screen item', () => {
    const { 'major-trauma': _omit, ...withoutTrauma } = SCREEN_CLEAR;
    const errors = validateAnswers(pathway, {
      ...withoutTrauma,
      'favourite-colour': 'blue',
      fever: 'yes',
      age: 121,
      'pain-score': 3.5,
      'leg-weakness': 'a-little',
    });
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.detail]));
    expect(Object.keys(byField).sort()).toEqual([
      'answers.age',
      'answers.favourite-colour',
      'answers.fever',
      'answers.leg-weakness',
      'answers.major-trauma',
      'answers.pain-score',
    ]);
    expect(byField['answers.age']).toContain('between 0 and 120');
    expect(byField['answers.major-trauma']).toContain('required');
  });

  it('checks the edges of every integer range', () => {
    for (const [id, min, max] of [
      ['age', 0, 120],
      ['duration-days', 0, 3650],
      ['pain-score', 0, 10],
    ] as const) {
      expect(validateAnswers(pathway, { ...SCREEN_CLEAR, [id]: min })).toEqual([]);
      expect(validateAnswers(pathway, { ...SCREEN_CLEAR, [id]: max })).toEqual([]);
      expect(validateAnswers(pathway, { ...SCREEN_CLEAR, [id]: min - 1 })).toHaveLength(1);
      expect(validateAnswers(pathway, { ...SCREEN_CLEAR, [id]: max + 1 })).toHaveLength(1);
    }
  });
});

describe('the question flow', () => {
  it('asks the emergency screen first, one question at a time', () => {
    const first = nextStep(pathway, {});
    expect(first).toMatchObject({ kind: 'question', index: 0 });
    expect(first.kind === 'question' && first.item.linkId).toBe('bladder-bowel-change');
    const seventh = nextStep(pathway, SCREEN_CLEAR);
    expect(seventh.kind === 'question' && seventh.item.screen).toBeFalsy();
  });

  it('asks about pregnancy only between 12 and 60, and drops the answer if age changes', () => {
    const asked = (age: number) => {
      let answers: Answers = { ...SCREEN_CLEAR, age };
      const seen: string[] = [];
      for (;;) {
        const step = nextStep(pathway, answers);
        if (step.kind !== 'question') break;
        seen.push(step.item.linkId);
        answers = {
          ...answers,
          [step.item.linkId]:
            step.item.type === 'boolean'
              ? false
              : step.item.type === 'integer'
                ? step.item.min!
                : step.item.options![0]!.code,
        };
      }
      return seen;
    };
    expect(asked(30)).toContain('pregnant');
    expect(asked(70)).not.toContain('pregnant');
    expect(pruneAnswers(pathway, { ...SCREEN_CLEAR, age: 70, pregnant: true })).not.toHaveProperty(
      'pregnant',
    );
  });

  it('reaches the end when every asked question is answered', () => {
    let answers: Answers = {};
    for (let guard = 0; guard < 100; guard++) {
      const step = nextStep(pathway, answers);
      if (step.kind !== 'question') {
        expect(step.kind).toBe('complete');
        expect(assessAnswers(pathway, answers).complete).toBe(true);
        return;
      }
      const i = step.item;
      answers = {
        ...answers,
        [i.linkId]:
          i.type === 'boolean'
            ? false
            : i.type === 'integer'
              ? 30 > i.max!
                ? i.min!
                : 30
              : i.options![0]!.code,
      };
    }
    throw new Error('the questionnaire never ended');
  });
});

describe('STarT Back switched off', () => {
  const off = configurePathway(pathway, { startBack: false });
  it('removes its items and its rule, and the pathway still works', () => {
    expect(off.items.some((i) => i.instrument === 'start-back')).toBe(false);
    expect(validateAnswers(off, { ...SCREEN_CLEAR, 'sbst-1': true })[0]?.field).toBe('answers.sbst-1');
    expect(assessAnswers(off, { ...SCREEN_CLEAR, 'weight-loss': true }).disposition).toBe('appointment');
    expect(assessAnswers(off, SCREEN_CLEAR).scores.startBack).toBeUndefined();
  });
});

describe('the self-care plan', () => {
  const ids = (answers: Answers) =>
    buildPlan(pathway, { ...SCREEN_CLEAR, ...answers }, 'en').map((s) => s.id);
  it('advises an NSAID first unless nsaid-caution or pregnant, then says to ask first', () => {
    expect(ids({})).toContain('pain-relief-nsaid');
    expect(ids({})).not.toContain('pain-relief-ask-first');
    for (const flag of ['nsaid-caution', 'pregnant']) {
      expect(ids({ [flag]: true })).not.toContain('pain-relief-nsaid');
      expect(ids({ [flag]: true })).toContain('pain-relief-ask-first');
    }
  });
  it('always includes staying active, heat or cold, the warning signs and the check-in, in Spanish too', () => {
    const es = buildPlan(pathway, SCREEN_CLEAR, 'es');
    for (const id of ['stay-active', 'heat-or-cold', 'warning-signs', 'check-in'])
      expect(es.map((s) => s.id)).toContain(id);
    expect(es.find((s) => s.id === 'warning-signs')!.paragraphs.join(' ')).toContain('911');
  });
});
