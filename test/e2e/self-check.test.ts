import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/server.js';
import {
  axeViolationsWithoutJs as axeViolations,
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshot,
  startServer,
} from './browser.js';
import { SELF_CARE } from '../support/answers.js';

let server: Running;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Every patient flow must work without JavaScript.
  context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  context.setDefaultTimeout(30_000);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

type Overrides = Record<string, string>;

/**
 * Submits a form and waits until the answer has loaded. Reading page.url() straight after the
 * click can still see the page being left (a POST, a 303, then the next page), and a walk that
 * acts on the old page answers a question twice.
 */
async function submit(page: Page, selector = 'main button[type=submit]') {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).click()]);
}

/**
 * Answers every question on screen like a person would (label clicks, typing). With `scan`, axe
 * checks each kind of question page once (a kind: the answer inputs' type and count, and whether
 * the page has a hint), which covers every template and form shape at a fraction of the time of
 * scanning all thirty-odd pages.
 */
async function walk(page: Page, prefix: string, overrides: Overrides, scan: boolean): Promise<number> {
  await page.goto(`${server.url}${prefix}/self-check`);
  if (scan) expect(await axeViolations(page)).toEqual([]);
  await submit(page);
  let steps = 0;
  const kinds = new Set<string>();
  while (/\/self-check\/q\//.test(page.url())) {
    if (++steps > 60) throw new Error(`the self-check never ended: still at ${page.url()}`);
    const answers = page.locator('input[name=answer]');
    const kind = `${await answers.first().getAttribute('type')}:${await answers.count()}:${await page.locator('main .hint').count()}`;
    if (scan && !kinds.has(kind)) {
      kinds.add(kind);
      expect(await axeViolations(page), page.url()).toEqual([]);
    }
    const linkId = new URL(page.url()).pathname.split('/').pop()!;
    const text = page.locator('input[name=answer][type=text]');
    if (await text.count()) {
      await text.fill(overrides[linkId] ?? (linkId === 'age' ? '30' : '2'));
    } else {
      const value =
        overrides[linkId] ??
        ((await page.locator('input[value=no]').count())
          ? 'no'
          : await page.locator('input[name=answer]').first().getAttribute('value'));
      await page
        .locator(
          `label[for="${await page.locator(`input[name=answer][value="${value}"]`).getAttribute('id')}"]`,
        )
        .click();
    }
    await submit(page);
  }
  return steps;
}

async function submitCheckPage(page: Page, scan: boolean) {
  expect(new URL(page.url()).pathname).toMatch(/\/self-check\/check$/);
  if (scan) expect(await axeViolations(page)).toEqual([]);
  await submit(page);
}

describe('the self-check in a browser with JavaScript off', () => {
  for (const [lang, prefix] of [
    ['en', ''],
    ['es', '/es'],
  ] as const) {
    it(`walks every question to a self-care result in ${lang}, with an axe scan of each kind of question page`, async () => {
      const page = await context.newPage();
      const steps = await walk(page, prefix, { 'duration-days': '1', improving: 'better' }, true);
      // 1.1.0 asks only what can still change the result or the plan: 26 pages here (1.0.0: 36).
      expect(steps).toBeGreaterThanOrEqual(20);
      expect(steps).toBeLessThanOrEqual(28);
      await submitCheckPage(page, true);
      expect(new URL(page.url()).pathname).toMatch(/\/self-check\/r\/[\w-]{43}$/);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('.result-panel').getAttribute('class')).toContain('self-care');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `result-self-care-${lang}-phone`);
      await page.locator(`a[href$="/plan"]`).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, `plan-print-${lang}`);
      await page.emulateMedia({ media: 'screen' });
      await page.close();
    });

    it(`stops at the first emergency answer and shows "call 911" in ${lang}`, async () => {
      const page = await context.newPage();
      await walk(page, prefix, { 'major-trauma': 'yes' }, false);
      expect(new URL(page.url()).pathname).toMatch(/\/self-check\/r\//);
      expect(await page.locator('.result-panel.emergency h1').textContent()).toMatch(/911/);
      expect(await page.locator('a[href="tel:911"]').count()).toBe(1);
      expect(
        await page
          .locator('a[href*="/book"]')
          .filter({ hasText: /Book|Pedir/ })
          .locator('xpath=ancestor::main')
          .count(),
      ).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `result-emergency-${lang}-phone`);
      await page.close();
    });

    it(`reaches "see a doctor today" and "book a visit" in ${lang}`, async () => {
      const page = await context.newPage();
      await walk(page, prefix, { fever: 'yes' }, false);
      await submitCheckPage(page, false);
      expect(await page.locator('.result-panel').getAttribute('class')).toContain('urgent');
      expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThanOrEqual(4);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `result-urgent-${lang}-phone`);

      await walk(page, prefix, { 'weight-loss': 'yes' }, false);
      await submitCheckPage(page, false);
      expect(await page.locator('.result-panel').getAttribute('class')).toContain('appointment');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `result-appointment-${lang}-phone`);
      await page.close();
    });
  }

  it('shows an error summary that links to the field, and the "Change" links work', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/self-check`);
    await submit(page);
    await submit(page);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.error-summary a').textContent()).toBe('Select yes or no');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'question-error-en-phone');
    await page.locator('.error-summary a').click();
    expect(new URL(page.url()).hash).toBe('#answer');
    await page.close();
  });
});

describe('desktop screenshots', () => {
  it('captures a question and the self-care result at desktop size', async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/self-check`);
    await screenshot(page, 'self-check-start-en-desktop');
    await submit(page);
    await screenshot(page, 'question-en-desktop');
    await ctx.close();
  });
});

describe('the printed self-care plan', () => {
  it('fits on one Letter page in English and Spanish, whichever medicine advice it holds', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    for (const extra of [{}, { 'nsaid-caution': true }, { 'liver-or-alcohol': true, age: 65 }]) {
      const res = await fetch(`${server.url}/api/v1/assessments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pathway: 'low-back-pain', answers: { ...SELF_CARE, ...extra } }),
      });
      const { token } = await res.json();
      for (const prefix of ['', '/es']) {
        await page.goto(`${server.url}${prefix}/self-check/r/${token}/plan`);
        const pdf = await page.pdf({ format: 'Letter' });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
        expect(pages.length, `${prefix || 'en'} ${JSON.stringify(extra)}`).toBe(1);
      }
    }
    await ctx.close();
  });
});

describe('1.1.0 routes in a browser, JavaScript off', () => {
  it('the 911 page keeps the advice first and lets a mis-tap be changed (en and es)', async () => {
    for (const [lang, prefix] of [
      ['en', ''],
      ['es', '/es'],
    ] as const) {
      const page = await context.newPage();
      await walk(page, prefix, { 'chest-pain': 'yes' }, false);
      expect(new URL(page.url()).pathname).toMatch(/\/self-check\/r\//);
      expect(await page.locator('.result-panel.emergency h1').textContent({ timeout: 10_000 })).toMatch(
        /911/,
      );
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `result-emergency-chest-${lang}-phone`);
      await submit(page, 'section[aria-labelledby=mistake] button');
      expect(new URL(page.url()).pathname).toBe(`${prefix}/self-check/q/chest-pain`);
      expect(await page.locator('input[value=yes]').isChecked({ timeout: 10_000 })).toBe(true);
      await page.locator('label[for="answer-1"]').click({ timeout: 10_000 });
      await submit(page);
      expect(new URL(page.url()).pathname).toBe(`${prefix}/self-check/q/sciatica-both-legs`);
      await page.close();
    }
  }, 90_000);

  it('each new "see a doctor today" route of 1.1.0 reaches the urgent result, with axe', async () => {
    for (const [name, answers, prefix] of [
      ['infection risk alone', { 'infection-risk': 'yes' }, ''],
      ['upper back pain', { 'upper-back-pain': 'yes' }, '/es'],
      ['a new lump', { 'back-lump': 'yes' }, ''],
      ['a pregnancy warning sign', { pregnant: 'yes', 'pregnancy-warning': 'yes' }, '/es'],
      ['osteoporosis or steroids at 70', { age: '70', 'osteoporosis-or-steroids': 'yes' }, ''],
    ] as const) {
      const page = await context.newPage();
      await walk(page, prefix, answers, false);
      await submitCheckPage(page, false);
      expect(await page.locator('.result-panel').getAttribute('class'), name).toContain('urgent');
      expect(await axeViolations(page), name).toEqual([]);
      await page.close();
    }
  });

  it('Back after a result says the self-check is finished and links to the result', async () => {
    const page = await context.newPage();
    await walk(page, '', { 'major-trauma': 'yes' }, false);
    const result = new URL(page.url()).pathname;
    await page.goBack();
    expect(await page.locator('main h1').textContent()).toBe('You have finished this self-check');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(`main a[href="${result}"]`).click();
    expect(new URL(page.url()).pathname).toBe(result);
    await page.close();
  });

  it('too much medicine: Poison Control first, then the urgent options (en and es)', async () => {
    for (const [lang, prefix] of [
      ['en', ''],
      ['es', '/es'],
    ] as const) {
      const page = await context.newPage();
      await walk(page, prefix, { 'analgesic-over-limit': 'yes' }, false);
      await submitCheckPage(page, false);
      const first = page.locator('main .narrow > *').first();
      expect(await first.getAttribute('class')).toBe('action-panel');
      expect(await first.textContent()).toContain('1-800-222-1222');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `result-poison-${lang}-phone`);
      await page.close();
    }
  });

  it('the optional questions after a self-care result move it to "book a visit" when STarT Back is medium', async () => {
    const page = await context.newPage();
    await walk(page, '', { 'duration-days': '1', improving: 'better' }, false);
    await submitCheckPage(page, false);
    await page.locator('a[href$="/questions"]').click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'prepare-en-phone');
    for (const [id, value] of [
      ['peg-pain', '6'],
      ['peg-enjoyment', '5'],
      ['peg-activity', '4'],
      ['sbst-1', 'yes'],
      ['sbst-2', 'yes'],
      ['sbst-3', 'yes'],
      ['sbst-4', 'no'],
      ['sbst-5', 'no'],
      ['sbst-6', 'no'],
      ['sbst-7', 'no'],
      ['sbst-8', 'no'],
      ['sbst-9', 'very-much'],
    ]) {
      const input = page.locator(`input[name="${id}"][value="${value}"]`);
      await page.locator(`label[for="${await input.getAttribute('id')}"]`).click();
    }
    await submit(page);
    expect(await page.locator('.result-panel').getAttribute('class')).toContain('appointment');
    expect(await page.title()).toContain('Book a visit in the next few days');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('"see a doctor today" after hours, with a clock the test sets', () => {
  it('Saturday 23:44 in Arizona: closed for today, no past hours, the after-hours route (en and es)', async () => {
    const night = await startServer({}, { now: () => new Date('2026-12-05T23:44:00-07:00') });
    const ctx = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    try {
      for (const [lang, prefix] of [
        ['en', ''],
        ['es', '/es'],
      ] as const) {
        const res = await fetch(`${night.url}/api/v1/assessments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            pathway: 'low-back-pain',
            answers: { ...SELF_CARE, fever: true },
            language: lang,
          }),
        });
        const { token } = await res.json();
        const page = await ctx.newPage();
        await page.goto(`${night.url}${prefix}/self-check/r/${token}`);
        const text = (await page.locator('main').textContent())!;
        expect(text).toMatch(lang === 'en' ? /closed for the rest of today/ : /cerradas el resto del día/);
        expect(text).toMatch(lang === 'en' ? /emergency department tonight/ : /sala de emergencias/);
        expect(text).not.toMatch(/Open now|Abierta ahora/);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `result-urgent-after-hours-${lang}-phone`);
        await page.setViewportSize(DESKTOP);
        await screenshot(page, `result-urgent-after-hours-${lang}-desktop`);
        await page.close();
      }
    } finally {
      await ctx.close();
      await night.stop();
    }
  });
});
