/**
 * The booking API across a US daylight saving change: a clinic in a zone with DST (Denver) keeps
 * local times, Arizona's stay at -07:00, and one instant written two ways is one slot.
 */
import { describe, expect, it } from 'vitest';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// One clinician at two clinics: an Arizona one (no DST, UTC-7 all year) on weekday mornings
// from 08:00, and a Denver one (DST from 8 March 2026) on weekends from 09:00 to 10:00. A
// 20-minute visit with a 10-minute buffer, so the Denver hour holds times at 09:00 and 09:30.
const arizona = aClinic({ timeZone: 'America/Phoenix' });
const denver = aClinic({ timeZone: 'America/Denver' });
const doctor = aClinician({
  schedule: [...weekdays(arizona, '08:00', '12:00'), ...weekdays(denver, '09:00', '10:00', [6, 7])],
});
const visit = aVisitType({ providers: [doctor], durationMinutes: 20, bufferMinutes: 10 });
const network = aNetwork({ clinics: [arizona, denver], clinicians: [doctor], visitTypes: [visit] });

const PATIENT = {
  givenName: 'Rosa',
  familyName: 'Testperson',
  birthDate: '1980-04-02',
  email: 'rosa@example.com',
  phone: '(480) 555-0100',
};

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let keyCounter = 0;
const newKey = () => `dst-key-${keyCounter++}`;

describe('across a US daylight saving change', () => {
  it('keeps Arizona times at -07:00 and shows a Denver clinic at -07:00 before and -06:00 after 8 March 2026', async () => {
    const early = new Date('2026-03-02T14:00:00Z');
    const t = await createWorldApp(network, { now: () => early });
    try {
      const q = (loc: string) =>
        `/api/v1/slots?visitType=${visit.slug}&provider=${doctor.slug}&location=${loc}&from=2026-03-06&to=2026-03-09`;
      const den = (await (await t.request(q(denver.slug))).json()).slots.map((s: any) => s.start);
      expect(den).toContain('2026-03-07T09:00:00-07:00');
      expect(den).toContain('2026-03-08T09:00:00-06:00');
      const az = (await (await t.request(q(arizona.slug))).json()).slots.map((s: any) => s.start);
      expect(az).toContain('2026-03-06T08:00:00-07:00');
      expect(az).toContain('2026-03-09T08:00:00-07:00');
      const booked = await t.request(
        '/api/v1/appointments',
        json(
          {
            visitType: visit.slug,
            location: denver.slug,
            provider: doctor.slug,
            start: '2026-03-08T09:30:00-06:00',
            patient: PATIENT,
          },
          { 'idempotency-key': newKey() },
        ),
      );
      expect(booked.status).toBe(201);
      expect(await booked.json()).toMatchObject({
        start: '2026-03-08T09:30:00-06:00',
        end: '2026-03-08T09:50:00-06:00',
      });
      // The same instant written in UTC books the same slot: it collides.
      const same = await t.request(
        '/api/v1/appointments',
        json(
          {
            visitType: visit.slug,
            location: denver.slug,
            provider: doctor.slug,
            start: '2026-03-08T15:30:00Z',
            patient: PATIENT,
          },
          { 'idempotency-key': newKey() },
        ),
      );
      expect(same.status).toBe(409);
    } finally {
      await t.close();
    }
  });
});
