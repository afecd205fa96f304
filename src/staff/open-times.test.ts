/**
 * The day's open times for the front desk: per clinician, the ranges where someone could still be
 * fitted in, from the one availability function (visits, buffers, time off and times already
 * begun left out); from today on, for the desk's roles only, in the page's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { bookIn, createWorldApp, oneClinician } from '../../test/support/world.js';

// Arizona (UTC-7 all year); one clinician 08:00-12:00 on weekdays; 30-minute visits bookable at
// short notice, so the desk's times are the working hours less the visits.
const { clinic, doctor, visitTypes, network } = oneClinician([{ minNoticeMinutes: 0, durationMinutes: 30 }]);
let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00
let t: TestApp;
const day = (date: string) => `/staff?location=${clinic.slug}&date=${date}`;
/** The open-times section's text, without tags or doubled spaces. */
const openTimes = (html: string) =>
  /<section class="open-times"[^>]*>([\s\S]*?)<\/section>/
    .exec(html)?.[1]
    ?.replace(/<\/(h2|li)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'doc@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
  ]);
  for (const start of ['2026-12-01T09:00:00-07:00', '2026-12-01T10:30:00-07:00', '2026-12-01T11:30:00-07:00'])
    await bookIn(t, { visitType: visitTypes[0]!, clinic, clinician: doctor, start });
});
afterAll(async () => {
  await t.close();
});

describe('open times on the day', () => {
  it('lists each clinician’s ranges between the visits, and none once the day is full', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    const html = await (await desk.client.get(day('2026-12-01'))).text();
    expect(openTimes(html)).toBe(
      `Open times ${doctor.displayName}: 8:00 AM to 9:00 AM, 9:30 AM to 10:30 AM, 11:00 AM to 11:30 AM`,
    );
    expect(html).toContain(`href="/staff/book?location=${clinic.slug}&amp;date=2026-12-01"`);
    // Later that day the morning has begun: only what is still ahead (signed in again: a day passed).
    clock = new Date('2026-12-01T16:45:00Z'); // 09:45
    const later = await signedIn(t, 'desk@example.com');
    expect(openTimes(await (await later.client.get(day('2026-12-01'))).text())).toBe(
      `Open times ${doctor.displayName}: 10:00 AM to 10:30 AM, 11:00 AM to 11:30 AM`,
    );
    clock = new Date('2026-12-01T18:45:00Z'); // 11:45
    const full = await signedIn(t, 'desk@example.com');
    expect(openTimes(await (await full.client.get(day('2026-12-01'))).text())).toBe(
      'Open times No open times left on this day.',
    );
  });

  it('is shown in the page’s language, from today on, and not to a provider', async () => {
    clock = new Date('2026-11-30T14:00:00Z');
    const desk = await signedIn(t, 'desk@example.com');
    await desk.client.post('/staff/language', { _csrf: desk.csrf, language: 'es', back: '/staff' });
    expect(openTimes(await (await desk.client.get(day('2026-12-01'))).text())).toMatch(
      /^Horas libres .*: de 8:00 .* a 9:00 /,
    );
    clock = new Date('2026-12-02T14:00:00Z'); // Wednesday: Tuesday is past
    const wednesday = await signedIn(t, 'desk@example.com');
    const past = await (await wednesday.client.get(day('2026-12-01'))).text();
    expect(past).toContain('id="schedule"');
    expect(openTimes(past)).toBeUndefined();
    clock = new Date('2026-11-30T14:00:00Z');
    const doc = await signedIn(t, 'doc@example.com');
    const theirs = await (await doc.client.get('/staff?date=2026-12-01')).text();
    expect(theirs).toContain('id="schedule"');
    expect(openTimes(theirs)).toBeUndefined();
  });
});
