/**
 * The outbox page for administrators: filtered by patient the way the front desk finds someone
 * (a name without accents or case, a birth date, a phone number, an email address), with
 * statuses in words, and only the listed visits' reads in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import { bookIn, createWorldApp, oneClinician } from '../../test/support/world.js';

// One clinician's mornings are enough: two patients, one visit each, each with a confirmation
// and reminders in the outbox (nothing is delivered: jobs are off in tests).
const { clinic, doctor, visitTypes, network } = oneClinician([{ durationMinutes: 30 }]);
const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
const visits: Record<string, string> = {};

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, []);
  admin = await signedIn(t, 'admin@example.com');
  const book = (start: string, patient: Record<string, string>) =>
    bookIn(t, { visitType: visitTypes[0]!, clinic, clinician: doctor, start, patient });
  visits.martinez = (
    await book('2026-12-02T09:00:00-07:00', {
      givenName: 'Lucía',
      familyName: 'Martínez',
      birthDate: '1961-06-01',
      email: 'lucia.m@example.com',
      phone: '(480) 555-0161',
    })
  ).id;
  visits.other = (
    await book('2026-12-02T10:00:00-07:00', {
      givenName: 'Otto',
      familyName: 'Other',
      birthDate: '1970-07-07',
      email: 'otto@example.com',
      phone: '(480) 555-0170',
    })
  ).id;
});
afterAll(async () => {
  await t.close();
});

const listed = (html: string) => ({
  lucia: html.includes('lucia.m@example.com'),
  otto: html.includes('otto@example.com'),
});

describe('the outbox, filtered by patient', () => {
  it('finds a patient’s messages by a name typed without accents, a birth date, a phone or an email', async () => {
    for (const typed of ['martinez', '06/01/1961', '480-555-0161', 'LUCIA.M@example.com']) {
      const res = await admin.client.get(`/staff/outbox?patient=${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(200);
      expect(listed(await res.text()), typed).toEqual({ lucia: true, otto: false });
    }
    expect(listed(await (await admin.client.get('/staff/outbox')).text())).toEqual({
      lucia: true,
      otto: true,
    });
  });

  it('names a value nobody can be found by, and lists nothing', async () => {
    const res = await admin.client.get('/staff/outbox?patient=x');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('No patient matches “x”');
    expect(listed(html)).toEqual({ lucia: false, otto: false });
  });

  it('shows statuses in words and records a read of only the visits it lists', async () => {
    const before = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'read'",
    );
    const html = await (await admin.client.get('/staff/outbox?patient=martinez&status=pending')).text();
    expect(html).toContain('Waiting');
    const reads = await t.db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_events WHERE action = 'read' ORDER BY id OFFSET $1",
      [before[0]!.n],
    );
    expect(reads.map((r) => r.entity_id)).toEqual([visits.martinez]);
  });
});
