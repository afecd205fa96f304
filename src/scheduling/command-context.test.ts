/**
 * The command context (ADR 21): one instant per request, the actor stamped on every audit event,
 * and commands that compose into one transaction, so a refusal late in a command leaves nothing
 * behind, not even its audit events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';
import { asSystem, commandContext } from './command-context.js';
import { bookAppointment } from './booking-service.js';
import { cancelAppointment, readAppointment } from './visit-changes.js';
import { SchedulingRefused } from './refusals.js';

const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician([{ minNoticeMinutes: 60 }]);

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Phoenix
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
});
afterAll(async () => {
  await t.close();
});

const patient = {
  givenName: 'Ada',
  familyName: 'Context',
  birthDate: '1980-05-05',
  email: 'ada@example.com',
  phone: '602 555 0100',
};
const actor = { actorType: 'patient' as const, ip: '203.0.113.9', requestId: 'req-context-1' };

async function auditOf(requestId: string) {
  return t.db.query<{ action: string; actor_type: string; ip: string | null; entity_id: string | null }>(
    'SELECT action, actor_type, ip, entity_id FROM audit_events WHERE request_id = $1 ORDER BY id',
    [requestId],
  );
}

const book = (start: string, key: string) =>
  bookAppointment(
    commandContext(t.scheduling, actor),
    { visitType: visit!.slug, location: clinic.slug, provider: doctor.slug, start, patient, language: 'en' },
    key,
  );

describe('the command context', () => {
  it('reads the clock once: a command sees one instant however long it runs', () => {
    const ctx = commandContext(t.scheduling, actor);
    const seen = ctx.now;
    clock = new Date(clock.getTime() + 3_600_000);
    expect(ctx.now).toEqual(seen);
    expect(ctx.s.now()).toEqual(seen);
    expect(commandContext(t.scheduling, actor).now).toEqual(clock);
    clock = new Date('2026-11-30T14:00:00Z');
  });

  it('stamps who acted on every audit event a command writes, and the request id on the system work it triggers', async () => {
    const booked = await book('2026-12-01T09:00:00-07:00', 'context-key-0001');
    const ctx = commandContext(t.scheduling, { ...actor, requestId: 'req-context-2' });
    const a = await readAppointment(ctx, booked.appointment.id, booked.manageToken, { auditSuccess: false });
    await cancelAppointment(ctx, a!, booked.manageToken);
    expect(await auditOf('req-context-1')).toEqual([
      { action: 'create', actor_type: 'patient', ip: '203.0.113.9', entity_id: booked.appointment.id },
    ]);
    expect(await auditOf('req-context-2')).toEqual([
      { action: 'cancel', actor_type: 'patient', ip: '203.0.113.9', entity_id: booked.appointment.id },
    ]);
    const system = asSystem(ctx);
    expect(system.actor).toEqual({ actorType: 'system', requestId: 'req-context-2' });
  });

  it('composes commands into the caller’s transaction: a refusal after them leaves nothing written', async () => {
    const booked = await book('2026-12-02T09:00:00-07:00', 'context-key-0002');
    const ctx = commandContext(t.scheduling, { ...actor, requestId: 'req-context-3' });
    const a = (await readAppointment(ctx, booked.appointment.id, booked.manageToken, {
      auditSuccess: false,
    }))!;
    await expect(
      ctx.transaction(async (tx) => {
        expect(tx.inTransaction).toBe(true);
        await cancelAppointment(tx, a, booked.manageToken);
        // A second cancel of the same visit in the same transaction is refused: the first is undone.
        await cancelAppointment(tx, { ...a, status: 'booked' }, booked.manageToken);
      }),
    ).rejects.toBeInstanceOf(SchedulingRefused);
    const [row] = await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [
      a.id,
    ]);
    expect(row!.status).toBe('booked');
    expect(await auditOf('req-context-3')).toEqual([]);
    const [queued] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_messages WHERE kind = 'appointment-cancelled'",
    );
    expect(queued!.n).toBe(1); // the first test's cancel only
  });
});
