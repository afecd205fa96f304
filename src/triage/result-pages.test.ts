/**
 * The 1.1.0 result pages through HTTP, with a clock the test controls: every emergency rule in
 * both languages, what comes first (Poison Control, the obstetric service), after-hours advice,
 * the mis-tap change, the Back button after a result, check-in timing and the optional questions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../../test/support/form-client.js';
import { selfCheckResult, walkSelfCheck } from '../../test/support/self-check-walk.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
/** Phoenix has no daylight saving time: local = UTC-7 all year. */
const phoenix = (iso: string) => new Date(`${iso}-07:00`);
let clock = phoenix('2026-12-01T10:00'); // a Tuesday morning: every clinic open
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => {
  await t.close();
});

const page = async (client: FormClient, path: string) => (await client.get(path)).text();
const h1 = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

const EMERGENCIES: [string, Record<string, string>][] = [
  ['bladder-bowel-change', { 'bladder-bowel-change': 'yes' }],
  ['saddle-numbness', { 'saddle-numbness': 'yes' }],
  ['leg-weakness severe', { 'leg-weakness': 'severe-or-worsening' }],
  ['chest-pain', { 'chest-pain': 'yes' }],
  ['sciatica-both-legs', { 'sciatica-both-legs': 'yes' }],
  ['major-trauma', { 'major-trauma': 'yes' }],
  ['collapse-or-pulsation', { 'collapse-or-pulsation': 'yes' }],
  ['fever with infection risk', { fever: 'yes', 'infection-risk': 'yes' }],
  ['cancer with one-leg numbness', { 'cancer-history': 'yes', 'leg-numbness': 'yes' }],
  ['cancer with one-leg weakness', { 'leg-weakness': 'one-leg-stable', 'cancer-history': 'yes' }],
];

describe('every emergency rule, through the pages, in both languages', () => {
  for (const [name, answers] of EMERGENCIES) {
    for (const [prefix, heading] of [
      ['', 'Call 911 now'],
      ['/es', 'Llame al 911 ahora'],
    ] as const) {
      it(`${name} (${prefix || '/'}) ends at "call 911" with no booking, plan or check-in`, async () => {
        const client = new FormClient(t);
        const result = await walkSelfCheck(client, prefix, answers);
        expect(result).toMatch(/\/self-check\/r\/[A-Za-z0-9_-]{43}$/);
        const html = await page(client, result);
        expect(h1(html)).toBe(heading);
        expect(title(html)).toContain(heading);
        expect(html).toContain('href="tel:911"');
        expect(html).not.toContain(`${result}/book`);
        expect(html).not.toContain(`${result}/check-in`);
        expect(html).not.toContain(`${result}/plan`);
      });
    }
  }
});

describe('what the result says first', () => {
  it('too much medicine: "Call Poison Control now" comes before anything else, in both languages', async () => {
    for (const prefix of ['', '/es']) {
      const client = new FormClient(t);
      const result = await selfCheckResult(client, prefix, { 'analgesic-over-limit': 'yes' });
      const html = await page(client, result);
      const poison = html.indexOf('1-800-222-1222');
      expect(poison).toBeGreaterThan(0);
      expect(poison).toBeLessThan(html.indexOf('result-panel'));
      expect(poison).toBeLessThan(html.indexOf('phone-list'));
      expect(html).toContain('href="tel:18002221222"');
    }
  });

  it('a pregnancy warning sign: call the obstetrician or midwife, or labor and delivery, now', async () => {
    const client = new FormClient(t);
    const result = await selfCheckResult(client, '', { pregnant: 'yes', 'pregnancy-warning': 'yes' });
    const html = await page(client, result);
    expect(h1(html)).toBe('See a doctor today');
    const obstetric = html.indexOf('Call your obstetrician or midwife, or the labor and delivery unit, now.');
    expect(obstetric).toBeGreaterThan(0);
    expect(obstetric).toBeLessThan(html.indexOf('result-panel'));
    const es = new FormClient(t);
    const esHtml = await page(
      es,
      await selfCheckResult(es, '/es', { pregnant: 'yes', 'pregnancy-warning': 'yes' }),
    );
    expect(esHtml).toContain('obstetra o partera');
  });

  it('no absolute reassurance and no raw scores; an appointment promises no check-in', async () => {
    const client = new FormClient(t);
    const result = await selfCheckResult(client, '', { 'leg-numbness': 'yes' });
    const html = await page(client, result);
    expect(h1(html)).toBe('Book a visit in the next few days');
    expect(html).not.toMatch(/It is not an emergency/i);
    expect(html).toContain('Nothing you told us needs emergency care right now');
    expect(html).toContain('Call 911 if any of these happen');
    expect(html).not.toContain('Check in with us');
    expect(html).toContain('If you cannot get a visit');
    expect((await client.get(`${result}/check-in`)).status).toBe(200);
    expect(await page(client, `${result}/check-in`)).toContain('This result has no check-in');
    expect((await client.post(`${result}/check-in`, { improving: 'same' })).status).toBe(409);
  });

  it('a self-care result offers booking and the clinics’ phones in its body', async () => {
    const client = new FormClient(t);
    const result = await selfCheckResult(client, '', { 'duration-days': '1', improving: 'better' });
    const html = await page(client, result);
    expect(h1(html)).toBe('You can look after your back at home');
    expect(html).toContain(`href="${result}/book"`);
    expect(html).toContain('(480) 555-0174');
    expect(html).toContain('Nothing you told us needs emergency care right now');
  });
});

describe('"see a doctor today" by the clinics’ own clock', () => {
  it('in the daytime: each clinic open now, with its closing time', async () => {
    clock = phoenix('2026-12-01T10:00');
    const client = new FormClient(t);
    const html = await page(client, await selfCheckResult(client, '', { fever: 'yes' }));
    expect(html).toContain('Open now until 5:00');
    expect(html).toContain('See today’s free times');
    expect(html).not.toContain('closed for the rest of today');
  });

  it('Saturday 23:44: every clinic closed, past hours hidden, the after-hours route given', async () => {
    clock = phoenix('2026-12-05T23:44');
    try {
      for (const [prefix, closed, ed] of [
        ['', 'Our clinics are closed for the rest of today', 'emergency department tonight'],
        ['/es', 'Nuestras clínicas están cerradas el resto del día', 'sala de emergencias'],
      ] as const) {
        const client = new FormClient(t);
        const html = await page(client, await selfCheckResult(client, prefix, { fever: 'yes' }));
        expect(html).toContain(closed);
        expect(html).toContain(ed);
        expect(html).not.toContain('9:00 AM');
        expect(html).not.toContain('Open now');
        expect(html).not.toContain('See today’s free times');
        expect(html).toMatch(/Monday at 7:30|lunes a las 7:30/);
      }
    } finally {
      clock = phoenix('2026-12-01T10:00');
    }
  });
});

describe('"see a doctor today" when today’s free times are gone', () => {
  it('a clinic still open but no same-day time left: says so and gives the after-hours route', async () => {
    clock = phoenix('2026-12-01T17:45'); // Phoenix is open until 18:00; nothing bookable is left today
    try {
      const client = new FormClient(t);
      const html = await page(client, await selfCheckResult(client, '', { fever: 'yes' }));
      expect(html).toContain('No free times are left today at our clinics');
      expect(html).toContain('emergency department tonight');
      expect(html).toContain('Open now until 6:00');
      expect(html).not.toContain('See today’s free times');
    } finally {
      clock = phoenix('2026-12-01T10:00');
    }
  });
});

describe('changing an emergency answer given by mistake', () => {
  it('the 911 advice stays first; "change this answer" reopens that question and goes on from there', async () => {
    const client = new FormClient(t);
    const result = await walkSelfCheck(client, '', { 'chest-pain': 'yes' });
    const html = await page(client, result);
    expect(html.indexOf('Call 911 now')).toBeLessThan(html.indexOf('I answered by mistake'));
    const change = await client.post(`${result}/change`);
    expect(FormClient.location(change)).toBe('/self-check/q/chest-pain');
    const question = await page(client, '/self-check/q/chest-pain');
    expect(question).toContain('value="yes" checked');
    const next = await client.post('/self-check/q/chest-pain', { answer: 'no' });
    expect(FormClient.location(next)).toBe('/self-check/q/sciatica-both-legs');
    // The first result is kept as it was made.
    expect(h1(await page(client, result))).toBe('Call 911 now');
  });
});

describe('the Back button after a result', () => {
  it('lands on a page that says the self-check is finished, with a link to the result', async () => {
    const client = new FormClient(t);
    const result = await walkSelfCheck(client, '', { 'major-trauma': 'yes' });
    const back = await client.get('/self-check/q/major-trauma');
    expect(back.status).toBe(200);
    const html = await back.text();
    expect(h1(html)).toBe('You have finished this self-check');
    expect(html).toContain(`href="${result}"`);
    expect(await page(client, '/self-check/check')).toContain('You have finished this self-check');
  });
});

describe('the check-in', () => {
  it('cannot be used before it is due, and says when it will be; then it can', async () => {
    const client = new FormClient(t);
    const result = await selfCheckResult(client, '', { 'duration-days': '0', improving: 'better' });
    const html = await page(client, result);
    expect(html).toContain('Your check-in opens on');
    expect(html).not.toContain(`href="${result}/check-in"`);
    const early = await page(client, `${result}/check-in`);
    expect(h1(early)).toBe('It is too early to check in');
    expect(early).toContain('Friday'); // Tuesday 10:00 + 72 hours
    expect((await client.post(`${result}/check-in`, { improving: 'same' })).status).toBe(409);
    clock = new Date(clock.getTime() + 72 * 3600_000);
    try {
      const done = await client.post(`${result}/check-in`, { improving: 'same' });
      expect(done.status).toBe(303);
      const after = await page(client, result);
      expect(h1(after)).toBe('Book a visit in the next few days');
      expect(title(after)).toContain('Book a visit in the next few days');
    } finally {
      clock = phoenix('2026-12-01T10:00');
    }
  });
});

describe('help your doctor prepare (PEG and STarT Back after the result)', () => {
  it('STarT Back medium moves a self-care result to "book a visit", and the title says so', async () => {
    const client = new FormClient(t);
    const result = await selfCheckResult(client, '', { 'duration-days': '1', improving: 'better' });
    expect(await page(client, result)).toContain(`href="${result}/questions"`);
    const form = await page(client, `${result}/questions`);
    expect(form).toContain('STarT Back');
    const partial = await client.post(`${result}/questions`, { 'peg-pain': '5' });
    expect(partial.status).toBe(422);
    expect(await partial.text()).toContain('Answer every question in “Your pain over the past week”');
    const answers: Record<string, string> = { 'peg-pain': '6', 'peg-enjoyment': '5', 'peg-activity': '4' };
    for (let i = 1; i <= 8; i++) answers[`sbst-${i}`] = i <= 3 ? 'yes' : 'no';
    answers['sbst-9'] = 'very-much';
    const sent = await client.post(`${result}/questions`, answers);
    expect(sent.status).toBe(303);
    const html = await page(client, result);
    expect(h1(html)).toBe('Book a visit in the next few days');
    expect(title(html)).toContain('Book a visit in the next few days');
    expect(html).toMatch(/physical therap/i);
    expect(html).not.toMatch(/STarT Back: \d|risk/i);
    expect(html).toContain('Thank you for answering the extra questions');
  });

  it('in Spanish, only PEG is offered, and the page says why', async () => {
    const client = new FormClient(t);
    const result = await selfCheckResult(client, '/es', { 'duration-days': '1', improving: 'better' });
    expect(await page(client, result)).toContain('solo las hacemos en inglés');
    const form = await page(client, `${result}/questions`);
    expect(form).toContain('peg-pain');
    expect(form).not.toContain('sbst-1');
  });
});

describe('the questions', () => {
  it('the pain score is a 0-10 scale of radio buttons, and the start page gives one duration', async () => {
    const client = new FormClient(t);
    const end = await walkSelfCheck(client, '', { 'duration-days': '1', improving: 'same' });
    expect(end).toBe('/self-check/check');
    const html = await page(client, '/self-check/q/pain-score');
    expect(html.match(/name="answer" type="radio"/g)).toHaveLength(11);
    expect(html).not.toContain('inputmode="numeric"');
    const start = await page(new FormClient(t), '/self-check');
    expect(start).toContain('2 to 5 minutes');
    expect(start).not.toContain('5 to 10 minutes');
  });
});
