/**
 * A staff cancel or move can be undone from its notice while the time is still free: the cancel
 * books the visit again and tells the patient, the move goes back to where the visit was. When
 * the time was taken meanwhile (here: offered to the waiting list), the undo is refused and
 * nothing changes.
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
const clock = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
const post = (path: string, body: unknown) =>
  t.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
const book = async (name: string, start: string) => {
  const res = await post('/api/v1/appointments', {
    visitType: visit!.slug,
    location: clinic.slug,
    provider: doctor.slug,
    start,
    patient: {
      givenName: name,
      familyName: 'Undo',
      birthDate: '1985-05-05',
      email: `${name}@example.com`,
      phone: null,
    },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const statusOf = async (id: string) =>
  (
    await t.db.query<{ status: string; starts_at: Date }>(
      'SELECT status, starts_at FROM appointments WHERE id = $1',
      [id],
    )
  )[0]!;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [{ email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] }]);
});
afterAll(async () => {
  await t.close();
});

const undoForm = (html: string) =>
  /<form method="post" action="([^"]+)"><input type="hidden" name="_csrf" value="[^"]+"\/>(?:<input type="hidden" name="slot" value="([^"]*)"\/>)?<button class="button secondary" type="submit">Undo/.exec(
    html,
  );

describe('undoing a staff cancel or move', () => {
  it('books a cancelled visit again from the notice, and tells the patient it is back on', async () => {
    const id = await book('Cal', '2026-12-02T09:00:00-07:00');
    const desk = await signedIn(t, 'desk@example.com');
    const cancelled = await desk.client.post(`/staff/appointments/${id}/cancel`, {
      _csrf: desk.csrf,
      reason: 'patient-request',
    });
    const notice = await (await desk.client.get(cancelled.headers.get('location')!)).text();
    const form = undoForm(notice)!;
    expect(form[1]).toBe(`/staff/appointments/${id}/restore`);
    const undone = await desk.client.post(form[1]!, { _csrf: desk.csrf });
    expect(undone.headers.get('location')).toContain('done=restored');
    expect((await statusOf(id)).status).toBe('booked');
    const kinds = await t.db.query<{ kind: string }>(
      "SELECT kind FROM outbox_messages WHERE recipient = 'Cal@example.com' ORDER BY created_at, id",
    );
    expect(kinds.map((k) => k.kind).filter((k) => k === 'appointment-confirmation')).toHaveLength(2);
    const [event] = await t.db.query<{ actor_type: string }>(
      "SELECT actor_type FROM audit_events WHERE action = 'restore' AND entity_id = $1",
      [id],
    );
    expect(event!.actor_type).toBe('staff');
  });

  it('moves a visit back to where it was', async () => {
    const id = await book('Mo', '2026-12-03T09:00:00-07:00');
    const desk = await signedIn(t, 'desk@example.com');
    const moved = await desk.client.post(`/staff/appointments/${id}/reschedule`, {
      _csrf: desk.csrf,
      slot: `${doctor.slug}|2026-12-03T11:00:00-07:00`,
    });
    const notice = await (await desk.client.get(moved.headers.get('location')!)).text();
    const form = undoForm(notice)!;
    expect(form[2]).toBe(`${doctor.slug}|2026-12-03T09:00:00-07:00`);
    const back = await desk.client.post(form[1]!, { _csrf: desk.csrf, slot: form[2]! });
    expect(back.status).toBe(303);
    expect((await statusOf(id)).starts_at.toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });

  it('refuses to undo a cancel once the time was offered to the waiting list, and changes nothing', async () => {
    const wait = await post('/api/v1/waitlist', {
      visitType: visit!.slug,
      location: clinic.slug,
      from: '2026-12-04',
      to: '2026-12-04',
      patient: {
        givenName: 'Wes',
        familyName: 'Waiting',
        birthDate: '1990-09-09',
        email: 'wes@example.com',
        phone: '602 555 0190',
      },
    });
    expect(wait.status, await wait.clone().text()).toBe(201);
    const id = await book('Tak', '2026-12-04T09:00:00-07:00');
    const desk = await signedIn(t, 'desk@example.com');
    await desk.client.post(`/staff/appointments/${id}/cancel`, {
      _csrf: desk.csrf,
      reason: 'patient-request',
    });
    const refused = await desk.client.post(`/staff/appointments/${id}/restore`, { _csrf: desk.csrf });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('taken');
    expect((await statusOf(id)).status).toBe('cancelled');
    // The refused attempt is in the trail, with its code and nothing else.
    const [attempt] = await t.db.query<{ outcome: string; detail: unknown }>(
      "SELECT outcome, detail FROM audit_events WHERE action = 'restore' AND entity_id = $1",
      [id],
    );
    expect(attempt).toEqual({ outcome: 'invalid', detail: { code: 'slot_taken' } });
  });
});
