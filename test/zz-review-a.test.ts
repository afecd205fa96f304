import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createStaff, signedIn } from './support/staff.js';

const clock = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
const PATIENT = { givenName: 'Zelda', familyName: 'Zzreview', birthDate: '1966-06-16', email: 'z@example.com', phone: '480 555 0166' };
async function book(start: string) {
  const res = await t.request('/api/v1/appointments', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ visitType: 'back-pain-visit', location: 'scottsdale', provider: 'ben-evans', start, patient: PATIENT }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; manageToken: string };
}
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: ['scottsdale'] },
    { email: 'tempeadmin@example.com', role: 'admin', locations: ['tempe'] },
  ]);
});
afterAll(async () => { await t.close(); });

describe('review', () => {
  it('probes', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    const desk = await signedIn(t, 'desk@example.com');
    const ta = await signedIn(t, 'tempeadmin@example.com');
    const v = await book('2026-12-02T09:00:00-07:00');
    const r1 = await admin.client.post('/staff/admin/clinics/scottsdale/closures/2026-02-30/remove', { _csrf: admin.csrf });
    console.log('A closure remove bad date', r1.status);
    const r2 = await ta.client.get('/staff/admin/clinics/scottsdale');
    console.log('B tempe admin GET scottsdale', r2.status);
    const r3 = await ta.client.post('/staff/admin/clinics/scottsdale/closures', { _csrf: ta.csrf, closedOn: '2026-12-02', reason: 'x', reasonEs: '' });
    const h3 = await r3.text();
    console.log('B tempe admin closure scottsdale', r3.status, h3.includes('Zzreview'));
    const r3b = await ta.client.get('/staff/audit?patient=' + (await t.db.query<{patient_id:string}>('SELECT patient_id FROM appointments WHERE id=$1',[v.id]))[0]!.patient_id);
    console.log('B tempe admin audit by patient', r3b.status, (await r3b.text()).includes(v.id));
    const r3c = await ta.client.get('/staff/outbox');
    console.log('B tempe admin outbox', r3c.status, (await r3c.text()).includes('z@example.com'));
    // C: token replaced on failed reschedule
    await t.db.query('UPDATE appointments SET manage_token_sealed = NULL WHERE id = $1', [v.id]);
    const before = (await t.db.query<{h:string}>('SELECT manage_token_hash AS h FROM appointments WHERE id=$1',[v.id]))[0]!.h;
    const r4 = await desk.client.post(`/staff/appointments/${v.id}/reschedule`, { _csrf: desk.csrf, slot: 'ben-evans|garbage' });
    const after = (await t.db.query<{h:string}>('SELECT manage_token_hash AS h FROM appointments WHERE id=$1',[v.id]))[0]!.h;
    console.log('C reschedule bad slot', r4.status, 'token changed', before !== after);
    const old = await t.request(`/appointments/manage/${v.manageToken}`);
    console.log('C old patient link', old.status);
    for (const p of [
      `/staff/appointments/${v.id}/reschedule?date=0001-01-01`,
      `/staff/appointments/${v.id}/reschedule?date=2999-01-01`,
      `/staff/book?location=scottsdale&visitType=back-pain-visit&date=9999-12-31`,
      `/staff/book?location=scottsdale&visitType=back-pain-visit&date=2999-01-01`,
      `/staff?date=9999-12-31`, `/staff/week?date=9999-12-31`, `/staff/week?date=0001-01-01`,
      `/staff/audit?date=9999-12-31`, `/staff/audit?date=0000-01-01`,
    ]) {
      const c = p.startsWith('/staff/audit') ? admin : desk;
      const r = await c.client.get(p);
      console.log('D', p, r.status);
    }
    for (const slot of ['ben-evans|+275760-09-13T00:00:00Z', 'ben-evans|-271821-04-20T00:00:00Z', 'ben-evans|2026-12-02T09:00:00-07:00[Foo/Bar]', 'nobody|2026-12-03T09:00:00-07:00']) {
      const r = await desk.client.post(`/staff/appointments/${v.id}/reschedule`, { _csrf: desk.csrf, slot });
      console.log('E reschedule', slot, r.status);
      const b = await desk.client.post('/staff/book', { _csrf: desk.csrf, key: 'abcdefghij', location: 'scottsdale', visitType: 'back-pain-visit', slot, ...PATIENT, email: 'q@example.com' });
      console.log('E book', slot, b.status);
    }
    const to = await admin.client.post('/staff/admin/providers/ben-evans/time-off', { _csrf: admin.csrf, starts: '2026-12-02T00:00', ends: '2026-12-02T23:00', note: '' });
    console.log('F time-off ask', to.status);
    const r5 = await admin.client.post(`/staff/appointments/${v.id}/check-in`, { _csrf: [admin.csrf, 'x'] });
    console.log('G csrf repeated', r5.status);
  }, 60000);
});
