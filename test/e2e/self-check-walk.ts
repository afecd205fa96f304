/**
 * The self-check's browser tests share this: one server, one Chromium, and a JavaScript-off phone
 * context per test file, and a walk through the questions as a person would answer them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Running } from '../../src/server.js';
import { axeViolationsWithoutJs as axeViolations, launchBrowser, PHONE, startServer } from './browser.js';

export interface SelfCheckSession {
  server: Running;
  browser: Browser;
  context: BrowserContext;
}

/** Registers the file's set-up and tear-down; the fields are filled in before the first test. */
export function selfCheckSession(): SelfCheckSession {
  const session = {} as SelfCheckSession;
  beforeAll(async () => {
    session.server = await startServer();
    session.browser = await launchBrowser();
    // Every patient flow must work without JavaScript.
    session.context = await session.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    session.context.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

export type Overrides = Record<string, string>;

/**
 * Submits a form and waits until the answer has loaded. Reading page.url() straight after the
 * click can still see the page being left (a POST, a 303, then the next page), and a walk that
 * acts on the old page answers a question twice.
 */
export async function submit(page: Page, selector = 'main button[type=submit]') {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).click()]);
}

/**
 * Answers every question on screen like a person would (label clicks, typing). With `scan`, axe
 * checks each kind of question page once (a kind: the answer inputs' type and count, and whether
 * the page has a hint), which covers every template and form shape at a fraction of the time of
 * scanning all thirty-odd pages.
 */
export async function walk(
  server: Running,
  page: Page,
  prefix: string,
  overrides: Overrides,
  scan: boolean,
): Promise<number> {
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

export async function submitCheckPage(page: Page, scan: boolean) {
  expect(new URL(page.url()).pathname).toMatch(/\/self-check\/check$/);
  if (scan) expect(await axeViolations(page)).toEqual([]);
  await submit(page);
}
