/**
 * What the role browser tests share (staff-roles-day: providers and the front desk;
 * staff-roles-admin: clinic managers and network administrators): the real server with its
 * accounts and visits, signing in, the language switch, axe on each page, and screenshots at
 * 1920 x 1080, 1280 x 800 and 390 x 844 with no sideways scrolling at any of them.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Running } from '../../src/server.js';
import { translator, type Locale } from '../../src/platform/i18n/i18n.js';
import { hashPassword } from '../../src/staff/passwords.js';
import { insertUser, setUserLanguage, type Role } from '../../src/staff/staff-store.js';
import { SELF_CARE } from '../support/answers.js';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, startServer } from './browser.js';

export const WIDE = { width: 1920, height: 1080 };
export const T = { en: translator('en'), es: translator('es') };
export const PASSWORD = 'a long staff passphrase';
export const ADMIN = 'admin@example.com';
export const PROVIDER = 'priya@example.com';
export const MANAGER = 'tempe-manager@example.com';
/** Works in Spanish, at Glendale. */
export const DESK = 'glendale-desk@example.com';
/** Works in English, at Phoenix and Tempe: moves visits between them. */
export const DESK_EN = 'phoenix-desk@example.com';

/**
 * The server's clock runs from the next Monday at 08:05 in Arizona (UTC-7 all year), so that the
 * desk's day has times inside the online notice and the provider's visits are still to come.
 */
const azToday = new Date(Date.now() - 7 * 3_600_000);
const toMonday = (8 - azToday.getUTCDay()) % 7 || 7;
const mondayMs = Date.UTC(azToday.getUTCFullYear(), azToday.getUTCMonth(), azToday.getUTCDate() + toMonday);
export const day = (n: number) => new Date(mondayMs + n * 86_400_000).toISOString().slice(0, 10);
export const MONDAY = day(0);
const offset = mondayMs + (15 * 60 + 5) * 60_000 - Date.now();

/** Filled in by `useRoles()` before the file's tests run. */
export const roles = {} as { server: Running; browser: Browser; adminId: string; irene: string };

export async function api(path: string, body?: unknown) {
  const res = await fetch(`${roles.server.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, path).toBeLessThan(300);
  return res.json();
}

/** Dr. Shah's visits: Monday in Phoenix with a self-check attached, Tuesday in Tempe. */
async function bookProviderVisits() {
  const slots = async (location: string, date: string) =>
    (
      await api(
        `/api/v1/slots?visitType=pain-follow-up&location=${location}&provider=priya-shah&from=${date}&to=${date}`,
      )
    ).slots as { start: string }[];
  const a = await api('/api/v1/assessments', { pathway: 'low-back-pain', answers: SELF_CARE });
  const book = (location: string, start: string, givenName: string, intake: boolean) =>
    api('/api/v1/appointments', {
      visitType: 'pain-follow-up',
      location,
      provider: 'priya-shah',
      start,
      ...(intake ? { assessmentId: a.id, assessmentToken: a.token } : {}),
      patient: {
        givenName,
        familyName: 'Ortega',
        birthDate: '1968-03-04',
        email: `${givenName.toLowerCase()}@example.com`,
      },
    });
  roles.irene = (await book('phoenix', (await slots('phoenix', MONDAY)).at(-1)!.start, 'Irene', true)).id;
  await book('tempe', (await slots('tempe', day(1)))[0]!.start, 'Tomas', false);
}

/** The server with every role's account and Dr. Shah's visits, and the browser, for one test file. */
export function useRoles() {
  beforeAll(async () => {
    roles.server = await startServer(
      { CAREPATH_ADMIN_EMAIL: ADMIN, CAREPATH_ADMIN_PASSWORD: PASSWORD },
      { now: () => new Date(Date.now() + offset) },
    );
    roles.browser = await launchBrowser();
    const { db } = roles.server;
    const ids = async (table: string) =>
      new Map(
        (await db.query<{ id: string; slug: string }>(`SELECT id, slug FROM ${table}`)).map((r) => [
          r.slug,
          r.id,
        ]),
      );
    const [clinics, providers] = [await ids('locations'), await ids('providers')];
    const hash = await hashPassword(PASSWORD);
    const user = (email: string, displayName: string, role: Role, locations: string[], provider?: string) =>
      insertUser(db, {
        email,
        displayName,
        passwordHash: hash,
        role,
        providerId: provider ? providers.get(provider)! : null,
        locationIds: locations.map((l) => clinics.get(l)!),
      });
    await user(PROVIDER, 'Dr. Priya Shah', 'provider', ['phoenix', 'tempe', 'glendale'], 'priya-shah');
    await user(MANAGER, 'Marta Reyes', 'clinic-manager', ['tempe']);
    // The Glendale desk works in Spanish: their own setting, kept with the account.
    await setUserLanguage(db, await user(DESK, 'Luis García', 'front-desk', ['glendale']), 'es');
    await user(DESK_EN, 'Ana Brooks', 'front-desk', ['phoenix', 'tempe']);
    const [admin] = await db.query<{ id: string }>('SELECT id FROM staff_users WHERE email = $1', [ADMIN]);
    roles.adminId = admin!.id;
    await bookProviderVisits();
  });
  afterAll(async () => {
    await roles.browser?.close();
    await roles.server?.stop();
  });
}

export async function signIn(email: string): Promise<Page> {
  const page = await (await roles.browser.newContext({ viewport: WIDE })).newPage();
  await page.goto(`${roles.server.url}/staff/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL('**/staff');
  return page;
}

/** The user's own language setting, through the switch in the staff header. */
export async function useLanguage(page: Page, lang: Locale) {
  if ((await page.getAttribute('html', 'lang')) !== lang) {
    await page.locator('button.language-switch').click();
    await page.waitForSelector(`html[lang="${lang}"]`);
  }
}

/** Opens a page in the user's language; `scan: false` where the same page is scanned later on. */
export async function open(page: Page, path: string, lang: Locale, scan = true) {
  const res = await page.goto(`${roles.server.url}${path}`);
  expect(res?.status(), path).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  if (scan) expect(await axeViolations(page), path).toEqual([]);
}

const SIZES = [
  ['1920', WIDE],
  ['1280', DESKTOP],
  ['phone', PHONE],
] as const;

/**
 * Full-page screenshots at 1920 x 1080, 1280 x 800 and on a phone, where nothing may scroll
 * sideways (WCAG 1.4.10). `phoneScan`: axe again at the phone's width, for a page whose layout
 * changes there (tables that become cards).
 */
export async function shots(page: Page, name: string, { phoneScan = false } = {}) {
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${size}`,
    ).toBeLessThanOrEqual(viewport.width);
    if (size === 'phone' && phoneScan) expect(await axeViolations(page), `${name} on a phone`).toEqual([]);
    await screenshot(page, `staff-roles-${name}-${size}`);
  }
  await page.setViewportSize(WIDE);
}

export const h1 = (page: Page) => page.locator('h1').innerText();

/** Presses Tab until the focused element matches the selector: a keyboard user's way there. */
export async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
