/**
 * "Send the confirmation again" on a coming visit: the patient's own private link (the one that
 * works), only the confirmation (no second set of reminders), audited; refused for a visit that
 * has started, and not offered to providers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician();
let clock = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
let booked: { id: string; manageToken: string };
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'dr@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
  ]);
  const res = await t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      visitType: visit!.slug,
      location: clinic.slug,
      provider: doctor.slug,
      start: '2026-12-03T09:00:00-07:00',
      patient: {
        givenName: 'Lost',
        familyName: 'Email',
        birthDate: '1980-08-08',
        email: 'lost@example.com',
        phone: null,
      },
    }),
  });
  expect(res.status).toBe(201);
  booked = await res.json();
});
afterAll(async () => {
  await t.close();
});

const outbox = () =>
  t.db.query<{ kind: string; text_body: string }>(
    "SELECT kind, text_body FROM outbox_messages WHERE recipient = 'lost@example.com' ORDER BY created_at, id",
  );

describe('sending the confirmation again', () => {
  it('queues one more confirmation with the working private link, and no more reminders', async () => {
    const before = await outbox();
    const desk = await signedIn(t, 'desk@example.com');
    const page = await (await desk.client.get(`/staff/appointments/${booked.id}`)).text();
    expect(page).toContain('Send the confirmation again');
    const res = await desk.client.post(`/staff/appointments/${booked.id}/resend`, { _csrf: desk.csrf });
    expect(res.headers.get('location')).toBe(`/staff/appointments/${booked.id}?done=resent`);
    expect(await (await desk.client.get(res.headers.get('location')!)).text()).toContain(
      'The confirmation was sent again.',
    );
    const after = await outbox();
    expect(after.length - before.length).toBe(1);
    const resent = after.at(-1)!;
    expect(resent.kind).toBe('appointment-confirmation');
    expect(resent.text_body).toContain(`/appointments/manage/${booked.manageToken}`);
    const [event] = await t.db.query<{ actor_type: string; detail: { channels: string } }>(
      "SELECT actor_type, detail FROM audit_events WHERE action = 'resend-confirmation'",
    );
    expect(event).toEqual({ actor_type: 'staff', detail: { channels: 'email' } });
  });

  it('is not for providers, and refused once the visit has started', async () => {
    const dr = await signedIn(t, 'dr@example.com');
    expect(await (await dr.client.get(`/staff/appointments/${booked.id}`)).text()).not.toContain(
      'Send the confirmation again',
    );
    expect((await dr.client.post(`/staff/appointments/${booked.id}/resend`, { _csrf: dr.csrf })).status).toBe(
      404,
    );
    clock = new Date('2026-12-03T16:05:00Z'); // five minutes after the start
    const desk = await signedIn(t, 'desk@example.com');
    const before = (await outbox()).length;
    const late = await desk.client.post(`/staff/appointments/${booked.id}/resend`, { _csrf: desk.csrf });
    expect(late.status).toBe(409);
    expect((await outbox()).length).toBe(before);
    const attempts = await t.db.query<{ outcome: string }>(
      "SELECT outcome FROM audit_events WHERE action = 'resend-confirmation' AND entity_id = $1 ORDER BY id",
      [booked.id],
    );
    expect(attempts.at(-1)).toEqual({ outcome: 'invalid' });
  });
});
