/** Staff accounts and signed-in clients for page tests. */
import { ensureFirstAdmin } from '../../src/staff/auth.js';
import { hashPassword } from '../../src/staff/passwords.js';
import { insertUser, type Role } from '../../src/staff/staff-store.js';
import { FormClient } from './form-client.js';
import type { TestApp } from './test-app.js';

export const STAFF_PASSWORD = 'a long enough passphrase';

export interface StaffSpec {
  email: string;
  role: Role;
  locations: string[]; // slugs
  provider?: string; // slug, for role provider
  /** The name shown in lists; the email's local part unless given. */
  displayName?: string;
}

/** Creates the first administrator (all clinics) and the given accounts; returns their ids by email. */
export async function createStaff(t: TestApp, specs: StaffSpec[]) {
  const d = await t.directory.get();
  const loc = (slug: string) => d.locations.find((l) => l.slug === slug)!.id;
  const ids: Record<string, string> = {};
  await ensureFirstAdmin(
    t.db,
    { email: 'admin@example.com', password: STAFF_PASSWORD },
    d.locations.map((l) => l.id),
  );
  const hash = await hashPassword(STAFF_PASSWORD);
  for (const s of specs) {
    ids[s.email] = await insertUser(t.db, {
      email: s.email,
      displayName: s.displayName ?? s.email.split('@')[0]!,
      passwordHash: hash,
      role: s.role,
      providerId: s.provider ? d.providers.find((p) => p.slug === s.provider)!.id : null,
      locationIds: s.locations.map(loc),
    });
  }
  return ids;
}

/** A client signed in as `email`, with the session's CSRF token. */
export async function signedIn(t: TestApp, email: string) {
  const client = new FormClient(t);
  const res = await client.post('/staff/login', { email, password: STAFF_PASSWORD });
  if (res.status !== 303) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await client.get('/staff')).text())![1]!;
  return { client, csrf };
}

/** Audit events matching an SQL condition, oldest first, for tests that count what was audited. */
export function auditWhere(t: TestApp, where: string, params: unknown[] = []) {
  return t.db.query<{
    action: string;
    outcome: string;
    entity_type: string;
    entity_id: string | null;
    actor_id: string | null;
  }>(
    `SELECT action, outcome, entity_type, entity_id, actor_id FROM audit_events WHERE ${where} ORDER BY id`,
    params,
  );
}
