import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { startTestSmtp, type TestSmtp } from '../../test/support/smtp.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';
import { createLogger } from '../platform/logging/logger.js';
import { dispatchDueMessages } from './outbox.js';
import { smtpTransport } from './smtp.js';
import { outdatedVisitMessages, queueDueReminders } from '../scheduling/index.js';

// An Arizona clinic (UTC-7 all year, so calendars say America/Phoenix) with its name and street,
// which the calendar's LOCATION gives, and a clinician there 08:00 to 16:00 on weekdays. A
// 20-minute follow-up with two hours' notice; its name says what the visit is for (back pain),
// which neither the email nor its calendar part may.
const clinic = aClinic({ name: 'Shea Clinic', street: '7301 E Shea Blvd', timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const followUpOf = (clinician: ReturnType<typeof aClinician>) =>
  aVisitType({
    providers: [clinician],
    name: { en: 'Back pain follow-up', es: 'Seguimiento del dolor de espalda' },
    durationMinutes: 20,
    bufferMinutes: 10,
    minNoticeMinutes: 120,
    horizonDays: 90,
  });
const followUp = followUpOf(doctor);
const network = aNetwork({ clinics: [clinic], clinicians: [doctor], visitTypes: [followUp] });

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let smtp: TestSmtp;
let transport: ReturnType<typeof smtpTransport>;
const logger = createLogger('silent');

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  smtp = await startTestSmtp();
  transport = smtpTransport(smtp.url, 'Carepath Clinics <no-reply@carepath.test>');
});
afterAll(async () => {
  transport.close();
  await smtp.close();
  await t.close();
});

// As the delivery job does: queue the reminders due by now, then send what is due.
const deliver = async () => {
  await queueDueReminders(t.scheduling, clock);
  return dispatchDueMessages(t.db, transport, logger, { now: clock, isOutdated: outdatedVisitMessages });
};
const PATIENT = {
  givenName: 'Marta',
  familyName: 'Recordatorio',
  birthDate: '1979-03-03',
  email: 'marta@example.com',
  phone: '480 555 0104',
};
const book = (start: string, key: string, language = 'es') =>
  t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      visitType: followUp.slug,
      location: clinic.slug,
      provider: doctor.slug,
      start,
      patient: PATIENT,
      language,
    }),
  });

function calendarOf(mail: TestSmtp['messages'][number]): string {
  const part = mail.attachments.find((x) => /^(text\/calendar|application\/ics)/.test(x.contentType));
  if (!part) throw new Error('no calendar part');
  return part.content.toString('utf8');
}

describe('visit messages through a real SMTP server', () => {
  let first: { id: string; manageToken: string };

  it('a booking sends exactly one confirmation with a valid calendar part, even when the request is sent three times', async () => {
    const responses = await Promise.all(
      [1, 2, 3].map(() => book('2026-12-03T09:00:00-07:00', 'same-key-12345')),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    first = await responses[0]!.json();
    const result = await deliver();
    expect(result.sent).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to).toMatchObject({ text: 'marta@example.com' });
    expect(mail.subject).toContain('Su cita está reservada');
    expect(mail.text).toContain('Hola, Marta');
    // Mid-sentence, Spanish writes the weekday in lower case: "para el jueves, 3 de diciembre".
    expect(mail.text).toContain('para el jueves, 3 de diciembre');
    expect(mail.text).toContain(`/es/appointments/manage/${first.manageToken}`);
    expect(mail.text).not.toMatch(/Recordatorio|dolor|pain|seguimiento/i);
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const ics = calendarOf(mail);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${first.id}@carepath`);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('DTSTART;TZID=America/Phoenix:20261203T090000');
    expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(ics).toContain(`LOCATION:${clinic.name}\\, ${clinic.street}`);
    expect(ics).not.toMatch(/pain|dolor/i);
  });

  it('a reschedule sends the same UID with a higher SEQUENCE, a cancellation METHOD:CANCEL', async () => {
    const auth = { authorization: `Bearer ${first.manageToken}`, 'content-type': 'application/json' };
    const moved = await t.request(`/api/v1/appointments/${first.id}/reschedule`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ start: '2026-12-04T10:00:00-07:00' }),
    });
    expect(moved.status).toBe(200);
    await deliver();
    const update = smtp.messages.at(-1)!;
    expect(update.subject).toContain('Su cita cambió');
    const ics = calendarOf(update);
    expect(ics).toContain(`UID:${first.id}@carepath`);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('METHOD:REQUEST');
    await t.request(`/api/v1/appointments/${first.id}/cancel`, { method: 'POST', headers: auth });
    await deliver();
    const cancel = smtp.messages.at(-1)!;
    expect(cancel.raw).toMatch(/method=CANCEL/i);
    const cancelIcs = calendarOf(cancel);
    expect(cancelIcs).toContain('METHOD:CANCEL');
    expect(cancelIcs).toContain('SEQUENCE:2');
    expect(cancelIcs).toContain(`UID:${first.id}@carepath`);
    expect(smtp.messages).toHaveLength(3);
  });

  it('sends reminders 48 and 2 hours before, and none for a moved or cancelled visit', async () => {
    smtp.messages.length = 0;
    const a = await (await book('2026-12-07T09:00:00-07:00', 'reminder-key-1', 'en')).json();
    await deliver();
    expect(smtp.messages.map((m) => m.subject)).toEqual([expect.stringContaining('Your visit is booked')]);
    clock = new Date(Date.parse('2026-12-05T09:00:00-07:00') - 60_000);
    expect((await deliver()).sent).toBe(0);
    clock = new Date(Date.parse('2026-12-05T09:00:00-07:00'));
    expect((await deliver()).sent).toBe(1);
    expect(smtp.messages.at(-1)!.subject).toContain('Reminder');
    expect(smtp.messages.at(-1)!.text).toContain(a.manageToken);
    // Moving the visit: the old 2-hour reminder is skipped, new ones follow the new time.
    const auth = { authorization: `Bearer ${a.manageToken}`, 'content-type': 'application/json' };
    await t.request(`/api/v1/appointments/${a.id}/reschedule`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ start: '2026-12-08T09:00:00-07:00' }),
    });
    clock = new Date(Date.parse('2026-12-07T07:00:00-07:00'));
    const r = await deliver();
    // The old time's 2-hour reminder (due now) was never queued: reminders are queued near their
    // time from the visit as it is then. The move's notice and the new time's 48-hour reminder are sent.
    expect(r).toMatchObject({ sent: 2, skipped: 0 });
    expect(
      await t.db.query(
        "SELECT 1 FROM outbox_messages WHERE appointment_id = $1 AND appointment_sequence = 0 AND kind LIKE 'appointment-reminder%' AND kind <> 'appointment-reminder-48h'",
        [a.id],
      ),
    ).toEqual([]);
    expect(smtp.messages.filter((m) => m.subject?.includes('Reminder'))).toHaveLength(2);
    expect(smtp.messages.at(-1)!.text).toMatch(/December 8/);
    // Cancel: nothing more for this visit.
    await t.request(`/api/v1/appointments/${a.id}/cancel`, { method: 'POST', headers: auth });
    clock = new Date(Date.parse('2026-12-08T08:00:00-07:00'));
    await deliver();
    expect(smtp.messages.filter((m) => m.subject?.includes('Reminder'))).toHaveLength(2);
    const pending = await t.db.query(
      "SELECT id FROM outbox_messages WHERE status = 'pending' AND appointment_id = $1",
      [a.id],
    );
    expect(pending).toEqual([]);
  });

  it('retries a failed send with backoff and sends it once', async () => {
    clock = new Date('2026-12-08T14:00:00Z');
    await deliver();
    smtp.messages.length = 0;
    smtp.failNext(1);
    await book('2026-12-15T09:00:00-07:00', 'retry-key-1', 'en');
    expect((await deliver()).retried).toBe(1);
    expect(smtp.messages).toHaveLength(0);
    expect((await deliver()).sent).toBe(0); // not yet: backoff
    clock = new Date(clock.getTime() + 61_000);
    expect((await deliver()).sent).toBe(1);
    expect(smtp.messages).toHaveLength(1);
  });

  it('times reminders on exact instants for a clinic outside Arizona across the March DST change', async () => {
    // A Denver clinic (DST from Sunday 8 March 2026) where a clinician works Sundays 09:00 to
    // 12:00, in its own app whose working hours are valid from the early March day it starts on.
    const denver = aClinic({ timeZone: 'America/Denver' });
    const sundayDoctor = aClinician({ schedule: weekdays(denver, '09:00', '12:00', [7]) });
    const denverFollowUp = followUpOf(sundayDoctor);
    const early = new Date('2026-03-02T16:00:00Z');
    const spring = await createWorldApp(
      aNetwork({ clinics: [denver], clinicians: [sundayDoctor], visitTypes: [denverFollowUp] }),
      { now: () => early },
    );
    try {
      const res = await spring.request('/api/v1/appointments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          visitType: denverFollowUp.slug,
          location: denver.slug,
          provider: sundayDoctor.slug,
          start: '2026-03-08T09:00:00-06:00',
          patient: PATIENT,
        }),
      });
      expect(res.status).toBe(201);
      const { id } = await res.json();
      const start = Date.parse('2026-03-08T09:00:00-06:00');
      // Nothing is queued at booking; each reminder is queued as its time comes near.
      expect(await queueDueReminders(spring.scheduling, early)).toBe(0);
      await queueDueReminders(spring.scheduling, new Date(start - 48 * 3600_000 - 5 * 60_000));
      await queueDueReminders(spring.scheduling, new Date(start - 2 * 3600_000 - 5 * 60_000));
      const rows = await spring.db.query<{ kind: string; not_before: Date }>(
        "SELECT kind, not_before FROM outbox_messages WHERE appointment_id = $1 AND kind LIKE 'appointment-reminder%' ORDER BY not_before",
        [id],
      );
      // 48 real hours before 09:00 MDT on Sunday 8 March is 08:00 MST on Friday: the clocks moved in between.
      expect(rows.map((r) => [r.kind, r.not_before.getTime()])).toEqual([
        ['appointment-reminder-48h', start - 48 * 3600_000],
        ['appointment-reminder-2h', start - 2 * 3600_000],
      ]);
      expect(new Date(start - 48 * 3600_000).toISOString()).toBe('2026-03-06T15:00:00.000Z');
    } finally {
      await spring.close();
    }
  });
});
