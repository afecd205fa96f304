/**
 * How the staff pages word a day's counts and a patient's date of birth, in English and Spanish:
 * each count agrees with its number (1 no-show, 0 and 2 no-shows; 1 reservada, 2 reservadas) and
 * is kept on one line on a phone; a date of birth reads the same in words on the schedule, the
 * search, the visit and the patient's page, never as YYYY-MM-DD; the day's and the week's titles
 * write a Spanish weekday in lower case inside the sentence; and the patient's visits are a table
 * that becomes labelled cards on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { bookIn, createWorldApp, oneClinician } from '../../test/support/world.js';

// Arizona (UTC-7 all year); visits bookable at short notice.
const { clinic, doctor, visitTypes, network } = oneClinician([{ minNoticeMinutes: 0 }]);
let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00
let t: TestApp;
const ids: string[] = [];
const monday = `/staff?location=${clinic.slug}&date=2026-11-30`;
const tuesday = `/staff?location=${clinic.slug}&date=2026-12-01`;

/** The page's text without tags or doubled spaces. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const counts = (html: string) => /id="day-counts">(.*?)<\/p>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
/** The counts that are kept whole on a line: "2 no-shows", never "2 no-" and "shows". */
const wholeCounts = (html: string) =>
  [
    ...(/id="day-counts">(.*?)<\/p>/s.exec(html)?.[1] ?? '').matchAll(
      /<span class="nowrap">([^<]*)<\/span>/g,
    ),
  ].map((m) => m[1]);
const title = (html: string) => [
  /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
  /<title>([^<]*)<\/title>/.exec(html)?.[1],
];
const inLanguage = async (desk: Awaited<ReturnType<typeof signedIn>>, language: 'en' | 'es') =>
  expect(
    (await desk.client.post('/staff/language', { _csrf: desk.csrf, language, back: '/staff' })).status,
  ).toBe(303);

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [{ email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] }]);
  for (const [start, familyName] of [
    ['2026-11-30T08:00:00-07:00', 'Uno'],
    ['2026-11-30T08:30:00-07:00', 'Dos'],
    ['2026-11-30T09:00:00-07:00', 'Tres'],
    ['2026-12-01T09:00:00-07:00', 'Quintero'],
  ] as const)
    ids.push(
      (
        await bookIn(t, {
          visitType: visitTypes[0]!,
          clinic,
          clinician: doctor,
          start,
          patient: { givenName: 'Rosa', familyName, birthDate: '1972-03-15' },
        })
      ).id,
    );
});
afterAll(async () => {
  await t.close();
});

describe('the words on staff pages', () => {
  it('counts a day’s visits in the number’s form, for 0, 1 and more, in both languages', async () => {
    clock = new Date('2026-11-30T17:00:00Z'); // 10:00: the morning's visits have started
    const desk = await signedIn(t, 'desk@example.com');
    const day = async (path: string) => counts(await (await desk.client.get(path)).text());
    expect(await day(monday)).toBe('3 visits: 3 booked, 0 checked in, 0 no-shows, 0 cancelled');
    expect(await day(tuesday)).toBe('1 visit: 1 booked, 0 checked in, 0 no-shows, 0 cancelled');
    const noShow = (id: string) =>
      desk.client.post(`/staff/appointments/${id}/no-show`, { _csrf: desk.csrf, status: 'booked' });
    expect((await noShow(ids[0]!)).status).toBe(303);
    expect(await day(monday)).toBe('3 visits: 2 booked, 0 checked in, 1 no-show, 0 cancelled');
    expect((await noShow(ids[1]!)).status).toBe(303);
    expect(await day(monday)).toBe('3 visits: 1 booked, 0 checked in, 2 no-shows, 0 cancelled');
    // Each count on one line (a phone never breaks "no-" from "shows"), with the ordinary hyphen,
    // so the text reads, copies and searches as "no-shows".
    const html = await (await desk.client.get(monday)).text();
    expect(wholeCounts(html)).toEqual(['1 booked', '0 checked in', '2 no-shows', '0 cancelled']);
    expect(html).not.toContain('\u2011');

    await desk.client.post('/staff/language', { _csrf: desk.csrf, language: 'es', back: '/staff' });
    expect(await day(monday)).toBe('3 citas: 1 reservada, 0 registradas, 2 inasistencias, 0 canceladas');
    expect(wholeCounts(await (await desk.client.get(monday)).text())).toEqual([
      '1 reservada',
      '0 registradas',
      '2 inasistencias',
      '0 canceladas',
    ]);
    expect(await day(tuesday)).toBe('1 cita: 1 reservada, 0 registradas, 0 inasistencias, 0 canceladas');
    const undo = await desk.client.post(`/staff/appointments/${ids[1]!}/undo`, {
      _csrf: desk.csrf,
      status: 'no-show',
    });
    expect(undo.status).toBe(303);
    expect(await day(monday)).toBe('3 citas: 2 reservadas, 0 registradas, 1 inasistencia, 0 canceladas');
    await desk.client.post('/staff/language', { _csrf: desk.csrf, language: 'en', back: '/staff' });
  });

  it('shows a date of birth in words on the schedule, the search, the visit and the patient’s page', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    const visit = `/staff/appointments/${ids[3]!}`;
    const read = async () => {
      const visitPage = await (await desk.client.get(visit)).text();
      const patient = /href="(\/staff\/patients\/[^"]+)"/.exec(visitPage)![1]!;
      return [
        await (await desk.client.get(tuesday)).text(),
        await (await desk.client.post('/staff/search', { _csrf: desk.csrf, q: 'quintero' })).text(),
        visitPage,
        await (await desk.client.get(patient)).text(),
      ].map(text);
    };
    const [schedule, search, ...details] = await read();
    for (const page of [schedule!, search!]) expect(page).toContain('Quintero, Rosa born March 15, 1972');
    for (const page of details) expect(page).toContain('Date of birth March 15, 1972');

    await desk.client.post('/staff/language', { _csrf: desk.csrf, language: 'es', back: '/staff' });
    const spanish = await read();
    for (const page of spanish.slice(0, 2))
      expect(page).toContain('Quintero, Rosa nació el 15 de marzo de 1972');
    for (const page of spanish.slice(2)) expect(page).toContain('Fecha de nacimiento 15 de marzo de 1972');
    for (const page of [schedule!, search!, ...details, ...spanish]) expect(page).not.toContain('1972-03-15');
  });

  it('titles the day and the week with the weekday in lower case inside a Spanish sentence', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    await inLanguage(desk, 'en'); // the language is the user's own, kept from the test before
    const week = `/staff/week?location=${clinic.slug}&date=2026-11-30`;
    const titles = async () => [
      ...title(await (await desk.client.get(monday)).text()),
      ...title(await (await desk.client.get(week)).text()),
    ];
    const name = clinic.name;
    expect(await titles()).toEqual([
      `Schedule for ${name}, Monday, November 30`,
      `Schedule for ${name}, Monday, November 30 – Carepath Staff`,
      `Week of Monday, November 30: ${name}`,
      `Week of Monday, November 30: ${name} – Carepath Staff`,
    ]);
    await inLanguage(desk, 'es');
    expect(await titles()).toEqual([
      `Agenda de ${name}, lunes, 30 de noviembre`,
      `Agenda de ${name}, lunes, 30 de noviembre – Carepath Personal`,
      `Semana del lunes, 30 de noviembre: ${name}`,
      `Semana del lunes, 30 de noviembre: ${name} – Carepath Personal`,
    ]);
    await inLanguage(desk, 'en');
  });

  it('lists a patient’s visits as a table that becomes labelled cards on a phone', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    await inLanguage(desk, 'en'); // the language is the user's own, kept from the test before
    const visitPage = await (await desk.client.get(`/staff/appointments/${ids[3]!}`)).text();
    const patient = /href="(\/staff\/patients\/[^"]+)"/.exec(visitPage)![1]!;
    const visits = async () => {
      const html = await (await desk.client.get(patient)).text();
      expect(html).not.toMatch(/<table class="table">|<td>/);
      return /<table class="card-table">.*?<\/table>/s.exec(html)![0];
    };
    const en = await visits();
    expect(en).toContain(`<td data-label="When"><a href="/staff/appointments/${ids[3]!}">`);
    expect(text(en)).toContain('Tuesday, December 1, 9:00');
    expect(en).toContain(`<td data-label="Clinic">${clinic.name}</td>`);
    expect(en).toContain(`<td data-label="Provider">${doctor.displayName}</td>`);
    expect(en).toContain('<td data-label="Status">Booked</td>');

    await inLanguage(desk, 'es');
    const es = await visits();
    expect(es).toContain(`<td data-label="Cuándo"><a href="/staff/appointments/${ids[3]!}">`);
    expect(text(es)).toContain('Martes, 1 de diciembre, 9:00');
    expect(es).toContain(`<td data-label="Clínica">${clinic.name}</td>`);
    expect(es).toContain('<td data-label="Estado">Reservada</td>');
    await inLanguage(desk, 'en');
  });
});
