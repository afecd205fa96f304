import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { createTestDatabase } from '../../test/support/test-db.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const PAGES = [
  '/',
  '/clinics',
  '/clinics/glendale',
  '/clinics/tempe',
  '/clinics/phoenix',
  '/clinics/scottsdale',
  '/providers',
  '/providers/ben-evans',
  '/guides',
  '/guides/lower-back-muscle-spasms',
  '/guides/knee-pain',
  '/guides/left-side-back-pain',
  '/guides/sciatica',
  '/guides/chronic-back-pain',
];

describe('pages in English and Spanish', () => {
  for (const path of PAGES) {
    for (const lang of ['en', 'es'] as const) {
      const url = lang === 'en' ? path : path === '/' ? '/es/' : `/es${path}`;
      it(`${url} renders in ${lang} with hreflang links and a switch to the same page`, async () => {
        const res = await t.request(url);
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain(`<html lang="${lang}">`);
        const esPath = path === '/' ? '/es/' : `/es${path}`;
        expect(html).toContain(`hreflang="en" href="${path}"`);
        expect(html).toContain(`hreflang="es" href="${esPath}"`);
        expect(html).toContain(`class="language-switch" href="${lang === 'en' ? esPath : path}"`);
        expect(html).toContain('911');
      });
    }
  }

  it('puts the guide in Spanish under /es/ with links rewritten to Spanish pages', async () => {
    const html = await (await t.request('/es/guides/lower-back-muscle-spasms')).text();
    expect(html).toContain('Espasmos musculares');
    expect(html).toContain('href="/es/self-check"');
    expect(html).toContain('href="/es/book"');
    expect(html).not.toMatch(/href="\/self-check"/);
  });

  it('shows a clinic page with address, phone, hours, providers and visit types', async () => {
    const html = await (await t.request('/clinics/scottsdale')).text();
    expect(html).toContain('7301 E Shea Blvd');
    expect(html).toContain('(480) 555-0174');
    expect(html).toContain('Dr. Ben Evans');
    expect(html).toContain('New patient pain consultation');
    expect(html).toContain('Monday to Thursday');
  });
});

describe('errors and headers', () => {
  it('gives a friendly 404 page in the page language', async () => {
    const en = await t.request('/no-such-page');
    expect(en.status).toBe(404);
    expect(await en.text()).toContain('Page not found');
    const es = await t.request('/es/no-existe');
    expect(es.status).toBe(404);
    const html = await es.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Página no encontrada');
  });

  it('unknown clinics and guides are 404 pages', async () => {
    expect((await t.request('/clinics/tucson')).status).toBe(404);
    expect((await t.request('/es/guides/nothing')).status).toBe(404);
  });

  it('sets security headers on every response', async () => {
    for (const path of ['/', '/api/v1/locations', '/api/nope', '/missing', '/healthz']) {
      const res = await t.request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves /healthz with 200 while the database answers', async () => {
    const res = await t.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('says /readyz only when the database answers and its migrations are this code’s', async () => {
    const ready = await t.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'ok',
      migrations: 'current',
      jobs: 'off',
    });
    // An instance whose database lacks a migration (an older schema) is not ready.
    const [last] = await t.db.query<{ version: number; name: string; checksum: string }>(
      'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations) RETURNING *',
    );
    try {
      const behind = await t.request('/readyz');
      expect(behind.status).toBe(503);
      expect(await behind.json()).toMatchObject({ status: 'not ready', migrations: 'pending' });
    } finally {
      await t.db.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        last!.version,
        last!.name,
        last!.checksum,
      ]);
    }
  });

  it('answers 500 without internals when the database is gone, as a page and as problem+json', async () => {
    const broken = await createTestApp({ database: await createTestDatabase() });
    await broken.close();
    const api = await broken.request('/api/v1/locations');
    expect(api.status).toBe(500);
    const problem = await api.json();
    expect(problem).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(JSON.stringify(problem)).not.toMatch(/select|pglite|stack|closed/i);
    const page = await broken.request('/es/clinics');
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('algo salió mal');
    expect((await broken.request('/healthz')).status).toBe(503);
    expect(await (await broken.request('/readyz')).json()).toMatchObject({ database: 'unavailable' });
  });

  it('refuses a body over 64 KB before reading it: 413 problem+json on the API, a page otherwise', async () => {
    const big = 'x'.repeat(70 * 1024);
    const api = await t.request('/api/v1/appointments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: big }),
    });
    expect(api.status).toBe(413);
    expect(await api.json()).toMatchObject({ status: 413, code: 'too_large' });
    const page = await t.request('/es/book/details', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `givenName=${big}`,
    });
    expect(page.status).toBe(413);
    expect(await page.text()).toContain('no se guardó nada');
  });

  it('keeps a private token out of the log even with punctuation after it', async () => {
    const token = 'A'.repeat(43);
    for (const tail of ['.', ',', ')', '%00', '/cancel'])
      await t.request(`/appointments/manage/${token}${tail}`);
    expect(t.logs.text).not.toContain(token);
  });

  it('opens a private link pasted with the punctuation after it (308 to the link itself)', async () => {
    const token = 'B'.repeat(43);
    for (const tail of ['.', ',', ')', ').', '%22', ']'])
      for (const prefix of ['', '/es']) {
        const res = await t.request(`${prefix}/appointments/manage/${token}${tail}?booked=1`);
        expect(res.status, tail).toBe(308);
        expect(res.headers.get('location')).toBe(`${prefix}/appointments/manage/${token}?booked=1`);
      }
    // Not a token, or not at the end: untouched.
    expect((await t.request('/clinics/scottsdale.')).status).toBe(404);
    expect((await t.request(`/appointments/manage/${token}%00`)).status).toBe(404);
  });

  it('keeps token-like text out of problem answers', async () => {
    const token = 'C'.repeat(43);
    const res = await t.request(`/api/v1/no-such-thing/${token}`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain(token);
    expect(JSON.parse(body).instance).toBe('/api/v1/no-such-thing/:token');
  });

  it('logs one line per request without query strings or bodies', async () => {
    await t.request('/api/v1/locations?lang=es&secret=abc');
    const line = t.logs.lines.map((l) => JSON.parse(l)).find((l) => l.path === '/api/v1/locations');
    expect(line).toMatchObject({ method: 'GET', status: 200, msg: 'request' });
    expect(t.logs.text).not.toContain('secret=abc');
  });
});
