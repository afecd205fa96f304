/**
 * Guessing is limited however the guesses arrive: 40 wrong passwords (or second-factor codes)
 * sent at once for one account get 5 checks, and the other 35 are throttled and audited. Before
 * the decision and the record were one step, all 40 were checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { signIn, THROTTLE, verifySecondFactor, type StaffSession } from './auth.js';
import { hashPassword } from './passwords.js';
import { findUserById, insertUser, setPendingMfaSecret, enableMfa } from './staff-store.js';
import { newTotpSecret } from './totp.js';

const now = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(async () => {
  await t.close();
});

async function account(email: string) {
  const d = await t.directory.get();
  return insertUser(t.db, {
    email,
    displayName: email,
    passwordHash: await hashPassword('the right long passphrase'),
    role: 'front-desk',
    providerId: null,
    locationIds: [d.locations[0]!.id],
  });
}

const tally = (results: string[]) =>
  results.reduce<Record<string, number>>((n, r) => ({ ...n, [r]: (n[r] ?? 0) + 1 }), {});

describe('throttling concurrent guesses', () => {
  it('checks 5 of 40 passwords sent at once, throttles and audits the rest', async () => {
    await account('target@example.com');
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn(t.db, 'target@example.com', `wrong guess ${i}`, '203.0.113.7', now).then((r) =>
          r.ok ? 'ok' : r.reason,
        ),
      ),
    );
    expect(tally(results)).toEqual({ invalid: THROTTLE.perAccount, throttled: 40 - THROTTLE.perAccount });
    const [row] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'sign-in' AND outcome = 'denied' AND detail->>'reason' = 'throttled'",
    );
    expect(row!.n).toBe(35);
    // The right password is throttled too until the window passes.
    const right = await signIn(t.db, 'target@example.com', 'the right long passphrase', '203.0.113.7', now);
    expect(right.ok).toBe(false);
    const later = new Date(now.getTime() + THROTTLE.windowMs + 1000);
    expect(
      (await signIn(t.db, 'target@example.com', 'the right long passphrase', '203.0.113.7', later)).ok,
    ).toBe(true);
  });

  it('checks 5 of 40 second-factor codes sent at once', async () => {
    const id = await account('second@example.com');
    await setPendingMfaSecret(t.db, id, t.scheduling.box.seal(newTotpSecret()));
    await enableMfa(t.db, id, 0, []);
    const user = (await findUserById(t.db, id))!;
    const session: StaffSession = { user, csrf: 'x', idHash: 'none', stage: 'mfa' };
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        verifySecondFactor(t.db, t.scheduling.box, session, '000000', '198.51.100.9', now),
      ),
    );
    expect(tally(results)).toEqual({ invalid: 5, throttled: 35 });
    const [row] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'second-factor' AND detail->>'reason' = 'throttled'",
    );
    expect(row!.n).toBe(35);
  });
});
