/**
 * A provider's page as staff read it, in English and Spanish: working hours and time off as
 * tables that become labelled cards on a phone; time off in whole days as dates ("December 8 – 9,
 * all day") and part of a day with its times; the hours' dates in words, never as YYYY-MM-DD; the
 * time-off list headed "Note", not the form's "Note (optional)"; and the Spanish title of the page
 * that changes working hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../../test/support/test-app.js';
import { createStaff, signedIn } from '../../../test/support/staff.js';
import { createWorldApp, oneClinician } from '../../../test/support/world.js';

// Arizona (UTC-7 all year); the working hours are valid from the clock's day.
const { clinic, doctor, network } = oneClinician([{ durationMinutes: 30 }]);
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
const PROVIDER = `/staff/admin/providers/${doctor.slug}`;
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;

/** The page's text without tags, its spaces (thin, narrow no-break) as plain ones. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\s\u2009\u202f]+/g, ' ')
    .replace(/&#x27;|&#39;/g, "'");
const page = async (path: string) => (await admin.client.get(path)).text();
const inLanguage = async (language: 'en' | 'es') =>
  expect(
    (await admin.client.post('/staff/language', { _csrf: admin.csrf, language, back: '/staff' })).status,
  ).toBe(303);

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, []);
  admin = await signedIn(t, 'admin@example.com');
  const location = (await t.directory.get()).locations.find((l) => l.slug === clinic.slug)!.id;
  // Saturday mornings for December only: hours with a last date.
  expect(
    (
      await admin.client.post(`${PROVIDER}/blocks`, {
        _csrf: admin.csrf,
        location,
        weekday: '6',
        starts: '09:00',
        ends: '11:00',
        validFrom: '2026-12-05',
        validTo: '2026-12-26',
      })
    ).status,
  ).toBe(303);
  // Two whole days, one whole day and a morning.
  for (const fields of [
    { starts: '2026-12-08', ends: '2026-12-09', allDay: 'yes', note: 'Conference' },
    { starts: '2026-12-15', ends: '2026-12-15', allDay: 'yes', note: 'Training' },
    { starts: '2026-12-16T09:00', ends: '2026-12-16T13:00', allDay: '', note: 'Dentist' },
  ])
    expect((await admin.client.post(`${PROVIDER}/time-off`, { _csrf: admin.csrf, ...fields })).status).toBe(
      303,
    );
});
afterAll(async () => {
  await t.close();
});

describe('a provider’s page', () => {
  it('lists working hours and time off as tables that become labelled cards on a phone', async () => {
    const html = await page(PROVIDER);
    expect(html.match(/<table class="card-table">/g)).toHaveLength(2);
    expect(html).toContain('<td data-label="Valid">from November 30, 2026</td>');
    expect(html).toContain('<td data-label="Day">Saturday</td>');
    expect(html).toContain('<td data-label="Note">Conference</td>');
    expect(html).not.toMatch(/<table>|<td>/);
  });

  it('shows time off in whole days as dates, part of a day with its times, and the hours’ dates in words', async () => {
    const en = text(await page(PROVIDER));
    expect(en).toContain('December 8 – 9, all day');
    expect(en).toContain('December 15, all day');
    expect(en).toContain('Wednesday, December 16, 9:00 AM – 1:00 PM');
    expect(en).not.toContain('12:00 AM');
    expect(en).toContain('December 5 – 26, 2026');
    expect(en).toContain('from November 30, 2026');
    expect(en).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(en).toMatch(/When Note Actions/);
    expect(en).not.toContain('Note (optional)');

    await inLanguage('es');
    const es = text(await page(PROVIDER));
    expect(es).toContain('8–9 de diciembre, días completos');
    expect(es).toContain('15 de diciembre, todo el día');
    expect(es).toContain('Miércoles, 16 de diciembre, 9:00 a.m. – 1:00 p.m.');
    expect(es).not.toContain('12:00 a.m.');
    expect(es).toContain('5–26 de diciembre de 2026');
    expect(es).toContain('Sábado');
    expect(es).toContain('desde el 30 de noviembre de 2026');
    expect(es).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(es).toMatch(/Cuándo Nota Acciones/);
    expect(es).not.toContain('Nota (opcional)');
    // The form that adds time off still says the note is optional.
    expect(await page(`${PROVIDER}/time-off`)).toContain('Nota (opcional)');
    await inLanguage('en');
  });

  it('titles the page that changes working hours as the other pages do, in Spanish too', async () => {
    const edit = /href="([^"]+\/blocks\/[^"]+\/edit)"/.exec(await page(PROVIDER))![1]!;
    expect(await page(edit)).toContain(`<title>Change working hours for ${doctor.displayName}`);
    await inLanguage('es');
    const es = await page(edit);
    expect(es).toContain(`<h1>Cambiar un horario: ${doctor.displayName}</h1>`);
    expect(text(es)).toMatch(
      /Ahora: \w+ \d\d:\d\d–\d\d:\d\d, Clinic [\w-]+, (desde el \d+ de \w+ de 2026|\d+–\d+ de diciembre de 2026)\./,
    );
    await inLanguage('en');
  });
});
