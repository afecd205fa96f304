import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { ensureFirstAdmin } from './auth.js';
import { hashPassword } from './passwords.js';
import { insertUser } from './staff-store.js';
import { stepOf, totpAt } from './totp.js';

let clock = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
let strict: TestApp;
const PASSWORD = 'a long enough passphrase';

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const d = await t.directory.get();
  await ensureFirstAdmin(
    t.db,
    { email: 'admin@example.com', password: PASSWORD },
    d.locations.map((l) => l.id),
  );
  strict = await createTestApp({ now: () => clock, config: { CAREPATH_REQUIRE_MFA: 'true' } });
  const sd = await strict.directory.get();
  await insertUser(strict.db, {
    email: 'desk@example.com',
    displayName: 'Desk',
    passwordHash: await hashPassword(PASSWORD),
    role: 'front-desk',
    providerId: null,
    locationIds: [sd.locations[0]!.id],
  });
});
afterAll(async () => {
  await t.close();
  await strict.close();
});

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
let secret = '';
let recovery: string[] = [];

describe('two-step sign-in', () => {
  it('enrols with a QR code and a first code, and shows ten recovery codes once', async () => {
    const client = new FormClient(t);
    await client.post('/staff/login', { email: 'admin@example.com', password: PASSWORD });
    const page = await (await client.get('/staff/mfa')).text();
    expect(page).toContain('<svg');
    secret = /<code class="private-link">([A-Z2-7]+)<\/code>/.exec(page)![1]!;
    const wrong = await client.post('/staff/mfa', { _csrf: csrfOf(page), code: '000000' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain(secret); // same key after a mistake
    const done = await (
      await client.post('/staff/mfa', { _csrf: csrfOf(page), code: totpAt(secret, stepOf(clock.getTime())) })
    ).text();
    expect(done).toContain('Two-step sign-in is on');
    recovery = [...done.matchAll(/<li>([a-z2-9]{5}-[a-z2-9]{5})<\/li>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);
    // Grouped for reading, and without look-alike characters (i, l, o, 0, 1).
    expect(recovery.join('').replace(/-/g, '')).not.toMatch(/[ilo01]/);
    expect(done).toContain('data-print');
  });

  it('asks for the code after the password; nothing opens before it; a code works once', async () => {
    clock = new Date(clock.getTime() + 60_000);
    const client = new FormClient(t);
    const login = await client.post('/staff/login', { email: 'admin@example.com', password: PASSWORD });
    expect(FormClient.location(login)).toBe('/staff/login/mfa');
    expect(FormClient.location(await client.get('/staff'))).toBe('/staff/login/mfa');
    expect(FormClient.location(await client.get('/staff/audit'))).toBe('/staff/login/mfa');
    const form = await (await client.get('/staff/login/mfa')).text();
    expect((await client.post('/staff/login/mfa', { _csrf: csrfOf(form), code: '123456' })).status).toBe(401);
    const code = totpAt(secret, stepOf(clock.getTime()));
    expect(FormClient.location(await client.post('/staff/login/mfa', { _csrf: csrfOf(form), code }))).toBe(
      '/staff',
    );
    expect((await client.get('/staff')).status).toBe(200);

    const other = new FormClient(t);
    await other.post('/staff/login', { email: 'admin@example.com', password: PASSWORD });
    const form2 = await (await other.get('/staff/login/mfa')).text();
    expect((await other.post('/staff/login/mfa', { _csrf: csrfOf(form2), code })).status).toBe(401); // replayed
  });

  it('accepts a recovery code once', async () => {
    const sign = async () => {
      const client = new FormClient(t);
      await client.post('/staff/login', { email: 'admin@example.com', password: PASSWORD });
      const form = await (await client.get('/staff/login/mfa')).text();
      return client.post('/staff/login/mfa', { _csrf: csrfOf(form), code: recovery[0]! });
    };
    expect((await sign()).status).toBe(303);
    expect((await sign()).status).toBe(401);
  });

  it('with CAREPATH_REQUIRE_MFA, staff must set it up before anything else', async () => {
    const client = new FormClient(strict);
    const login = await client.post('/staff/login', { email: 'desk@example.com', password: PASSWORD });
    expect(FormClient.location(login)).toBe('/staff/mfa');
    expect(FormClient.location(await client.get('/staff'))).toBe('/staff/mfa');
    const page = await (await client.get('/staff/mfa')).text();
    const key = /<code class="private-link">([A-Z2-7]+)<\/code>/.exec(page)![1]!;
    await client.post('/staff/mfa', { _csrf: csrfOf(page), code: totpAt(key, stepOf(clock.getTime())) });
    expect((await client.get('/staff')).status).toBe(200);
  });
});
