/**
 * Booking on the pages: the search form, details, check and confirm, the visit's private page
 * and calendar file, and a self-check as intake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { SCREEN_CLEAR, SELF_CARE } from '../../test/support/answers.js';
import {
  bookingPagesApp,
  clinic,
  consultation,
  DETAILS,
  doctor,
  followUp,
} from './booking-pages-test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await bookingPagesApp();
});
afterAll(async () => {
  await t.close();
});

/** Picks the first time link on the times page and walks details -> check -> confirm. */
async function bookFirst(client: FormClient, prefix: string, query: string) {
  const times = await (await client.get(`${prefix}/book?${query}`)).text();
  const href = /class="time-link" href="([^"]+)"/.exec(times)![1]!.replace(/&amp;/g, '&');
  const details = await client.get(href);
  expect(details.status).toBe(200);
  const hidden = Object.fromEntries(
    [...(await details.text()).matchAll(/type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
      m[1]!,
      m[2]!.replace(/&amp;/g, '&'),
    ]),
  );
  const check = await client.post(`${prefix}/book/details`, { ...hidden, ...DETAILS });
  expect(check.status).toBe(200);
  const checkHtml = await check.text();
  const confirmForm = /<form method="post" action="[^"]*\/book\/confirm">([\s\S]*?)<\/form>/.exec(
    checkHtml,
  )![1]!;
  const fields = Object.fromEntries(
    [...confirmForm.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [
      m[1]!,
      m[2]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'"),
    ]),
  );
  return { fields, checkHtml, confirm: () => client.post(`${prefix}/book/confirm`, fields) };
}

describe('booking pages', () => {
  it('offers visit type, clinic and clinician, and shows times with the next available day first', async () => {
    const client = new FormClient(t);
    const html = await (await client.get('/book')).text();
    expect(html).toContain('What kind of visit do you need?');
    expect(html).toContain('Any clinician');
    const times = await (
      await client.get(`/book?visitType=${consultation.slug}&location=${clinic.slug}&provider=${doctor.slug}`)
    ).text();
    // Monday 07:00 now, two hours' notice: the first time is Monday 09:00.
    expect(times).toContain('Times on November 30, 2026');
    expect(times).toContain('9:00 AM');
  });

  it('names a missing visit type in an error summary', async () => {
    // What a browser sends for the search form with no visit type chosen.
    const form = await (await t.request('/book')).text();
    expect(form).toContain('<input type="hidden" name="find" value="1"/>');
    const res = await t.request(`/book?find=1&location=${clinic.slug}&provider=`);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('<a href="#visitType">Select the kind of visit you need</a>');
  });

  it('books through details, check and confirm; a resubmitted confirm books once', async () => {
    const client = new FormClient(t);
    const { fields, checkHtml, confirm } = await bookFirst(
      client,
      '',
      `visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-01`,
    );
    expect(checkHtml).toContain('Check your booking');
    expect(checkHtml).toContain('Ana Pruebas');
    const first = await confirm();
    const manage = FormClient.location(first);
    expect(manage).toMatch(/^\/appointments\/manage\/[\w-]{43}\?booked=1$/);
    const again = await confirm();
    expect(FormClient.location(again)).toBe(manage);
    const rows = await t.db.query<{ id: string }>('SELECT id FROM appointments WHERE starts_at = $1', [
      new Date(fields.start!),
    ]);
    expect(rows).toHaveLength(1);
    const page = await (await client.get(manage)).text();
    expect(page).toContain('Your visit is booked');
    expect(page).toContain('Tuesday, December 1');
    expect(page).toContain(clinic.street);
    // The confirmation says where the email went, gives a reference and what to bring.
    expect(page).toContain('We sent a confirmation to a•••@example.com.');
    const reference = rows[0]!.id.slice(0, 8).toUpperCase();
    expect(page).toContain(`${reference.slice(0, 4)}-${reference.slice(4)}`);
    expect(page).toContain('What to bring');
    expect(page).toContain('Please arrive 15 minutes before');
    expect(page).toContain('Clinic phone: <a href="tel:');
    // Cancelling is a quiet link, not a red button under a new booking.
    expect(page).toMatch(/<a class="action-link" href="[^"]+\/cancel">Cancel this visit<\/a>/);
    expect(page).not.toContain('class="button warning"');
    expect(page).toContain('data-print');
    const ics = await client.get(manage.replace('?booked=1', '/visit.ics'));
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const cal = await ics.text();
    expect(cal).toContain('DTSTART;TZID=America/Phoenix:20261201T080000');
    expect(cal).toMatch(/UID:[0-9a-f-]{36}@carepath/);
    expect(cal).not.toContain(followUp.name.en);
    expect(cal).not.toMatch(/Ana|Pruebas/);
    // A reminder two hours before; the calendar's copy links the clinic's page, not the private link.
    expect(cal).toContain('BEGIN:VALARM\r\nACTION:DISPLAY');
    expect(cal).toContain('TRIGGER:-PT120M');
    expect(cal).toContain(`URL:http://localhost:3000/clinics/${clinic.slug}`);
    expect(cal).not.toContain('/appointments/manage/');
    const [email] = await t.db.query<{ ics: string }>(
      "SELECT ics FROM outbox_messages WHERE kind = 'appointment-confirmation' AND recipient = 'ana@example.com' AND ics IS NOT NULL ORDER BY created_at DESC LIMIT 1",
    );
    expect(email!.ics).toContain('TRIGGER:-PT120M');
    expect(email!.ics.replace(/\r\n /g, '')).not.toContain('/appointments/manage/');
  });

  it('names each invalid detail and keeps what was typed', async () => {
    const client = new FormClient(t);
    const times = await (
      await client.get(`/book?visitType=${followUp.slug}&location=${clinic.slug}&date=2026-12-02`)
    ).text();
    const href = /class="time-link" href="([^"]+)"/.exec(times)![1]!.replace(/&amp;/g, '&');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    const res = await client.post('/book/details', {
      ...params,
      givenName: 'Ana',
      familyName: '',
      birthDate: '15/06/1985',
      email: 'ana',
      phone: '12',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const msg of [
      'Enter your last name',
      // Typed day first: as month/day/year it is month 15, which does not exist.
      'That date does not exist: check the month, day and year',
      'Enter an email address',
      'Enter a phone number',
    ])
      expect(html).toContain(msg);
    expect(html).toMatch(/name="birthMonth"[^>]*value="15"/);
    expect(html).toMatch(/name="birthYear"[^>]*value="1985"/);
    expect(html).toMatch(/<title>Error: /);
  });

  it('takes the date of birth as month, day and year boxes and shows it back in words', async () => {
    const client = new FormClient(t);
    const times = await (
      await client.get(`/es/book?visitType=${followUp.slug}&location=${clinic.slug}&date=2026-12-03`)
    ).text();
    const href = /class="time-link" href="([^"]+)"/.exec(times)![1]!.replace(/&amp;/g, '&');
    const details = await (await client.get(href)).text();
    // Spanish writes the day first.
    expect(details.indexOf('name="birthDay"')).toBeLessThan(details.indexOf('name="birthMonth"'));
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    const post = (dob: Record<string, string>) =>
      client.post('/es/book/details', { ...params, ...DETAILS, birthDate: '', ...dob });
    const check = await (await post({ birthDay: '27', birthMonth: '4', birthYear: '1980' })).text();
    expect(check).toContain('27 de abril de 1980');
    const future = await post({ birthDay: '1', birthMonth: '1', birthYear: '2030' });
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('Su fecha de nacimiento debe estar en el pasado');
    const impossible = await post({ birthDay: '31', birthMonth: '2', birthYear: '1980' });
    expect(await impossible.text()).toContain('Esa fecha no existe');
    const missing = await post({ birthDay: '', birthMonth: '2', birthYear: '1980' });
    expect(await missing.text()).toContain('Escriba su fecha de nacimiento: día, mes y año');
    // Typed whole, the US way, it is read as month/day/year.
    const typed = await (await post({ birthDate: '04/27/1980' })).text();
    expect(typed).toContain('27 de abril de 1980');
  });

  it('sends a taken time back to the times with a clear message', async () => {
    const a = new FormClient(t);
    const b = new FormClient(t);
    const one = await bookFirst(
      a,
      '',
      `visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-03`,
    );
    const two = await bookFirst(
      b,
      '',
      `visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-03`,
    );
    expect(two.fields.start).toBe(one.fields.start);
    await one.confirm();
    const lost = await two.confirm();
    expect(FormClient.location(lost)).toContain('taken=1');
    expect(await (await b.get(FormClient.location(lost))).text()).toContain('that time has just been taken');
  });

  it('reschedules and cancels from the private link with a confirmation step, in Spanish', async () => {
    const client = new FormClient(t);
    const { confirm } = await bookFirst(
      client,
      '/es',
      `visitType=${followUp.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-04`,
    );
    const manage = FormClient.location(await confirm()).replace('?booked=1', '');
    expect(manage).toMatch(/^\/es\/appointments\/manage\//);
    const list = await (await client.get(`${manage}/reschedule`)).text();
    expect(list).toContain('Elija un nuevo horario');
    const href = /class="time-link" href="([^"]+)"/.exec(list)![1]!.replace(/&amp;/g, '&');
    const confirmPage = await (await client.get(href)).text();
    expect(confirmPage).toContain('¿Cambiar su cita?');
    const start = new URL(href, 'http://x').searchParams.get('start')!;
    const moved = await client.post(`${manage}/reschedule/confirm`, { start });
    expect(FormClient.location(moved)).toBe(`${manage}?moved=1`);
    expect(await (await client.get(`${manage}?moved=1`)).text()).toContain('Su cita se cambió de horario');
    expect(await (await client.get(`${manage}/cancel`)).text()).toContain('¿Seguro que quiere cancelar?');
    await client.post(`${manage}/cancel`);
    const cancelled = await (await client.get(manage)).text();
    expect(cancelled).toContain('Su cita fue cancelada');
    expect(cancelled).not.toContain('/cancel"');
  });

  it('attaches the self-check from its result page, and an emergency result offers no booking', async () => {
    const client = new FormClient(t);
    const post = (answers: unknown) =>
      t.request('/api/v1/assessments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pathway: 'low-back-pain', answers }),
      });
    const a = await (await post({ ...SELF_CARE, scoliosis: true })).json();
    const go = await client.get(`/self-check/r/${a.token}/book`);
    expect(FormClient.location(go)).toBe(`/book?visitType=${consultation.slug}`);
    const { confirm, checkHtml } = await bookFirst(
      client,
      '',
      `visitType=${consultation.slug}&location=${clinic.slug}&provider=${doctor.slug}&date=2026-12-07`,
    );
    expect(checkHtml).toContain('Your self-check answers will be sent with this booking');
    const reads = async () =>
      (
        await t.db.query(
          "SELECT 1 FROM audit_events WHERE entity_type = 'assessment' AND entity_id = $1 AND action = 'read'",
          [a.id],
        )
      ).length;
    const before = await reads();
    await confirm();
    // One booking reads the attached self-check once, and audits that read once.
    expect((await reads()) - before).toBe(1);
    const [row] = await t.db.query<{ assessment_id: string }>(
      'SELECT assessment_id FROM appointments WHERE assessment_id = $1',
      [a.id],
    );
    expect(row?.assessment_id).toBe(a.id);

    const e = await (await post({ ...SCREEN_CLEAR, 'major-trauma': true })).json();
    const blocked = await client.get(`/self-check/r/${e.token}/book`);
    expect(FormClient.location(blocked)).toBe(`/self-check/r/${e.token}`);
  });

  it('unknown manage links are a 404 page', async () => {
    const res = await t.request('/appointments/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('We cannot find this visit');
  });
});
