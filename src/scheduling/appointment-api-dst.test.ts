/**
 * The booking API across a US daylight saving change: a clinic in a zone with DST (Denver) keeps
 * local times, Arizona's stay at -07:00, and one instant written two ways is one slot.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';

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
const newKey = () => `dst-key-${Date.now()}-${keyCounter++}`;

describe('across a US daylight saving change', () => {
  it('keeps Arizona times at -07:00 and shows a Denver clinic at -07:00 before and -06:00 after 8 March 2026', async () => {
    const early = new Date('2026-03-02T14:00:00Z');
    const denver = await createTestApp({ now: () => early });
    try {
      await denver.db.query(
        `INSERT INTO locations (slug, name, time_zone, street, city, region, postal_code, phone) VALUES ('denver', 'Carepath Denver', 'America/Denver', '1 Test St', 'Denver', 'CO', '80202', '(303) 555-0100')`,
      );
      await denver.db.query(
        `INSERT INTO provider_schedules (provider_id, location_id, weekday, starts, ends, valid_from)
         SELECT p.id, l.id, d, '09:00', '10:00', '2026-01-01' FROM providers p, locations l, generate_series(6, 7) d
         WHERE p.slug = 'ben-evans' AND l.slug = 'denver'`,
      );
      denver.directory.invalidate();
      const q = (loc: string) =>
        `/api/v1/slots?visitType=pain-follow-up&provider=ben-evans&location=${loc}&from=2026-03-06&to=2026-03-09`;
      const den = (await (await denver.request(q('denver'))).json()).slots.map((s: any) => s.start);
      expect(den).toContain('2026-03-07T09:00:00-07:00');
      expect(den).toContain('2026-03-08T09:00:00-06:00');
      const az = (await (await denver.request(q('scottsdale'))).json()).slots.map((s: any) => s.start);
      expect(az).toContain('2026-03-06T08:00:00-07:00');
      expect(az).toContain('2026-03-09T08:00:00-07:00');
      const booked = await denver.request(
        '/api/v1/appointments',
        json(
          {
            visitType: 'pain-follow-up',
            location: 'denver',
            provider: 'ben-evans',
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
      const same = await denver.request(
        '/api/v1/appointments',
        json(
          {
            visitType: 'pain-follow-up',
            location: 'denver',
            provider: 'ben-evans',
            start: '2026-03-08T15:30:00Z',
            patient: PATIENT,
          },
          { 'idempotency-key': newKey() },
        ),
      );
      expect(same.status).toBe(409);
    } finally {
      await denver.close();
    }
  });
});
