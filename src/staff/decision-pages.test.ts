/**
 * A visit kept over a closure waits for a decision: the schedule flags it, its reminders are held
 * (not sent, not dropped), the decisions page lists it with the patient's phone, and "Keep"
 * releases the reminders; a move clears the decision too.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';
import { outdatedVisitMessages, queueDueReminders } from '../scheduling/index.js';
import { dispatchDueMessages } from '../notifications/outbox.js';
import { createLogger } from '../platform/logging/logger.js';

const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician();
const clock = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
const ids: string[] = [];
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [{ email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] }]);
  for (const [name, time] of [
    ['Kept', '09:00'],
    ['Moved', '10:00'],
  ]) {
    const res = await t.request('/api/v1/appointments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        visitType: visit!.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: `2026-12-09T${time}:00-07:00`,
        patient: {
          givenName: name!,
          familyName: 'Closed',
          birthDate: '1977-07-07',
          email: `${name}@example.com`,
          phone: '(602) 555-0177',
        },
      }),
    });
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const admin = await signedIn(t, 'admin@example.com');
  const closure = await admin.client.post(`/staff/admin/clinics/${clinic.slug}/closures`, {
    _csrf: admin.csrf,
    closedOn: '2026-12-09',
    reason: 'Water leak',
    decision: 'keep',
    seen: ids,
  });
  expect(closure.headers.get('location')).toBe('/staff/decisions');
});
afterAll(async () => {
  await t.close();
});

/** The held and skipped reminders of a visit, as the outbox would be told. */
async function reminderFate(id: string) {
  // Reminders are queued near their time (scheduling/reminders.ts): both of them, two hours out.
  const [visit] = await t.db.query<{ starts_at: Date }>('SELECT starts_at FROM appointments WHERE id = $1', [
    id,
  ]);
  await queueDueReminders(t.scheduling, new Date(visit!.starts_at.getTime() - 2 * 3_600_000));
  const refs = (
    await t.db.query<{ id: string; kind: string; appointment_sequence: number }>(
      "SELECT id, kind, appointment_sequence FROM outbox_messages WHERE appointment_id = $1 AND kind LIKE 'appointment-reminder%'",
      [id],
    )
  ).map((m) => ({ id: m.id, kind: m.kind, appointmentId: id, appointmentSequence: m.appointment_sequence }));
  const { skip, hold } = await outdatedVisitMessages(t.db, refs, clock);
  return { count: refs.length, held: hold.size, skipped: skip.size };
}

describe('visits kept over a closure', () => {
  it('are flagged on the day and listed with the phone, and their reminders are held', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    const day = await (await desk.client.get(`/staff?location=${clinic.slug}&date=2026-12-09`)).text();
    expect(day).toContain('2 visits on this day wait for a decision');
    expect(day.match(/Decide: call the patient/g)).toHaveLength(2);
    const list = await (await desk.client.get('/staff/decisions')).text();
    expect(list).toContain('Closed, Kept');
    expect(list).toContain('href="tel:6025550177"');
    expect(list).toContain('Clinic closed');
    const fate = await reminderFate(ids[0]!);
    expect(fate.count).toBeGreaterThan(0);
    expect(fate).toMatchObject({ held: fate.count, skipped: 0 });
    // The outbox, when a reminder falls due: not sent, not dropped, looked at again later.
    await t.db.query(
      "UPDATE outbox_messages SET not_before = $2 WHERE appointment_id = $1 AND kind LIKE 'appointment-reminder%'",
      [ids[0], clock],
    );
    const sent: string[] = [];
    const transport = { name: 'test', deliver: async (m: { kind: string }) => void sent.push(m.kind) };
    const run = await dispatchDueMessages(t.db, transport, createLogger('silent'), {
      now: clock,
      isOutdated: outdatedVisitMessages,
    });
    expect(sent.filter((k) => k.startsWith('appointment-reminder'))).toEqual([]);
    expect(run.held).toBe(fate.count);
    const [row] = await t.db.query<{ status: string; not_before: Date }>(
      "SELECT status, not_before FROM outbox_messages WHERE appointment_id = $1 AND kind LIKE 'appointment-reminder%' LIMIT 1",
      [ids[0]],
    );
    expect(row!.status).toBe('pending');
    expect(row!.not_before.getTime()).toBeGreaterThan(clock.getTime());
  });

  it('"Keep" releases the reminders, audited; a move clears the decision too', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    const kept = await desk.client.post(`/staff/appointments/${ids[0]}/keep`, { _csrf: desk.csrf });
    expect(kept.headers.get('location')).toBe('/staff/decisions?done=kept');
    expect(await reminderFate(ids[0]!)).toMatchObject({ held: 0, skipped: 0 });
    const [event] = await t.db.query<{ detail: { reason: string } }>(
      "SELECT detail FROM audit_events WHERE action = 'keep' AND entity_id = $1",
      [ids[0]],
    );
    expect(event!.detail.reason).toBe('closure');
    // Keeping twice: the decision was made already.
    expect((await desk.client.post(`/staff/appointments/${ids[0]}/keep`, { _csrf: desk.csrf })).status).toBe(
      409,
    );

    const moved = await desk.client.post(`/staff/appointments/${ids[1]}/reschedule`, {
      _csrf: desk.csrf,
      slot: `${doctor.slug}|2026-12-10T10:00:00-07:00`,
    });
    expect(moved.status).toBe(303);
    const list = await (await desk.client.get('/staff/decisions')).text();
    expect(list).toContain('No visits are waiting for a decision.');
  });
});
