/**
 * How the staff pages word a day's counts and a patient's date of birth, in English and Spanish:
 * each count agrees with its number (1 no-show, 0 and 2 no-shows; 1 reservada, 2 reservadas),
 * and a date of birth reads the same in words on the schedule, the search, the visit and the
 * patient's page, never as YYYY-MM-DD.
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
const counts = (html: string) => /id="day-counts">([^<]*)</.exec(html)?.[1];

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

    await desk.client.post('/staff/language', { _csrf: desk.csrf, language: 'es', back: '/staff' });
    expect(await day(monday)).toBe('3 citas: 1 reservada, 0 registradas, 2 inasistencias, 0 canceladas');
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
});
