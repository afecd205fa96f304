import { randomUUID } from 'node:crypto';
/** Shared set-up for the administration tests: an app with a movable clock and signed-in users. */
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { FormClient } from '../../../test/support/form-client.js';
import { ensureFirstAdmin } from '../auth.js';
import { hashPassword } from '../passwords.js';
import { insertUser } from '../staff-store.js';

export const PASSWORD = 'a long enough passphrase';

export interface AdminTestContext {
  t: TestApp;
  clock: { now: Date };
  ids: { admin: string; desk: string };
  loc: (slug: string) => string;
  prov: (slug: string) => string;
}

/** Monday 30 November 2026, 07:00 in Arizona, unless told otherwise. */
export async function adminTestApp(start = new Date('2026-11-30T14:00:00Z')): Promise<AdminTestContext> {
  const clock = { now: start };
  const t = await createTestApp({ now: () => clock.now });
  const d = await t.directory.get();
  const loc = (slug: string) => d.locations.find((l) => l.slug === slug)!.id;
  const prov = (slug: string) => d.providers.find((p) => p.slug === slug)!.id;
  await ensureFirstAdmin(
    t.db,
    { email: 'admin@example.com', password: PASSWORD },
    d.locations.map((l) => l.id),
  );
  const [admin] = await t.db.query<{ id: string }>(
    "SELECT id FROM staff_users WHERE email = 'admin@example.com'",
  );
  const desk = await insertUser(t.db, {
    email: 'desk@example.com',
    displayName: 'Dee Desk',
    passwordHash: await hashPassword(PASSWORD),
    role: 'front-desk',
    providerId: null,
    locationIds: [loc('scottsdale')],
  });
  return { t, clock, ids: { admin: admin!.id, desk }, loc, prov };
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

export async function bookVisit(
  t: TestApp,
  v: { provider: string; location: string; visitType: string; start: string; givenName: string },
) {
  const res = await t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      visitType: v.visitType,
      location: v.location,
      provider: v.provider,
      start: v.start,
      patient: {
        givenName: v.givenName,
        familyName: 'Patient',
        birthDate: '1980-04-02',
        email: `${v.givenName.toLowerCase()}@example.com`,
        phone: '(480) 555-0100',
      },
    }),
  });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}
