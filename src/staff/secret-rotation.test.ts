/**
 * Rotating CAREPATH_SECRET (docs/operations.md): with the old secret as CAREPATH_SECRET_PREVIOUS,
 * what was sealed before still opens (two-step sign-in, visit links in staff notices); without it,
 * a staff member's authenticator code is refused, never an error page, and a recovery code works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.js';
import { FormClient } from '../../test/support/form-client.js';
import { secretBox, tryOpen } from '../platform/secret-box.js';
import { ensureFirstAdmin } from './auth.js';
import { stepOf, totpAt } from './totp.js';

const OLD = 'the old secret, long enough to be accepted 0123456789';
const NEW = 'the new secret, long enough to be accepted 9876543210';
const PASSWORD = 'a long enough passphrase';
let clock = new Date('2026-11-30T14:00:00Z');
let database: TestDatabase;
const app = (config: Record<string, string>) => createTestApp({ now: () => clock, database, config });
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the secret box across a rotation', () => {
  it('opens with the previous secret, seals with the new one', () => {
    const sealed = secretBox(OLD).seal('a visit token');
    expect(() => secretBox(NEW).open(sealed)).toThrow();
    expect(tryOpen(secretBox(NEW), sealed)).toBeUndefined();
    const rotated = secretBox(NEW, OLD);
    expect(rotated.open(sealed)).toBe('a visit token');
    expect(secretBox(NEW).open(rotated.seal('again'))).toBe('again');
  });
});

describe('two-step sign-in across a rotation', () => {
  let secret = '';
  let recovery: string[] = [];

  async function signIn(t: TestApp, code: (() => string) | string) {
    clock = new Date(clock.getTime() + 60_000);
    const client = new FormClient(t);
    await client.post('/staff/login', { email: 'admin@example.com', password: PASSWORD });
    const form = await (await client.get('/staff/login/mfa')).text();
    return client.post('/staff/login/mfa', {
      _csrf: csrfOf(form),
      code: typeof code === 'string' ? code : code(),
    });
  }
  const current = () => totpAt(secret, stepOf(clock.getTime()));

  beforeAll(async () => {
    const t = await app({ CAREPATH_SECRET: OLD });
    const d = await t.directory.get();
    await ensureFirstAdmin(
      t.db,
      { email: 'admin@example.com', password: PASSWORD },
      d.locations.map((l) => l.id),
    );
    const client = new FormClient(t);
    await client.post('/staff/login', { email: 'admin@example.com', password: PASSWORD });
    const page = await (await client.get('/staff/mfa')).text();
    secret = /<code class="private-link">([A-Z2-7]+)<\/code>/.exec(page)![1]!;
    const done = await (await client.post('/staff/mfa', { _csrf: csrfOf(page), code: current() })).text();
    recovery = [...done.matchAll(/<li>([a-z2-9]{5}-[a-z2-9]{5})<\/li>/g)].map((m) => m[1]!);
  });

  it('signs in with the authenticator after the rotation, with the old secret kept as previous', async () => {
    const t = await app({ CAREPATH_SECRET: NEW, CAREPATH_SECRET_PREVIOUS: OLD });
    expect(FormClient.location(await signIn(t, current))).toBe('/staff');
  });

  it('without the previous secret, refuses the code (401, not 500) and takes a recovery code', async () => {
    const t = await app({ CAREPATH_SECRET: NEW });
    expect((await signIn(t, current)).status).toBe(401);
    expect(FormClient.location(await signIn(t, recovery[0]!))).toBe('/staff');
  });
});
