import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

// One Arizona clinic (the clock's date there decides "today"), and a visit type to wait for.
const {
  clinic,
  visitTypes: [visit],
  network,
} = oneClinician([{ durationMinutes: 20, bufferMinutes: 10 }], { timeZone: 'America/Phoenix' });

// Monday 30 November 2026, 07:00 in Arizona.
const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

const PERSON = {
  givenName: 'Dora',
  familyName: 'Dates',
  birthMonth: '3',
  birthDay: '9',
  birthYear: '1961',
  email: 'dora@example.com',
  phone: '480 555 0177',
};
const WAIT = { visitType: visit!.slug, location: clinic.slug, provider: '' };
const FORM = `/book/waitlist?visitType=${WAIT.visitType}&location=${WAIT.location}`;
const boxes = (prefix: string, month: string, day: string, year: string) => ({
  [`${prefix}Month`]: month,
  [`${prefix}Day`]: day,
  [`${prefix}Year`]: year,
});

describe('the waiting list’s dates as month, day and year boxes', () => {
  it('shows three boxes per date, in the language’s order, with today filled in', async () => {
    const client = new FormClient(t);
    const en = await (await client.get(FORM)).text();
    expect(en).toMatch(/name="fromMonth"[\s\S]*name="fromDay"[\s\S]*name="fromYear"/);
    expect(en).toContain('For example, 12 7 2026.');
    expect(en).toMatch(/id="from" name="fromMonth"[^>]*value="11"/);
    const es = await (await client.get(`/es${FORM}`)).text();
    expect(es).toMatch(/name="fromDay"[\s\S]*name="fromMonth"[\s\S]*name="fromYear"/);
    expect(es).toContain('Por ejemplo, 7 12 2026.');
  });

  it('names a missing part, an impossible date and a past date, each with its own message', async () => {
    const client = new FormClient(t);
    const missing = await client.post('/book/waitlist', {
      ...WAIT,
      ...PERSON,
      ...boxes('from', '12', '', '2026'),
      ...boxes('to', '12', '10', '2026'),
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Enter the earliest date: month, day and year');
    const impossible = await client.post('/book/waitlist', {
      ...WAIT,
      ...PERSON,
      ...boxes('from', '12', '1', '2026'),
      ...boxes('to', '2', '30', '2027'),
    });
    const html = await impossible.text();
    expect(html).toContain('That date does not exist: check the month, day and year');
    // The boxes come back as typed.
    expect(html).toMatch(/name="toDay"[^>]*value="30"/);
    const past = await client.post('/es/book/waitlist', {
      ...WAIT,
      ...PERSON,
      ...boxes('from', '11', '2', '2026'),
      ...boxes('to', '12', '10', '2026'),
    });
    expect(await past.text()).toContain('La fecha más temprana debe ser hoy o después');
    expect(await t.db.query("SELECT 1 FROM patients WHERE family_name = 'Dates'")).toHaveLength(0);
  });

  it('joins with the boxes and shows the dates back in words', async () => {
    const client = new FormClient(t);
    const ok = await client.post('/es/book/waitlist', {
      ...WAIT,
      ...PERSON,
      ...boxes('from', '12', '3', '2026'),
      ...boxes('to', '12', '18', '2026'),
    });
    expect(ok.status).toBe(303);
    const page = await (await client.get(FormClient.location(ok))).text();
    expect(page).toContain('Del 3 de diciembre de 2026 al 18 de diciembre de 2026');
  });
});
