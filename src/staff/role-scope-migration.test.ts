/**
 * Migration 0024 on a database that already has staff: network administrators keep every clinic
 * (by role now, their rows gone), an administrator limited on purpose becomes a clinic manager of
 * their clinics, and a clinic added after an administrator's account does not demote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../test/support/test-db.js';
import { migrate, readMigrations } from '../platform/db/migrate.js';
import { findUserByEmail } from './staff-store.js';

let t: TestDatabase;
const loc: Record<string, string> = {};

const clinic = async (slug: string, createdAt: string) => {
  const [row] = await t.db.query<{ id: string }>(
    `INSERT INTO locations (slug, name, time_zone, street, city, region, postal_code, phone, created_at)
     VALUES ($1, $1, 'America/Phoenix', '1 St', 'Town', 'AZ', '85001', '602 555 0100', $2) RETURNING id`,
    [slug, createdAt],
  );
  loc[slug] = row!.id;
};

const user = async (email: string, role: string, clinics: string[], createdAt: string) => {
  const [row] = await t.db.query<{ id: string }>(
    `INSERT INTO staff_users (email, display_name, password_hash, role, created_at)
     VALUES ($1, $1, 'x', $2, $3) RETURNING id`,
    [email, role, createdAt],
  );
  for (const c of clinics)
    await t.db.query('INSERT INTO staff_user_locations (user_id, location_id) VALUES ($1, $2)', [
      row!.id,
      loc[c],
    ]);
};

const invite = async (email: string, clinics: string[], createdAt: string) =>
  t.db.query(
    `INSERT INTO staff_invites (token_hash, email, display_name, role, location_ids, created_at, expires_at)
     VALUES ($1, $1, $1, 'admin', $2::uuid[], $3, $3::timestamptz + interval '7 days')`,
    [email, clinics.map((c) => loc[c]), createdAt],
  );

beforeAll(async () => {
  t = await createEmptyDatabase();
  await migrate(
    t.db,
    readMigrations().filter((m) => m.version < 24),
  );
  await clinic('old-a', '2025-01-01T00:00:00Z');
  await clinic('old-b', '2025-01-01T00:00:00Z');
  await user('network@example.com', 'admin', ['old-a', 'old-b'], '2025-02-01T00:00:00Z');
  await user('limited@example.com', 'admin', ['old-a'], '2025-02-01T00:00:00Z');
  await user('desk@example.com', 'front-desk', ['old-b'], '2025-02-01T00:00:00Z');
  await invite('invited-network@example.com', ['old-a', 'old-b'], '2025-02-01T00:00:00Z');
  await invite('invited-limited@example.com', ['old-b'], '2025-02-01T00:00:00Z');
  // Added after the administrators: under the old rules nobody had it, and that locked them out.
  await clinic('added-later', '2025-06-01T00:00:00Z');
  await migrate(t.db);
});
afterAll(async () => {
  await t.close();
});

describe('migration 0024: staff reach by role', () => {
  it('keeps a network administrator one, reaching every clinic (the one added later too) with no rows', async () => {
    const u = (await findUserByEmail(t.db, 'network@example.com'))!;
    expect(u.role).toBe('admin');
    expect(u.locationIds.sort()).toEqual(Object.values(loc).sort());
    const rows = await t.db.query('SELECT 1 FROM staff_user_locations WHERE user_id = $1', [u.id]);
    expect(rows).toHaveLength(0);
  });

  it('makes an administrator limited to some clinics a clinic manager of those clinics', async () => {
    const u = (await findUserByEmail(t.db, 'limited@example.com'))!;
    expect(u.role).toBe('clinic-manager');
    expect(u.locationIds).toEqual([loc['old-a']]);
  });

  it('leaves other roles alone', async () => {
    const u = (await findUserByEmail(t.db, 'desk@example.com'))!;
    expect(u.role).toBe('front-desk');
    expect(u.locationIds).toEqual([loc['old-b']]);
  });

  it('treats open invitations alike', async () => {
    const rows = await t.db.query<{ email: string; role: string; n: number }>(
      'SELECT email, role, cardinality(location_ids) AS n FROM staff_invites ORDER BY email',
    );
    expect(rows).toEqual([
      { email: 'invited-limited@example.com', role: 'clinic-manager', n: 1 },
      { email: 'invited-network@example.com', role: 'admin', n: 0 },
    ]);
  });

  it('a network administrator reaches a clinic created after the migration, by role', async () => {
    await clinic('brand-new', '2026-01-01T00:00:00Z');
    const u = (await findUserByEmail(t.db, 'network@example.com'))!;
    expect(u.locationIds).toContain(loc['brand-new']);
  });
});
