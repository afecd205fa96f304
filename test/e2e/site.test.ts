import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/server.js';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, startServer } from './browser.js';

const PAGES = [
  '/',
  '/clinics',
  '/clinics?zip=85301',
  '/clinics/glendale',
  '/clinics/tempe',
  '/clinics/phoenix',
  '/clinics/scottsdale',
  '/providers',
  '/providers/ben-evans',
  '/providers/priya-shah',
  '/guides',
  '/guides/lower-back-muscle-spasms',
  '/guides/knee-pain',
  '/guides/left-side-back-pain',
  '/guides/sciatica',
  '/guides/chronic-back-pain',
  '/developers/api',
  '/no-such-page',
];

let server: Running;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: DESKTOP });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const inLanguage = (lang: 'en' | 'es', path: string) =>
  lang === 'en' ? path : path === '/' ? '/es/' : `/es${path}`;

describe('every page, in English and Spanish', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`opens each page in ${lang}, with lang set and no axe violations`, async () => {
      const page = await context.newPage();
      for (const path of PAGES) {
        const url = server.url + inLanguage(lang, path);
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(path === '/no-such-page' ? 404 : 200);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.locator('h1').count(), url).toBe(1);
        expect(await axeViolations(page), url).toEqual([]);
      }
      await page.close();
    });
  }
});

describe('navigation', () => {
  it('follows the main links from the home page and keeps the page when switching language', async () => {
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await page.getByRole('link', { name: 'Carepath Scottsdale' }).first().click();
    await page.waitForURL('**/clinics/scottsdale');
    await page.getByRole('link', { name: /Dr\. Ben Evans/ }).click();
    expect(new URL(page.url()).pathname).toBe('/providers/ben-evans');
    await page.locator('.language-switch').click();
    expect(new URL(page.url()).pathname).toBe('/es/providers/ben-evans');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.getByRole('link', { name: 'Guías de salud' }).click();
    await page
      .getByRole('link', { name: /Espasmos musculares/ })
      .first()
      .click();
    expect(new URL(page.url()).pathname).toBe('/es/guides/lower-back-muscle-spasms');
    await page
      .getByRole('link', { name: /ciática/i })
      .first()
      .click();
    expect(new URL(page.url()).pathname).toBe('/es/guides/sciatica');
    await page.close();
  });

  it('reaches the main content with the skip link from the keyboard', async () => {
    const page = await context.newPage();
    await page.goto(server.url + '/clinics');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Skip to main content');
    await page.keyboard.press('Enter');
    // The fragment navigation is asynchronous: wait for it rather than reading the URL at once.
    await page.waitForFunction(() => location.hash === '#main');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.close();
  });
});

describe('screenshots for review', () => {
  it('captures home, a clinic and the guide on a phone and a desktop in both languages', async () => {
    for (const [device, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const ctx = await browser.newContext({ viewport });
      const page = await ctx.newPage();
      for (const lang of ['en', 'es'] as const) {
        for (const [name, path] of [
          ['home', '/'],
          ['clinic', '/clinics/scottsdale'],
          ['clinics-zip', '/clinics?zip=85301'],
          ['guide', '/guides/lower-back-muscle-spasms'],
        ]) {
          await page.goto(server.url + inLanguage(lang, path!));
          await screenshot(page, `${name}-${lang}-${device}`);
        }
      }
      await ctx.close();
    }
  });
});
