/**
 * Staff sign-in and sessions: wrong passwords, throttling, idle and absolute session ends,
 * sign-out on the server, and forms refused without their CSRF token or from another site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { auditWhere, createStaff, STAFF_PASSWORD } from '../../test/support/staff.js';
import { bookIn, createWorldApp, oneClinician } from '../../test/support/world.js';

// One clinic with one clinician: sign-in does not depend on the network. A booked visit gives the
// CSRF tests a real state-changing form to post to (its check-in). A second account, a
// clinician's, takes the password guesses, so that the desk account stays usable.
const {
  clinic,
  doctor,
  visitTypes: [visitType],
  network,
} = oneClinician();

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let visit: { id: string };

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'guessed@example.com', role: 'provider', locations: [clinic.slug], provider: doctor.slug },
  ]);
  visit = await bookIn(t, {
    visitType: visitType!,
    clinic,
    clinician: doctor,
    start: '2026-11-30T10:00:00-07:00',
  });
});
afterAll(async () => {
  await t.close();
});

/** A sign-in as the form sends it: the answer, and the client holding any session it set. */
async function signIn(email: string, password = STAFF_PASSWORD) {
  const client = new FormClient(t);
  const res = await client.post('/staff/login', { email, password });
  return { client, res };
}

const csrfOf = async (client: FormClient) =>
  /name="_csrf" value="([^"]+)"/.exec(await (await client.get('/staff')).text())![1]!;
const audit = (where: string, params: unknown[] = []) => auditWhere(t, where, params);

describe('staff sign-in', () => {
  it('refuses a wrong password with 401, audits it, and signs in with a fresh HttpOnly SameSite=Lax session', async () => {
    const bad = await signIn('desk@example.com', 'wrong password here');
    expect(bad.res.status).toBe(401);
    expect(await bad.res.text()).toContain('The email address or password is not right');
    const { res } = await signIn('desk@example.com');
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/cp_staff=[\w-]{43}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const events = await audit("action = 'sign-in'");
    expect(events.map((e) => e.outcome)).toEqual(['denied', 'success']);
  });

  it('writes every sign-in event with its request id, to match the request log', async () => {
    await signIn('desk@example.com');
    const [row] = await t.db.query<{ request_id: string | null }>(
      "SELECT request_id FROM audit_events WHERE action = 'sign-in' ORDER BY id DESC LIMIT 1",
    );
    expect(row!.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a sign-in posted from another site by its Referer when there is no Origin', async () => {
    const res = await t.request('/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'https://evil.example/form' },
      body: 'email=desk%40example.com&password=x',
    });
    expect(res.status).toBe(403);
  });

  it('answers a control character in the email as a wrong sign-in, not a server error', async () => {
    const res = await t.request('/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=desk%00%40example.com&password=whatever',
    });
    expect(res.status).toBe(401);
  });

  it('throttles guessing per account with 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn('guessed@example.com', `guess number ${i}!!`)).res.status).toBe(401);
    const blocked = await signIn('guessed@example.com');
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await signIn('guessed@example.com')).res.status).toBe(303);
  });

  it('ends a session after 30 idle minutes, and on sign-out on the server', async () => {
    const { client } = await signIn('desk@example.com');
    expect((await client.get('/staff')).status).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(FormClient.location(await client.get('/staff'))).toBe('/staff/login');
    const again = await signIn('desk@example.com');
    const csrf = await csrfOf(again.client);
    const stolen = [...(again.res.headers.get('set-cookie') ?? '').matchAll(/cp_staff=([\w-]+)/g)][0]![1]!;
    await again.client.post('/staff/logout', { _csrf: csrf });
    const replay = await t.request('/staff', { headers: { cookie: `cp_staff=${stolen}` } });
    expect(replay.headers.get('location')).toBe('/staff/login');
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const { client } = await signIn('desk@example.com');
    for (let i = 0; i < 35; i++) {
      clock = new Date(clock.getTime() + 20 * 60_000); // active every 20 minutes: never idle
      expect((await client.get('/staff')).status, `after ${(i + 1) * 20} minutes`).toBe(200);
    }
    clock = new Date(clock.getTime() + 30 * 60_000); // 12 h 10 min after sign-in
    expect(FormClient.location(await client.get('/staff'))).toBe('/staff/login');
  });

  it('refuses a form posted from another site even with the right CSRF token', async () => {
    const { client } = await signIn('desk@example.com');
    const csrf = await csrfOf(client);
    const before = (await audit("action = 'csrf'")).length;
    const foreign: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
    ];
    for (const headers of foreign) {
      const res = await t.request(`/staff/appointments/${visit.id}/check-in`, {
        method: 'POST',
        headers: {
          ...client.headers({ 'content-type': 'application/x-www-form-urlencoded', ...headers }),
        },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      });
      expect(res.status).toBe(403);
    }
    expect((await audit("action = 'csrf'")).length).toBe(before + 2);
    const login = await t.request('/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'email=desk%40example.com&password=x',
    });
    expect(login.status).toBe(403);
  });

  it('refuses a state-changing form without the CSRF token', async () => {
    const { client } = await signIn('desk@example.com');
    const res = await client.post(`/staff/appointments/${visit.id}/check-in`, {});
    expect(res.status).toBe(403);
    expect((await audit("action = 'csrf'")).length).toBe(3); // the two cross-site posts above, and this
  });
});
