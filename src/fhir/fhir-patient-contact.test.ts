/**
 * A patient needs an email address or a phone number, not both: a clinic system booking through
 * $book (or the JSON API) may know only one. Whatever was given is what the Patient shows, and
 * the messages go where they can reach the person: by email, otherwise by text message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../test/support/api.js';
import { validFhir } from '../../test/support/fhir-validate.js';
import { bookParameters, fhirPatient, registerClient, tokenFor } from '../../test/support/smart-client.js';
import { type TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';
import { uuidOf } from './patient-resources.js';
import { queueDueReminders } from '../scheduling/index.js';

// One clinician working 08:00 to 12:00 on weekdays in Arizona (UTC-7), with one 30-minute visit
// type: at least two free Slots each weekday morning, each far enough off for both reminders.
const {
  clinic,
  visitTypes: [visit],
  network,
} = oneClinician();
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createWorldApp(network, {
    now: () => clock,
    config: { SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_TOKEN: 'gateway-token-1' },
  });
  const client = await registerClient(t, 'ehr-contact', 'system/Appointment.cruds system/Patient.rs');
  token = await tokenFor(t, client, undefined, clock.getTime());
});
afterAll(() => t.close());

const email = (v: string) => ({ system: 'email', value: v });
const phone = (v: string) => ({ system: 'phone', value: v });

/** The visit type's nth free Slot on a day, found through the public Slot search. */
async function slotOn(day: string, index = 0): Promise<string> {
  const res = await t.request(`/fhir/Slot?service-type=${visit!.slug}&start=${day}`);
  expect(res.status).toBe(200);
  return (await res.json()).entry[index].resource.id;
}

const book = (slotId: string, patient: unknown) =>
  t.request('/fhir/Appointment/$book', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
    body: JSON.stringify(bookParameters(slotId, patient)),
  });

async function patientOf(appointment: any) {
  const ref = appointment.participant[0].actor.reference;
  const res = await t.request(`/fhir/${ref}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const p = await res.json();
  expect(validFhir(p)).toEqual([]);
  return p;
}

const messagesOf = (appointmentId: string) =>
  t.db.query<{ kind: string; channel: string; recipient: string; text_body: string }>(
    `SELECT kind, channel, recipient, text_body FROM outbox_messages
     WHERE appointment_id = $1 ORDER BY kind`,
    [appointmentId],
  );
const uuid = (fhirId: string) => uuidOf(fhirId)!;
/** A visit's messages once its reminders were queued too, as their times came near (scheduling/reminders.ts). */
async function messagesWithReminders(appointment: { id: string; start: string }) {
  const start = Date.parse(appointment.start);
  for (const hours of [48, 2])
    await queueDueReminders(t.scheduling, new Date(start - hours * 3_600_000 - 60_000));
  return messagesOf(uuid(appointment.id));
}

describe('a patient with only an email address or only a phone number', () => {
  it('books with only a phone: the Patient shows the phone, and the confirmation goes by text', async () => {
    const res = await book(
      await slotOn('2026-12-07'),
      fhirPatient('Fono', 'Solo', { telecom: [phone('(480) 555-0177')] }),
    );
    expect(res.status).toBe(201);
    const appointment = await res.json();
    expect(validFhir(appointment)).toEqual([]);
    const p = await patientOf(appointment);
    expect(p.telecom).toEqual([phone('(480) 555-0177')]);

    const messages = await messagesWithReminders(appointment);
    expect(messages.map((m) => m.kind)).toEqual([
      'appointment-confirmation-sms',
      'appointment-reminder-2h-sms',
      'appointment-reminder-48h-sms',
    ]);
    expect(messages.every((m) => m.channel === 'sms' && m.recipient === '+14805550177')).toBe(true);
    // The private link is in the text, as it would be in the email.
    expect(messages[0]!.text_body).toMatch(/booked .*\/appointments\/manage\//);

    // Cancelled through the API: told by text too, and the reminders will not go.
    const cancel = await t.request(`/fhir/Appointment/${appointment.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'replace', path: '/status', value: 'cancelled' }]),
    });
    expect(cancel.status).toBe(200);
    const cancelled = (await messagesOf(uuid(appointment.id))).find(
      (m) => m.kind === 'appointment-cancelled-sms',
    );
    expect(cancelled).toMatchObject({ channel: 'sms', recipient: '+14805550177' });
    expect(cancelled!.text_body).toMatch(/cancelled/);
  });

  it('books with only an email: the Patient shows the email, and nothing goes by text', async () => {
    const res = await book(
      await slotOn('2026-12-08'),
      fhirPatient('Correo', 'Solo', { telecom: [email('correo.solo@example.com')] }),
    );
    expect(res.status).toBe(201);
    const appointment = await res.json();
    expect((await patientOf(appointment)).telecom).toEqual([email('correo.solo@example.com')]);
    const messages = await messagesWithReminders(appointment);
    expect(messages.map((m) => m.channel)).toEqual(['email', 'email', 'email']);
  });

  it('refuses a patient with neither, naming the element, and writes nothing', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients');
    for (const telecom of [[], [email('  ')], [phone('')]]) {
      const res = await book(await slotOn('2026-12-09'), fhirPatient('Nadie', 'Sin', { telecom }));
      expect(res.status).toBe(422);
      const outcome = await res.json();
      expect(validFhir(outcome)).toEqual([]);
      expect(outcome.issue[0].expression).toEqual(["Patient.telecom.where(system='email')"]);
      expect(outcome.issue[0].diagnostics).toMatch(/email address, a phone number or both/);
    }
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients');
    expect(after).toEqual(before);
  });

  it('a known patient booking again with only their phone keeps the email on record', async () => {
    const both = fhirPatient('Doble', 'Contacto', {
      telecom: [email('doble@example.com'), phone('480 555 0188')],
    });
    const first = await (await book(await slotOn('2026-12-10'), both)).json();
    const again = await book(
      await slotOn('2026-12-10', 1),
      fhirPatient('Doble', 'Contacto', { telecom: [phone('480-555-0188')] }),
    );
    expect(again.status).toBe(201);
    const second = await again.json();
    // The same person (same name, birth date and phone): the same record, email kept.
    expect(second.participant[0].actor.reference).toBe(first.participant[0].actor.reference);
    expect((await patientOf(second)).telecom).toEqual([email('doble@example.com'), phone('480-555-0188')]);
  });

  it('the JSON API takes a phone-only patient too, and names the problem when both are missing', async () => {
    const slots = await (
      await t.request(
        `/api/v1/slots?visitType=${visit!.slug}&location=${clinic.slug}&from=2026-12-11&to=2026-12-11`,
      )
    ).json();
    const s = slots.slots[0];
    const body = (patient: Record<string, unknown>) => ({
      visitType: s.visitType,
      location: s.location,
      provider: s.provider,
      start: s.start,
      patient: { givenName: 'Api', familyName: 'Fono', birthDate: '1970-01-02', ...patient },
    });
    const none = await postJson(t, '/api/v1/appointments', body({ email: null, phone: '' }));
    expect(none.status).toBe(422);
    const problem = await none.json();
    expect(problem.errors).toEqual([
      { field: 'patient.email', detail: expect.stringMatching(/email address, a phone number or both/) },
    ]);
    const bad = await postJson(t, '/api/v1/appointments', body({ phone: 'call me' }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toBe('patient.phone');

    const ok = await postJson(t, '/api/v1/appointments', body({ phone: '480 555 0199' }));
    expect(ok.status).toBe(201);
    const { id } = await ok.json();
    const [stored] = await t.db.query(
      'SELECT p.email, p.phone FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE a.id = $1',
      [id],
    );
    expect(stored).toEqual({ email: null, phone: '480 555 0199' });
  });
});
