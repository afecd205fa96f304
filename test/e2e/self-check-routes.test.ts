/** The routes self-check 1.1.0 added, in Chromium with JavaScript off, and the after-hours result. */
import { describe, expect, it } from 'vitest';
import {
  axeViolationsWithoutJs as axeViolations,
  DESKTOP,
  PHONE,
  screenshot,
  startServer,
} from './browser.js';
import { SELF_CARE } from '../support/answers.js';
import { selfCheckSession, submit, submitCheckPage, walk } from './self-check-walk.js';

const session = selfCheckSession();

describe('1.1.0 routes in a browser, JavaScript off', () => {
  it('the 911 page keeps the advice first and lets a mis-tap be changed (en and es)', async () => {
    for (const [lang, prefix] of [
      ['en', ''],
      ['es', '/es'],
    ] as const) {
      const page = await session.context.newPage();
      await walk(session.server, page, prefix, { 'chest-pain': 'yes' }, false);
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
      const page = await session.context.newPage();
      await walk(session.server, page, prefix, answers, false);
      await submitCheckPage(page, false);
      expect(await page.locator('.result-panel').getAttribute('class'), name).toContain('urgent');
      expect(await axeViolations(page), name).toEqual([]);
      await page.close();
    }
  });

  it('Back after a result says the self-check is finished and links to the result', async () => {
    const page = await session.context.newPage();
    await walk(session.server, page, '', { 'major-trauma': 'yes' }, false);
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
      const page = await session.context.newPage();
      await walk(session.server, page, prefix, { 'analgesic-over-limit': 'yes' }, false);
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
    const page = await session.context.newPage();
    await walk(session.server, page, '', { 'duration-days': '1', improving: 'better' }, false);
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
    const ctx = await session.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
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
