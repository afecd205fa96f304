import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { SELF_CARE } from '../../test/support/answers.js';
import { hashPassword } from './passwords.js';
import { insertUser } from './staff-store.js';
import { ensureFirstAdmin } from './auth.js';
import { bookViaApi } from '../../test/support/api.js';

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
const PASSWORD = 'a long enough passphrase';
const ids: Record<string, string> = {};
let visit: { id: string }; // Scottsdale, Dr. Evans, with intake
let tempeVisit: { id: string };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const d = await t.directory.get();
  const loc = (slug: string) => d.locations.find((l) => l.slug === slug)!.id;
  const prov = (slug: string) => d.providers.find((p) => p.slug === slug)!.id;
  const hash = await hashPassword(PASSWORD);
  await ensureFirstAdmin(
    t.db,
    { email: 'admin@example.com', password: PASSWORD },
    d.locations.map((l) => l.id),
  );
  ids.desk = await insertUser(t.db, {
    email: 'desk@example.com',
    displayName: 'Dee Desk',
    passwordHash: hash,
    role: 'front-desk',
    providerId: null,
    locationIds: [loc('scottsdale')],
  });
  ids.evans = await insertUser(t.db, {
    email: 'evans@example.com',
    displayName: 'Ben Evans',
    passwordHash: hash,
    role: 'provider',
    providerId: prov('ben-evans'),
    locationIds: [loc('scottsdale')],
  });
  ids.walker = await insertUser(t.db, {
    email: 'walker@example.com',
    displayName: 'James Walker',
    passwordHash: hash,
    role: 'provider',
    providerId: prov('james-walker'),
    locationIds: [loc('scottsdale'), loc('phoenix')],
  });
  const post = (path: string, body: unknown) =>
    t.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
  const a = await (
    await post('/api/v1/assessments', {
      pathway: 'low-back-pain',
      answers: { ...SELF_CARE, scoliosis: true, 'nsaid-caution': true, 'pain-score': 6 },
    })
  ).json();
  const patient = {
    givenName: 'Iris',
    familyName: 'Intake',
    birthDate: '1970-07-07',
    email: 'iris@example.com',
    phone: '480 555 0107',
  };
  visit = await (
    await post('/api/v1/appointments', {
      visitType: 'pain-follow-up',
      location: 'scottsdale',
      provider: 'ben-evans',
      start: '2026-11-30T10:00:00-07:00',
      patient,
      assessmentId: a.id,
      assessmentToken: a.token,
    })
  ).json();
  tempeVisit = await (
    await post('/api/v1/appointments', {
      visitType: 'internal-medicine-visit',
      location: 'tempe',
      provider: 'david-chen',
      start: '2026-11-30T10:00:00-07:00',
      patient: { ...patient, givenName: 'Tom' },
    })
  ).json();
});
afterAll(async () => {
  await t.close();
});

async function signIn(email: string, password = PASSWORD) {
  const client = new FormClient(t);
  const res = await client.post('/staff/login', { email, password });
  return { client, res };
}

const csrfOf = async (client: FormClient, path = '/staff') =>
  /name="_csrf" value="([^"]+)"/.exec(await (await client.get(path)).text())![1]!;
const audit = (where: string, params: unknown[] = []) =>
  t.db.query<{
    action: string;
    outcome: string;
    entity_type: string;
    entity_id: string | null;
    actor_id: string | null;
  }>(
    `SELECT action, outcome, entity_type, entity_id, actor_id FROM audit_events WHERE ${where} ORDER BY id`,
    params,
  );

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
      expect((await signIn('walker@example.com', `guess number ${i}!!`)).res.status).toBe(401);
    const blocked = await signIn('walker@example.com');
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await signIn('walker@example.com')).res.status).toBe(303);
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

describe('the front desk', () => {
  it('sees today’s Scottsdale schedule with names, and one audit event per visit shown', async () => {
    clock = new Date('2026-11-30T15:00:00Z');
    const { client } = await signIn('desk@example.com');
    const before = (await audit("action = 'list' AND entity_id = $1", [visit.id])).length;
    const html = await (await client.get('/staff')).text();
    expect(html).toContain('Schedule for Carepath Scottsdale, Monday, November 30');
    expect(html).toContain('Intake, Iris');
    expect(html).not.toContain('Intake, Tom');
    expect(html).toContain('Attached');
    expect(html).not.toContain('/intake"');
    const listed = await audit("action = 'list' AND entity_id = $1", [visit.id]);
    expect(listed).toHaveLength(before + 1);
  });

  it('checks a patient in on the day, undoes it, and marks a no-show only after the start time', async () => {
    const start = clock; // restored at the end: later tests sign in within this clock's window
    const { client } = await signIn('desk@example.com');
    const csrf = await csrfOf(client);
    const status = async () =>
      (await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [visit.id]))[0]!
        .status;
    const back = '/staff?location=scottsdale&date=2026-11-30';
    expect(
      (await client.post(`/staff/appointments/${visit.id}/check-in`, { _csrf: csrf, back, status: 'booked' }))
        .status,
    ).toBe(303);
    expect(await status()).toBe('checked-in');
    // The schedule says what was done, and offers Undo right there.
    const notice = await (
      await client.get(`${back}&${new URLSearchParams({ done: 'checked-in', visit: visit.id })}`)
    ).text();
    expect(notice).toContain('Iris Intake is checked in.');
    expect(notice).toContain(`action="/staff/appointments/${visit.id}/undo"`);
    // Checked in by mistake: undo returns the visit to booked.
    expect(await (await client.get(back)).text()).toContain('Undo');
    await client.post(`/staff/appointments/${visit.id}/undo`, { _csrf: csrf, back, status: 'checked-in' });
    expect(await status()).toBe('booked');

    // Before 10:00 the visit has not started: no "Mark no-show" button, and the command is refused.
    expect(await (await client.get(back)).text()).not.toContain(`/staff/appointments/${visit.id}/no-show`);
    const early = await client.post(`/staff/appointments/${visit.id}/no-show`, {
      _csrf: csrf,
      status: 'booked',
    });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('only once its start time has passed');
    expect(await status()).toBe('booked');
    const refused = await audit("action = 'no-show' AND entity_id = $1 AND outcome = 'invalid'", [visit.id]);
    expect(refused).toHaveLength(1);

    // A page that showed "checked-in" is out of date now: its undo is refused, not done quietly.
    const stale = await client.post(`/staff/appointments/${visit.id}/undo`, {
      _csrf: csrf,
      status: 'checked-in',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('This visit changed since the page was shown');
    expect(
      await audit("action = 'undo-status' AND entity_id = $1 AND outcome = 'invalid'", [visit.id]),
    ).toHaveLength(1);

    // The day before, it cannot be checked in yet.
    clock = new Date('2026-11-29T17:00:00Z');
    const tooEarly = await client.post(`/staff/appointments/${visit.id}/check-in`, {
      _csrf: csrf,
      status: 'booked',
    });
    expect(tooEarly.status).toBe(409);
    expect(await tooEarly.text()).toContain('only on its day');
    expect(await status()).toBe('booked');

    clock = new Date('2026-11-30T17:30:00Z'); // 10:30 in Arizona (a new session: the old one idled out)
    const later = await signIn('desk@example.com');
    const laterCsrf = await csrfOf(later.client);
    expect(await (await later.client.get(`/staff/appointments/${visit.id}/no-show`)).text()).toContain(
      'Mark this visit as a no-show?',
    );
    await later.client.post(`/staff/appointments/${visit.id}/no-show`, {
      _csrf: laterCsrf,
      status: 'booked',
    });
    expect(await status()).toBe('no-show');
    // A mistaken no-show is undone from the schedule by checking the patient in.
    const day = await (await later.client.get(back)).text();
    expect(day).toContain('Arrived after all: check in');
    await later.client.post(`/staff/appointments/${visit.id}/check-in`, {
      _csrf: laterCsrf,
      status: 'no-show',
    });
    expect(await status()).toBe('checked-in');
    clock = start;
  });

  it('cannot act on another clinic’s visit or open an intake: both look like not found, and are audited', async () => {
    const { client } = await signIn('desk@example.com');
    const csrf = await csrfOf(client);
    const [{ n: before }] = (await t.db.query<{ n: number }>(
      'SELECT max(id)::int AS n FROM audit_events',
    )) as [{ n: number }];
    expect((await client.post(`/staff/appointments/${tempeVisit.id}/check-in`, { _csrf: csrf })).status).toBe(
      404,
    );
    expect((await client.get(`/staff/appointments/${visit.id}/intake`)).status).toBe(404);
    expect((await client.get('/staff/audit')).status).toBe(404);
    const denied = await audit("outcome IN ('denied', 'not-found') AND actor_id = $1 AND id > $2", [
      ids.desk,
      before,
    ]);
    expect(denied.map((e) => e.action).sort()).toEqual(['check-in', 'read', 'read-intake']);
  });
});

describe('providers', () => {
  it('Dr. Evans opens his patient’s intake: red flags as explicit yes/no, cautions, scores', async () => {
    const { client } = await signIn('evans@example.com');
    const schedule = await (await client.get('/staff')).text();
    expect(schedule).toContain('Your schedule');
    const html = await (await client.get(`/staff/appointments/${visit.id}/intake`)).text();
    expect(html).toContain('Pre-visit intake: Iris Intake');
    expect(html).toMatch(/numbness or a different feeling around your genitals[\s\S]*?<strong>No<\/strong>/i);
    expect(html).toMatch(/kidney disease[\s\S]*?<strong>Yes<\/strong>/);
    expect(html).toContain('Book a visit in the next few days');
    const reads = await audit("action = 'read-intake' AND outcome = 'success' AND actor_id = $1", [
      ids.evans,
    ]);
    expect(reads).toHaveLength(1);
  });

  it('another provider cannot open it', async () => {
    const { client } = await signIn('walker@example.com');
    expect((await client.get(`/staff/appointments/${visit.id}/intake`)).status).toBe(404);
  });
});

describe('administrators and the audit trail', () => {
  it('reads the audit trail as a page and through the API; others get not found', async () => {
    const { client } = await signIn('admin@example.com');
    const page = await (await client.get(`/staff/audit?entity=${visit.id}`)).text();
    expect(page).toContain(visit.id);
    const api = await client.get('/api/v1/audit-events?entity=' + visit.id);
    expect(api.status).toBe(200);
    const { events } = await api.json();
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e: any) => e.entityId === visit.id)).toBe(true);
    const desk = await signIn('desk@example.com');
    expect((await desk.client.get('/api/v1/audit-events')).status).toBe(404);
    expect((await client.get('/staff/outbox')).status).toBe(200);
  });

  it('the database refuses to change or delete audit events', async () => {
    await expect(t.db.query("UPDATE audit_events SET outcome = 'success'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });

  it('no patient details in the logs', () => {
    expect(t.logs.text).not.toMatch(/Iris|iris@example\.com|1970-07-07/);
  });
});

describe('failed messages', () => {
  it('administrators see a warning on the schedule when messages failed permanently', async () => {
    await t.db.query(
      "INSERT INTO outbox_messages (dedupe_key, kind, recipient, language, subject, text_body, html_body, status) VALUES ('test:failed', 'test', 'x@example.com', 'en', 's', 't', 'h', 'failed')",
    );
    const { client } = await signIn('admin@example.com');
    expect(await (await client.get('/staff')).text()).toContain('Messages that could not be sent: 1');
    const desk = await signIn('desk@example.com');
    expect(await (await desk.client.get('/staff')).text()).not.toContain('could not be sent');
  });
});

describe('search and week view', () => {
  it('finds a patient’s visits by name or date of birth, only at the user’s clinics, audited', async () => {
    const { client } = await signIn('desk@example.com');
    const csrf = await csrfOf(client, '/staff/search');
    // A POST form: names and dates of birth never appear in a URL.
    const find = async (q: string) => (await client.post('/staff/search', { _csrf: csrf, q })).text();
    const byName = await find('intak');
    expect(byName).toContain('Intake, Iris');
    expect(byName).not.toContain('Intake, Tom'); // Tempe: not this user's clinic
    expect(byName).toContain('method="post" action="/staff/search"');
    const byDate = await find('1970-07-07');
    expect(byDate).toContain('Intake, Iris');
    expect(await find('%%')).not.toContain('Intake, Iris');
    expect(client.visited.some((path) => /intak|1970/.test(path))).toBe(false);
    expect((await audit("action = 'search' AND entity_id = $1", [visit.id])).length).toBe(2);
  });

  it('finds by name without accents, by MM/DD/YYYY, phone digits and email', async () => {
    const booked = await bookViaApi(t, {
      visitType: 'pain-follow-up',
      location: 'scottsdale',
      provider: 'ben-evans',
      start: '2026-12-03T09:00:00-07:00',
      patient: {
        givenName: 'Álvaro',
        familyName: 'Martínez',
        birthDate: '1981-01-21',
        email: 'alvaro@example.com',
        phone: '602-555-0121',
      },
    });
    expect(booked.status).toBe(201);
    const { client } = await signIn('desk@example.com');
    const csrf = await csrfOf(client, '/staff/search');
    const find = async (q: string) => (await client.post('/staff/search', { _csrf: csrf, q })).text();
    for (const q of ['martinez', 'MARTÍ', 'alvaro mart', '1/21/1981', '(602) 555 0121', 'ALVARO@example.com'])
      expect(await find(q), q).toContain('Martínez, Álvaro');
    expect(await find('7/7/1970')).toContain('Intake, Iris');
    expect(await find('480.555.0107')).toContain('Intake, Iris');
    expect(await find('martinex')).not.toContain('Martínez');
  });

  it('shows the week with dates', async () => {
    const { client } = await signIn('desk@example.com');
    const html = await (await client.get('/staff/week?date=2026-12-02')).text();
    expect(html).toContain('Week of Monday, November 30');
    // A calendar: the day's column, then its visits by time.
    const monday = html.slice(
      html.indexOf('>Monday, November 30</a>'),
      html.indexOf('>Tuesday, December 1</a>'),
    );
    expect(monday).toMatch(/<strong>10:00\sAM<\/strong>/);
  });
});

describe('a staff page that does not exist', () => {
  it('answers 404 inside the staff frame, with a way back, for a signed-in user', async () => {
    const { client } = await signIn('desk@example.com');
    const res = await client.get('/staff/no-such-page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('href="/staff"');
    expect(html).toContain('Carepath Staff');
    // A record this user may not see looks the same.
    const hidden = await client.get('/staff/appointments/00000000-0000-4000-8000-000000000000');
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toContain('Page not found');
  });
});
