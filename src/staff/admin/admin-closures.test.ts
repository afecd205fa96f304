import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookIn, oneClinician } from '../../../test/support/world.js';
import { adminTestApp, session, type AdminTestContext } from './admin-test-support.js';

// One clinic with one clinician on weekday mornings: a closed day has no other clinic or
// clinician whose times a waiting patient could be offered, and the visits a closure falls on are
// the ones booked here.
const { clinic, doctor, visitTypes, network } = oneClinician([{ durationMinutes: 30 }]);
const consult = visitTypes[0]!;
const CLINIC = `/staff/admin/clinics/${clinic.slug}`;
let x: AdminTestContext;
beforeAll(async () => {
  x = await adminTestApp(network, { deskAt: clinic });
});
afterAll(async () => {
  await x.t.close();
});

const CLOSURES = `${CLINIC}/closures`;
const statusOf = async (id: string) =>
  (await x.t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]))[0]!.status;
const closedDays = async () =>
  (
    await x.t.db.query<{ day: string }>(
      'SELECT closed_on::text AS day FROM location_closures WHERE location_id = $1 ORDER BY closed_on',
      [x.loc(clinic.slug)],
    )
  ).map((r) => r.day);
const lastClosureAudit = async () =>
  (
    await x.t.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE entity_type = 'closure' AND action = 'create' ORDER BY id DESC LIMIT 1",
    )
  )[0]?.detail;
const book = (start: string, givenName: string) =>
  bookIn(x.t, {
    visitType: consult,
    clinic,
    clinician: doctor,
    start,
    patient: { givenName, familyName: 'Patient' },
  });

describe('clinic closures over booked visits', () => {
  it('on a day without visits the closure is saved at once', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post(CLOSURES, { _csrf: csrf, closedOn: '2026-12-15', reason: 'Training' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(CLINIC);
    expect(await closedDays()).toContain('2026-12-15');
    expect(await lastClosureAudit()).toEqual({ date: '2026-12-15' });
  });

  it('over a booked visit: answers 409 listing the visit, saves nothing, and audits each visit shown', async () => {
    const visit = await book('2026-12-08T09:00:00-07:00', 'Kim');
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const fields = { _csrf: csrf, closedOn: '2026-12-08', reason: 'Water leak' };
    const [{ n: before }] = (await x.t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_events',
    )) as [{ n: number }];
    const ask = await client.post(CLOSURES, fields);
    expect(ask.status).toBe(409);
    const html = await ask.text();
    expect(html).toContain('Kim Patient');
    expect(html).toContain(doctor.displayName);
    expect(html).toMatch(/Tuesday, December 8, 9:00\sAM/);
    expect(html).toContain('Add the closure and keep these visits');
    expect(html).toContain('Add the closure and cancel these visits');
    expect(html).toContain(`name="seen" value="${visit.id}"`);
    expect(html).toContain('name="reason" value="Water leak"');
    expect(await closedDays()).not.toContain('2026-12-08');
    const reads = await x.t.db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_events WHERE id > $1 AND action = 'list' AND entity_type = 'appointment'",
      [before],
    );
    expect(reads.map((r) => r.entity_id)).toEqual([visit.id]);
    // A decision made without having seen the visits asks again, and still saves nothing.
    const blind = await client.post(CLOSURES, { ...fields, decision: 'cancel' });
    expect(blind.status).toBe(409);
    expect(await blind.text()).toContain('changed since you last looked');
    expect(await closedDays()).not.toContain('2026-12-08');
    expect(await statusOf(visit.id)).toBe('booked');
  });

  it('"keep" saves the closure, leaves the visit booked and records the decision', async () => {
    const visit = await book('2026-12-09T10:00:00-07:00', 'Max');
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const fields = { _csrf: csrf, closedOn: '2026-12-09', reason: 'Power outage' };
    expect((await client.post(CLOSURES, fields)).status).toBe(409);
    const keep = await client.post(CLOSURES, { ...fields, decision: 'keep', seen: [visit.id] });
    expect(keep.status).toBe(303);
    expect(keep.headers.get('location')).toBe('/staff/decisions');
    // The clinic's page keeps saying so while the visit is booked on a closed day.
    expect(await (await client.get(CLINIC)).text()).toContain(
      'Visits still booked on days this clinic is closed: 1.',
    );
    expect(await statusOf(visit.id)).toBe('booked');
    expect(await closedDays()).toContain('2026-12-09');
    expect(await lastClosureAudit()).toMatchObject({
      date: '2026-12-09',
      decision: 'keep',
      visits: 1,
      appointmentIds: visit.id,
    });
  });

  it('"cancel" saves the closure, cancels the visit, tells the patient and offers the time to no one', async () => {
    const visit = await book('2026-12-10T10:00:00-07:00', 'Lou');
    const join = await x.t.request('/api/v1/waitlist', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        visitType: consult.slug,
        location: clinic.slug,
        from: '2026-12-10',
        to: '2026-12-10',
        patient: {
          givenName: 'Wade',
          familyName: 'Waiting',
          birthDate: '1980-01-01',
          email: 'wade@example.com',
          phone: '480 555 0190',
        },
      }),
    });
    expect(join.status).toBe(201);
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const fields = { _csrf: csrf, closedOn: '2026-12-10', reason: 'Flooding' };
    const ask = await client.post(CLOSURES, fields);
    expect(ask.status).toBe(409);
    expect(await ask.text()).toContain('Lou Patient');
    const cancel = await client.post(CLOSURES, { ...fields, decision: 'cancel', seen: [visit.id] });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get('location')).toBe(CLINIC);
    expect(await statusOf(visit.id)).toBe('cancelled');
    expect(await closedDays()).toContain('2026-12-10');
    const mail = await x.t.db.query<{ kind: string }>(
      "SELECT kind FROM outbox_messages WHERE appointment_id = $1 AND kind LIKE '%cancel%'",
      [visit.id],
    );
    expect(mail.length).toBeGreaterThan(0);
    const [waiting] = await x.t.db.query<{ status: string }>(
      "SELECT w.status FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id WHERE p.family_name = 'Waiting'",
    );
    expect(waiting!.status).toBe('waiting');
    expect(await lastClosureAudit()).toMatchObject({
      date: '2026-12-10',
      decision: 'cancel',
      visits: 1,
      appointmentIds: visit.id,
    });
  });

  it('"cancel" lists a visit that could not be cancelled (the patient has checked in)', async () => {
    const visit = await book('2026-11-30T10:00:00-07:00', 'Ida');
    await x.t.db.query("UPDATE appointments SET status = 'checked-in' WHERE id = $1", [visit.id]);
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const fields = { _csrf: csrf, closedOn: '2026-11-30', reason: 'Emergency' };
    expect((await client.post(CLOSURES, fields)).status).toBe(409);
    const [mark] = await x.t.db.query<{ last: number }>(
      'SELECT COALESCE(max(id), 0)::int AS last FROM audit_events',
    );
    const cancel = await client.post(CLOSURES, { ...fields, decision: 'cancel', seen: [visit.id] });
    expect(cancel.status).toBe(200);
    // The visit still booked is shown by name, so its read is audited once.
    const reads = await x.t.db.query(
      "SELECT 1 FROM audit_events WHERE id > $1 AND entity_id = $2 AND action = 'list'",
      [mark!.last, visit.id],
    );
    expect(reads).toHaveLength(1);
    const html = await cancel.text();
    expect(html).toContain('Closure added; some visits are still booked');
    expect(html).toContain('Ida Patient');
    expect(await statusOf(visit.id)).toBe('checked-in');
    expect(await closedDays()).toContain('2026-11-30');
  });

  it('a day already closed is refused before asking about its visits', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const again = await client.post(CLOSURES, { _csrf: csrf, closedOn: '2026-12-09', reason: 'Again' });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('already closed on this date');
    expect(html).not.toContain('Max Patient');
  });
});
