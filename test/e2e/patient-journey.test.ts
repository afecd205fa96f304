/**
 * The patient's journey as issue 16 describes it, in a real browser, in both languages, with
 * JavaScript off (on a phone) and on (on a desktop): a browser that asks for Spanish lands on
 * Spanish pages; the nearest clinic by ZIP code, open now and directions; times from
 * Spanish-speaking clinicians, nearest clinics first; the language switch keeps the chosen time
 * and everything typed; the confirmation; and the "you may already have a visit" question.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/server.js';
import {
  axeViolations,
  axeViolationsWithoutJs,
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshot,
  startServer,
} from './browser.js';

let server: Running;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const W = {
  en: {
    zip: 'Find the nearest',
    miles: 'miles away',
    open: /Open now|Closed|Opens/,
    directions: 'Directions to Carepath Scottsdale',
    find: 'Show available times',
    cont: 'Continue',
    confirm: 'Confirm booking',
    booked: 'Your visit is booked',
    duplicate: 'You may already have a visit like this booked with us.',
    taken: 'that time has just been taken',
    switch: 'Español',
  },
  es: {
    zip: 'Buscar la más cercana',
    miles: 'millas',
    open: /Abierta|Cerrada|Abre/,
    directions: 'Cómo llegar a Carepath Scottsdale',
    find: 'Ver horarios disponibles',
    cont: 'Continuar',
    confirm: 'Confirmar la cita',
    booked: 'Su cita está reservada',
    duplicate: 'Es posible que ya tenga una cita así reservada con nosotros.',
    taken: 'alguien acaba de tomar ese horario',
    switch: 'English',
  },
};
const OTHER = { en: 'es', es: 'en' } as const;
const NOT_SPANISH_SPEAKING = ['Ben Evans', 'Priya Shah', 'David Chen', 'James Walker'];

describe('the patient journey in a browser', () => {
  for (const lang of ['en', 'es'] as const)
    for (const javaScript of [false, true])
      it(`finds, chooses and books in ${lang}, switching language midway, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
        const w = W[lang];
        // Each run is another person: the same person twice would (rightly) be asked "book another?".
        const given = `Jo${lang}${javaScript ? 'js' : ''}`;
        const email = `jo.${lang}.${javaScript}@example.com`;
        const ctx = await browser.newContext({
          viewport: javaScript ? DESKTOP : PHONE,
          javaScriptEnabled: javaScript,
          locale: lang === 'es' ? 'es-MX' : 'en-US', // sent as Accept-Language
        });
        ctx.setDefaultTimeout(30_000);
        const page = await ctx.newPage();
        const shot = async (name: string) => {
          expect(await (javaScript ? axeViolations(page) : axeViolationsWithoutJs(page)), page.url()).toEqual(
            [],
          );
          await screenshot(page, `journey-${name}-${lang}-${javaScript ? 'desktop' : 'phone'}`);
        };

        // A first visit lands in the browser's language.
        await page.goto(`${server.url}/clinics`);
        expect(new URL(page.url()).pathname).toBe(lang === 'es' ? '/es/clinics' : '/clinics');

        // The nearest clinic by ZIP code (85260 is in Scottsdale).
        await page.locator('#zip').fill('85260');
        await page.getByRole('button', { name: w.zip }).click();
        await page.waitForURL(/zip=85260/);
        const clinics = await page.locator('main h2').allTextContents();
        expect(clinics[0]).toContain('Scottsdale');
        const main = (await page.locator('main').textContent())!;
        expect(main).toContain(w.miles);
        expect(main).toMatch(w.open);
        await shot('clinics-zip');
        await page.locator('main h2 a').first().click();
        const directions = page.getByRole('link', { name: w.directions });
        expect(await directions.getAttribute('href')).toContain('destination=7301%20E%20Shea%20Blvd');

        // Times from Spanish-speaking clinicians, nearest clinics first.
        await page.goto(`${server.url}${lang === 'es' ? '/es' : ''}/book`);
        // Searching without a visit type: the error summary, as on every form.
        await page.getByRole('button', { name: w.find }).click();
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('.error-summary a[href="#visitType"]').count()).toBe(1);
        await page.locator('#visitType-back-pain-visit').check();
        await page.locator('#speaks').check();
        await page.locator('#zip').fill('85260');
        await page.getByRole('button', { name: w.find }).click();
        await page.waitForURL(/speaks=es/);
        const times = (await page.locator('#times').textContent())!;
        for (const name of NOT_SPANISH_SPEAKING) expect(times).not.toContain(name);
        expect(times).toContain(w.miles);
        await shot('times-spanish-speaking');

        // The details step, a mistake, then the language switch: nothing typed or chosen is lost.
        await page.locator('.time-link').first().click();
        await page.waitForURL(/book\/details/);
        const chosen = new URL(page.url()).searchParams.get('start');
        // No SMS gateway on this server: no text-reminder box is offered.
        expect(await page.locator('input[name="smsReminders"]').count()).toBe(0);
        const field = (name: string) => page.locator(`input[name="${name}"]:not([type="hidden"])`);
        await field('givenName').fill(given);
        await field('familyName').fill('Journey');
        await field('birthMonth').fill('7');
        await field('birthDay').fill('14');
        await field('birthYear').fill('1969');
        await field('phone').fill('(480) 555-0142');
        await page.getByRole('button', { name: w.cont }).click();
        await page.locator('.error-summary').waitFor();
        await page.getByRole('button', { name: w.switch }).click();
        await page.waitForURL(new RegExp(lang === 'es' ? '^[^?]*://[^/]+/book' : '/es/book'));
        const other = W[OTHER[lang]];
        expect(await field('givenName').inputValue()).toBe(given);
        expect(await field('birthYear').inputValue()).toBe('1969');
        expect(await page.locator('input[type="hidden"][name="start"]').first().getAttribute('value')).toBe(
          chosen,
        );
        expect(await page.locator('main').textContent()).not.toContain(other.taken);
        await field('email').fill(email);
        await page.getByRole('button', { name: other.cont }).click();
        await page.getByRole('button', { name: other.confirm }).click();
        await page.waitForURL(/booked=1/);
        expect(await page.locator('h1').textContent()).toBe(other.booked);
        expect(await page.locator('main').textContent()).toContain('j•••@example.com');
        if (javaScript) expect(await page.locator('[data-print]').isVisible()).toBe(true);
        // The calendar file: a reminder alarm, and the clinic's page rather than the private link.
        const visitPath = new URL(page.url()).pathname;
        const ics = await (await page.request.get(`${server.url}${visitPath}/visit.ics`)).text();
        expect(ics).toContain('BEGIN:VALARM');
        expect(ics).not.toContain(visitPath.split('/').pop()!);

        // The same person books the next time of the same visit: asked first, not booked twice silently.
        await page.goto(
          `${server.url}${OTHER[lang] === 'es' ? '/es' : ''}/book?visitType=back-pain-visit&speaks=es&zip=85260`,
        );
        await page.locator('.time-link').first().click();
        await field('givenName').fill(given);
        await field('familyName').fill('Journey');
        await field('birthMonth').fill('7');
        await field('birthDay').fill('14');
        await field('birthYear').fill('1969');
        await field('email').fill(email);
        await field('phone').fill('(480) 555-0142');
        await page.getByRole('button', { name: other.cont }).click();
        await page.getByText(other.duplicate).waitFor();
        await shot('duplicate-question');
        await ctx.close();
      });
});
