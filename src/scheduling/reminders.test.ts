/**
 * Reminders are queued near their time from the visit as it is then (reminders.ts): a booking
 * writes only its confirmation; each reminder is queued once, at its exact instant, for the
 * visit's current version and contact details; one whose time had passed at booking is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { bookIn, createWorldApp, oneClinician } from '../../test/support/world.js';
import { queueDueReminders, reminderSweep, REMINDER_LOOKAHEAD_MS } from './reminders.js';

// One Arizona clinic (UTC-7 all year), a clinician 08:00-12:00 on weekdays; the app's reminders
// are the default 48 and 2 hours before. Visits can be booked an hour ahead.
const { clinic, doctor, visitTypes, network } = oneClinician([{ minNoticeMinutes: 60 }]);
const visitType = visitTypes[0]!;
let clock = new Date('2026-11-30T15:00:00Z'); // Monday 08:00 in Arizona
let t: TestApp;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
});
afterAll(async () => {
  await t.close();
});

const at = (iso: string) => new Date(Date.parse(iso));
const book = (start: string, patient: Record<string, string> = {}) =>
  bookIn(t, { visitType, clinic, clinician: doctor, start, patient });
const outboxOf = (id: string) =>
  t.db.query<{ kind: string; not_before: Date; recipient: string; appointment_sequence: number }>(
    'SELECT kind, not_before, recipient, appointment_sequence FROM outbox_messages WHERE appointment_id = $1 ORDER BY not_before',
    [id],
  );

describe('reminders queued near their time', () => {
  it('a booking queues its confirmation only; each reminder is queued once, at its exact time', async () => {
    const start = '2026-12-04T09:00:00-07:00';
    const { id } = await book(start);
    expect((await outboxOf(id)).map((m) => m.kind)).toEqual(['appointment-confirmation']);

    const due48 = Date.parse(start) - 48 * 3_600_000;
    // Before the lookahead reaches it: nothing.
    expect(await queueDueReminders(t.scheduling, new Date(due48 - REMINDER_LOOKAHEAD_MS - 60_000))).toBe(0);
    // Inside it: queued for its exact instant; two sweeps at once (two instances) queue it once.
    const sweeps = await Promise.all([
      queueDueReminders(t.scheduling, new Date(due48 - 5 * 60_000)),
      queueDueReminders(t.scheduling, new Date(due48 - 5 * 60_000)),
    ]);
    expect(sweeps.reduce((a, b) => a + b)).toBe(1);
    expect(await queueDueReminders(t.scheduling, new Date(due48))).toBe(0);
    const rows = await outboxOf(id);
    expect(rows.map((m) => [m.kind, m.not_before.getTime()])).toEqual([
      ['appointment-confirmation', clock.getTime()],
      ['appointment-reminder-48h', due48],
    ]);
  });

  it('does not send a reminder whose time had passed when the visit was booked', async () => {
    // Booked 24 hours ahead: the 48-hour reminder's time is already gone, the 2-hour one is not.
    const start = '2026-12-01T09:00:00-07:00';
    const { id } = await book(start, { givenName: 'Late', email: 'late@example.com' });
    await queueDueReminders(t.scheduling, at('2026-12-01T06:55:00-07:00'));
    expect((await outboxOf(id)).map((m) => m.kind)).toEqual([
      'appointment-confirmation',
      'appointment-reminder-2h',
    ]);
  });

  it('follows a moved visit to its new time, and queues nothing for a cancelled one', async () => {
    const { id, manageToken } = await book('2026-12-07T09:00:00-07:00', {
      givenName: 'Moved',
      email: 'moved@example.com',
    });
    const auth = { authorization: `Bearer ${manageToken}`, 'content-type': 'application/json' };
    const moved = await t.request(`/api/v1/appointments/${id}/reschedule`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ start: '2026-12-08T10:00:00-07:00' }),
    });
    expect(moved.status).toBe(200);
    // The old time's 48-hour reminder would be due now: it is not queued; the new time's is, later.
    await queueDueReminders(t.scheduling, at('2026-12-05T09:00:00-07:00'));
    expect((await outboxOf(id)).filter((m) => m.kind.startsWith('appointment-reminder'))).toEqual([]);
    await queueDueReminders(t.scheduling, at('2026-12-06T10:00:00-07:00'));
    const reminders = (await outboxOf(id)).filter((m) => m.kind.startsWith('appointment-reminder'));
    expect(reminders.map((m) => [m.kind, m.appointment_sequence, m.not_before.toISOString()])).toEqual([
      ['appointment-reminder-48h', 1, '2026-12-06T17:00:00.000Z'],
    ]);

    expect(
      (await t.request(`/api/v1/appointments/${id}/cancel`, { method: 'POST', headers: auth })).status,
    ).toBe(200);
    await queueDueReminders(t.scheduling, at('2026-12-08T08:00:00-07:00'));
    expect((await outboxOf(id)).filter((m) => m.kind === 'appointment-reminder-2h')).toEqual([]);
  });

  it('writes to the contact details the patient has when the reminder is queued', async () => {
    const { id } = await book('2026-12-09T11:00:00-07:00', { givenName: 'Nueva', email: 'old@example.com' });
    await t.db.query(
      "UPDATE patients SET email = 'new@example.com' WHERE id = (SELECT patient_id FROM appointments WHERE id = $1)",
      [id],
    );
    await queueDueReminders(t.scheduling, at('2026-12-09T09:00:00-07:00'));
    const reminders = (await outboxOf(id)).filter((m) => m.kind.startsWith('appointment-reminder'));
    expect(reminders.map((m) => m.recipient)).toEqual(['new@example.com', 'new@example.com']);
  });

  it('sweeps at most every half minute per process (the delivery job runs after every change)', async () => {
    clock = at('2026-12-14T09:00:00-07:00');
    const a = await book('2026-12-16T10:00:00-07:00', { givenName: 'First', email: 'first@example.com' });
    const b = await book('2026-12-16T10:30:00-07:00', { givenName: 'Second', email: 'second@example.com' });
    const sweep = reminderSweep(t.scheduling);
    const reminded = async () =>
      [...(await outboxOf(a.id)), ...(await outboxOf(b.id))].filter((m) => m.kind.endsWith('48h')).length;
    clock = at('2026-12-14T09:55:00-07:00');
    await sweep();
    expect(await reminded()).toBe(1);
    // 10:19:50: the second visit's reminder (10:30) is not yet within ten minutes.
    clock = at('2026-12-14T10:19:50-07:00');
    await sweep();
    expect(await reminded()).toBe(1);
    // Ten seconds later it is, but the last sweep was too recent; 31 seconds after it, it is queued.
    clock = at('2026-12-14T10:20:00-07:00');
    expect(await sweep()).toBe(0);
    clock = at('2026-12-14T10:20:21-07:00');
    expect(await sweep()).toBe(1);
    expect(await reminded()).toBe(2);
  });
});
