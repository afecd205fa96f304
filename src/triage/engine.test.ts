/**
 * The low back pain pathway 1.1.0 through the engine: one test per rule of the clinical contract
 * (../shared/product/low-back-pain-pathway.md), with the boundaries, and the reasons in both
 * languages. The questionnaire flow and completeness are in questionnaire.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SCREEN_CLEAR, SELF_CARE } from '../../test/support/answers.js';
import { assessAnswers, scoreInstruments, type Answers } from './engine.js';
import { loadPathways } from './pathway.js';

const catalog = loadPathways();
const pathway = catalog.latest('low-back-pain')!;

const assess = (extra: Answers) => assessAnswers(pathway, { ...SELF_CARE, ...extra });
const disposition = (extra: Answers) => assess(extra).disposition;
const ruleIds = (extra: Answers) => assess(extra).reasons.map((r) => r.ruleId);
const reasonFor = (extra: Answers, ruleId: string) => assess(extra).reasons.find((r) => r.ruleId === ruleId)!;

/** Every reason is a plain sentence in English and Spanish. */
function expectPlainReason(extra: Answers, ruleId: string) {
  const r = reasonFor(extra, ruleId);
  expect(r, ruleId).toBeDefined();
  expect(r.text.en.length).toBeGreaterThan(30);
  expect(r.text.es.length).toBeGreaterThan(30);
  expect(r.text.es).not.toBe(r.text.en);
  return r;
}

describe('the low back pain pathway definition', () => {
  it('installs 1.1.0 as the version new self-checks use, and keeps 1.0.0 for old results', () => {
    expect(pathway.version).toBe('1.1.0');
    expect(catalog.version('low-back-pain', '1.0.0')?.version).toBe('1.0.0');
    expect(catalog.all().map((p) => p.version)).toEqual(['1.1.0', '1.0.0']);
  });

  it('keeps every public item id of the contract and adds the 1.1.0 items', () => {
    const ids = pathway.items.map((i) => i.linkId);
    for (const id of [
      ...Object.keys(SELF_CARE),
      'pregnancy-warning',
      'peg-pain',
      'peg-enjoyment',
      'peg-activity',
      ...Array.from({ length: 9 }, (_, i) => `sbst-${i + 1}`),
    ])
      expect(ids, id).toContain(id);
    const screen = pathway.items.filter((i) => i.screen).map((i) => i.linkId);
    expect(screen).toEqual(ids.slice(0, 7));
    expect([...screen].sort()).toEqual(Object.keys(SCREEN_CLEAR).sort());
  });

  it('records the pathway id and version in every result', () => {
    expect(assess({}).pathway).toEqual({ id: 'low-back-pain', version: '1.1.0' });
  });

  it('keeps the cauda equina hint and asks pregnancy-warning only when pregnant', () => {
    for (const id of ['bladder-bowel-change', 'saddle-numbness']) {
      const item = pathway.items.find((i) => i.linkId === id)!;
      expect(item.hint!.en).toContain('If you are not sure, answer Yes.');
      expect(item.hint!.es).toMatch(/responda que sí/i);
    }
    expect(pathway.items.find((i) => i.linkId === 'pregnancy-warning')!.enableWhen).toEqual({
      item: 'pregnant',
      op: 'eq',
      value: true,
    });
  });
});

describe('emergency rules', () => {
  for (const id of [
    'bladder-bowel-change',
    'saddle-numbness',
    'chest-pain',
    'sciatica-both-legs',
    'major-trauma',
    'collapse-or-pulsation',
  ]) {
    it(`${id} = yes is an emergency`, () => {
      expect(disposition({ [id]: true })).toBe('emergency');
      expect(assess({ [id]: true }).reasons[0]!.linkId).toBe(id);
    });
  }

  it('chest pain (new in 1.1.0) is an emergency with a reason in both languages', () => {
    expectPlainReason({ 'chest-pain': true }, 'chest-pain');
  });

  it('leg weakness: severe-or-worsening is an emergency, one-leg-stable urgent, none nothing', () => {
    expect(disposition({ 'leg-weakness': 'severe-or-worsening' })).toBe('emergency');
    expect(disposition({ 'leg-weakness': 'one-leg-stable' })).toBe('urgent');
    expect(disposition({ 'leg-weakness': 'none' })).toBe('self-care');
  });

  it('fever with infection risk is an emergency', () => {
    expect(disposition({ fever: true, 'infection-risk': true })).toBe('emergency');
    expect(ruleIds({ fever: true, 'infection-risk': true })[0]).toBe('spinal-infection');
  });

  it('cancer history with leg weakness or one-leg numbness is an emergency; alone it is urgent', () => {
    expect(disposition({ 'cancer-history': true, 'leg-weakness': 'one-leg-stable' })).toBe('emergency');
    expect(disposition({ 'cancer-history': true, 'leg-numbness': true })).toBe('emergency');
    expect(disposition({ 'cancer-history': true })).toBe('urgent');
  });

  it('every emergency rule stops the questionnaire, and no other rule does', () => {
    for (const r of pathway.rules) expect(Boolean(r.stop), r.id).toBe(r.disposition === 'emergency');
  });

  it('the emergency outranks everything else and every reason is still listed, most urgent first', () => {
    const r = assess({ 'major-trauma': true, fever: true, 'weight-loss': true });
    expect(r.disposition).toBe('emergency');
    expect(r.reasons.map((x) => x.disposition)).toEqual(['emergency', 'urgent', 'appointment']);
  });
});

describe('urgent rules', () => {
  it('fever without infection risk is urgent, and the reason says medicine can hide a fever', () => {
    expect(disposition({ fever: true })).toBe('urgent');
    expectPlainReason({ fever: true }, 'fever');
  });

  it('infection risk alone is urgent (1.1.0: about half of spine infections have no fever)', () => {
    expect(disposition({ 'infection-risk': true })).toBe('urgent');
    expectPlainReason({ 'infection-risk': true }, 'infection-risk');
  });

  it('upper back pain and a new lump or change in shape are each urgent', () => {
    expect(disposition({ 'upper-back-pain': true })).toBe('urgent');
    expectPlainReason({ 'upper-back-pain': true }, 'upper-back-pain');
    expect(disposition({ 'back-lump': true })).toBe('urgent');
    expectPlainReason({ 'back-lump': true }, 'back-lump');
  });

  it('a pregnancy warning sign is urgent with the obstetric action; pregnancy alone is an appointment', () => {
    expect(disposition({ pregnant: true, 'pregnancy-warning': true })).toBe('urgent');
    const r = expectPlainReason({ pregnant: true, 'pregnancy-warning': true }, 'pregnancy-warning');
    expect(r.action).toBe('obstetric');
    expect(r.notice!.en).toMatch(/obstetrician or midwife, or the labor and delivery unit, now/);
    expect(r.notice!.es).toMatch(/obstetra/);
    expect(disposition({ pregnant: true, 'pregnancy-warning': false })).toBe('appointment');
  });

  it('osteoporosis or steroids at 70 or over is urgent even without an injury (boundary 69/70)', () => {
    expect(disposition({ 'osteoporosis-or-steroids': true, age: 70 })).toBe('urgent');
    expectPlainReason({ 'osteoporosis-or-steroids': true, age: 70 }, 'osteoporosis-steroids-age-70');
    expect(disposition({ 'osteoporosis-or-steroids': true, age: 69 })).toBe('appointment');
  });

  it('a minor injury with osteoporosis or steroids, or at 70 or over, is urgent', () => {
    expect(ruleIds({ 'minor-injury': true, 'osteoporosis-or-steroids': true })).toContain(
      'possible-fracture',
    );
    expect(disposition({ 'minor-injury': true, age: 69 })).toBe('self-care');
    expect(disposition({ 'minor-injury': true, age: 70 })).toBe('urgent');
  });

  it('too much pain medicine is urgent, with the Poison Control action and number', () => {
    const r = expectPlainReason({ 'analgesic-over-limit': true }, 'analgesic-over-limit');
    expect(r.disposition).toBe('urgent');
    expect(r.action).toBe('poison-control');
    expect(`${r.text.en} ${r.notice?.en}`).toContain('1-800-222-1222');
    expect(`${r.text.es} ${r.notice?.es}`).toContain('1-800-222-1222');
  });

  it('night pain with weight loss or at 50 or over is urgent (boundary 49/50)', () => {
    expect(disposition({ 'night-pain': true, 'weight-loss': true })).toBe('urgent');
    expect(disposition({ 'night-pain': true, age: 50 })).toBe('urgent');
    expect(disposition({ 'night-pain': true, age: 49 })).toBe('appointment');
  });

  it('under 16 is urgent (boundary 15/16), and an emergency still wins over it', () => {
    expect(disposition({ age: 15, pregnant: false })).toBe('urgent');
    expect(disposition({ age: 16 })).toBe('self-care');
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
    'osteoporosis-or-steroids',
  ]) {
    it(`${id} = yes gives an appointment with its reason`, () => {
      expect(disposition({ [id]: true })).toBe('appointment');
      expect(assess({ [id]: true }).reasons[0]!.linkId).toBe(id);
    });
  }

  it('first episode under 20 or over 50 (boundaries 19/20 and 50/51)', () => {
    expect(disposition({ 'first-episode': true, age: 19 })).toBe('appointment');
    expect(disposition({ 'first-episode': true, age: 20 })).toBe('self-care');
    expect(disposition({ 'first-episode': true, age: 50 })).toBe('self-care');
    expect(disposition({ 'first-episode': true, age: 51 })).toBe('appointment');
  });

  it('the 48-72 hour rule: 2 days or more and the same or worse (1.1.0 boundary 1/2)', () => {
    expect(disposition({ 'duration-days': 1, improving: 'same' })).toBe('self-care');
    expect(disposition({ 'duration-days': 2, improving: 'same' })).toBe('appointment');
    expect(disposition({ 'duration-days': 2, improving: 'worse' })).toBe('appointment');
    expect(disposition({ 'duration-days': 2, improving: 'better' })).toBe('self-care');
    expectPlainReason({ 'duration-days': 2, improving: 'same' }, 'not-improving-48-72h');
  });

  it('getting worse with pain 7 or more, at any duration (boundary 6/7)', () => {
    expect(disposition({ 'duration-days': 0, improving: 'worse', 'pain-score': 7 })).toBe('appointment');
    expect(disposition({ 'duration-days': 0, improving: 'worse', 'pain-score': 6 })).toBe('self-care');
    expect(disposition({ 'duration-days': 0, improving: 'same', 'pain-score': 7 })).toBe('self-care');
    expectPlainReason({ 'duration-days': 0, improving: 'worse', 'pain-score': 7 }, 'worse-with-severe-pain');
  });

  it('more than four weeks unless getting better (boundary days 28/29)', () => {
    expect(disposition({ 'duration-days': 28, improving: 'better' })).toBe('self-care');
    expect(ruleIds({ 'duration-days': 29, improving: 'same' })).toContain('longer-than-4-weeks');
    expect(disposition({ 'duration-days': 29, improving: 'better' })).toBe('self-care');
  });

  it('pain 8 or more unless getting better (boundary 7/8)', () => {
    expect(disposition({ 'pain-score': 7, 'duration-days': 0, improving: 'same' })).toBe('self-care');
    expect(disposition({ 'pain-score': 8, 'duration-days': 0, improving: 'same' })).toBe('appointment');
    expect(disposition({ 'pain-score': 8, 'duration-days': 0, improving: 'better' })).toBe('self-care');
  });

  const sbst = (agree: number[], bother: string) =>
    Object.fromEntries([
      ...Array.from({ length: 8 }, (_, i) => [`sbst-${i + 1}`, agree.includes(i + 1)]),
      ['sbst-9', bother],
    ]);

  it('STarT Back medium (1.1.0) and high risk each give an appointment, with a plain reason; low does not', () => {
    const medium = sbst([1, 2, 3], 'very-much');
    expect(scoreInstruments(pathway, medium).startBack?.risk).toBe('medium');
    expect(disposition(medium)).toBe('appointment');
    const r = expectPlainReason(medium, 'start-back-medium-risk');
    expect(r.text.en).toMatch(/physical therap/i);
    expect(r.text.en).not.toMatch(/risk/i);
    const high = sbst([5, 6, 7], 'extremely');
    expect(disposition(high)).toBe('appointment');
    expect(reasonFor(high, 'start-back-high-risk').text.en).not.toMatch(/high risk/i);
    expect(disposition(sbst([1, 2], 'not-at-all'))).toBe('self-care');
  });

  it('nothing triggering is self-care with no reasons', () => {
    expect(assess({})).toMatchObject({ disposition: 'self-care', reasons: [], complete: true });
  });
});

describe('instrument scoring', () => {
  it('PEG is the mean of its three items, to one decimal', () => {
    expect(
      scoreInstruments(pathway, { 'peg-pain': 6, 'peg-enjoyment': 4, 'peg-activity': 5 }).peg?.score,
    ).toBe(5);
    expect(
      scoreInstruments(pathway, { 'peg-pain': 7, 'peg-enjoyment': 7, 'peg-activity': 8 }).peg?.score,
    ).toBe(7.3);
    expect(scoreInstruments(pathway, { 'peg-pain': 7 }).peg).toBeUndefined();
  });

  it('STarT Back item 9 scores only for "very much" and "extremely"', () => {
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

  it('is not asked in Spanish: no validated Spanish text was found (see docs)', () => {
    expect(pathway.instruments.find((i) => i.id === 'start-back')!.languages).toEqual(['en']);
  });
});

describe('version 1.0.0 results', () => {
  const old = catalog.version('low-back-pain', '1.0.0')!;
  it('are still evaluated with their own rules (48-72 hours from 3 days; infection risk alone is nothing)', () => {
    const base = { ...SCREEN_CLEAR, age: 35 } as Answers;
    delete base['chest-pain'];
    expect(assessAnswers(old, { ...base, 'duration-days': 2, improving: 'same' }).disposition).toBe(
      'self-care',
    );
    expect(assessAnswers(old, { ...base, 'duration-days': 3, improving: 'same' }).disposition).toBe(
      'appointment',
    );
    expect(assessAnswers(old, { ...base, 'infection-risk': true }).disposition).toBe('self-care');
  });
});
