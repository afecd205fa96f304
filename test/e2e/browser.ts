/**
 * Browser test support: the real server on a random port with an in-memory database, and
 * Debian's Chromium driven by playwright-core (no browser download; see docs/operations.md).
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { startCarepath, type Running } from '../../src/server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'screenshots';

export async function startServer(
  env: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<Running> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    PGLITE_DIR: 'memory',
    JOBS: 'false',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...env,
  });
  return startCarepath(config, createLogger('warn'), options);
}

export async function launchBrowser(options: { javaScript?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.javaScript === false ? ['--blink-settings=scriptEnabled=false'] : []),
    ],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Axe scan with the WCAG 2.2 A/AA rules; returns the violations (expected: none). */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/**
 * Axe needs JavaScript in the page, which the no-JavaScript tests turn off. This scans a copy of
 * the page's current HTML, served from the same origin (so the real stylesheet applies) in a
 * JavaScript-enabled page of its own.
 */
const scanners = new WeakMap<Browser, Page>();
export async function axeViolationsWithoutJs(page: Page) {
  const browser = page.context().browser()!;
  let scanner = scanners.get(browser);
  if (!scanner) {
    scanner = await (await browser.newContext({ viewport: page.viewportSize() ?? DESKTOP })).newPage();
    scanners.set(browser, scanner);
  }
  const html = await page.content();
  const origin = new URL(page.url()).origin;
  await scanner.unrouteAll();
  await scanner.route(`${origin}/__axe-copy__`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await scanner.goto(`${origin}/__axe-copy__`);
  return axeViolations(scanner);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
