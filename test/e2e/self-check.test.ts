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
 * Answers every question on screen like a person would (label clicks, typing). With `scan`, axe
 * checks each kind of question page once (a kind: the answer inputs' type and count, and whether
 * the page has a hint), which covers every template and form shape at a fraction of the time of
 * scanning all thirty-odd pages.
 */
async function walk(page: Page, prefix: string, overrides: Overrides, scan: boolean): Promise<number> {
  await page.goto(`${server.url}${prefix}/self-check`);
  if (scan) expect(await axeViolations(page)).toEqual([]);
  await page.locator('main button[type=submit]').click();
  let steps = 0;
  const kinds = new Set<string>();
  while (/\/self-check\/q\//.test(page.url())) {
    steps++;
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
    await page.locator('main button[type=submit]').click();
  }
  return steps;
}

async function submitCheckPage(page: Page, scan: boolean) {
  expect(new URL(page.url()).pathname).toMatch(/\/self-check\/check$/);
  if (scan) expect(await axeViolations(page)).toEqual([]);
  await page.locator('main button[type=submit]').click();
}

describe('the self-check in a browser with JavaScript off', () => {
  for (const [lang, prefix] of [
    ['en', ''],
    ['es', '/es'],
  ] as const) {
    it(`walks every question to a self-care result in ${lang}, with an axe scan of each kind of question page`, async () => {
      const page = await context.newPage();
      const steps = await walk(page, prefix, { 'duration-days': '1', improving: 'better' }, true);
      expect(steps).toBeGreaterThan(30);
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
    await page.locator('main button[type=submit]').click();
    await page.locator('main button[type=submit]').click();
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
    await page.locator('main button[type=submit]').click();
    await screenshot(page, 'question-en-desktop');
    await ctx.close();
  });
});

describe('the printed self-care plan', () => {
  it('fits on one Letter page in English and Spanish', async () => {
    const screen = {
      'bladder-bowel-change': false,
      'saddle-numbness': false,
      'leg-weakness': 'none',
      'sciatica-both-legs': false,
      'major-trauma': false,
      'collapse-or-pulsation': false,
    };
    const res = await fetch(`${server.url}/api/v1/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pathway: 'low-back-pain', answers: { ...screen, 'nsaid-caution': true } }),
    });
    const { token } = await res.json();
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    for (const prefix of ['', '/es']) {
      await page.goto(`${server.url}${prefix}/self-check/r/${token}/plan`);
      const pdf = await page.pdf({ format: 'Letter' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length, prefix || 'en').toBe(1);
    }
    await ctx.close();
  });
});
