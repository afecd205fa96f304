/** Text message reminders, offered on the booking pages when an SMS gateway is configured. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { createWorldApp } from '../../test/support/world.js';
import {
  bookingPagesApp,
  clinic,
  DETAILS,
  doctor,
  followUp,
  network,
  NOW,
} from './booking-pages-test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await bookingPagesApp();
});
afterAll(async () => {
  await t.close();
});

describe('text reminders from the booking pages', () => {
  it('offers no text reminders without an SMS gateway, and ignores a stale form that asks for them', async () => {
    const plain = await createWorldApp(network, { now: () => NOW });
    try {
      const client = new FormClient(plain);
      const times = await (
        await client.get(
          `/book?visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-08`,
        )
      ).text();
      const href = /class="time-link" href="([^"]+)"/.exec(times)![1]!.replace(/&amp;/g, '&');
      expect(await (await client.get(href)).text()).not.toContain('Also send me text message reminders');
      const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
      const check = await (
        await client.post('/book/details', { ...params, ...DETAILS, smsReminders: 'yes' })
      ).text();
      expect(check).not.toContain('name="smsReminders"');
    } finally {
      await plain.close();
    }
  });

  it('carries the SMS choice from the details form to the booking', async () => {
    const client = new FormClient(t);
    const times = await (
      await client.get(
        `/book?visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-08`,
      )
    ).text();
    const href = /class="time-link" href="([^"]+)"/.exec(times)![1]!.replace(/&amp;/g, '&');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    const details = await (await client.get(href)).text();
    expect(details).toContain('Also send me text message reminders');
    const check = await (
      await client.post('/book/details', { ...params, ...DETAILS, smsReminders: 'yes' })
    ).text();
    const confirmForm = /<form method="post" action="[^"]*\/book\/confirm">([\s\S]*?)<\/form>/.exec(
      check,
    )![1]!;
    const fields = Object.fromEntries(
      [...confirmForm.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/&amp;/g, '&'),
      ]),
    );
    expect(fields.smsReminders).toBe('yes');
    await client.post('/book/confirm', fields);
    const [row] = await t.db.query<{ sms_reminders: boolean }>(
      'SELECT sms_reminders FROM appointments WHERE starts_at = $1',
      [new Date(fields.start!)],
    );
    expect(row!.sms_reminders).toBe(true);
  });
});
