/**
 * The slot search of the booking API (GET /api/v1/slots) and what bounds it: the clinician's
 * working hours, the visit's notice, time off, clinic closures and the clinic's opening hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { A_PATIENT, postJson } from '../../test/support/api.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// An Arizona clinic (UTC-7 all year) open 08:00 to 17:00 Monday to Thursday and closing at 15:00
// on Fridays, and a second Arizona clinic.
const clinic = aClinic({
  timeZone: 'America/Phoenix',
  hours: [
    [1, '08:00', '17:00'],
    [2, '08:00', '17:00'],
    [3, '08:00', '17:00'],
    [4, '08:00', '17:00'],
    [5, '08:00', '15:00'],
  ],
});
const otherClinic = aClinic({ timeZone: 'America/Phoenix' });
// The clinician the searches name: 08:00 to 16:00 Monday to Thursday, 08:00 to 14:00 on Fridays,
// inside the clinic's hours. Not at weekends, and never at the other clinic.
const doctor = aClinician({
  schedule: [...weekdays(clinic, '08:00', '16:00', [1, 2, 3, 4]), ...weekdays(clinic, '08:00', '14:00', [5])],
});
// One whose Friday hours (to 18:00) run past the clinic's Friday closing (15:00).
const lateDoctor = aClinician({ schedule: weekdays(clinic, '08:00', '18:00', [5]) });
// A colleague at the other clinic, 08:00 to 16:00 on weekdays.
const colleague = aClinician({ schedule: weekdays(otherClinic, '08:00', '16:00') });
// A 45-minute consultation with a 15-minute buffer (one an hour) and a 20-minute follow-up with a
// 10-minute buffer, both with two hours' notice; a 30-minute walk-in visit offered at both clinics
// (32 times a weekday between the two clinicians); and a check-up only the colleague offers.
const consultation = aVisitType({
  providers: [doctor, lateDoctor],
  durationMinutes: 45,
  bufferMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
const followUp = aVisitType({
  providers: [doctor],
  durationMinutes: 20,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
const walkIn = aVisitType({
  providers: [doctor, colleague],
  durationMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 30,
  horizonDays: 30,
});
const checkUp = aVisitType({ providers: [colleague] });
const network = aNetwork({
  clinics: [clinic, otherClinic],
  clinicians: [doctor, lateDoctor, colleague],
  visitTypes: [consultation, followUp, walkIn, checkUp],
});

// Monday 30 November 2026, 07:00 in Arizona.
const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

const book = (start: string, provider = doctor.slug) =>
  postJson(t, '/api/v1/appointments', {
    visitType: consultation.slug,
    location: clinic.slug,
    provider,
    start,
    patient: A_PATIENT,
  });

const times = (slots: { start: string }[]) => slots.map((s) => s.start.slice(11, 16));

describe('GET /api/v1/slots', () => {
  it('lists a clinician’s free times at a clinic as ISO 8601 with the Arizona offset', async () => {
    const res = await t.request(
      `/api/v1/slots?visitType=${consultation.slug}&location=${clinic.slug}&provider=${doctor.slug}&from=2026-12-01&to=2026-12-01`,
    );
    expect(res.status).toBe(200);
    const { slots } = await res.json();
    expect(slots[0]).toEqual({
      start: '2026-12-01T08:00:00-07:00',
      end: '2026-12-01T08:45:00-07:00',
      provider: doctor.slug,
      location: clinic.slug,
      visitType: consultation.slug,
    });
    // 45-minute visits with a 15-minute buffer, 08:00-16:00: one an hour.
    expect(times(slots)).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00']);
  });

  it('merges every provider for "any provider" and the whole network when no clinic is given, soonest first', async () => {
    const { slots } = await (
      await t.request(`/api/v1/slots?visitType=${walkIn.slug}&from=2026-12-02&to=2026-12-02`)
    ).json();
    // Both clinicians who offer the walk-in visit, at both clinics.
    expect(new Set(slots.map((s: any) => s.location))).toEqual(new Set([clinic.slug, otherClinic.slug]));
    expect(new Set(slots.map((s: any) => s.provider))).toEqual(new Set([doctor.slug, colleague.slug]));
    const starts = slots.map((s: any) => Date.parse(s.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('respects the minimum notice from now', async () => {
    const { slots } = await (
      await t.request(
        `/api/v1/slots?visitType=${followUp.slug}&location=${clinic.slug}&from=2026-11-30&to=2026-11-30`,
      )
    ).json();
    // now is 07:00 on a day the clinician works from 08:00; two hours' notice: nothing before 09:00.
    expect(Date.parse(slots[0].start)).toBeGreaterThanOrEqual(Date.parse('2026-11-30T09:00:00-07:00'));
  });

  it('names every invalid parameter with 422', async () => {
    const res = await t.request(
      '/api/v1/slots?visitType=massage&location=tucson&provider=nobody&from=2026-13-01',
    );
    expect(res.status).toBe(422);
    const fields = (await res.json()).errors.map((e: any) => e.field).sort();
    expect(fields).toEqual(['from', 'location', 'provider', 'to', 'visitType']);
  });

  it('allows at most 31 days per call', async () => {
    const ok = await t.request(`/api/v1/slots?visitType=${followUp.slug}&from=2026-12-01&to=2026-12-31`);
    expect(ok.status).toBe(200);
    const tooLong = await t.request(`/api/v1/slots?visitType=${followUp.slug}&from=2026-12-01&to=2027-01-01`);
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).errors[0]).toMatchObject({ field: 'to' });
  });

  it('rejects a provider who does not offer the visit type or work at the clinic', async () => {
    const res = await t.request(
      `/api/v1/slots?visitType=${checkUp.slug}&provider=${doctor.slug}&from=2026-12-01&to=2026-12-01`,
    );
    expect((await res.json()).errors[0]).toMatchObject({ field: 'provider' });
    const res2 = await t.request(
      `/api/v1/slots?visitType=${walkIn.slug}&provider=${doctor.slug}&location=${otherClinic.slug}&from=2026-12-01&to=2026-12-01`,
    );
    expect((await res2.json()).errors[0].detail).toContain(`does not work at ${otherClinic.slug}`);
  });
});

describe('the slot list serializer', () => {
  it('writes exactly what JSON.stringify would', async () => {
    const { slotsJson } = await import('./slot-answers.js');
    // Two clinicians, 16 walk-in times each a day, over three weekdays: 96 slots.
    const res = await t.request(`/api/v1/slots?visitType=${walkIn.slug}&from=2026-12-01&to=2026-12-03`);
    const text = await res.text();
    const parsed = JSON.parse(text);
    expect(parsed.slots.length).toBeGreaterThan(50);
    expect(text).toBe(JSON.stringify(parsed));
    expect(slotsJson([])).toBe('{"slots":[]}');
  });
});

describe('time off and closures', () => {
  it('refuses a booking in the clinician’s time off or on a closed day, and hides those slots', async () => {
    await t.db.query(
      `INSERT INTO provider_time_off (provider_id, starts_at, ends_at, note)
       SELECT id, '2026-12-11T15:00:00Z', '2026-12-11T18:00:00Z', 'training' FROM providers WHERE slug = $1`,
      [doctor.slug],
    );
    await t.db.query(
      `INSERT INTO location_closures (location_id, closed_on) SELECT id, '2026-12-25' FROM locations WHERE slug = $1`,
      [clinic.slug],
    );
    t.directory.invalidate();
    const off = await book('2026-12-11T09:00:00-07:00');
    expect(off.status).toBe(422);
    expect((await off.json()).errors[0].field).toBe('start');
    // A Friday the clinician works: only the closure stands in the way.
    const closed = await book('2026-12-25T09:00:00-07:00');
    expect(closed.status).toBe(422);
    const { slots } = await (
      await t.request(
        `/api/v1/slots?visitType=${consultation.slug}&provider=${doctor.slug}&from=2026-12-11&to=2026-12-11`,
      )
    ).json();
    // Fridays 08:00-14:00; time off 08:00-11:00.
    expect(times(slots)).toEqual(['11:00', '12:00', '13:00']);
    expect((await book('2026-12-11T11:00:00-07:00')).status).toBe(201);
  });
});

describe('clinic opening hours', () => {
  it('bound working hours: a block past closing time is cut there, for the slot list and for booking', async () => {
    // The late clinician's Friday block runs to 18:00; the clinic closes at 15:00 on Fridays.
    const { slots } = await (
      await t.request(
        `/api/v1/slots?visitType=${consultation.slug}&provider=${lateDoctor.slug}&from=2026-12-18&to=2026-12-18`,
      )
    ).json();
    // The 14:00 visit ends at closing time; nothing starts later.
    expect(times(slots)).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00']);
    const late = await book('2026-12-18T15:00:00-07:00', lateDoctor.slug);
    expect(late.status).toBe(422);
    expect((await late.json()).errors[0].field).toBe('start');
    expect((await book('2026-12-18T13:00:00-07:00', lateDoctor.slug)).status).toBe(201);
  });
});
