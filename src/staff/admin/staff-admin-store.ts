/**
 * The administration's reads and writes of staff accounts and invitations. Callers pass a
 * transaction where a change spans several statements.
 */
import type { Queryable } from '../../platform/db/database.js';
import type { Role } from '../staff-store.js';

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  providerId: string | null;
  active: boolean;
  mfa: boolean;
  locationIds: string[];
}

const SELECT_ACCOUNT = `SELECT u.id, u.email, u.display_name, u.role, u.provider_id, u.active, u.mfa_secret IS NOT NULL AS mfa,
    (SELECT array_agg(location_id::text ORDER BY location_id) FROM staff_user_locations l WHERE l.user_id = u.id) AS location_ids
  FROM staff_users u`;

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  provider_id: string | null;
  active: boolean;
  mfa: boolean;
  location_ids: string[] | null;
}

const toAccount = (r: AccountRow): StaffAccount => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  providerId: r.provider_id,
  active: r.active,
  mfa: r.mfa,
  locationIds: r.location_ids ?? [],
});

export async function listStaffAccounts(db: Queryable): Promise<StaffAccount[]> {
  const rows = await db.query<AccountRow>(`${SELECT_ACCOUNT} ORDER BY u.active DESC, lower(u.display_name)`);
  return rows.map(toAccount);
}

export async function findStaffAccount(db: Queryable, id: string): Promise<StaffAccount | undefined> {
  const [row] = await db.query<AccountRow>(`${SELECT_ACCOUNT} WHERE u.id = $1`, [id]);
  return row ? toAccount(row) : undefined;
}

export async function emailTaken(db: Queryable, email: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM staff_users WHERE lower(email) = lower($1)', [email]);
  return rows.length > 0;
}

/**
 * The ids of active administrators, locked until the transaction ends: two administrators
 * demoting each other at once cannot leave the network without one.
 */
export async function lockActiveAdmins(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    "SELECT id FROM staff_users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE",
  );
  return rows.map((r) => r.id);
}

export async function setActive(db: Queryable, id: string, active: boolean): Promise<boolean> {
  const rows = await db.query(
    'UPDATE staff_users SET active = $2 WHERE id = $1 AND active <> $2 RETURNING id',
    [id, active],
  );
  return rows.length === 1;
}

/** Ends every live session of a user (deactivation). */
export async function endSessionsOf(db: Queryable, userId: string, now: Date): Promise<number> {
  const rows = await db.query(
    'UPDATE staff_sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL RETURNING id_hash',
    [userId, now],
  );
  return rows.length;
}

export async function setRoleAndClinics(
  db: Queryable,
  id: string,
  a: { role: Role; providerId: string | null; locationIds: string[] },
) {
  await db.query('UPDATE staff_users SET role = $2, provider_id = $3 WHERE id = $1', [
    id,
    a.role,
    a.providerId,
  ]);
  await db.query('DELETE FROM staff_user_locations WHERE user_id = $1', [id]);
  await db.query(
    'INSERT INTO staff_user_locations (user_id, location_id) SELECT $1, x FROM unnest($2::uuid[]) AS x',
    [id, a.locationIds],
  );
}

// ------------------------------------------------------------------ invitations

export interface Invite {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  providerId: string | null;
  locationIds: string[];
  expiresAt: Date;
}

export async function insertInvite(
  db: Queryable,
  i: Omit<Invite, 'id'> & { tokenHash: string; invitedBy: string; now: Date },
): Promise<string> {
  // A newer invitation replaces older unused ones to the same address.
  await db.query(
    'UPDATE staff_invites SET revoked_at = $2 WHERE lower(email) = lower($1) AND used_at IS NULL AND revoked_at IS NULL',
    [i.email, i.now],
  );
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO staff_invites (token_hash, email, display_name, role, provider_id, location_ids, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, $9) RETURNING id`,
    [
      i.tokenHash,
      i.email,
      i.displayName,
      i.role,
      i.providerId,
      i.locationIds,
      i.invitedBy,
      i.now,
      i.expiresAt,
    ],
  );
  return row!.id;
}

interface InviteRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  provider_id: string | null;
  location_ids: string[];
  expires_at: Date;
}

const toInvite = (r: InviteRow): Invite => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  providerId: r.provider_id,
  locationIds: r.location_ids,
  expiresAt: r.expires_at,
});

/** An invitation that can still be used: not used, not revoked, not expired. */
export async function findUsableInvite(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<Invite | undefined> {
  const [row] = await db.query<InviteRow>(
    `SELECT id, email, display_name, role, provider_id, location_ids::text[] AS location_ids, expires_at FROM staff_invites
     WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2`,
    [tokenHash, now],
  );
  return row ? toInvite(row) : undefined;
}

/** Claims the invitation for one use; false when another request used it first. */
export async function claimInvite(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE staff_invites SET used_at = $2
     WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2 RETURNING id`,
    [id, now],
  );
  return rows.length === 1;
}

export async function linkInviteToUser(db: Queryable, id: string, userId: string) {
  await db.query('UPDATE staff_invites SET user_id = $2 WHERE id = $1', [id, userId]);
}

/** Open invitations, newest first, for the staff list. */
export async function listOpenInvites(db: Queryable, now: Date): Promise<Invite[]> {
  const rows = await db.query<InviteRow>(
    `SELECT id, email, display_name, role, provider_id, location_ids::text[] AS location_ids, expires_at FROM staff_invites
     WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > $1 ORDER BY created_at DESC`,
    [now],
  );
  return rows.map(toInvite);
}

/** Only locations that still exist (a clinic may have gone between invitation and acceptance). */
export async function existingLocationIds(db: Queryable, ids: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM locations WHERE id = ANY($1::uuid[])', [ids]);
  return rows.map((r) => r.id);
}
