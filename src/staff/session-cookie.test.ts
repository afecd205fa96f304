/** Over HTTPS the staff session is a __Host- cookie: Secure, Path=/, no Domain, HttpOnly. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaff, STAFF_PASSWORD } from '../../test/support/staff.js';
import { type TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

// One clinic for the front-desk account to work at; nothing else about the world matters here.
const { clinic, network } = oneClinician();
const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => NOW, config: { PUBLIC_URL: 'https://clinics.example' } });
  await createStaff(t, [{ email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] }]);
});
afterAll(async () => {
  await t.close();
});

it('is named __Host-cp_staff, Secure, for the whole site and no other host', async () => {
  const res = await t.request('https://clinics.example/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://clinics.example' },
    body: new URLSearchParams({ email: 'desk@example.com', password: STAFF_PASSWORD }).toString(),
  });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^__Host-cp_staff=[\w-]{43};/);
  expect(cookie).toMatch(/; Secure/i);
  expect(cookie).toMatch(/; Path=\//i);
  expect(cookie).not.toMatch(/Domain=/i);
  const session = /^(__Host-cp_staff=[\w-]+)/.exec(cookie)![1]!;
  expect((await t.request('https://clinics.example/staff', { headers: { cookie: session } })).status).toBe(
    200,
  );
});
