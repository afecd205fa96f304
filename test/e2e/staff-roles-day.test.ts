/**
 * The clinical day's roles in a browser, in English and Spanish, with axe scans and screenshots
 * at 1920 x 1080, 1280 x 800 and 390 x 844 (staff-roles-support.ts): a provider (their week
 * across clinics, an intake, and no status buttons: those are the desk's), the front desk booking
 * a walk-in by keyboard only, and the front desk adding a caller to the waiting list and moving a
 * visit to another of its clinics. The managers' and administrators' days are in
 * staff-roles-admin.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './browser.js';
import {
  DESK,
  DESK_EN,
  h1,
  MONDAY,
  day,
  open,
  PASSWORD,
  PROVIDER,
  roles,
  shots,
  signIn,
  T,
  tabTo,
  useLanguage,
  useRoles,
  WIDE,
} from './staff-roles-support.js';

useRoles();

describe("the clinical day's roles in a browser", () => {
  it('a provider: their week across clinics and a visit’s pre-visit intake, in English and Spanish', async () => {
    const page = await signIn(PROVIDER);
    for (const lang of ['en', 'es'] as const) {
      const t = T[lang];
      await useLanguage(page, lang);
      await open(page, `/staff?date=${MONDAY}`, lang);
      expect(await h1(page)).toContain(lang === 'en' ? 'Your schedule' : 'Su agenda');
      expect(await page.locator('td', { hasText: 'Ortega, Irene' }).count()).toBe(1);
      // A provider reads the day: checking in and no-shows are the desk's.
      expect(await page.locator('main form[action$="/check-in"], main a[href$="/no-show"]').count()).toBe(0);
      expect(await page.locator('th', { hasText: t('staff.col.actions') }).count()).toBe(0);
      await shots(page, `provider-day-${lang}`, { phoneScan: lang === 'es' });
      // The week shows both clinics' visits, each naming its clinic.
      await open(page, `/staff/week?date=${MONDAY}`, lang);
      const week = await page.locator('main').innerText();
      expect(week).toMatch(/Irene\n[^\n]*Carepath Phoenix/);
      expect(week).toMatch(/Tomas\n[^\n]*Carepath Tempe/);
      if (lang === 'es') await shots(page, 'provider-week-es');
      // The intake, from the day's schedule, with its print button (shown by site.js).
      await page.goto(`${roles.server.url}/staff?date=${MONDAY}`);
      await page.getByRole('link', { name: t('staff.intake.open') }).click();
      await page.waitForURL('**/intake');
      expect(await h1(page)).toContain(`${t('staff.intake.title')}: Irene Ortega`);
      expect(await page.getByRole('button', { name: t('staff.intake.print') }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      if (lang === 'es') await shots(page, 'provider-intake-es');
    }
    // The desk's booking and the visit's status are not a provider's.
    expect((await page.goto(`${roles.server.url}/staff/book`))?.status()).toBe(404);
    expect((await page.goto(`${roles.server.url}/staff/appointments/${roles.irene}/no-show`))?.status()).toBe(
      404,
    );
    await page.context().close();
  });

  it('the front desk books a walk-in in Spanish by keyboard only, and prints a slip', async () => {
    const ctx = await roles.browser.newContext({ viewport: WIDE, locale: 'es-MX' });
    const page = await ctx.newPage();
    const t = T.es;
    await page.goto(`${roles.server.url}/staff/login`);
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

  it('the front desk adds a caller to the waiting list and offers a move to its other clinic', async () => {
    const page = await signIn(DESK_EN);
    for (const lang of ['en', 'es'] as const) {
      const t = T[lang];
      await useLanguage(page, lang);
      // The add form, from the waiting list; a caller with a phone number and no email.
      await open(page, '/staff/waitlist?location=phoenix', lang, false);
      await page.getByRole('link', { name: t('staff.waitlist.add') }).click();
      await page.waitForURL('**/staff/waitlist/new?location=phoenix');
      expect(await h1(page)).toBe(t('staff.waitlistAdd.title'));
      expect(await axeViolations(page)).toEqual([]);
      await shots(page, `desk-waitlist-add-${lang}`);
      const caller = lang === 'en' ? 'Carter' : 'Castillo';
      await page.locator('#visitType').selectOption('pain-follow-up');
      await page.locator('#givenName').fill('Rosa');
      await page.locator('#familyName').fill(caller);
      await page.locator('#birthDate').fill('1961-02-03');
      await page.locator('#phone').fill('(602) 555-0177');
      await page.getByRole('button', { name: t('staff.waitlistAdd.submit') }).click();
      await page.waitForURL('**/staff/waitlist?location=phoenix&done=added');
      expect(await page.locator('main').innerText()).toContain('(602) 555-0177');

      // Irene's Phoenix visit can move to Tempe, the desk's other clinic, where Dr. Shah works
      // on Tuesdays.
      await open(page, `/staff/appointments/${roles.irene}/reschedule`, lang, false);
      expect(await page.locator('#location option').allInnerTexts()).toEqual([
        'Carepath Phoenix',
        'Carepath Tempe',
      ]);
      expect(await page.locator('main').innerText()).toContain(t('staff.reschedule.keepsIntake'));
      await page.locator('#location').selectOption('tempe');
      await page.locator('#date').fill(day(1));
      await page.getByRole('button', { name: t('staff.slots.show') }).click();
      await page.waitForURL('**location=tempe**');
      expect(await page.locator('input[name="slot"]').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await shots(page, `desk-move-clinic-${lang}`);
    }
    await page.context().close();
  });
});
