import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
let clock = new Date('2026-12-01T10:00:00-07:00'); // a Tuesday morning in Arizona
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => {
  await t.close();
});

describe('clinic pages say whether a clinic is open, by its own clock', () => {
  it('on a weekday morning: open now, until closing time, in both languages', async () => {
    clock = new Date('2026-12-01T10:00:00-07:00');
    const list = await (await t.request('/clinics')).text();
    expect(list.match(/Open now until/g)).toHaveLength(4);
    const tempe = await (await t.request('/es/clinics/tempe')).text();
    expect(tempe).toContain('Abierta ahora hasta las 5:30');
  });

  it('on Saturday at 23:44: closed for the rest of today, with the next opening', async () => {
    clock = new Date('2026-12-05T23:44:00-07:00');
    const page = await (await t.request('/clinics/scottsdale')).text();
    expect(page).toContain('Closed for the rest of today. Opens Monday at 8:00');
    expect(page).not.toContain('Open now');
  });
});

describe('directions', () => {
  it('links the clinic page to directions as a plain address link, sending no referrer', async () => {
    const page = await (await t.request('/es/clinics/scottsdale')).text();
    const link = /<a class="standalone-link" href="([^"]+)" rel="noreferrer">([^<]+)<\/a>/.exec(page)!;
    const url = new URL(link[1]!.replace(/&amp;/g, '&'));
    expect(url.searchParams.get('destination')).toBe('7301 E Shea Blvd, Suite 120, Scottsdale, AZ 85260');
    expect(link[2]).toBe('Cómo llegar a Carepath Scottsdale en su aplicación de mapas');
  });
});

describe('the nearest clinic by ZIP code', () => {
  it('orders clinics by distance from /clinics?zip=, with miles, in both languages', async () => {
    clock = new Date('2026-12-01T10:00:00-07:00');
    const html = await (await t.request('/clinics?zip=85301')).text(); // Glendale
    const order = [...html.matchAll(/<h2><a href="\/clinics\/([a-z]+)">/g)].map((m) => m[1]);
    expect(order[0]).toBe('glendale');
    expect(order).toHaveLength(4);
    expect(html).toContain('Nearest to ZIP code 85301 first.');
    expect(html).toMatch(/\d(\.\d)? miles away/);
    const es = await (await t.request('/es/clinics?zip=85260')).text(); // north Scottsdale
    expect([...es.matchAll(/<h2><a href="\/es\/clinics\/([a-z]+)">/g)][0]![1]).toBe('scottsdale');
    expect(es).toMatch(/a \d+(,\d)? millas/);
  });

  it('an out-of-state ZIP code still sorts by distance (New York: all far away)', async () => {
    const html = await (await t.request('/clinics?zip=10001')).text();
    expect(html).toMatch(/2,\d{3}(\.\d)? miles away/);
  });

  it('a malformed or unknown ZIP code is a clear error that names the field', async () => {
    const bad = await t.request('/clinics?zip=85a51');
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('<title>Error: ');
    expect(html).toContain('<a href="#zip">Enter a 5-digit ZIP code, like 85251</a>');
    const unknown = await (await t.request('/es/clinics?zip=00000')).text();
    expect(unknown).toContain('No conocemos el código postal 00000');
  });
});
