/** The only code that reads and writes staff accounts, sessions and sign-in attempts. */
import type { Database, Queryable } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n/i18n.js';
import { hasClinicList, type Role } from './roles.js';

export type { Role } from './roles.js';

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  providerId: string | null;
  active: boolean;
  /**
   * The clinics this user reaches: a network administrator every clinic there is (by role, so a
   * clinic added later too); everyone else the clinics assigned to them.
   */
  locationIds: string[];
  /** Sealed TOTP secret once two-factor sign-in is on; sealed pending secret during enrolment. */
  mfaSecret: string | null;
  mfaPendingSecret: string | null;
  mfaLastStep: number | null;
  /** The language of their staff pages. */
  language: Locale;
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  provider_id: string | null;
  active: boolean;
  location_ids: string[] | null;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_last_step: number | null;
  language: Locale;
}

/** A network administrator's reach is every clinic by role (ADR 23); others have their rows. */
const SELECT_USER = `SELECT u.*, CASE WHEN u.role = 'admin'
      THEN (SELECT array_agg(id::text) FROM locations)
      ELSE (SELECT array_agg(location_id::text) FROM staff_user_locations l WHERE l.user_id = u.id)
    END AS location_ids
  FROM staff_users u`;

const toUser = (r: UserRow): StaffUser => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  role: r.role,
  providerId: r.provider_id,
  active: r.active,
  locationIds: r.location_ids ?? [],
  mfaSecret: r.mfa_secret,
  mfaPendingSecret: r.mfa_pending_secret,
  mfaLastStep: r.mfa_last_step,
  language: r.language,
});

/** Sets the language of a user's staff pages. */
export async function setUserLanguage(db: Queryable, userId: string, language: Locale): Promise<void> {
  await db.query('UPDATE staff_users SET language = $2 WHERE id = $1', [userId, language]);
}

export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await db.query<UserRow>(`${SELECT_USER} WHERE lower(u.email) = lower($1)`, [email]);
  return row ? toUser(row) : undefined;
}

export async function findUserById(db: Queryable, id: string) {
  const [row] = await db.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return row ? toUser(row) : undefined;
}

export async function insertUser(
  db: Queryable,
  u: {
    email: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    providerId: string | null;
    locationIds: string[];
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `WITH u AS (
       INSERT INTO staff_users (email, display_name, password_hash, role, provider_id) VALUES ($1, $2, $3, $4, $5) RETURNING id
     ), l AS (
       INSERT INTO staff_user_locations (user_id, location_id) SELECT u.id, x::uuid FROM u, unnest($6::text[]) AS x
     )
     SELECT id FROM u`,
    // A network administrator reaches every clinic by role: no rows.
    [
      u.email,
      u.displayName,
      u.passwordHash,
      u.role,
      u.providerId,
      hasClinicList(u.role) ? u.locationIds : [],
    ],
  );
  return row!.id;
}

export async function adminExists(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM staff_users WHERE role = 'admin' AND active",
  );
  return (row?.n ?? 0) > 0;
}

export type SessionStage = 'active' | 'mfa' | 'enrol';

export async function insertSession(
  db: Queryable,
  s: { idHash: string; userId: string; csrf: string; now: Date; stage: SessionStage },
) {
  await db.query(
    'INSERT INTO staff_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, stage) VALUES ($1, $2, $3, $4, $4, $5)',
    [s.idHash, s.userId, s.csrf, s.now, s.stage],
  );
}

/**
 * A live session: not ended, seen within the idle timeout, and younger than the absolute
 * lifetime (however active, a session ends that long after sign-in); touching it extends it.
 */
export async function touchSession(db: Queryable, idHash: string, now: Date, idleMs: number, maxMs: number) {
  const [row] = await db.query<{ user_id: string; csrf_token: string; stage: SessionStage }>(
    `UPDATE staff_sessions SET last_seen_at = $2
     WHERE id_hash = $1 AND ended_at IS NULL AND last_seen_at > $3 AND created_at > $4
     RETURNING user_id, csrf_token, stage`,
    [idHash, now, new Date(now.getTime() - idleMs), new Date(now.getTime() - maxMs)],
  );
  return row ? { userId: row.user_id, csrf: row.csrf_token, stage: row.stage } : undefined;
}

export async function setSessionStage(db: Queryable, idHash: string, stage: SessionStage) {
  await db.query('UPDATE staff_sessions SET stage = $2 WHERE id_hash = $1', [idHash, stage]);
}

export async function setPendingMfaSecret(db: Queryable, userId: string, sealed: string) {
  await db.query('UPDATE staff_users SET mfa_pending_secret = $2 WHERE id = $1', [userId, sealed]);
}

/** Turns two-factor sign-in on with the pending secret and stores the recovery codes' hashes. */
export async function enableMfa(db: Queryable, userId: string, step: number, codeHashes: string[]) {
  await db.query(
    `WITH u AS (
       UPDATE staff_users SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_last_step = $2
       WHERE id = $1 RETURNING id
     ), old AS (DELETE FROM staff_recovery_codes WHERE user_id = $1)
     INSERT INTO staff_recovery_codes (user_id, code_hash) SELECT u.id, h FROM u, unnest($3::text[]) AS h`,
    [userId, step, codeHashes],
  );
}

/** Accepts a time step only if it is newer than the last one accepted (no code works twice). */
export async function acceptMfaStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const rows = await db.query(
    'UPDATE staff_users SET mfa_last_step = $2 WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2) RETURNING id',
    [userId, step],
  );
  return rows.length === 1;
}

export async function useRecoveryCode(
  db: Queryable,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE staff_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id',
    [userId, codeHash, now],
  );
  return rows.length === 1;
}

export async function endSession(db: Queryable, idHash: string, now: Date) {
  await db.query('UPDATE staff_sessions SET ended_at = $2 WHERE id_hash = $1 AND ended_at IS NULL', [
    idHash,
    now,
  ]);
}

/**
 * Decides and records an attempt in one step: under a lock per account and per address (held
 * to the end of the transaction, so it orders instances too), counts the failures in the window
 * and, if under the limits, records this attempt as a failure before the password or code is
 * checked. Concurrent guesses therefore each take one of the few places, and the rest are
 * throttled; a right answer then marks its attempt as succeeded (markAttemptSucceeded).
 */
export async function reserveAttempt(
  db: Database,
  email: string,
  ip: string,
  now: Date,
  limits: { windowMs: number; perAccount: number; perAddress: number },
): Promise<{ id: number } | { throttled: true; oldest: Date | null }> {
  return db.transaction(async (tx) => {
    // Always account, then address: one order for every sign-in, so two never wait on each other.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`staff-login:${email.toLowerCase()}`]);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`staff-login-ip:${ip}`]);
    const f = await failedAttempts(tx, email, ip, new Date(now.getTime() - limits.windowMs));
    if (f.byEmail >= limits.perAccount || f.byIp >= limits.perAddress)
      return { throttled: true, oldest: f.oldest };
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO staff_login_attempts (email, ip, succeeded, attempted_at) VALUES ($1, $2, false, $3) RETURNING id',
      [email.toLowerCase(), ip, now],
    );
    return { id: Number(row!.id) };
  });
}

export async function markAttemptSucceeded(db: Queryable, id: number) {
  await db.query('UPDATE staff_login_attempts SET succeeded = true WHERE id = $1', [id]);
}

/** Failed attempts since `since`, for this account and for this address. */
export async function failedAttempts(db: Queryable, email: string, ip: string, since: Date) {
  const [row] = await db.query<{ by_email: number; by_ip: number; oldest: Date | null }>(
    `SELECT count(*) FILTER (WHERE lower(email) = lower($1))::int AS by_email,
            count(*) FILTER (WHERE ip = $2)::int AS by_ip,
            min(attempted_at) AS oldest
     FROM staff_login_attempts WHERE NOT succeeded AND attempted_at > $3 AND (lower(email) = lower($1) OR ip = $2)`,
    [email, ip, since],
  );
  return { byEmail: row?.by_email ?? 0, byIp: row?.by_ip ?? 0, oldest: row?.oldest ?? null };
}
