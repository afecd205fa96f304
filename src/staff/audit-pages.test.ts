/**
 * The audit trail as an administrator reads it: dates as people type them (a bad one is an
 * error, not ignored), the network's local day and local times, paging past the first 200
 * events, and one "read" event per page view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/index.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

// Arizona: local midnight is 07:00 UTC, so a UTC day and the local day differ.
const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician();
const clock = new Date('2026-12-02T15:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [{ email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] }]);
  // 250 events about one record: 03:00 UTC on 1 December is still 30 November in Arizona.
  await t.db.query(
    `INSERT INTO audit_events (occurred_at, actor_type, action, entity_type, entity_id, outcome)
     SELECT timestamptz '2026-12-01 03:00:00+00' + make_interval(secs => g), 'system', 'walk', 'thing', 'walked', 'success'
     FROM generate_series(1, 250) AS g`,
  );
  await recordAudit(t.db, {
    actorType: 'system',
    action: 'late',
    entityType: 'thing',
    entityId: 'walked',
    outcome: 'success',
  });
});
afterAll(async () => {
  await t.close();
});

const rows = (html: string) => html.match(/<td[^>]*><code>(walk|late)<\/code><\/td>/g)?.length ?? 0;

describe('the audit trail page', () => {
  it('pages past the first 200 events', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    const first = await (await admin.client.get('/staff/audit?entity=walked')).text();
    expect(rows(first)).toBe(200);
    const older = /<a href="([^"]+)">Older events<\/a>/.exec(first)![1]!.replace(/&amp;/g, '&');
    expect(older).toContain('entity=walked');
    const second = await (await admin.client.get(older)).text();
    expect(rows(second)).toBe(51);
    expect(second).not.toContain('Older events');
  });

  it('reads dates as people type them, as the network’s local day, and shows local times', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    const us = await (await admin.client.get('/staff/audit?entity=walked&date=11/30/2026')).text();
    const iso = await (await admin.client.get('/staff/audit?entity=walked&date=2026-11-30')).text();
    // All 250 happened on the evening of 30 November in Arizona (the next day in UTC).
    expect(rows(us)).toBe(200);
    expect(rows(iso)).toBe(200);
    const next = await (await admin.client.get('/staff/audit?entity=walked&date=12/1/2026')).text();
    expect(rows(next)).toBe(0);
    expect(us).toMatch(/2026-11-30 8:0\d\sPM/);
    expect(us).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('names a date it cannot read instead of ignoring it, on the page and in the API', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    const bad = await admin.client.get('/staff/audit?entity=walked&date=2/30/2026');
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Enter the date as MM/DD/YYYY or YYYY-MM-DD');
    expect(html).toContain('aria-invalid="true"');
    expect(rows(html)).toBe(0);
    const api = await admin.client.get('/api/v1/audit-events?date=yesterday');
    expect(api.status).toBe(422);
    expect((await api.json()).errors[0].field).toBe('date');
  });

  it('finds a patient’s events by what the desk types: a name without accents, a birth date', async () => {
    const res = await t.request('/api/v1/appointments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'audit-patient-0001' },
      body: JSON.stringify({
        visitType: visit!.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: '2026-12-07T09:00:00-07:00',
        patient: {
          givenName: 'Álvaro',
          familyName: 'Martínez',
          birthDate: '1981-01-21',
          email: 'am@example.com',
          phone: null,
        },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const admin = await signedIn(t, 'admin@example.com');
    for (const typed of ['martinez', 'ALVARO MART', '1/21/1981']) {
      const html = await (await admin.client.get(`/staff/audit?patient=${encodeURIComponent(typed)}`)).text();
      expect(html, typed).toContain(`<code>appointment</code> ${id}`);
    }
    const nobody = await (await admin.client.get('/staff/audit?patient=nobody-by-this-name')).text();
    expect(nobody).not.toContain(`<code>appointment</code> ${id}`);
    expect(rows(nobody)).toBe(0);
  });

  it('writes one event per page view, however many it lists', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    const [{ last }] = (await t.db.query('SELECT max(id)::int AS last FROM audit_events')) as [
      { last: number },
    ];
    await admin.client.get('/staff/audit?entity=walked');
    const written = await t.db.query<{ action: string; entity_type: string }>(
      'SELECT action, entity_type FROM audit_events WHERE id > $1',
      [last],
    );
    expect(written).toEqual([{ action: 'read', entity_type: 'audit-events' }]);
  });
});
