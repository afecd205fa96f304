import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/server.js';
import {
  axeViolations,
  axeViolationsWithoutJs as axe,
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
  context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  context.setDefaultTimeout(30_000);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  en: {
    find: 'Show available times',
    cont: 'Continue',
    confirm: 'Confirm booking',
    change: 'Change the time',
    move: 'Yes, move my visit',
    cancel: 'Cancel this visit',
    yesCancel: 'Yes, cancel my visit',
    booked: 'Your visit is booked',
    moved: 'Your visit has been moved',
    cancelled: 'Your visit has been cancelled',
    first: 'First name',
    last: 'Last name',
    month: 'Month',
    day: 'Day',
    year: 'Year',
    email: 'Email address',
    phone: 'Phone number',
  },
  es: {
    find: 'Ver horarios disponibles',
    cont: 'Continuar',
    confirm: 'Confirmar la cita',
    change: 'Cambiar el horario',
    move: 'Sí, cambiar mi cita',
    cancel: 'Cancelar esta cita',
    yesCancel: 'Sí, cancelar mi cita',
    booked: 'Su cita está reservada',
    moved: 'Su cita se cambió de horario',
    cancelled: 'Su cita fue cancelada',
    first: 'Nombre',
    last: 'Apellido',
    month: 'Mes',
    day: 'Día',
    year: 'Año',
    email: 'Correo electrónico',
    phone: 'Teléfono',
  },
};

async function check(page: Page, name?: string) {
  expect(await axe(page), page.url()).toEqual([]);
  if (name) await screenshot(page, name);
}

describe('booking in a browser with JavaScript off', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`books, reschedules and cancels a visit in ${lang}`, async () => {
      const tx = TEXT[lang];
      const page = await context.newPage();
      const prefix = lang === 'es' ? '/es' : '';
      await page.goto(`${server.url}${prefix}/book`);
      await check(page, `book-start-${lang}-phone`);
      await page.locator('label[for="visitType"]').click();
      await page.selectOption('#location', 'scottsdale');
      await page.selectOption('#provider', 'ben-evans');
      await page.getByRole('button', { name: tx.find }).click();
      await check(page, `book-times-${lang}-phone`);
      await page.locator('.time-link').first().click();
      await check(page);
      await page.getByLabel(tx.first, { exact: true }).fill('Test');
      await page.getByLabel(tx.last, { exact: true }).fill('Patient');
      // Three boxes, each with its own label (in Spanish the day comes first).
      await page.getByLabel(tx.month, { exact: true }).fill('4');
      await page.getByLabel(tx.day, { exact: true }).fill('27');
      await page.getByLabel(tx.year, { exact: true }).fill('1980');
      await page.getByLabel(tx.email).fill('test@example.com');
      await page.getByLabel(tx.phone).fill('(480) 555-0100');
      await page.getByRole('button', { name: tx.cont }).click();
      await check(page, `book-check-${lang}-phone`);
      await page.getByRole('button', { name: tx.confirm }).click();
      expect(await page.locator('h1').textContent()).toBe(tx.booked);
      await check(page, `book-confirmed-${lang}-phone`);
      const manage = page.url().replace('?booked=1', '');

      await page.getByRole('link', { name: tx.change }).click();
      await check(page);
      await page.locator('.time-link').nth(1).click();
      await check(page);
      await page.getByRole('button', { name: tx.move }).click();
      expect(await page.locator('h1').textContent()).toBe(tx.moved);

      await page.goto(manage);
      await page.getByRole('link', { name: tx.cancel }).click();
      await check(page);
      await page.getByRole('button', { name: tx.yesCancel }).click();
      expect(await page.locator('h1').textContent()).toBe(tx.cancelled);
      await check(page);
      await page.close();
    });
  }

  it('captures the times page on a desktop', async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/book?visitType=back-pain-visit`);
    await screenshot(page, 'book-times-en-desktop');
    await ctx.close();
  });
});

describe('booking with JavaScript on', () => {
  it('chooses a day and browses later weeks without a full page reload', async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/book?visitType=pain-follow-up&location=scottsdale&provider=ben-evans`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const firstDay = await page.locator('.dt-day').textContent();
    // Another day of the week: its times replace the first day's, and focus goes to them.
    await page.locator('.day-picker a:not([aria-current])').first().click();
    await page.waitForFunction(
      (before) => document.querySelector('.dt-day')?.textContent !== before,
      firstDay,
    );
    expect(await page.evaluate(() => document.activeElement?.classList.contains('dt-day'))).toBe(true);
    expect(page.url()).toContain('day=');
    const chosenDay = await page.locator('.dt-day').textContent();
    await page.locator('#times .pager a').last().click();
    await page.waitForFunction(
      (before) => document.querySelector('.dt-day')?.textContent !== before,
      chosenDay,
    );
    // Same document: the marker set before the click survived, so nothing reloaded.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(page.url()).toContain('date=');
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });
});

/** A visit with Dr. Evans, booked through the API; its private page's address. */
async function bookEvans(lang: 'en' | 'es') {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const slots = await (
    await fetch(
      `${server.url}/api/v1/slots?visitType=new-patient-pain-consultation&provider=ben-evans&location=scottsdale&from=${day(1)}&to=${day(21)}`,
    )
  ).json();
  for (const slot of slots.slots as { start: string }[]) {
    const res = await fetch(`${server.url}/api/v1/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        visitType: 'new-patient-pain-consultation',
        location: 'scottsdale',
        provider: 'ben-evans',
        start: slot.start,
        language: lang,
        patient: {
          givenName: 'Mover',
          familyName: 'Test',
          birthDate: '1970-02-02',
          email: 'mover@example.com',
          phone: '4805550123',
        },
      }),
    });
    if (res.status === 201) return new URL((await res.json()).manageUrl).pathname;
  }
  throw new Error('no free time with Dr. Evans');
}

describe('moving a visit to another clinician and clinic', () => {
  const words = {
    en: { change: 'Change clinician, clinic or visit type', show: 'Show times', move: 'Yes, move my visit' },
    es: {
      change: 'Cambiar de médico, clínica o tipo de consulta',
      show: 'Ver horarios',
      move: 'Sí, cambiar mi cita',
    },
  };
  for (const lang of ['en', 'es'] as const)
    for (const javaScript of [false, true])
      it(`moves from Dr. Evans to Dr. Shah in ${lang}, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
        const w = words[lang];
        const ctx = await browser.newContext({
          viewport: javaScript ? DESKTOP : PHONE,
          javaScriptEnabled: javaScript,
        });
        const page = await ctx.newPage();
        await page.goto(`${server.url}${await bookEvans(lang)}/reschedule`);
        await page.getByText(w.change).click(); // opens the folded form (a native <details>)
        await page.selectOption('#location', '');
        await page.selectOption('#provider', 'priya-shah');
        await page.getByRole('button', { name: w.show, exact: true }).click();
        await page.waitForURL(/provider=priya-shah/);
        const name = `reschedule-change-${lang}-${javaScript ? 'desktop' : 'phone'}`;
        if (javaScript) expect(await axeViolations(page)).toEqual([]);
        else await check(page, name);
        if (javaScript) await screenshot(page, name);
        await page.locator('.time-link').first().click();
        await page.waitForURL(/reschedule\/confirm/);
        expect(await page.locator('main').textContent()).toContain('Priya Shah');
        // Dr. Shah speaks English: a Spanish move says an interpreter joins, before confirming.
        if (lang === 'es') expect(await page.locator('main').textContent()).toContain('intérprete');
        if (!javaScript) await check(page, `reschedule-confirm-${lang}-phone`);
        await page.getByRole('button', { name: w.move }).click();
        await page.waitForURL(/moved=1/);
        expect(await page.locator('.summary-list').textContent()).toContain('Priya Shah');
        await ctx.close();
      });
});

describe('joining the waiting list with the date boxes', () => {
  for (const javaScript of [false, true])
    it(`joins in English, switches to Spanish keeping what was typed, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const ctx = await browser.newContext({
        viewport: javaScript ? DESKTOP : PHONE,
        javaScriptEnabled: javaScript,
      });
      const page = await ctx.newPage();
      await page.goto(`${server.url}/book/waitlist?visitType=pain-follow-up&location=tempe`);
      const soon = new Date(Date.now() + 20 * 86_400_000);
      const fill = async (name: string, value: string) =>
        page.locator(`input[name="${name}"]:not([type="hidden"])`).fill(value);
      await fill('toMonth', String(soon.getUTCMonth() + 1));
      await fill('toDay', String(soon.getUTCDate()));
      await fill('givenName', 'Wanda');
      await fill('familyName', 'Waiting');
      await fill('birthMonth', '5');
      await fill('birthDay', '6');
      await fill('birthYear', '1972');
      await fill('email', 'wanda@example.com');
      await fill('phone', '480 555 0190');
      // The year is missing: the error names it, and the boxes keep what was typed.
      await page.getByRole('button', { name: 'Join the waiting list' }).click();
      await page.waitForURL(/\/book\/waitlist$/);
      expect(await page.locator('.error-summary').textContent()).toContain(
        'Enter the latest date: month, day and year',
      );
      // Switching language keeps every box (a form post, with or without JavaScript).
      await page.getByRole('button', { name: 'Español' }).click();
      await page.waitForURL(/\/es\/book\/waitlist/);
      expect(await page.locator('input[name="toDay"]:not([type="hidden"])').inputValue()).toBe(
        String(soon.getUTCDate()),
      );
      expect(await page.locator('input[name="givenName"]:not([type="hidden"])').inputValue()).toBe('Wanda');
      // Spanish writes the day first.
      const order = await page
        .locator('.date-input input')
        .evaluateAll((inputs) => inputs.slice(0, 3).map((i) => (i as HTMLInputElement).name));
      expect(order).toEqual(['fromDay', 'fromMonth', 'fromYear']);
      expect(await page.locator('#email-hint').textContent()).toContain('oferta');
      await fill('toYear', String(soon.getUTCFullYear()));
      if (javaScript) expect(await axeViolations(page)).toEqual([]);
      else await check(page, 'waitlist-es-phone');
      await page.getByRole('button', { name: 'Anotarme en la lista de espera' }).click();
      await page.waitForURL(/\/es\/waitlist\//);
      expect(await page.locator('h1').textContent()).toBe('Está en la lista de espera');
      expect(await page.locator('main').textContent()).toContain('Lo que está esperando');
      if (!javaScript) await check(page, 'waitlist-joined-es-phone');
      await ctx.close();
    });
});
