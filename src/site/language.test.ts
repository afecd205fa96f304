/**
 * Switching language loses nothing (the chosen time, typed details), and a browser that asks for
 * Spanish lands on Spanish pages on its first visit, until the patient chooses otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../../test/support/form-client.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { prefersSpanish } from '../platform/i18n/i18n.js';

const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

const unescape = (s: string) => s.replace(/&amp;/g, '&');
const DETAILS = {
  givenName: 'Lucía',
  familyName: 'Cambio',
  birthDate: '1979-09-09',
  email: 'lucia@example.com',
  phone: '602 555 0123',
};

describe('the language switch', () => {
  it('keeps the chosen time and everything typed, on every step of booking', async () => {
    const client = new FormClient(t);
    const times = await (await client.get('/book?visitType=pain-follow-up&location=scottsdale')).text();
    const switchToEs = unescape(/class="language-switch" href="([^"]+)"/.exec(times)![1]!);
    expect(switchToEs).toBe('/es/book?visitType=pain-follow-up&location=scottsdale');

    const details = unescape(/class="time-link" href="([^"]+)"/.exec(times)![1]!);
    const detailsHtml = await (await client.get(details)).text();
    const detailsSwitch = unescape(/class="language-switch" href="([^"]+)"/.exec(detailsHtml)![1]!);
    expect(detailsSwitch).toBe(`/es${details}`);
    const inSpanish = await client.get(detailsSwitch);
    expect(inSpanish.status).toBe(200); // the time is still chosen, not "taken"
    expect(await inSpanish.text()).toContain('Sus datos');

    // After typing the details: the check page's switch posts them to the Spanish details step.
    const hidden = Object.fromEntries(
      [...detailsHtml.matchAll(/type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
        m[1]!,
        unescape(m[2]!),
      ]),
    );
    const check = await (await client.post('/book/details', { ...hidden, ...DETAILS })).text();
    const switchForm =
      /<form class="language-switch-form" method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(check)!;
    expect(switchForm[1]).toBe('/es/book/details');
    const carried = Object.fromEntries(
      [...switchForm[2]!.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]),
    );
    expect(carried).toMatchObject({ ...DETAILS, start: hidden.start, edit: '1' });
    const spanish = await client.post('/es/book/details', carried);
    expect(spanish.status).toBe(200);
    const html = await spanish.text();
    expect(html).toContain('lang="es"');
    expect(html).toContain('value="Lucía"');
    expect(html).toContain('value="lucia@example.com"');
  });

  it('keeps the waiting-list form as typed', async () => {
    const client = new FormClient(t);
    const res = await client.post('/book/waitlist', {
      visitType: 'pain-follow-up',
      provider: '',
      location: 'scottsdale',
      from: 'not a date',
      to: '',
      ...DETAILS,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    const form = /<form class="language-switch-form" method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(
      html,
    )!;
    expect(form[1]).toBe('/es/book/waitlist');
    const carried = Object.fromEntries(
      [...form[2]!.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]),
    );
    const spanish = await client.post('/es/book/waitlist', carried);
    expect(spanish.status).toBe(200);
    const text = await spanish.text();
    expect(text).toContain('value="Lucía"');
    // Shown again, not joined.
    expect((await t.db.query("SELECT 1 FROM patients WHERE family_name = 'Cambio'")).length).toBe(0);
  });
});

describe('the first visit of a browser that asks for Spanish', () => {
  const page = (path: string, headers: Record<string, string>) =>
    t.request(path, { headers: { accept: 'text/html', ...headers } });

  it('lands on the Spanish page, keeping the query', async () => {
    const res = await page('/book?visitType=pain-follow-up', {
      'accept-language': 'es-MX,es;q=0.9,en;q=0.5',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/es/book?visitType=pain-follow-up');
    expect(res.headers.get('vary')).toContain('Accept-Language');
  });

  it('then follows the choice the patient made (the cookie), and never redirects the API', async () => {
    const chose = await page('/book', { 'accept-language': 'es', cookie: 'lang=en' });
    expect(chose.status).toBe(200);
    const english = await page('/', { 'accept-language': 'en-US,en;q=0.9,es;q=0.8' });
    expect(english.status).toBe(200);
    expect(english.headers.get('set-cookie')).toContain('lang=en');
    const api = await t.request('/api/v1/locations', { headers: { 'accept-language': 'es' } });
    expect(api.status).toBe(200);
  });

  it('ranks the languages by their q values', () => {
    expect(prefersSpanish('es')).toBe(true);
    expect(prefersSpanish('es-US,en;q=0.8')).toBe(true);
    expect(prefersSpanish('en-US,es;q=0.8')).toBe(false);
    expect(prefersSpanish('en;q=0.5,es;q=0.9')).toBe(true);
    expect(prefersSpanish('fr,de')).toBe(false);
    expect(prefersSpanish('es;q=0.5,en;q=0.5')).toBe(false);
    expect(prefersSpanish(undefined)).toBe(false);
  });
});
