/**
 * How staff forms ask for dates, in English and Spanish: a native date picker (type="date", which
 * shows the browser's own format) gets no YYYY-MM-DD hint or error, while the birth date, a text
 * field, says the formats it takes and takes them (04/23/1980 as well as 1980-04-23). And a
 * waiting-list offer's deadline writes a Spanish weekday in lower case inside its sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

// Arizona (UTC-7 all year): a clinician working 08:00 to 12:00 on weekdays.
const { clinic, doctor, visitTypes, network } = oneClinician([{ durationMinutes: 30 }]);
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00
const CLINIC_PAGE = `/staff/admin/clinics/${clinic.slug}`;
const PROVIDER_PAGE = `/staff/admin/providers/${doctor.slug}`;
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;

/** The page's text without tags or doubled spaces (thin and narrow no-break spaces as plain ones). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[\s\u2009\u202f]+/g, ' ');
const page = async (path: string) => (await admin.client.get(path)).text();
const inLanguage = async (language: 'en' | 'es') =>
  expect(
    (await admin.client.post('/staff/language', { _csrf: admin.csrf, language, back: '/staff' })).status,
  ).toBe(303);
/** The hint a field points to with aria-describedby, if any. */
const hintOf = (html: string, id: string) => {
  const input = new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  const hint = /aria-describedby="([^"]+)"/.exec(input)?.[1];
  return { input, hint: hint ? text(new RegExp(`id="${hint}">(.*?)</`, 's').exec(html)![1]!).trim() : '' };
};
const FORMS = [
  `/staff/book?location=${clinic.slug}&visitType=${visitTypes[0]!.slug}`,
  `/staff/waitlist/new?location=${clinic.slug}`,
  CLINIC_PAGE,
  PROVIDER_PAGE,
];

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, []);
  admin = await signedIn(t, 'admin@example.com');
});
afterAll(async () => {
  await t.close();
});

describe('dates on staff forms', () => {
  it('hints no YYYY-MM-DD at a date picker, and the formats the birth date takes, in both languages', async () => {
    for (const language of ['en', 'es'] as const) {
      await inLanguage(language);
      for (const path of FORMS) {
        const html = await page(path);
        expect(html, path).toContain('type="date"');
        expect(text(html), path).not.toMatch(/(YYYY|AAAA)-MM-DD(?!, (for example|por ejemplo) 04\/23)/);
      }
      for (const path of FORMS.slice(0, 2)) {
        const { input, hint } = hintOf(await page(path), 'birthDate');
        expect(input).toContain('type="text"');
        expect(hint).toBe(
          language === 'en'
            ? 'As MM/DD/YYYY or YYYY-MM-DD, for example 04/23/1980'
            : 'Como MM/DD/AAAA (primero el mes) o AAAA-MM-DD, por ejemplo 04/23/1980',
        );
      }
    }
    await inLanguage('en');
  });

  it('asks for a missing date at a date picker without naming a format', async () => {
    const location = (await t.directory.get()).locations.find((l) => l.slug === clinic.slug)!.id;
    const missing = async () => {
      const closure = await admin.client.post(`${CLINIC_PAGE}/closures`, {
        _csrf: admin.csrf,
        closedOn: '',
        closedThrough: '',
        reason: 'Holiday',
      });
      const block = await admin.client.post(`${PROVIDER_PAGE}/blocks`, {
        _csrf: admin.csrf,
        location,
        weekday: '6',
        starts: '09:00',
        ends: '11:00',
        validFrom: '',
        validTo: '',
      });
      expect([closure.status, block.status]).toEqual([422, 422]);
      return [text(await closure.text()), text(await block.text())];
    };
    const [closure, block] = await missing();
    expect(closure).toContain('Enter the date the clinic is closed');
    expect(block).toContain('Enter the first date');
    await inLanguage('es');
    const [cierre, horario] = await missing();
    expect(cierre).toContain('Indique la fecha en que la clínica está cerrada');
    expect(horario).toContain('Indique la primera fecha');
    for (const html of [closure, block, cierre, horario]) expect(html).not.toMatch(/YYYY|AAAA/);
    await inLanguage('en');
  });

  it('takes a birth date typed month first, and says an offer’s deadline with the weekday in the sentence', async () => {
    const added = await admin.client.post('/staff/waitlist/new', {
      _csrf: admin.csrf,
      location: clinic.slug,
      visitType: visitTypes[0]!.slug,
      provider: doctor.slug,
      from: '2026-12-01',
      to: '2026-12-10',
      givenName: 'Olga',
      familyName: 'Oferta',
      birthDate: '04/23/1980',
      email: '',
      phone: '(602) 555-0177',
      language: 'es',
    });
    expect(added.status).toBe(303);
    const [entry] = await t.db.query<{ id: string; birth_date: string }>(
      'SELECT w.id, p.birth_date::text FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id',
    );
    expect(entry!.birth_date).toBe('1980-04-23');
    const offered = await admin.client.post(`/staff/waitlist/${entry!.id}/offer`, {
      _csrf: admin.csrf,
      slot: `${doctor.slug}|2026-12-01T09:00:00-07:00`,
    });
    expect(offered.status).toBe(303);
    const list = `/staff/waitlist?location=${clinic.slug}`;
    expect(text(await page(list))).toMatch(
      /Offered a time, until [A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{1,2}:\d\d [AP]M/,
    );
    await inLanguage('es');
    expect(text(await page(list))).toMatch(
      /Se le ofreció una hora, hasta el [a-zé]+, \d{1,2} de [a-z]+, \d{1,2}:\d\d [ap]\. ?m\./,
    );
    await inLanguage('en');
  });
});
