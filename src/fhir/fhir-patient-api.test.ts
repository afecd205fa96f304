/**
 * The FHIR API about patients, as a registered backend client uses it: a SMART Backend Services
 * token (a real JWT signer), then $book, reads, searches and a cancel through a real FHIR client
 * library (fhir-kit-client) over HTTP. Every resource is validated against R4.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Client } from 'fhir-kit-client';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_CARE } from '../../test/support/answers.js';
import { postJson } from '../../test/support/api.js';
import { validFhir } from '../../test/support/fhir-validate.js';
import {
  bookParameters,
  fhirPatient,
  freeSlotOf,
  registerClient,
  tokenFor,
  type TestClient,
} from '../../test/support/smart-client.js';
import { type TestApp } from '../../test/support/test-app.js';
import { bookIn, createWorldApp, oneClinician } from '../../test/support/world.js';
import { retireClient } from './index.js';

// One clinician in Arizona (UTC-7 all year) working 08:00 to 12:00 on weekdays, with one
// 30-minute visit type bookable 60 days ahead: every weekday the tests book on (December 7 to 14)
// has free Slots, and the clinician's Slots are found through the public searches by name.
const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician();
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let server: ServerType;
let base: string;
let booker: TestClient;
let fhir: InstanceType<typeof Client>;
let token: string;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  booker = await registerClient(
    t,
    'ehr-scheduler',
    'system/Appointment.cruds system/Patient.rs system/QuestionnaireResponse.rs',
  );
  token = await tokenFor(t, booker, undefined, clock.getTime());
  fhir = new Client({ baseUrl: base, bearerToken: token });
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

const expectValid = (r: unknown) => expect(validFhir(r), JSON.stringify(r).slice(0, 300)).toEqual([]);
const fhirHeaders = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/fhir+json',
  ...extra,
});

/** The clinician's first free slot on a day, which reads back the same by id. */
async function freeSlot(day: string, index = 0) {
  const found = await freeSlotOf(t, doctor.displayName, visit!.slug, day, index);
  expect(await (await t.request(`/fhir/Slot/${found.slot.id}`)).json()).toEqual(found.slot);
  return found;
}

const patient = (given: string, extra: Record<string, unknown> = {}) =>
  fhirPatient(given, 'Fhirclient', extra);

describe('FHIR patient API with a SMART Backend Services token', () => {
  it('books a Slot with $book: a valid booked Appointment, the patient told, audited as the client', async () => {
    const { slot, practitioner } = await freeSlot('2026-12-07');
    const appointment: any = await fhir.operation({
      resourceType: 'Appointment',
      name: 'book',
      input: bookParameters(
        slot.id,
        patient('Rosa', {
          communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }] } }],
        }),
        practitioner,
      ),
    });
    expectValid(appointment);
    expect(appointment.status).toBe('booked');
    expect(appointment.start).toBe(new Date(slot.start).toISOString());
    expect(appointment.slot[0].reference).toBe(`Slot/${slot.id}`);
    const actors = appointment.participant.map((p: any) => p.actor.reference.split('/')[0]);
    expect(actors).toEqual(['Patient', 'Practitioner', 'Location']);

    // The same command as any booking: the patient gets a confirmation in their language.
    const [message] = await t.db.query<{ subject: string; recipient: string }>(
      `SELECT subject, recipient FROM outbox_messages WHERE recipient = 'rosa@example.com' AND kind = 'appointment-confirmation'`,
    );
    expect(message?.subject).toMatch(/cita/i);
    const audit = await t.db.query<{ actor_type: string; actor_id: string; action: string }>(
      `SELECT actor_type, actor_id, action FROM audit_events WHERE entity_type = 'appointment' AND entity_id = $1`,
      [uuid(appointment.id)],
    );
    expect(audit).toContainEqual({ actor_type: 'api-client', actor_id: 'ehr-scheduler', action: 'create' });

    // The slot was free before, and is gone now.
    expect((await t.request(`/fhir/Slot/${slot.id}`)).status).toBe(404);

    // Read back, and the Patient behind it.
    const read: any = await fhir.read({ resourceType: 'Appointment', id: appointment.id });
    expect(read).toEqual(appointment);
    const patientRef = appointment.participant[0].actor.reference.split('/')[1];
    const p: any = await fhir.read({ resourceType: 'Patient', id: patientRef });
    expectValid(p);
    expect(p.name[0].family).toBe('Fhirclient');
    expect(p.communication[0].language.coding[0].code).toBe('es');
  });

  it('honours Idempotency-Key: same body gives the same Appointment, another body is 422', async () => {
    const { slot } = await freeSlot('2026-12-08');
    const body = JSON.stringify(bookParameters(slot.id, patient('Ida')));
    const send = (b: string) =>
      t.request('/fhir/Appointment/$book', {
        method: 'POST',
        headers: fhirHeaders(token, { 'idempotency-key': 'ehr-request-0001' }),
        body: b,
      });
    const first = await send(body);
    expect(first.status).toBe(201);
    const again = await send(body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).id).toBe((await first.json()).id);
    const other = await send(JSON.stringify(bookParameters(slot.id, patient('Otto'))));
    expect(other.status).toBe(422);
    expectValid(await other.json());
  });

  it('answers a taken Slot with 409 and bad input with an OperationOutcome naming the element', async () => {
    const { slot } = await freeSlot('2026-12-09');
    const book = (p: unknown, slotId = slot.id) =>
      t.request('/fhir/Appointment/$book', {
        method: 'POST',
        headers: fhirHeaders(token),
        body: JSON.stringify(bookParameters(slotId, p)),
      });
    expect((await book(patient('Una'))).status).toBe(201);
    const taken = await book(patient('Dos'));
    expect(taken.status).toBe(409);
    const outcome = await taken.json();
    expectValid(outcome);
    expect(outcome.issue[0].code).toBe('conflict');
    expect(outcome.issue[0].diagnostics).toContain('slot_taken');

    const noBirth = await book({ ...patient('Tres'), birthDate: undefined });
    expect(noBirth.status).toBe(422);
    expect((await noBirth.json()).issue[0].expression).toEqual(['Patient.birthDate']);
    const badSlot = await book(patient('Cuatro'), 'nonsense');
    expect(badSlot.status).toBe(422);
    expect((await badSlot.json()).issue[0].expression).toEqual(['Appointment.slot']);
    const notParameters = await t.request('/fhir/Appointment/$book', {
      method: 'POST',
      headers: fhirHeaders(token),
      body: '{"resourceType":"Patient"}',
    });
    expect(notParameters.status).toBe(400);
    const wrongClinician = await t.request('/fhir/Appointment/$book', {
      method: 'POST',
      headers: fhirHeaders(token),
      body: JSON.stringify(
        bookParameters((await freeSlot('2026-12-10')).slot.id, patient('Cinco'), '0'.repeat(32)),
      ),
    });
    expect(wrongClinician.status).toBe(422);
    expect((await wrongClinician.json()).issue[0].expression).toEqual(['Appointment.participant']);
  });

  it('searches Appointments by date and practitioner, and by patient, as a valid searchset', async () => {
    const { practitioner } = await freeSlot('2026-12-07');
    const bundle: any = await fhir.search({
      resourceType: 'Appointment',
      searchParams: { date: ['ge2026-12-07', 'lt2026-12-11'], practitioner: `Practitioner/${practitioner}` },
    });
    expectValid(bundle);
    expect(bundle.type).toBe('searchset');
    expect(bundle.total).toBeGreaterThanOrEqual(3);
    for (const e of bundle.entry)
      expect(e.resource.participant[1].actor.reference).toBe(`Practitioner/${practitioner}`);
    const someone = bundle.entry[0].resource.participant[0].actor.reference;
    const theirs: any = await fhir.search({
      resourceType: 'Appointment',
      searchParams: { patient: someone },
    });
    expect(theirs.entry.every((e: any) => e.resource.participant[0].actor.reference === someone)).toBe(true);
    // No bounds: refused rather than reading every visit.
    const unbounded = await t.request('/fhir/Appointment', { headers: fhirHeaders(token) });
    expect(unbounded.status).toBe(400);
  });

  it('cancels with a JSON Patch of the status: the patient is told, and the time is free again', async () => {
    const { slot } = await freeSlot('2026-12-11');
    const booked: any = await fhir.operation({
      resourceType: 'Appointment',
      name: 'book',
      input: bookParameters(slot.id, patient('Vera')),
    });
    // A failed "test" (an out-of-date version) changes nothing.
    const stale = await t.request(`/fhir/Appointment/${booked.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([
        { op: 'test', path: '/meta/versionId', value: '7' },
        { op: 'replace', path: '/status', value: 'cancelled' },
      ]),
    });
    expect(stale.status).toBe(409);
    expect(((await fhir.read({ resourceType: 'Appointment', id: booked.id })) as any).status).toBe('booked');
    const cancelled: any = await fhir.patch({
      resourceType: 'Appointment',
      id: booked.id,
      jsonPatch: [
        { op: 'test', path: '/meta/versionId', value: booked.meta.versionId },
        { op: 'replace', path: '/status', value: 'cancelled' },
      ],
    });
    expectValid(cancelled);
    expect(cancelled.status).toBe('cancelled');
    const told = await t.db.query(
      `SELECT 1 FROM outbox_messages WHERE recipient = 'vera@example.com' AND kind = 'appointment-cancelled'`,
    );
    expect(told).toHaveLength(1);
    expect((await t.request(`/fhir/Slot/${slot.id}`)).status).toBe(200);
    const again = await t.request(`/fhir/Appointment/${booked.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'replace', path: '/status', value: 'cancelled' }]),
    });
    expect(again.status).toBe(409);
    const otherChange = await t.request(`/fhir/Appointment/${booked.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'replace', path: '/start', value: '2026-12-12T10:00:00Z' }]),
    });
    expect(otherChange.status).toBe(422);
  });

  it("gives a booking's self-check as a QuestionnaireResponse for the patient, and audits the read", async () => {
    const a = await (
      await postJson(t, '/api/v1/assessments', { pathway: 'low-back-pain', answers: SELF_CARE })
    ).json();
    const booked = await bookIn(t, {
      visitType: visit!,
      clinic,
      clinician: doctor,
      start: (await freeSlot('2026-12-14')).slot.start,
      patient: { familyName: 'Intake', email: 'intake@example.com' },
      intake: { id: a.id, token: a.token },
    });
    const appointment: any = await fhir.read({
      resourceType: 'Appointment',
      id: booked.id.replace(/-/g, ''),
    });
    expect(appointment.supportingInformation[0].reference).toBe(`QuestionnaireResponse/${a.id}`);
    const subject = appointment.participant[0].actor.reference;
    const bundle: any = await fhir.search({
      resourceType: 'QuestionnaireResponse',
      searchParams: { subject },
    });
    expectValid(bundle);
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry[0].resource.id).toBe(a.id);
    expect(bundle.entry[0].resource.subject.reference).toBe(subject);
    const reads = await t.db.query(
      `SELECT 1 FROM audit_events WHERE entity_type = 'assessment' AND entity_id = $1 AND actor_id = 'ehr-scheduler'`,
      [a.id],
    );
    expect(reads).toHaveLength(1);
  });
});

describe('FHIR access', () => {
  it('refuses without a token (401, WWW-Authenticate) and without the scope (403), and 404s unknown ids', async () => {
    const none = await t.request('/fhir/Appointment?patient=Patient/' + '1'.repeat(32));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expectValid(await none.json());
    const reader = await registerClient(t, 'slot-reader', 'system/Slot.rs system/Appointment.rs');
    const token = await tokenFor(t, reader, undefined, clock.getTime());
    const forbidden = await t.request('/fhir/Patient/' + '1'.repeat(32), { headers: fhirHeaders(token) });
    expect(forbidden.status).toBe(403);
    const outcome = await forbidden.json();
    expectValid(outcome);
    expect(outcome.issue[0].diagnostics).toContain('system/Patient.r');
    const cannotBook = await t.request('/fhir/Appointment/$book', {
      method: 'POST',
      headers: fhirHeaders(token),
      body: '{}',
    });
    expect(cannotBook.status).toBe(403);
    const missing = await t.request('/fhir/Appointment/' + '1'.repeat(32), { headers: fhirHeaders(token) });
    expect(missing.status).toBe(404);
    expectValid(await missing.json());
    const unknownPath = await t.request('/fhir/Observation');
    expect(unknownPath.status).toBe(404);
    expect((await unknownPath.json()).resourceType).toBe('OperationOutcome');
  });

  it("stops a retired client's tokens at once", async () => {
    const gone = await registerClient(t, 'old-partner', 'system/Appointment.rs');
    const token = await tokenFor(t, gone, undefined, clock.getTime());
    const ok = await t.request('/fhir/Appointment/' + '1'.repeat(32), { headers: fhirHeaders(token) });
    expect(ok.status).toBe(404);
    await retireClient(t.db, 'old-partner', clock);
    const after = await t.request('/fhir/Appointment/' + '1'.repeat(32), { headers: fhirHeaders(token) });
    expect(after.status).toBe(401);
  });
});

const uuid = (id: string) =>
  `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
