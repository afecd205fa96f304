/** The self-check in Chromium with JavaScript off: the walks to each result, errors, print. */
import { describe, expect, it } from 'vitest';
import { axeViolationsWithoutJs as axeViolations, DESKTOP, screenshot } from './browser.js';
import { SELF_CARE } from '../support/answers.js';
import { selfCheckSession, submit, submitCheckPage, walk } from './self-check-walk.js';

const session = selfCheckSession();

describe('the self-check in a browser with JavaScript off', () => {
  for (const [lang, prefix] of [
    ['en', ''],
    ['es', '/es'],
  ] as const) {
    it(`walks every question to a self-care result in ${lang}, with an axe scan of each kind of question page`, async () => {
      const page = await session.context.newPage();
      const steps = await walk(
        session.server,
        page,
        prefix,
        { 'duration-days': '1', improving: 'better' },
        true,
      );
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
      const page = await session.context.newPage();
      await walk(session.server, page, prefix, { 'major-trauma': 'yes' }, false);
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
      const page = await session.context.newPage();
      await walk(session.server, page, prefix, { fever: 'yes' }, false);
      await submitCheckPage(page, false);
      expect(await page.locator('.result-panel').getAttribute('class')).toContain('urgent');
      expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThanOrEqual(4);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `result-urgent-${lang}-phone`);

      await walk(session.server, page, prefix, { 'weight-loss': 'yes' }, false);
      await submitCheckPage(page, false);
      expect(await page.locator('.result-panel').getAttribute('class')).toContain('appointment');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `result-appointment-${lang}-phone`);
      await page.close();
    });
  }

  it('shows an error summary that links to the field, and the "Change" links work', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.server.url}/self-check`);
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
    const ctx = await session.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${session.server.url}/self-check`);
    await screenshot(page, 'self-check-start-en-desktop');
    await submit(page);
    await screenshot(page, 'question-en-desktop');
    await ctx.close();
  });
});

describe('the printed self-care plan', () => {
  it('fits on one Letter page in English and Spanish, whichever medicine advice it holds', async () => {
    const ctx = await session.browser.newContext();
    const page = await ctx.newPage();
    for (const extra of [{}, { 'nsaid-caution': true }, { 'liver-or-alcohol': true, age: 65 }]) {
      const res = await fetch(`${session.server.url}/api/v1/assessments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pathway: 'low-back-pain', answers: { ...SELF_CARE, ...extra } }),
      });
      const { token } = await res.json();
      for (const prefix of ['', '/es']) {
        await page.goto(`${session.server.url}${prefix}/self-check/r/${token}/plan`);
        const pdf = await page.pdf({ format: 'Letter' });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
        expect(pages.length, `${prefix || 'en'} ${JSON.stringify(extra)}`).toBe(1);
      }
    }
    await ctx.close();
  });
});
