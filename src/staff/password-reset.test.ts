/**
 * Accounts: "Forgot your password?" (a one-hour, one-time link by email that says nothing about
 * who has an account), an administrator's password link and two-step reset for a colleague, and
 * re-enrolling two-step sign-in only with the password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../../test/support/form-client.js';
import { createStaff, signedIn, STAFF_PASSWORD } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';
import { stepOf, totpAt } from './totp.js';

const { clinic, network } = oneClinician();
let clock = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  ids = await createStaff(t, [
    { email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] },
    { email: 'phone@example.com', role: 'front-desk', locations: [clinic.slug] },
  ]);
});
afterAll(async () => {
  await t.close();
});

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const NEW_PASSWORD = 'cactus harbor violin 42';

/** The newest reset email to an address: its path and language. */
async function resetMail(email: string) {
  const rows = await t.db.query<{ text_body: string; language: string; subject: string }>(
    "SELECT text_body, language, subject FROM outbox_messages WHERE recipient = $1 AND kind = 'staff-password-reset' ORDER BY created_at DESC, id DESC",
    [email],
  );
  const path = /\/staff\/password\/reset\/[A-Za-z0-9_-]{43}/.exec(rows[0]?.text_body ?? '')?.[0];
  return { count: rows.length, path, row: rows[0] };
}

const audit = (action: string) =>
  t.db.query<{ outcome: string; actor_id: string | null; entity_id: string | null }>(
    'SELECT outcome, actor_id, entity_id FROM audit_events WHERE action = $1 ORDER BY id',
    [action],
  );

describe('a forgotten password', () => {
  it('is linked from the sign-in page, and answers the same for an unknown address', async () => {
    const login = await (await t.request('/staff/login')).text();
    expect(login).toContain('href="/staff/password/forgot"');
    const stranger = new FormClient(t);
    const known = await stranger.post('/staff/password/forgot', { email: 'desk@example.com' });
    const unknown = await stranger.post('/staff/password/forgot', { email: 'nobody@example.com' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string, email: string) => html.replace(email, 'EMAIL').replace(/[a-f0-9-]{36}/g, '');
    expect(strip(await known.text(), 'desk@example.com')).toBe(
      strip(await unknown.text(), 'nobody@example.com'),
    );
    expect((await resetMail('desk@example.com')).count).toBe(1);
    expect((await resetMail('nobody@example.com')).count).toBe(0);
    expect((await audit('password-reset-request')).map((e) => e.outcome)).toEqual(['success', 'not-found']);
    const bad = await stranger.post('/staff/password/forgot', { email: 'not an address' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter your email address');
  });

  it('sets a new password once from the link, signs out every session, and keeps only the hash', async () => {
    const open = await signedIn(t, 'desk@example.com');
    const { path } = await resetMail('desk@example.com');
    const token = path!.split('/').pop()!;
    expect(
      await t.db.query('SELECT 1 FROM staff_password_resets WHERE token_hash = $1', [token]),
    ).toHaveLength(0);
    const person = new FormClient(t);
    expect(await (await person.get(path!)).text()).toContain('desk@example.com');
    const short = await person.post(path!, { password: 'short', confirm: 'short' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('at least 12 characters');
    const mismatch = await person.post(path!, { password: NEW_PASSWORD, confirm: 'something else entirely' });
    expect(mismatch.status).toBe(422);
    const done = await person.post(path!, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/staff/password/reset/done');
    // Used: a second use finds it gone.
    expect((await person.post(path!, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(404);
    // The session that was open is over; the old password no longer works, the new one does.
    expect((await open.client.get('/staff')).headers.get('location')).toBe('/staff/login');
    const old = await new FormClient(t).post('/staff/login', {
      email: 'desk@example.com',
      password: STAFF_PASSWORD,
    });
    expect(old.status).toBe(401);
    const fresh = await new FormClient(t).post('/staff/login', {
      email: 'desk@example.com',
      password: NEW_PASSWORD,
    });
    expect(fresh.status).toBe(303);
    expect((await audit('password-reset')).map((e) => [e.outcome, e.actor_id])).toEqual([
      ['success', ids['desk@example.com']],
    ]);
  });

  it('works for one hour, only the newest link works, and at most three are sent an hour', async () => {
    const stranger = new FormClient(t);
    for (let i = 0; i < 4; i++) await stranger.post('/staff/password/forgot', { email: 'phone@example.com' });
    const sent = await resetMail('phone@example.com');
    expect(sent.count).toBe(3);
    const first = (
      await t.db.query<{ text_body: string }>(
        "SELECT text_body FROM outbox_messages WHERE recipient = 'phone@example.com' AND kind = 'staff-password-reset' ORDER BY created_at, id LIMIT 1",
      )
    )[0]!.text_body;
    const older = /\/staff\/password\/reset\/[A-Za-z0-9_-]{43}/.exec(first)![0];
    expect((await stranger.get(older)).status).toBe(404);
    expect((await stranger.get(sent.path!)).status).toBe(200);
    expect((await audit('password-reset-request')).at(-1)!.outcome).toBe('denied');
    clock = new Date(clock.getTime() + 61 * 60_000);
    const expired = await stranger.get(sent.path!);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('Ask for a new link');
  });
});

describe('an administrator helping a colleague', () => {
  it('emails a reset link in the colleague’s language, audited with the administrator as actor', async () => {
    await t.db.query("UPDATE staff_users SET language = 'es' WHERE email = 'phone@example.com'");
    const admin = await signedIn(t, 'admin@example.com');
    const page = await (await admin.client.get(`/staff/admin/staff/${ids['phone@example.com']}`)).text();
    expect(page).toContain('Email a password reset link');
    const res = await admin.client.post(`/staff/admin/staff/${ids['phone@example.com']}/password-reset`, {
      _csrf: admin.csrf,
    });
    expect(res.status).toBe(303);
    const after = await (await admin.client.get(res.headers.get('location')!)).text();
    expect(after).toContain('A password reset link was emailed to phone@example.com');
    const { row, path } = await resetMail('phone@example.com');
    expect(row!.language).toBe('es');
    expect(row!.text_body).toContain('inició el cambio de contraseña');
    expect(path).toBeTruthy();
    const [event] = await audit('password-reset-send');
    expect(event).toMatchObject({ outcome: 'success', entity_id: ids['phone@example.com'] });
    expect(event!.actor_id).not.toBe(ids['phone@example.com']);
  });

  it('resets two-step sign-in for a lost phone: the codes stop working, sessions end, set up again', async () => {
    // The colleague turns two-step sign-in on.
    const colleague = await signedIn(t, 'phone@example.com');
    const enrol = await (await colleague.client.get('/staff/mfa')).text();
    const secret = /<code class="private-link">([A-Z2-7]+)<\/code>/.exec(enrol)![1]!;
    const on = await colleague.client.post('/staff/mfa', {
      _csrf: csrfOf(enrol),
      code: totpAt(secret, stepOf(clock.getTime())),
    });
    expect(on.status).toBe(200);

    const admin = await signedIn(t, 'admin@example.com');
    const res = await admin.client.post(`/staff/admin/staff/${ids['phone@example.com']}/mfa-reset`, {
      _csrf: admin.csrf,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=mfa-reset');
    const [row] = await t.db.query<{ mfa_secret: string | null; codes: number }>(
      `SELECT mfa_secret, (SELECT count(*)::int FROM staff_recovery_codes WHERE user_id = u.id) AS codes
       FROM staff_users u WHERE id = $1`,
      [ids['phone@example.com']],
    );
    expect(row).toEqual({ mfa_secret: null, codes: 0 });
    expect((await colleague.client.get('/staff')).headers.get('location')).toBe('/staff/login');
    expect((await audit('mfa-reset')).map((e) => e.entity_id)).toEqual([ids['phone@example.com']]);
    // Nothing left to reset: said so, nothing written.
    const again = await admin.client.post(`/staff/admin/staff/${ids['phone@example.com']}/mfa-reset`, {
      _csrf: admin.csrf,
    });
    expect(again.headers.get('location')).toContain('done=mfa-none');
    expect(await audit('mfa-reset')).toHaveLength(1);
  });

  it('is for administrators only: the front desk gets "not found" and nothing changes', async () => {
    const desk = await new FormClient(t);
    await desk.post('/staff/login', { email: 'desk@example.com', password: NEW_PASSWORD });
    const csrf = csrfOf(await (await desk.get('/staff')).text());
    const before = (await resetMail('admin@example.com')).count;
    const res = await desk.post(`/staff/admin/staff/${ids['phone@example.com']}/password-reset`, {
      _csrf: csrf,
    });
    expect(res.status).toBe(404);
    expect((await resetMail('phone@example.com')).count).toBeGreaterThan(0);
    expect((await resetMail('admin@example.com')).count).toBe(before);
  });
});

describe('re-enrolling two-step sign-in', () => {
  it('asks for the password before a new authenticator replaces the old one', async () => {
    const admin = await signedIn(t, 'admin@example.com');
    const first = await (await admin.client.get('/staff/mfa')).text();
    expect(first).not.toContain('id="password"');
    const secret = /<code class="private-link">([A-Z2-7]+)<\/code>/.exec(first)![1]!;
    await admin.client.post('/staff/mfa', {
      _csrf: csrfOf(first),
      code: totpAt(secret, stepOf(clock.getTime())),
    });

    clock = new Date(clock.getTime() + 60_000);
    const again = await (await admin.client.get('/staff/mfa')).text();
    expect(again).toContain('id="password"');
    const next = /<code class="private-link">([A-Z2-7]+)<\/code>/.exec(again)![1]!;
    const code = totpAt(next, stepOf(clock.getTime()));
    const refused = await admin.client.post('/staff/mfa', {
      _csrf: csrfOf(again),
      code,
      password: 'wrong password!',
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('The password is not right');
    const [row] = await t.db.query<{ mfa_secret: string }>(
      "SELECT mfa_secret FROM staff_users WHERE email = 'admin@example.com'",
    );
    const ok = await admin.client.post('/staff/mfa', {
      _csrf: csrfOf(again),
      code,
      password: STAFF_PASSWORD,
    });
    expect(ok.status).toBe(200);
    const [after] = await t.db.query<{ mfa_secret: string }>(
      "SELECT mfa_secret FROM staff_users WHERE email = 'admin@example.com'",
    );
    expect(after!.mfa_secret).not.toBe(row!.mfa_secret);
    expect((await audit('mfa-enrol')).map((e) => e.outcome)).toContain('denied');
  });
});
