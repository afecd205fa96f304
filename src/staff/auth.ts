/**
 * Staff sign-in: argon2id passwords, sessions in the database (a new random id at every
 * sign-in, only its hash stored), a 30-minute idle timeout, sign-out that ends the session on
 * the server, and throttling per account and per address that holds across app instances.
 */
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/audit.js';
import type { Database } from '../platform/db/database.js';
import { hashToken } from '../platform/tokens.js';
import { checkPassword, dummyHash, hashPassword, passwordProblem } from './passwords.js';
import {
  adminExists,
  endSession,
  failedAttempts,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  recordAttempt,
  touchSession,
  type StaffUser,
} from './staff-store.js';

export const SESSION_COOKIE = 'cp_staff';
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

export type SignIn =
  | { ok: true; sessionId: string; user: StaffUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function signIn(
  db: Database,
  email: string,
  password: string,
  ip: string,
  now: Date,
): Promise<SignIn> {
  const failures = await failedAttempts(db, email, ip, new Date(now.getTime() - THROTTLE.windowMs));
  if (failures.byEmail >= THROTTLE.perAccount || failures.byIp >= THROTTLE.perAddress) {
    const retryAt = (failures.oldest?.getTime() ?? now.getTime()) + THROTTLE.windowMs;
    await recordAudit(db, {
      actorType: 'staff',
      action: 'sign-in',
      entityType: 'staff-session',
      outcome: 'denied',
      ip,
      detail: { reason: 'throttled' },
    });
    return {
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)),
    };
  }
  const user = await findUserByEmail(db, email);
  // Verify against a dummy hash for unknown accounts so the answer takes as long either way.
  const valid = await checkPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !user.active || !valid) {
    await recordAttempt(db, email, ip, false, now);
    await recordAudit(db, {
      actorType: 'staff',
      actorId: user?.id ?? null,
      action: 'sign-in',
      entityType: 'staff-session',
      outcome: 'denied',
      ip,
    });
    return { ok: false, reason: 'invalid' };
  }
  const sessionId = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await insertSession(tx, {
      idHash: hashToken(sessionId),
      userId: user.id,
      csrf: randomBytes(24).toString('base64url'),
      now,
    });
    await recordAttempt(tx, email, ip, true, now);
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: user.id,
      action: 'sign-in',
      entityType: 'staff-session',
      outcome: 'success',
      ip,
    });
  });
  return { ok: true, sessionId, user };
}

export interface StaffSession {
  user: StaffUser;
  csrf: string;
  idHash: string;
}

export async function loadSession(
  db: Database,
  sessionId: string | undefined,
  now: Date,
): Promise<StaffSession | undefined> {
  if (!sessionId || sessionId.length > 100) return undefined;
  const idHash = hashToken(sessionId);
  const live = await touchSession(db, idHash, now, IDLE_TIMEOUT_MS);
  if (!live) return undefined;
  const user = await findUserById(db, live.userId);
  if (!user || !user.active) return undefined;
  return { user, csrf: live.csrf, idHash };
}

export async function signOut(db: Database, session: StaffSession, ip: string | null, now: Date) {
  await endSession(db, session.idHash, now);
  await recordAudit(db, {
    actorType: 'staff',
    actorId: session.user.id,
    action: 'sign-out',
    entityType: 'staff-session',
    outcome: 'success',
    ip,
  });
}

/** CAREPATH_ADMIN_EMAIL / CAREPATH_ADMIN_PASSWORD create the first administrator, once. */
export async function ensureFirstAdmin(
  db: Database,
  admin: { email: string; password: string } | undefined,
  allLocationIds: string[],
) {
  if (!admin || (await adminExists(db))) return false;
  const problem = passwordProblem(admin.password);
  if (problem) throw new Error(`CAREPATH_ADMIN_PASSWORD ${problem}`);
  await insertUser(db, {
    email: admin.email,
    displayName: 'Administrator',
    passwordHash: await hashPassword(admin.password),
    role: 'admin',
    providerId: null,
    locationIds: allLocationIds,
  });
  return true;
}
