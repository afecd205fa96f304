/**
 * The intake written for the clinician: who and when at the top (birth date, the visit in the
 * clinic's own time, clinic and clinician), positive red flags first and marked, times in the
 * clinic's zone (never UTC), a print button, and the questions in the reader's language.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_CARE } from '../../test/support/answers.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

// Arizona (UTC-7): an intake answered at 14:05 UTC reads 7:05 AM in the clinic.
const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician([{ minNoticeMinutes: 0 }]);
const clock = new Date('2026-11-30T14:05:00Z');
let t: TestApp;
let visitId = '';

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'dr@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
  ]);
  const post = (path: string, body: unknown) =>
    t.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
  // A fever with back pain: one red flag answered yes among many answered no.
  const a = (await (
    await post('/api/v1/assessments', { pathway: 'low-back-pain', answers: { ...SELF_CARE, fever: true } })
  ).json()) as { id: string; token: string };
  const res = await post('/api/v1/appointments', {
    visitType: visit!.slug,
    location: clinic.slug,
    provider: doctor.slug,
    start: '2026-11-30T10:00:00-07:00',
    patient: {
      givenName: 'Rafa',
      familyName: 'Flags',
      birthDate: '1961-04-09',
      email: 'rafa@example.com',
      phone: '602 555 0161',
    },
    assessmentId: a.id,
    assessmentToken: a.token,
  });
  expect(res.status).toBe(201);
  visitId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

describe('the intake for the clinician', () => {
  it('puts who and when first, the positive red flag first and marked, in clinic time', async () => {
    const dr = await signedIn(t, 'dr@example.com');
    const html = await (await dr.client.get(`/staff/appointments/${visitId}/intake`)).text();
    expect(html).toContain('April 9, 1961');
    expect(html).toMatch(/Monday, November 30, 10:00\sAM · Clinic [\w-]+ · Dr\. [\w-]+/);
    // The pathway by its title and version, not its id.
    expect(html).toMatch(
      /Low back pain self-check, version \d+\.\d+\.\d+, answered Monday, November 30, 7:05\sAM/,
    );
    expect(html).not.toContain('low-back-pain');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/); // no UTC timestamps
    expect(html).toContain('1 answered yes: listed first and marked.');
    const redFlags = html.slice(html.indexOf('intake-lines'));
    const firstRow = /<tr[^>]*>.*?<\/tr>/.exec(redFlags)![0];
    expect(firstRow).toContain('class="positive"');
    expect(firstRow).toMatch(/fever/i);
    expect(html.match(/class="positive"/g)).toHaveLength(1);
    expect(html).toContain('data-print');
  });

  it('asks its questions in the reader’s language', async () => {
    const dr = await signedIn(t, 'dr@example.com');
    await dr.client.post('/staff/language', { _csrf: dr.csrf, language: 'es', back: '/staff' });
    const html = await (await dr.client.get(`/staff/appointments/${visitId}/intake`)).text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain('9 de abril de 1961');
    expect(html).toMatch(
      /Autoevaluación del dolor en la parte baja de la espalda, versión \d+\.\d+\.\d+, respondida el lunes/,
    );
    expect(html).toMatch(/fiebre/i);
    expect(html).toContain('1 con respuesta sí');
  });
});
