/** The tables of password reset links and the account changes a reset makes. */
import type { Queryable } from '../platform/db/database.js';

export interface ResetLink {
  id: string;
  userId: string;
  email: string;
  displayName: string;
}

/** Stores a new link for a user and revokes their older open ones (only the newest works). */
export async function insertResetLink(
  db: Queryable,
  r: { tokenHash: string; userId: string; requestedBy: string | null; now: Date; expiresAt: Date },
): Promise<string> {
  await db.query(
    'UPDATE staff_password_resets SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL',
    [r.userId, r.now],
  );
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO staff_password_resets (token_hash, user_id, requested_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.tokenHash, r.userId, r.requestedBy, r.now, r.expiresAt],
  );
  return row!.id;
}

/** How many links a user was sent since a moment (a limit on mail to one inbox). */
export async function linksSince(db: Queryable, userId: string, since: Date): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM staff_password_resets WHERE user_id = $1 AND created_at > $2',
    [userId, since],
  );
  return row!.n;
}

/** An open link (not used, revoked or expired) of an active account. */
export async function findUsableLink(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<ResetLink | undefined> {
  const [row] = await db.query<{ id: string; user_id: string; email: string; display_name: string }>(
    `SELECT r.id, r.user_id, u.email, u.display_name FROM staff_password_resets r
       JOIN staff_users u ON u.id = r.user_id
     WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > $2 AND u.active`,
    [tokenHash, now],
  );
  return row
    ? { id: row.id, userId: row.user_id, email: row.email, displayName: row.display_name }
    : undefined;
}

/** Marks a link used; false when another request used it first. */
export async function claimLink(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    'UPDATE staff_password_resets SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING id',
    [id, now],
  );
  return rows.length === 1;
}

export async function setPasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE staff_users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

/** Turns two-step sign-in off (secret, pending secret, recovery codes); false if it was off. */
export async function clearMfa(db: Queryable, userId: string): Promise<boolean> {
  const rows = await db.query<{ had: boolean }>(
    `WITH old AS (SELECT mfa_secret IS NOT NULL AS had FROM staff_users WHERE id = $1),
          codes AS (DELETE FROM staff_recovery_codes WHERE user_id = $1)
     UPDATE staff_users SET mfa_secret = NULL, mfa_pending_secret = NULL, mfa_last_step = NULL
     WHERE id = $1 RETURNING (SELECT had FROM old) AS had`,
    [userId],
  );
  return rows[0]?.had === true;
}
