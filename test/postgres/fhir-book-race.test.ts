/**
 * PostgreSQL only: 100 backend clients' $book of the same Slot at once (each a different patient
 * with its own Idempotency-Key) end with exactly one booked Appointment: one 201, 99 x 409
 * OperationOutcomes, never a 5xx. $book runs the same booking command as the JSON API, so the
 * provider lock and the exclusion constraint decide here too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookParameters, fhirPatient, registerClient, tokenFor } from '../support/smart-client.js';
import { type TestApp } from '../support/test-app.js';
import { createWorldApp, oneClinician } from '../support/world.js';

// One clinician in Arizona (UTC-7 all year) working weekday mornings, with one visit type: its
// first free Slot on Friday 4 December is the one everybody wants.
const {
  visitTypes: [visit],
  network,
} = oneClinician();

const clock = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, {
    now: () => clock,
    config: { BOOKING_RATE_LIMIT: '0' },
  });
});
afterAll(async () => {
  await t.close();
});

it('100 concurrent $book of one Slot: exactly one 201, the rest 409, one visit stored', async () => {
  const client = await registerClient(t, 'racing-ehr', 'system/Appointment.cruds');
  const token = await tokenFor(t, client, undefined, clock.getTime());
  const slots = await (
    await t.request(`/fhir/Slot?service-type=${visit!.slug}&start=2026-12-04&_count=1`)
  ).json();
  const slotId = slots.entry[0].resource.id;
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      t.request('/fhir/Appointment/$book', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/fhir+json',
          'idempotency-key': `fhir-race-${i}`,
        },
        body: JSON.stringify(bookParameters(slotId, fhirPatient(`Racer${i}`, 'Fhirrush'))),
      }),
    ),
  );
  const counts: Record<number, number> = {};
  for (const res of answers) counts[res.status] = (counts[res.status] ?? 0) + 1;
  expect(counts).toEqual({ 201: 1, 409: 99 });
  const refused = answers.find((r) => r.status === 409)!;
  expect((await refused.json()).resourceType).toBe('OperationOutcome');
  const [row] = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.family_name = 'Fhirrush'`,
  );
  expect(row!.n).toBe(1);
});
