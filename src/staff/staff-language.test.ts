/**
 * The staff side in Spanish: the sign-in page follows the browser and has a switch; once signed
 * in, each user's own setting decides, kept with their account and audited; visit types, dates
 * and times follow it. Two users at once each get their own language.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../../test/support/form-client.js';
import { en } from '../platform/i18n/catalogs/en.js';
import { es } from '../platform/i18n/catalogs/es.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician([{ name: { en: 'Back check', es: 'Revisión de espalda' }, minNoticeMinutes: 0 }]);

const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'mesa@example.com', role: 'front-desk', locations: [clinic.slug] },
  ]);
  const res = await t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      visitType: visit!.slug,
      location: clinic.slug,
      provider: doctor.slug,
      start: '2026-11-30T09:00:00-07:00',
      patient: {
        givenName: 'Lengua',
        familyName: 'Prueba',
        birthDate: '1966-06-06',
        email: 'lengua@example.com',
        phone: '602 555 0166',
      },
    }),
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const day = `/staff?location=${clinic.slug}&date=2026-11-30`;

describe('the staff side in Spanish', () => {
  it('signs in in the browser’s language, with a switch that is remembered', async () => {
    const browser = (lang: string) =>
      Promise.resolve(t.request('/staff/login', { headers: { 'accept-language': lang } })).then((r) =>
        r.text(),
      );
    const es = await browser('es-MX,es;q=0.9,en;q=0.5');
    expect(es).toContain('<html lang="es"');
    expect(es).toContain('Acceso del personal');
    expect(es).toMatch(/href="\/staff\/login\?lang=en"[^>]*>English</);
    const en = await browser('en-US,en;q=0.9');
    expect(en).toContain('<html lang="en"');
    expect(en).toMatch(/href="\/staff\/login\?lang=es"[^>]*>Español</);

    const client = new FormClient(t);
    expect(await (await client.get('/staff/login?lang=es')).text()).toContain('<html lang="es"');
    // The choice is remembered without the query.
    expect(await (await client.get('/staff/login')).text()).toContain('<html lang="es"');
  });

  it('shows a user’s pages in their own language, and another user’s in theirs, at the same time', async () => {
    const mesa = await signedIn(t, 'mesa@example.com');
    const desk = await signedIn(t, 'desk@example.com');
    const before = (await mesa.client.get(day).then((r) => r.text())) as string;
    expect(before).toContain('<html lang="en"');
    expect(before).toContain('Back check');

    const switched = await mesa.client.post('/staff/language', {
      _csrf: mesa.csrf,
      language: 'es',
      back: day,
    });
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe(day);
    const [spanish, english] = await Promise.all([
      mesa.client.get(day).then((r) => r.text()),
      desk.client.get(day).then((r) => r.text()),
    ]);
    expect(spanish).toContain('<html lang="es"');
    expect(spanish).toContain('Revisión de espalda');
    expect(spanish).toContain('lunes, 30 de noviembre');
    expect(spanish).not.toContain('Back check');
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('Back check');
    expect(english).toContain('Monday');

    // Kept with the account: a new session is in Spanish too.
    const again = await signedIn(t, 'mesa@example.com');
    expect(await again.client.get(day).then((r) => r.text())).toContain('Revisión de espalda');
    const [event] = await t.db.query<{ detail: { language: string } }>(
      "SELECT detail FROM audit_events WHERE action = 'update' AND entity_type = 'staff-user' ORDER BY id DESC LIMIT 1",
    );
    expect(event!.detail.language).toBe('es');
  });

  it('names a form’s mistakes in the user’s language (the schemas are built once, the messages per request)', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    await admin.client.post('/staff/language', { _csrf: admin.csrf, language: 'es', back: '/staff' });
    const res = await admin.client.post(`/staff/admin/clinics/${clinic.slug}/details`, {
      _csrf: admin.csrf,
      name: '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(es['admin.clinic.err.name']);
    expect(html).not.toContain(en['admin.clinic.err.name']);
  });

  it('refuses a language it does not have, and a switch without the form’s token', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    const bad = await desk.client.post('/staff/language', { _csrf: desk.csrf, language: 'fr', back: day });
    expect(bad.status).toBe(422);
    const forged = await desk.client.post('/staff/language', { language: 'es', back: day });
    expect(forged.status).toBe(403);
    expect(await desk.client.get(day).then((r) => r.text())).toContain('<html lang="en"');
  });
});
