import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookIn, oneClinician } from '../../../test/support/world.js';
import { adminTestApp, session, type AdminTestContext } from './admin-test-support.js';

// One clinician working 08:00 to 12:00 on weekdays at one clinic: the week of December 7 has
// times for the time off to take away and visits for it to fall on, and no other clinician's
// times keep a day bookable (or a waiting patient offered one) when that clinician is away.
const { clinic, doctor, visitTypes, network } = oneClinician([{ durationMinutes: 30 }]);
const consult = visitTypes[0]!;
const TIME_OFF = `/staff/admin/providers/${doctor.slug}/time-off`;
let x: AdminTestContext;
beforeAll(async () => {
  x = await adminTestApp(network, { deskAt: clinic });
});
afterAll(async () => {
  await x.t.close();
});

const SLOTS_ON_DECEMBER_7 = `/api/v1/slots?visitType=${consult.slug}&location=${clinic.slug}&provider=${doctor.slug}&from=2026-12-07&to=2026-12-07`;
const statusOf = async (id: string) =>
  (await x.t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]))[0]!.status;
const timeOffRows = () =>
  x.t.db.query<{ note: string }>(
    'SELECT note FROM provider_time_off WHERE provider_id = $1 ORDER BY starts_at',
    [x.prov(doctor.slug)],
  );

describe('time off', () => {
  it('without visits in the range it is saved at once and blocks the slot search', async () => {
    expect((await (await x.t.request(SLOTS_ON_DECEMBER_7)).json()).slots.length).toBeGreaterThan(0);
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post(TIME_OFF, {
      _csrf: csrf,
      starts: '2026-12-07T08:00',
      ends: '2026-12-07T17:00',
      note: 'Conference',
    });
    expect(res.status).toBe(303);
    const slots = await (await x.t.request(SLOTS_ON_DECEMBER_7)).json();
    expect(slots.slots).toEqual([]);
    expect((await timeOffRows()).map((r) => r.note)).toEqual(['Conference']);
  });

  it('refuses an end before the start, naming the field', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post(TIME_OFF, {
      _csrf: csrf,
      starts: '2026-12-09T12:00',
      ends: '2026-12-09T08:00',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#ends"');
    expect(html).toContain('The end must be after the start');
  });

  it('over a booked visit: shows the visit and asks; "keep" saves the time off and leaves the visit booked', async () => {
    const visit = await bookIn(x.t, {
      visitType: consult,
      clinic,
      clinician: doctor,
      start: '2026-12-03T09:00:00-07:00',
      patient: { givenName: 'Kim', familyName: 'Patient' },
    });
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const fields = { _csrf: csrf, starts: '2026-12-03T08:00', ends: '2026-12-03T12:00', note: 'Dentist' };
    const ask = await client.post(TIME_OFF, fields);
    expect(ask.status).toBe(409);
    const html = await ask.text();
    expect(html).toContain('Kim Patient');
    expect(html).toContain(clinic.name);
    expect(html).toMatch(/Thursday, December 3, 9:00\sAM/);
    expect(html).toContain('Add the time off and keep these visits');
    expect(html).toContain('Add the time off and cancel these visits');
    expect((await timeOffRows()).map((r) => r.note)).not.toContain('Dentist');
    // An unknown decision, or one made without having seen the visits, asks again.
    expect((await client.post(TIME_OFF, { ...fields, decision: 'keep' })).status).toBe(409);
    expect((await timeOffRows()).map((r) => r.note)).not.toContain('Dentist');

    const keep = await client.post(TIME_OFF, {
      ...fields,
      decision: 'keep',
      seen: [visit.id],
    });
    expect(keep.status).toBe(303);
    expect(await statusOf(visit.id)).toBe('booked');
    expect((await timeOffRows()).map((r) => r.note)).toContain('Dentist');
    const [audit] = await x.t.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE entity_type = 'time-off' AND action = 'create' ORDER BY id DESC LIMIT 1",
    );
    expect(audit!.detail).toMatchObject({ decision: 'keep', visits: 1, appointmentIds: visit.id });
  });

  it('"cancel" saves the time off, cancels the visit and tells the patient', async () => {
    const visit = await bookIn(x.t, {
      visitType: consult,
      clinic,
      clinician: doctor,
      start: '2026-12-04T10:00:00-07:00',
      patient: { givenName: 'Lou', familyName: 'Patient' },
    });
    // Someone waits for that day: the freed time is inside the time off, so it is not offered.
    const join = await x.t.request('/api/v1/waitlist', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        visitType: consult.slug,
        location: clinic.slug,
        provider: doctor.slug,
        from: '2026-12-04',
        to: '2026-12-04',
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
    const fields = { _csrf: csrf, starts: '2026-12-04T08:00', ends: '2026-12-04T14:00', note: 'Sick day' };
    const ask = await client.post(TIME_OFF, fields);
    expect(ask.status).toBe(409);
    expect(await ask.text()).toContain('Lou Patient');
    const cancel = await client.post(TIME_OFF, {
      ...fields,
      decision: 'cancel',
      seen: [visit.id],
    });
    expect(cancel.status).toBe(303);
    expect(await statusOf(visit.id)).toBe('cancelled');
    expect((await timeOffRows()).map((r) => r.note)).toContain('Sick day');
    const mail = await x.t.db.query<{ kind: string }>(
      "SELECT kind FROM outbox_messages WHERE appointment_id = $1 AND kind LIKE '%cancel%'",
      [visit.id],
    );
    expect(mail.length).toBeGreaterThan(0);
    const [waiting] = await x.t.db.query<{ status: string }>(
      "SELECT w.status FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id WHERE p.family_name = 'Waiting'",
    );
    expect(waiting!.status).toBe('waiting');
    const [audit] = await x.t.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE entity_type = 'time-off' AND action = 'create' ORDER BY id DESC LIMIT 1",
    );
    expect(audit!.detail).toMatchObject({ decision: 'cancel', visits: 1 });
  });

  it('removes time off', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const [row] = await x.t.db.query<{ id: string }>(
      "SELECT id FROM provider_time_off WHERE note = 'Conference'",
    );
    expect((await client.post(`${TIME_OFF}/${row!.id}/remove`, { _csrf: csrf })).status).toBe(303);
    expect((await timeOffRows()).map((r) => r.note)).not.toContain('Conference');
  });
});
