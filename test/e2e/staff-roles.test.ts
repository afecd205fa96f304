/**
 * Each staff role's day in a browser, in English and Spanish, with axe scans and screenshots at
 * 1920 x 1080 and 390 x 844: a provider (their week across clinics, an intake), a clinic manager
 * (hours, closures, time off at their clinic; other clinics answer 404), a network administrator
 * (add a clinic, retire and re-activate) and the front desk booking a walk-in, by keyboard only.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/server.js';
import { translator, type Locale } from '../../src/platform/i18n/i18n.js';
import { hashPassword } from '../../src/staff/passwords.js';
import { insertUser, setUserLanguage, type Role } from '../../src/staff/staff-store.js';
import { SELF_CARE } from '../support/answers.js';
import { axeViolations, launchBrowser, PHONE, screenshot, startServer } from './browser.js';

const WIDE = { width: 1920, height: 1080 };
const T = { en: translator('en'), es: translator('es') };
const PASSWORD = 'a long staff passphrase';
const ADMIN = 'admin@example.com';
const PROVIDER = 'priya@example.com';
const MANAGER = 'tempe-manager@example.com';
const DESK = 'glendale-desk@example.com';

/**
 * The server's clock runs from the next Monday at 08:05 in Arizona (UTC-7 all year), so that the
 * desk's day has times inside the online notice and the provider's visits are still to come.
 */
const azToday = new Date(Date.now() - 7 * 3_600_000);
const toMonday = (8 - azToday.getUTCDay()) % 7 || 7;
const mondayMs = Date.UTC(azToday.getUTCFullYear(), azToday.getUTCMonth(), azToday.getUTCDate() + toMonday);
const day = (n: number) => new Date(mondayMs + n * 86_400_000).toISOString().slice(0, 10);
const MONDAY = day(0);
const offset = mondayMs + (15 * 60 + 5) * 60_000 - Date.now();

let server: Running;
let browser: Browser;
let adminId = '';

async function api(path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
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
  await book('phoenix', (await slots('phoenix', MONDAY)).at(-1)!.start, 'Irene', true);
  await book('tempe', (await slots('tempe', day(1)))[0]!.start, 'Tomas', false);
}

beforeAll(async () => {
  server = await startServer(
    { CAREPATH_ADMIN_EMAIL: ADMIN, CAREPATH_ADMIN_PASSWORD: PASSWORD },
    { now: () => new Date(Date.now() + offset) },
  );
  browser = await launchBrowser();
  const ids = async (table: string) =>
    new Map(
      (await server.db.query<{ id: string; slug: string }>(`SELECT id, slug FROM ${table}`)).map((r) => [
        r.slug,
        r.id,
      ]),
    );
  const [clinics, providers] = [await ids('locations'), await ids('providers')];
  const hash = await hashPassword(PASSWORD);
  const user = (email: string, displayName: string, role: Role, locations: string[], provider?: string) =>
    insertUser(server.db, {
      email,
      displayName,
      passwordHash: hash,
      role,
      providerId: provider ? providers.get(provider)! : null,
      locationIds: locations.map((l) => clinics.get(l)!),
    });
  await user(PROVIDER, 'Dr. Priya Shah', 'provider', ['phoenix', 'tempe', 'glendale'], 'priya-shah');
  await user(MANAGER, 'Marta Reyes', 'clinic-manager', ['tempe']);
  // The desk works in Spanish: their own setting, kept with the account.
  await setUserLanguage(server.db, await user(DESK, 'Luis García', 'front-desk', ['glendale']), 'es');
  const [admin] = await server.db.query<{ id: string }>('SELECT id FROM staff_users WHERE email = $1', [
    ADMIN,
  ]);
  adminId = admin!.id;
  await bookProviderVisits();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: WIDE })).newPage();
  await page.goto(`${server.url}/staff/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL('**/staff');
  return page;
}

/** The user's own language setting, through the switch in the staff header. */
async function useLanguage(page: Page, lang: Locale) {
  if ((await page.getAttribute('html', 'lang')) !== lang) {
    await page.locator('button.language-switch').click();
    await page.waitForSelector(`html[lang="${lang}"]`);
  }
}

/** Opens a page in the user's language; `scan: false` where the same page is scanned later on. */
async function open(page: Page, path: string, lang: Locale, scan = true) {
  const res = await page.goto(`${server.url}${path}`);
  expect(res?.status(), path).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  if (scan) expect(await axeViolations(page), path).toEqual([]);
}

/** Full-page screenshots at 1920 x 1080 and on a phone, where nothing may scroll sideways. */
async function shots(page: Page, name: string) {
  await page.setViewportSize(WIDE);
  await screenshot(page, `staff-roles-${name}-1920`);
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(
    PHONE.width,
  );
  await screenshot(page, `staff-roles-${name}-phone`);
  await page.setViewportSize(WIDE);
}

/** The slugs the public API lists (what patients can find and book). */
const published = async (kind: 'locations' | 'providers' | 'visitTypes') =>
  ((await api(`/api/v1/${kind === 'visitTypes' ? 'visit-types' : kind}`))[kind] as { slug: string }[]).map(
    (x) => x.slug,
  );

const h1 = (page: Page) => page.locator('h1').innerText();

/** Presses Tab until the focused element matches the selector: a keyboard user's way there. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("each staff role's day in a browser", () => {
  it('a provider: their week across clinics and a visit’s pre-visit intake, in English and Spanish', async () => {
    const page = await signIn(PROVIDER);
    for (const lang of ['en', 'es'] as const) {
      const t = T[lang];
      await useLanguage(page, lang);
      await open(page, `/staff?date=${MONDAY}`, lang);
      expect(await h1(page)).toContain(lang === 'en' ? 'Your schedule' : 'Su agenda');
      expect(await page.locator('td', { hasText: 'Ortega, Irene' }).count()).toBe(1);
      await shots(page, `provider-day-${lang}`);
      // The week shows both clinics' visits, each naming its clinic.
      await open(page, `/staff/week?date=${MONDAY}`, lang);
      const week = await page.locator('main').innerText();
      expect(week).toMatch(/Irene\n[^\n]*Carepath Phoenix/);
      expect(week).toMatch(/Tomas\n[^\n]*Carepath Tempe/);
      if (lang === 'es') await shots(page, 'provider-week-es');
      // The intake, from the day's schedule, with its print button (shown by site.js).
      await page.goto(`${server.url}/staff?date=${MONDAY}`);
      await page.getByRole('link', { name: t('staff.intake.open') }).click();
      await page.waitForURL('**/intake');
      expect(await h1(page)).toContain(`${t('staff.intake.title')}: Irene Ortega`);
      expect(await page.getByRole('button', { name: t('staff.intake.print') }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      if (lang === 'es') await shots(page, 'provider-intake-es');
    }
    // The desk's booking is not a provider's page.
    expect((await page.goto(`${server.url}/staff/book`))?.status()).toBe(404);
    await page.context().close();
  });

  it('a clinic manager: their clinic’s hours and closures, a provider’s time off, and 404 elsewhere', async () => {
    const page = await signIn(MANAGER);
    for (const [lang, n, closes] of [
      ['en', 0, '14:00'],
      ['es', 1, '13:30'],
    ] as const) {
      const t = T[lang];
      await useLanguage(page, lang);
      // Administration offers them their clinics and providers only.
      await open(page, '/staff/admin', lang);
      expect(await page.locator('.admin-areas > li').count()).toBe(2);
      await open(page, '/staff/admin/clinics', lang);
      expect(await page.locator('tbody tr').allInnerTexts()).toEqual([
        expect.stringContaining('Carepath Tempe'),
      ]);
      await page.getByRole('link', { name: 'Carepath Tempe' }).click();
      await page.waitForURL('**/staff/admin/clinics/tempe');
      expect(await h1(page)).toBe(t('admin.clinic.title', { name: 'Carepath Tempe' }));
      expect(await page.locator('#name').count()).toBe(0); // the details are the administrator's
      // Scanned below, once its closures list has a row.
      await shots(page, `manager-clinic-${lang}`);

      // Saturday's closing time.
      await page.locator('#closes-6').fill(closes);
      const saved = page.waitForResponse((r) => r.url().endsWith('/staff/admin/clinics/tempe/hours'));
      await page.getByRole('button', { name: t('admin.hours.save') }).click();
      expect((await saved).status()).toBe(303);
      await page.goto(`${server.url}/staff/admin/clinics/tempe`);
      expect(await page.locator('#closes-6').inputValue()).toBe(closes);
      // A closure on a day with no visits, its reason in both languages.
      const [reason, reasonEs] =
        lang === 'en' ? ['Staff training', 'Capacitación'] : ['Inventory', 'Inventario'];
      await page.locator('#closedOn').fill(day(21 + n));
      await page.locator('#reason').fill(reason);
      await page.locator('#reasonEs').fill(reasonEs);
      await page.getByRole('button', { name: t('admin.closure.add') }).click();
      // The list shows the reason in the page's language.
      await page.waitForSelector(`td:has-text("${lang === 'en' ? reason : reasonEs}")`);
      expect(new URL(page.url()).pathname).toBe('/staff/admin/clinics/tempe');
      expect(await axeViolations(page)).toEqual([]);

      // Time off for Dr. Chen, who works at Tempe.
      await open(page, '/staff/admin/providers/david-chen', lang, false); // scanned below
      await page.getByRole('link', { name: t('admin.timeOff.add') }).click();
      await page.waitForURL('**/time-off');
      expect(await axeViolations(page)).toEqual([]);
      const note = lang === 'en' ? 'Conference' : 'Congreso médico';
      await page.locator('#starts').fill(`${day(7 + n)}T08:00`);
      await page.locator('#ends').fill(`${day(7 + n)}T12:00`);
      await page.locator('#note').fill(note);
      await page.getByRole('button', { name: t('admin.timeOff.add') }).click();
      await page.waitForURL('**/staff/admin/providers/david-chen');
      expect(await page.locator('td', { hasText: note }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }
    // Other clinics, their providers, staff accounts and network administration: not found.
    for (const path of [
      '/staff/admin/clinics/phoenix',
      '/staff/admin/providers/ben-evans',
      '/staff/admin/providers/ben-evans/time-off',
      '/staff/admin/staff',
      `/staff/admin/staff/${adminId}`,
      '/staff/admin/clinics/new',
      '/staff/admin/visit-types',
    ]) {
      expect((await page.goto(`${server.url}${path}`))?.status(), path).toBe(404);
      expect(await h1(page)).toBe(T.es('staff.notFound.title'));
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a network administrator: adds a clinic (a bad short name first), retires and re-activates', async () => {
    const page = await signIn(ADMIN);
    const plans = [
      {
        lang: 'en',
        city: 'Mesa',
        list: '/staff/admin/visit-types',
        kind: 'visitTypes',
        item: 'new-patient-pain-consultation',
        name: 'New patient pain consultation',
      },
      {
        lang: 'es',
        city: 'Chandler',
        list: '/staff/admin/providers',
        kind: 'providers',
        item: 'james-walker',
        name: 'Dr. James Walker',
      },
    ] as const;
    for (const { lang, city, list, kind, item, name } of plans) {
      const t = T[lang];
      const slug = city.toLowerCase();
      await useLanguage(page, lang);
      await open(page, '/staff/admin', lang);
      await open(page, '/staff/admin/clinics', lang, false); // scanned below
      await page.getByRole('link', { name: t('admin.clinics.add') }).click();
      await page.waitForURL('**/staff/admin/clinics/new');
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#name').fill(`Carepath ${city}`);
      await page.locator('#slug').fill(`${city} Clinic`);
      await page.locator('#street').fill('100 W Main St');
      await page.locator('#city').fill(city);
      await page.locator('#region').fill('AZ');
      await page.locator('#postalCode').fill('85201');
      await page.locator('#phone').fill('(480) 555-0190');
      const create = page.getByRole('button', { name: t('admin.clinic.create') });
      await create.click();
      await page.waitForSelector('.error-summary');
      expect(await page.title()).toMatch(new RegExp(`^${T[lang]('sc.errorPrefix')}`));
      expect(await page.locator('.error-summary a').allInnerTexts()).toEqual([t('admin.create.err.slug')]);
      expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#slug');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      expect(await axeViolations(page)).toEqual([]);
      if (lang === 'es') await shots(page, 'admin-clinic-error-es');
      await page.locator('#slug').fill(slug);
      await create.click();
      await page.waitForURL(`**/staff/admin/clinics/${slug}`);
      expect(await h1(page)).toBe(t('admin.clinic.title', { name: `Carepath ${city}` }));
      expect(await axeViolations(page)).toEqual([]);
      await open(page, '/staff/admin/clinics', lang);
      expect(await page.getByRole('link', { name: `Carepath ${city}` }).count()).toBe(1);
      expect(await published('locations')).toContain(slug);
      await shots(page, `admin-clinics-${lang}`);

      // Retire one with no visits to come, then bring it back from its list.
      await open(page, `${list}/${item}`, lang);
      await page.getByRole('button', { name: t('admin.retire.button'), exact: true }).click();
      await page.waitForURL(`**${list}`);
      const row = page.locator('tr', { hasText: name });
      expect(await row.locator('.status').innerText()).toBe(t('admin.retire.retired'));
      expect(await row.getByRole('link').count()).toBe(0);
      expect(await published(kind)).not.toContain(item); // gone from the public API
      expect(await axeViolations(page)).toEqual([]);
      await row.getByRole('button', { name: t('admin.retire.reactivate') }).click();
      await row.getByRole('link', { name }).waitFor();
      expect(await row.innerText()).toContain(t('admin.active'));
      expect(await published(kind)).toContain(item);
    }
    await useLanguage(page, 'en');
    await page.context().close();
  });

  it('the front desk books a walk-in in Spanish by keyboard only, and prints a slip', async () => {
    const ctx = await browser.newContext({ viewport: WIDE, locale: 'es-MX' });
    const page = await ctx.newPage();
    const t = T.es;
    await page.goto(`${server.url}/staff/login`);
    await tabTo(page, '#email');
    await page.keyboard.type(DESK);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/staff');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.keyboard.press('b'); // the booking shortcut
    await page.waitForURL('**/staff/book');
    expect(await h1(page)).toBe(t('staff.book.title'));
    // The visit type, with the arrow keys in its list, then "Ver horas".
    await tabTo(page, '#visitType');
    const visitType = page.locator('#visitType');
    for (let i = 0; i < 6 && (await visitType.inputValue()) !== 'internal-medicine-visit'; i++)
      await page.keyboard.press('ArrowDown');
    expect(await visitType.inputValue()).toBe('internal-medicine-visit');
    await tabTo(page, 'form.filters button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**visitType=internal-medicine-visit**');
    // Today (Monday 08:05): the times before 10:05 are inside the online notice, marked.
    expect(await page.locator('.inset-warning').innerText()).toBe(
      t('staff.book.walkInNote', { minutes: 120 }),
    );
    const first = page.locator('label[for="slot-0"]');
    expect(await first.innerText()).toMatch(/^8:30/);
    expect(await first.locator('.tag-warning').innerText()).toBe('sin cita previa');
    expect(await page.locator('.tag-warning').count()).toBe(4); // 8:30 to 10:00
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'desk-book-es');

    await tabTo(page, 'input[name="slot"]');
    await page.keyboard.press('Space');
    expect(await page.locator('#slot-0').isChecked()).toBe(true);
    await tabTo(page, '#givenName');
    await page.keyboard.type('Wanda');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Walkin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1950-05-05');
    await page.keyboard.press('Tab'); // no email address
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('phone');
    await page.keyboard.type('(623) 555-0150');
    await tabTo(page, 'input[name="language"]');
    await page.keyboard.press('ArrowRight'); // messages in Spanish
    expect(await page.locator('#language-es').isChecked()).toBe(true);
    await tabTo(page, 'form[action="/staff/book"][method="post"] button[type=submit]');
    await page.keyboard.press('Enter');

    // Nobody will message her: the desk gets the slip to print.
    await page.waitForURL('**/slip?done=booked');
    expect(await h1(page)).toBe(t('staff.slip.title'));
    const slip = await page.locator('main').innerText();
    expect(slip).toContain('Wanda Walkin');
    expect(slip).toMatch(/lunes.*8:30/i);
    expect(slip).toContain('Carepath Glendale');
    expect(slip).toContain(t('staff.slip.change', { phone: '(623) 555-0141' }));
    expect(await page.getByRole('button', { name: t('staff.slip.print') }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'desk-slip-es');
    // Back to the day, where she is on the schedule.
    await tabTo(page, 'main a[href^="/staff?location=glendale"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/staff?location=glendale&date=${MONDAY}`);
    expect(await page.locator('td', { hasText: 'Walkin, Wanda' }).count()).toBe(1);
    await ctx.close();
  });
});
