/**
 * Shared set-up for the administration tests: the product on a test's own world (see
 * test/support/world.ts) with a movable clock, its first administrator and one front-desk account,
 * and signed-in clients for them.
 */
import { FormClient } from '../../../test/support/form-client.js';
import { createStaff, STAFF_PASSWORD } from '../../../test/support/staff.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { createWorldApp } from '../../../test/support/world.js';

export const PASSWORD = STAFF_PASSWORD;

type World = Parameters<typeof createWorldApp>[0];

export interface AdminTestContext {
  t: TestApp;
  clock: { now: Date };
  ids: { admin: string; desk: string };
  loc: (slug: string) => string;
  prov: (slug: string) => string;
}

/**
 * The world's app with admin@example.com (a network administrator) and desk@example.com ("Dee
 * Desk", front desk at `deskAt`). The clock starts on Monday 30 November 2026, 07:00 in Arizona,
 * unless told otherwise.
 */
export async function adminTestApp(
  world: World,
  options: { deskAt: { slug: string }; start?: Date },
): Promise<AdminTestContext> {
  const clock = { now: options.start ?? new Date('2026-11-30T14:00:00Z') };
  const t = await createWorldApp(world, { now: () => clock.now });
  const created = await createStaff(t, [
    {
      email: 'desk@example.com',
      displayName: 'Dee Desk',
      role: 'front-desk',
      locations: [options.deskAt.slug],
    },
  ]);
  const [admin] = await t.db.query<{ id: string }>(
    "SELECT id FROM staff_users WHERE email = 'admin@example.com'",
  );
  const d = await t.directory.get();
  const loc = (slug: string) => d.locations.find((l) => l.slug === slug)!.id;
  const prov = (slug: string) => d.providers.find((p) => p.slug === slug)!.id;
  return { t, clock, ids: { admin: admin!.id, desk: created['desk@example.com']! }, loc, prov };
}

export async function signIn(t: TestApp, email: string, password = PASSWORD) {
  const client = new FormClient(t);
  const res = await client.post('/staff/login', { email, password });
  return { client, res };
}

export const csrfOf = async (client: FormClient, path = '/staff') =>
  /name="_csrf" value="([^"]+)"/.exec(await (await client.get(path)).text())![1]!;

/** A signed-in client and its CSRF token. */
export async function session(t: TestApp, email: string) {
  const { client, res } = await signIn(t, email);
  if (res.status !== 303) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return { client, csrf: await csrfOf(client) };
}
