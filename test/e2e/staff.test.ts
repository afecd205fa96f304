import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/server.js';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, startServer } from './browser.js';
import { SELF_CARE } from '../support/answers.js';

let server: Running;
let browser: Browser;
const ADMIN = { email: 'admin@example.com', password: 'a long admin passphrase' };
let bookedDate = '';
/**
 * The server's clock: real time while the visits are booked, then a minute after the second
 * visit began, so that it can be marked a no-show (only after its start) and the first checked
 * in (only on its day), while the third has not started and can still be moved.
 */
let clock: number | undefined;
let runDayAt = 0;

beforeAll(async () => {
  server = await startServer(
    { CAREPATH_ADMIN_EMAIL: ADMIN.email, CAREPATH_ADMIN_PASSWORD: ADMIN.password },
    { now: () => new Date(clock ?? Date.now()) },
  );
  browser = await launchBrowser();
  // A visit with a self-check attached, on the next day Scottsdale has times.
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await (
    await fetch(
      `${server.url}/api/v1/slots?visitType=pain-follow-up&location=scottsdale&provider=ben-evans&from=${from}&to=${to}`,
    )
  ).json();
  const a = await (
    await fetch(`${server.url}/api/v1/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pathway: 'low-back-pain', answers: { ...SELF_CARE, scoliosis: true } }),
    })
  ).json();
  const book = async (start: string, givenName: string, familyName: string, intake: boolean) => {
    const res = await fetch(`${server.url}/api/v1/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        visitType: 'pain-follow-up',
        location: 'scottsdale',
        provider: 'ben-evans',
        start,
        ...(intake ? { assessmentId: a.id, assessmentToken: a.token } : {}),
        patient: {
          givenName,
          familyName,
          birthDate: '1975-05-05',
          email: `${givenName.toLowerCase()}@example.com`,
          phone: '480 555 0108',
        },
      }),
    });
    expect(res.status).toBe(201);
  };
  // Three visits on one day: one to check in (with an intake), one no-show, one to move.
  const day = slots[0].start.slice(0, 10);
  const sameDay = slots.filter((s: { start: string }) => s.start.startsWith(day));
  await book(sameDay[0].start, 'Kay', 'Board', true);
  await book(sameDay[1].start, 'Nora', 'Show', false);
  await book(sameDay[2].start, 'Rita', 'Move', false);
  bookedDate = slots[0].start.slice(0, 10);
  runDayAt = Date.parse(sameDay[1].start) + 60_000;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the staff side in a browser', () => {
  it('signs in with the keyboard, runs the day (check-in, no-show, move), opens an intake and signs out, with axe scans', async () => {
    clock = runDayAt;
    const ctx = await browser.newContext({ viewport: DESKTOP });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/staff`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab'); // skip link
    await page.locator('#email').focus();
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/staff');
    // One-key shortcuts: w for the week, t back to today.
    await page.keyboard.press('w');
    await page.waitForURL('**/staff/week');
    await page.keyboard.press('t');
    await page.waitForURL('**/staff');
    await page.goto(`${server.url}/staff?location=scottsdale&date=${bookedDate}`);
    expect(await page.locator('td', { hasText: 'Board, Kay' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-schedule-desktop');

    const checkIn = page.getByRole('button', { name: 'Check in' }).first();
    await checkIn.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.status-checked-in');
    expect(new URL(page.url()).searchParams.get('date')).toBe(bookedDate);

    // No-show, with its confirmation, by keyboard.
    await page.locator('tr', { hasText: 'Show, Nora' }).getByRole('link', { name: 'No-show' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/no-show');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /no-show/i }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/staff?location=scottsdale&date=${bookedDate}&done=no-show*`);
    expect(await page.locator('.notice', { hasText: 'marked as a no-show' }).count()).toBe(1);
    expect(await page.locator('tr', { hasText: 'Show, Nora' }).locator('.status-no-show').count()).toBe(1);

    // Move Rita's visit to another time: visit page, Move, pick a time with the keyboard.
    await page.getByRole('link', { name: 'Move, Rita' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Rita Move")');
    expect(await axeViolations(page)).toEqual([]);
    // Rita's patient page: her visits, and a corrected phone number, by keyboard.
    const visitUrl = page.url();
    await page.getByRole('link', { name: /All visits and contact details/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('h2:has-text("Visits you can see")');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#phone').fill('480 555 0177');
    await page.getByRole('button', { name: 'Save contact details' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice:has-text("The contact details were saved")');
    expect(await page.locator('dd', { hasText: '480 555 0177' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-patient-desktop');
    await page.goto(visitUrl);
    await page.getByRole('link', { name: 'Move', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Move a visit")');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-reschedule-desktop');
    const lastTime = page.locator('input[name="slot"]').last();
    await lastTime.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Move to this time' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice:has-text("The visit is moved")');

    // The intake, by keyboard.
    await page.getByRole('link', { name: 'Open intake' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Pre-visit intake")');
    expect(await page.locator('h1').textContent()).toContain('Pre-visit intake: Kay Board');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-intake-desktop');

    // Phone booking and the waiting list pass axe too.
    await page.goto(
      `${server.url}/staff/book?location=scottsdale&visitType=pain-follow-up&date=${bookedDate}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-book-desktop');
    await page.goto(`${server.url}/staff/waitlist?location=scottsdale`);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/staff/audit`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/staff/login');
    await page.goto(`${server.url}/staff`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await ctx.close();
  });

  it('opens every administration page without axe violations', async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/staff/login`);
    await page.locator('#email').fill(ADMIN.email);
    await page.locator('#password').fill(ADMIN.password);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL('**/staff');
    const pages = [
      ['/staff/admin', 'admin-home'],
      ['/staff/admin/clinics/scottsdale', 'admin-clinic'],
      ['/staff/admin/providers/ben-evans', 'admin-provider'],
      ['/staff/admin/providers/ben-evans/time-off', 'admin-time-off'],
      ['/staff/admin/visit-types/pain-follow-up', 'admin-visit-type'],
      ['/staff/admin/staff', 'admin-staff'],
      ['/staff/admin/staff/invite', 'admin-invite'],
      ['/staff/admin/pathways', 'admin-pathways'],
      ['/staff/outbox', 'outbox'],
      ['/staff/admin/fhir-clients', 'admin-fhir-clients'],
    ] as const;
    for (const [path, name] of pages) {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
      await screenshot(page, `staff-${name}-desktop`);
    }
    // Registering a FHIR client with a mistake: the summary names it, focus goes there.
    await page.locator('#clientId').fill('partner-ehr');
    await page.locator('#name').fill('Partner EHR');
    await page.locator('#scope').fill('system/Appointment.rs');
    await page.locator('#jwks').fill('{ keys: nope');
    await page.locator('form[action="/staff/admin/fhir-clients"] button[type=submit]').click();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary a[href="#jwks"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-admin-fhir-clients-error-desktop');
    await ctx.close();
  });

  it('runs in Spanish: sign-in and a forgotten password, the live day on a phone and at 1920 x 1080, the intake, with axe', async () => {
    clock = runDayAt;
    const phone = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await phone.newPage();
    await page.goto(`${server.url}/staff/login`);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await page.waitForURL('**/staff/password/forgot');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#email').fill('nobody@example.com');
    await page.locator('main button[type=submit]').click();
    await page.waitForSelector('h1:has-text("Revise su correo")');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/staff/login`);
    await page.locator('#email').fill(ADMIN.email);
    await page.locator('#password').fill(ADMIN.password);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL('**/staff');
    // The administrator's own setting: English until they switch (the sign-in page followed the browser).
    if ((await page.getAttribute('html', 'lang')) === 'en') {
      await page.locator('button.language-switch').click();
      await page.waitForLoadState();
    }
    const day = `${server.url}/staff?location=scottsdale&date=${bookedDate}`;
    await page.goto(day);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('.day-counts').textContent()).toMatch(/citas/);
    expect(await page.locator('.now-line').count()).toBe(1);
    expect(await page.locator('[data-refresh="60"]').count()).toBe(1);
    // WCAG 1.4.10: the day reflows at 390 px, no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-schedule-es-phone');
    await phone.close();

    const wide = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const desk = await wide.newPage();
    await desk.goto(`${server.url}/staff/login`);
    await desk.locator('#email').fill(ADMIN.email);
    await desk.locator('#password').fill(ADMIN.password);
    await desk.locator('main button[type=submit]').click();
    await desk.waitForURL('**/staff');
    await desk.goto(day);
    expect(await desk.getAttribute('html', 'lang')).toBe('es'); // kept with the account
    // The day fits the screen: the last visit's row is above the fold.
    const lastRow = await desk.locator('table.schedule tbody tr').last().boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(1080);
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, 'staff-schedule-es-1920');
    await desk.locator('a[href$="/intake"]').first().click();
    await desk.waitForSelector('.intake-head');
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, 'staff-intake-es-1920');
    // Back to English for anyone who signs in after this test.
    await desk.locator('button.language-switch').click();
    await desk.waitForLoadState();
    await wide.close();
  });
});
