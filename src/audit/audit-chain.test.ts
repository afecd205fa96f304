import { afterEach, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { bookViaApi } from '../../test/support/api.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';
import { sealAuditEvents, verifyAuditChain } from './audit-chain.js';

// One clinician working 08:00 to 12:00 on weekdays in Arizona (UTC-7), with one visit type:
// enough for two bookings on a Tuesday morning.
const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician();

const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
afterEach(async () => {
  await t.close();
});

/** An app with a few audit events (bookings and reads), all sealed. */
async function sealedTrail() {
  t = await createWorldApp(network, { now: () => NOW });
  for (const start of ['2026-12-01T09:00:00-07:00', '2026-12-01T10:00:00-07:00']) {
    const booked = await (
      await bookViaApi(t, {
        visitType: visit!.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start,
      })
    ).json();
    await t.request(`/api/v1/appointments/${booked.id}`, {
      headers: { authorization: `Bearer ${booked.manageToken}` },
    });
  }
  const { sealed } = await sealAuditEvents(t.db);
  expect(sealed).toBeGreaterThanOrEqual(4);
  return (await t.db.query<{ id: string }>('SELECT id::text FROM audit_events ORDER BY id')).map((r) => r.id);
}

/** What only the tables' owner can do: switch the append-only guard off for one statement. */
async function asOwner(table: 'audit_events' | 'audit_chain', sql: string, params: unknown[]) {
  await t.db.transaction(async (tx) => {
    await tx.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await tx.query(sql, params);
    await tx.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  });
}

describe('the audit trail’s hash chain', () => {
  it('seals new events once, in order, and verifies intact', async () => {
    const ids = await sealedTrail();
    expect(await sealAuditEvents(t.db)).toMatchObject({ sealed: 0 });
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: true, events: ids.length, unsealed: 0 });
    // Later events join the chain at the next sealing.
    await t.request('/api/v1/appointments/00000000-0000-0000-0000-000000000000', {
      headers: { authorization: 'Bearer nope' },
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, unsealed: 1 });
    expect(await sealAuditEvents(t.db)).toMatchObject({ sealed: 1 });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: ids.length + 1, unsealed: 0 });
  });

  it('finds a sealed event that was altered', async () => {
    const ids = await sealedTrail();
    await asOwner('audit_events', "UPDATE audit_events SET outcome = 'denied' WHERE id = $1", [ids[2]]);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      at: { seq: 3, eventId: ids[2], problem: 'event-altered' },
    });
  });

  it('finds a sealed event that was deleted', async () => {
    const ids = await sealedTrail();
    await asOwner('audit_events', 'DELETE FROM audit_events WHERE id = $1', [ids[1]]);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      at: { eventId: ids[1], problem: 'event-missing' },
    });
  });

  it('finds a seal that was removed, and refuses changes to seals', async () => {
    await sealedTrail();
    await expect(t.db.query('DELETE FROM audit_chain WHERE seq = 2')).rejects.toThrow(/append-only/);
    await asOwner('audit_chain', 'DELETE FROM audit_chain WHERE seq = 2', []);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, at: { seq: 2, problem: 'seal-missing' } });
  });
});
