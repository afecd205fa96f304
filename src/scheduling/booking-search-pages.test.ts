/**
 * Finding a time on the booking pages across the network: clinics nearest a ZIP code first,
 * only clinicians who speak Spanish, and a week of days with their counts before the times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// Two Arizona clinics with coordinates, one next to ZIP code 85260 (north Scottsdale) and one next
// to 85301 (Glendale), 15 miles apart. An English-only clinician works at the first Monday to
// Saturday and a Spanish-speaking one at the second on weekdays, 08:00 to 16:00; nobody works on
// Sunday. Both offer a 30-minute walk-in visit with half an hour's notice.
const north = aClinic({
  name: 'North Clinic',
  timeZone: 'America/Phoenix',
  latitude: 33.5822,
  longitude: -111.9236,
});
const west = aClinic({
  name: 'West Clinic',
  timeZone: 'America/Phoenix',
  latitude: 33.5387,
  longitude: -112.186,
});
const englishDoctor = aClinician({
  displayName: 'Dr. Eli English',
  languages: ['en'],
  schedule: weekdays(north, '08:00', '16:00', [1, 2, 3, 4, 5, 6]),
});
const spanishDoctor = aClinician({
  displayName: 'Dr. Sol Hablante',
  languages: ['en', 'es'],
  schedule: weekdays(west, '08:00', '16:00'),
});
const walkIn = aVisitType({
  providers: [englishDoctor, spanishDoctor],
  durationMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 30,
  horizonDays: 30,
});
const network = aNetwork({
  clinics: [north, west],
  clinicians: [englishDoctor, spanishDoctor],
  visitTypes: [walkIn],
});

const NOW = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

describe('the nearest clinics first', () => {
  const clinicsInOrder = async (q: string) => {
    const res = await t.request(`/book?visitType=${walkIn.slug}&date=2026-12-01&day=2026-12-01${q}`);
    const html = await res.text();
    return {
      res,
      html,
      clinics: [...html.matchAll(/<section class="dt-clinic"><h4>([^<]+)<\/h4>/g)].map((m) => m[1]),
    };
  };

  it('orders any clinic by distance from a ZIP code, with the miles, and keeps the ZIP in the day links', async () => {
    const fromNorth = await clinicsInOrder('&zip=85260');
    expect(fromNorth.clinics[0]).toBe(north.name);
    expect(fromNorth.html).toMatch(/\d+\.\d miles away/);
    expect(fromNorth.html.replace(/&amp;/g, '&')).toMatch(/class="dp-day" href="[^"]*zip=85260/);
    const fromWest = await clinicsInOrder('&zip=85301');
    expect(fromWest.clinics[0]).toBe(west.name);
    expect(new Set(fromWest.clinics)).toEqual(new Set(fromNorth.clinics));
  });

  it('names a malformed or unknown ZIP code in the error summary', async () => {
    const bad = await clinicsInOrder('&zip=8525');
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('href="#zip"');
    expect(bad.html).toContain('Enter a 5-digit ZIP code');
    const unknown = await clinicsInOrder('&zip=00000');
    expect(unknown.res.status).toBe(422);
    expect(unknown.html).toContain('We do not know the ZIP code 00000');
  });
});

describe('clinicians who speak Spanish', () => {
  it('lists only their times when asked, and keeps the choice in the day links', async () => {
    const html = (
      await (await t.request(`/es/book?visitType=${walkIn.slug}&date=2026-12-01&speaks=es`)).text()
    ).replace(/&amp;/g, '&');
    expect(html).toMatch(/<input id="speaks" name="speaks" type="checkbox" value="es" checked=""/);
    const providers = new Set([...html.matchAll(/<h5 class="dt-provider">([^<]+)<\/h5>/g)].map((m) => m[1]));
    // The Spanish speaker's times, and not the English-only clinician's.
    expect(providers).toEqual(new Set([spanishDoctor.displayName]));
    expect(html).toMatch(/class="dp-day" href="[^"]*speaks=es/);
  });
});

describe('choosing a day, then a time', () => {
  it('shows the week as days with their counts and lists only the chosen day, by clinic and clinician', async () => {
    const page = async (q: string) =>
      (await (await t.request(`/book?visitType=${walkIn.slug}&date=2026-12-01${q}`)).text()).replace(
        /&amp;/g,
        '&',
      );
    const html = await page('');
    const dayLinks = [
      ...html.matchAll(/class="dp-day" href="([^"]+)"[^>]*>.*?<span class="dp-count">(\d+) times/g),
    ];
    expect(dayLinks.length).toBe(6); // Tuesday to Saturday and Monday: nobody works on Sunday
    expect(html).toContain('<span class="dp-count">No times</span>');
    const listed = (h: string) => (h.match(/class="time-link"/g) ?? []).length;
    // The first day with times is chosen: its count is what is listed, grouped by clinic (both
    // clinicians work on Tuesdays).
    expect(listed(html)).toBe(Number(dayLinks[0]![2]));
    expect(html).toContain('aria-current="date"');
    expect((html.match(/<section class="dt-clinic">/g) ?? []).length).toBeGreaterThan(1);
    // Another day: only its times.
    const thursday = dayLinks.find((m) => m[1]!.includes('day=2026-12-03'))!;
    const other = await page('&day=2026-12-03');
    expect(listed(other)).toBe(Number(thursday[2]));
    expect(other).toContain('Times on December 3, 2026');
    // A day without times (Sunday) falls back to the first that has some; later moves a week.
    expect(listed(await page('&day=2026-12-06'))).toBe(Number(dayLinks[0]![2]));
    const later = /href="(\/book\?[^"]*date=(\d{4}-\d{2}-\d{2})[^"]*)#times">Later times/.exec(html);
    expect(later![2]).toBe('2026-12-08');
  });
});
