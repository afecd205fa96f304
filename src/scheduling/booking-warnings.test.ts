/**
 * What the booking pages tell a patient before they confirm: that they may already have a visit
 * like this one, or that the clinician does not speak the language of the booking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { bookingPagesApp, clinic, DETAILS, doctor, followUp } from './booking-pages-test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await bookingPagesApp();
});
afterAll(async () => {
  await t.close();
});

describe('a second booking by the same person', () => {
  const checkPage = async (query: string, who: typeof DETAILS) => {
    const client = new FormClient(t);
    const times = await (await client.get(`/book?${query}`)).text();
    const href = /class="time-link" href="([^"]+)"/.exec(times)![1]!.replace(/&amp;/g, '&');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    return { client, params, html: await (await client.post('/book/details', { ...params, ...who })).text() };
  };
  const sam = { ...DETAILS, givenName: 'Sam', familyName: 'Twice', email: 'sam.twice@example.com' };

  it('asks before booking the same visit with the same clinician within two weeks, or at the same time', async () => {
    const first = await checkPage(
      `visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-08`,
      sam,
    );
    expect(first.html).not.toContain('You may already have');
    const fields = Object.fromEntries(
      [
        .../<form method="post" action="\/book\/confirm">([\s\S]*?)<\/form>/
          .exec(first.html)![1]!
          .matchAll(/name="(\w+)" value="([^"]*)"/g),
      ].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]),
    );
    expect((await first.client.post('/book/confirm', fields)).status).toBe(303);

    const again = await checkPage(
      `visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-10`,
      sam,
    );
    expect(again.html).toContain('You may already have a visit like this booked with us.');
    expect(again.html).toContain('Yes, book another visit');
    // Nothing about that visit is shown: whoever typed these details may not be Sam.
    expect(again.html).not.toContain('December 8');

    // Someone else with the same name but another birth date and contact is not asked.
    const other = await checkPage(
      `visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-10`,
      {
        ...sam,
        birthDate: '1990-01-01',
        email: 'other.sam@example.com',
        phone: '602 555 0111',
      },
    );
    expect(other.html).not.toContain('You may already have');
  });
});

describe('the language of the booking', () => {
  it('says before confirming that the clinician does not speak the language of the booking', async () => {
    const times = (
      await (
        await t.request(
          `/es/book?visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-01`,
        )
      ).text()
    ).replace(/&amp;/g, '&');
    const href = /class="time-link" href="([^"]+)"/.exec(times)![1]!;
    const spanish = await (await t.request(href)).text();
    expect(spanish).toContain(
      `${doctor.displayName} no habla español. Un intérprete participa en su cita por teléfono`,
    );
    const english = await (await t.request(href.replace('/es/', '/'))).text();
    expect(english).not.toContain('does not speak');
  });
});
