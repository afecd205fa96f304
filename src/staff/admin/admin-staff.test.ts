import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../../../test/support/form-client.js';
import { aClinic, aClinician, aNetwork, aVisitType, weekdays } from '../../../test/support/world.js';
import { adminTestApp, csrfOf, session, signIn, type AdminTestContext } from './admin-test-support.js';

// Two clinics, so an invitation and a change of access can name more than one (and the front
// desk, at the east clinic, can be moved to the west alone); one clinician, so a desk account can
// be turned into that clinician's provider account.
const east = aClinic();
const west = aClinic();
const doctor = aClinician({ schedule: weekdays(east, '08:00', '12:00') });
const consult = aVisitType({ providers: [doctor] });
const world = aNetwork({ clinics: [east, west], clinicians: [doctor], visitTypes: [consult] });
let x: AdminTestContext;
beforeAll(async () => {
  x = await adminTestApp(world, { deskAt: east });
});
afterAll(async () => {
  await x.t.close();
});

const inviteLink = async (email: string) => {
  const [row] = await x.t.db.query<{ text_body: string; kind: string; subject: string }>(
    "SELECT text_body, kind, subject FROM outbox_messages WHERE recipient = $1 AND kind = 'staff-invite' ORDER BY created_at DESC, id DESC LIMIT 1",
    [email],
  );
  const path = /\/staff\/invite\/[A-Za-z0-9_-]{43}/.exec(row?.text_body ?? '')?.[0];
  return { row, path: path! };
};

describe('invitations', () => {
  it('invite -> email in the outbox -> set a password -> sign in; the link works once', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post('/staff/admin/staff/invite', {
      _csrf: csrf,
      email: 'new.desk@example.com',
      displayName: 'Nia New',
      role: 'front-desk',
      locations: [x.loc(east.slug), x.loc(west.slug)],
      provider: '',
    });
    expect(res.status).toBe(303);
    const { row, path } = await inviteLink('new.desk@example.com');
    expect(row!.subject).toContain('Your staff account');
    expect(path).toBeTruthy();
    // Only the hash is stored.
    const token = path.split('/').pop()!;
    const stored = await x.t.db.query('SELECT 1 FROM staff_invites WHERE token_hash = $1', [token]);
    expect(stored).toHaveLength(0);
    expect((await client.get('/staff/admin/staff')).status).toBe(200);

    const invitee = new FormClient(x.t);
    const page = await invitee.get(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Nia New');
    const short = await invitee.post(path, { password: 'too short', confirm: 'too short' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('at least 12 characters');
    const common = await invitee.post(path, { password: 'password1234', confirm: 'password1234' });
    expect(common.status).toBe(422);
    const mismatch = await invitee.post(path, {
      password: 'a fine new passphrase',
      confirm: 'another one entirely',
    });
    expect(mismatch.status).toBe(422);
    const done = await invitee.post(path, {
      password: 'a fine new passphrase',
      confirm: 'a fine new passphrase',
    });
    expect(done.status).toBe(303);
    expect(FormClient.location(done)).toBe('/staff/invite/accepted');
    expect((await invitee.get('/staff/invite/accepted')).status).toBe(200);

    const signedIn = await signIn(x.t, 'new.desk@example.com', 'a fine new passphrase');
    expect(signedIn.res.status).toBe(303);
    expect((await signedIn.client.get('/staff')).status).toBe(200);
    const [user] = await x.t.db.query<{ role: string; n: number }>(
      `SELECT u.role, (SELECT count(*)::int FROM staff_user_locations l WHERE l.user_id = u.id) AS n
       FROM staff_users u WHERE email = 'new.desk@example.com'`,
    );
    expect(user).toEqual({ role: 'front-desk', n: 2 });

    const again = await new FormClient(x.t).get(path);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('This invitation is not valid');
    const reuse = await new FormClient(x.t).post(path, {
      password: 'yet another passphrase',
      confirm: 'yet another passphrase',
    });
    expect(reuse.status).toBe(404);
    expect((await new FormClient(x.t).get('/staff/invite/not-a-real-token')).status).toBe(404);
  });

  it('an expired link is refused', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    await client.post('/staff/admin/staff/invite', {
      _csrf: csrf,
      email: 'late@example.com',
      displayName: 'Lee Late',
      role: 'admin',
      locations: [x.loc(west.slug)],
    });
    const { path } = await inviteLink('late@example.com');
    expect((await new FormClient(x.t).get(path)).status).toBe(200);
    const saved = x.clock.now;
    x.clock.now = new Date(saved.getTime() + 8 * 86_400_000);
    try {
      expect((await new FormClient(x.t).get(path)).status).toBe(404);
      const post = await new FormClient(x.t).post(path, {
        password: 'a fine new passphrase',
        confirm: 'a fine new passphrase',
      });
      expect(post.status).toBe(404);
    } finally {
      x.clock.now = saved;
    }
    expect(await x.t.db.query("SELECT 1 FROM staff_users WHERE email = 'late@example.com'")).toHaveLength(0);
  });

  it('names each invalid field; a provider needs a linked provider; a known address is refused', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post('/staff/admin/staff/invite', {
      _csrf: csrf,
      email: 'desk@example.com',
      displayName: '',
      role: 'provider',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const id of ['email', 'displayName', 'provider', 'locations'])
      expect(html).toContain(`href="#${id}"`);
    expect(html).toContain('There is already an account with this email address');
  });
});

describe('accounts', () => {
  it('deactivating a user ends their session at once; reactivating does not revive it', async () => {
    const desk = await session(x.t, 'desk@example.com');
    expect((await desk.client.get('/staff')).status).toBe(200);
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const list = await (await client.get('/staff/admin/staff')).text();
    expect(list).toContain('Dee Desk');
    const res = await client.post(`/staff/admin/staff/${x.ids.desk}/deactivate`, { _csrf: csrf });
    expect(res.status).toBe(303);
    expect(FormClient.location(await desk.client.get('/staff'))).toBe('/staff/login');
    const live = await x.t.db.query('SELECT 1 FROM staff_sessions WHERE user_id = $1 AND ended_at IS NULL', [
      x.ids.desk,
    ]);
    expect(live).toHaveLength(0);
    expect((await signIn(x.t, 'desk@example.com')).res.status).toBe(401);
    expect((await client.post(`/staff/admin/staff/${x.ids.desk}/reactivate`, { _csrf: csrf })).status).toBe(
      303,
    );
    expect(FormClient.location(await desk.client.get('/staff'))).toBe('/staff/login');
    expect((await signIn(x.t, 'desk@example.com')).res.status).toBe(303);
    const audits = await x.t.db.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'staff-user' AND entity_id = $1 ORDER BY id",
      [x.ids.desk],
    );
    expect(audits.map((a) => a.action)).toEqual(['deactivate', 'reactivate']);
  });

  it('changes role and clinics', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post(`/staff/admin/staff/${x.ids.desk}/access`, {
      _csrf: csrf,
      role: 'provider',
      provider: x.prov(doctor.slug),
      locations: [x.loc(east.slug), x.loc(west.slug)],
    });
    expect(res.status).toBe(303);
    const [row] = await x.t.db.query<{ role: string; provider_id: string }>(
      'SELECT role, provider_id FROM staff_users WHERE id = $1',
      [x.ids.desk],
    );
    expect(row).toEqual({ role: 'provider', provider_id: x.prov(doctor.slug) });
    await client.post(`/staff/admin/staff/${x.ids.desk}/access`, {
      _csrf: csrf,
      role: 'front-desk',
      locations: [x.loc(east.slug)],
    });
  });

  it('the last active administrator cannot be deactivated or demoted; nor can an admin deactivate themselves', async () => {
    // The invited admin of the first test never accepted; the only active admin is admin@.
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post(`/staff/admin/staff/${x.ids.admin}/deactivate`, { _csrf: csrf });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('This is the last active administrator');
    const demote = await client.post(`/staff/admin/staff/${x.ids.admin}/access`, {
      _csrf: csrf,
      role: 'front-desk',
      locations: [x.loc(west.slug)],
    });
    expect(demote.status).toBe(409);
    const [me] = await x.t.db.query<{ role: string; active: boolean }>(
      'SELECT role, active FROM staff_users WHERE id = $1',
      [x.ids.admin],
    );
    expect(me).toEqual({ role: 'admin', active: true });
    // With a second administrator, one still cannot deactivate oneself.
    // A network administrator: the role alone, no clinics to choose (ADR 23).
    await client.post(`/staff/admin/staff/${x.ids.desk}/access`, { _csrf: csrf, role: 'admin' });
    const self = await client.post(`/staff/admin/staff/${x.ids.admin}/deactivate`, { _csrf: csrf });
    expect(self.status).toBe(409);
    expect(await self.text()).toContain('You cannot deactivate your own account');
    // The other administrator can, and then the last one is protected again.
    const other = await session(x.t, 'desk@example.com');
    expect(await csrfOf(other.client, '/staff/admin')).toBeTruthy();
    expect(
      (await other.client.post(`/staff/admin/staff/${x.ids.admin}/deactivate`, { _csrf: other.csrf })).status,
    ).toBe(303);
    const last = await other.client.post(`/staff/admin/staff/${x.ids.desk}/deactivate`, {
      _csrf: other.csrf,
    });
    expect(last.status).toBe(409);
  });
});
