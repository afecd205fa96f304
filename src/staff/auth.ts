/**
 * Staff sign-in: argon2id passwords, sessions in the database (a new random id at every
 * sign-in, only its hash stored), a 30-minute idle timeout, sign-out that ends the session on
 * the server, and throttling per account and per address that holds across app instances.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { recordAudit } from '../audit/index.js';
import type { Database } from '../platform/db/database.js';
import { hashToken } from '../platform/tokens.js';
import { tryOpen, type SecretBox } from '../platform/secret-box.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';
import { checkPassword, dummyHash, hashPassword, passwordProblem } from './passwords.js';
import {
  adminExists,
  endSession,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  markAttemptSucceeded,
  reserveAttempt,
  touchSession,
  acceptMfaStep,
  enableMfa,
  setPendingMfaSecret,
  setSessionStage,
  useRecoveryCode,
  type SessionStage,
  type StaffUser,
} from './staff-store.js';

/**
 * The session cookie's name: over HTTPS it is a `__Host-` cookie, which browsers accept only with
 * Secure, Path=/ and no Domain, so no other site or subdomain can set or shadow it.
 */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-cp_staff' : 'cp_staff');
export const DEFAULT_SESSION_LIMITS = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };
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
  /** Staff without two-factor sign-in must enrol before anything else (CAREPATH_REQUIRE_MFA). */
  requireMfa = false,
  /** The request's id, so each sign-in event can be matched with its request log line. */
  requestId: string | null = null,
): Promise<SignIn> {
  // Decide and record in one step: 40 guesses sent at once get 5 checks, not 40.
  const attempt = await reserveAttempt(db, email, ip, now, THROTTLE);
  if ('throttled' in attempt) {
    const retryAt = (attempt.oldest?.getTime() ?? now.getTime()) + THROTTLE.windowMs;
    await recordAudit(db, {
      actorType: 'staff',
      action: 'sign-in',
      entityType: 'staff-session',
      outcome: 'denied',
      ip,
      requestId,
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
    // The attempt is already recorded as a failure.
    await recordAudit(db, {
      actorType: 'staff',
      actorId: user?.id ?? null,
      action: 'sign-in',
      entityType: 'staff-session',
      outcome: 'denied',
      ip,
      requestId,
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
      stage: user.mfaSecret ? 'mfa' : requireMfa ? 'enrol' : 'active',
    });
    await markAttemptSucceeded(tx, attempt.id);
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: user.id,
      action: 'sign-in',
      entityType: 'staff-session',
      outcome: 'success',
      ip,
      requestId,
    });
  });
  return { ok: true, sessionId, user };
}

export interface StaffSession {
  user: StaffUser;
  csrf: string;
  idHash: string;
  /** 'mfa': the password was right, the second factor is still due; 'enrol': two-factor setup is due. */
  stage: SessionStage;
}

export async function loadSession(
  db: Database,
  sessionId: string | undefined,
  now: Date,
  limits: { idleMs: number; maxMs: number } = DEFAULT_SESSION_LIMITS,
): Promise<StaffSession | undefined> {
  if (!sessionId || sessionId.length > 100) return undefined;
  const idHash = hashToken(sessionId);
  const live = await touchSession(db, idHash, now, limits.idleMs, limits.maxMs);
  if (!live) return undefined;
  const user = await findUserById(db, live.userId);
  if (!user || !user.active) return undefined;
  return { user, csrf: live.csrf, idHash, stage: live.stage };
}

export async function signOut(
  db: Database,
  session: StaffSession,
  ip: string | null,
  now: Date,
  requestId: string | null = null,
) {
  await endSession(db, session.idHash, now);
  await recordAudit(db, {
    actorType: 'staff',
    actorId: session.user.id,
    action: 'sign-out',
    entityType: 'staff-session',
    outcome: 'success',
    ip,
    requestId,
  });
}

/**
 * CAREPATH_ADMIN_EMAIL / CAREPATH_ADMIN_PASSWORD create the first network administrator, once.
 * Their reach is every clinic by role (ADR 23); the third argument, the clinics' ids that older
 * callers pass, is no longer needed and is ignored.
 */
export async function ensureFirstAdmin(
  db: Database,
  admin: { email: string; password: string } | undefined,
  _allLocationIds: string[] = [],
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
    locationIds: [],
  });
  return true;
}

// ------------------------------------------------------------------ two-factor sign-in

/** Either a 6-digit code from the authenticator app or an unused recovery code. */
export async function verifySecondFactor(
  db: Database,
  box: SecretBox,
  session: StaffSession,
  code: string,
  ip: string,
  now: Date,
  requestId: string | null = null,
): Promise<'ok' | 'invalid' | 'throttled'> {
  const { user } = session;
  // The same one-step decision as passwords: concurrent codes cannot outrun the limit.
  const attempt = await reserveAttempt(db, user.email, ip, now, THROTTLE);
  if ('throttled' in attempt) {
    await recordAudit(db, {
      actorType: 'staff',
      actorId: user.id,
      action: 'second-factor',
      entityType: 'staff-session',
      outcome: 'denied',
      ip,
      requestId,
      detail: { reason: 'throttled' },
    });
    return 'throttled';
  }
  // Recovery codes are shown in two groups ("abcde-fghjk"): spaces and dashes do not count.
  const clean = code.replace(/[\s-]+/g, '');
  let ok = false;
  if (user.mfaSecret && /^\d{6}$/.test(clean)) {
    // Unreadable after a secret rotation without CAREPATH_SECRET_PREVIOUS: only a recovery code
    // signs in then (and the user enrols again), never an error page.
    const secret = tryOpen(box, user.mfaSecret);
    const step =
      secret === undefined ? undefined : verifyTotp(secret, clean, now.getTime(), user.mfaLastStep);
    ok = step !== undefined && (await acceptMfaStep(db, user.id, step));
  } else if (/^[a-z0-9]{10}$/i.test(clean)) {
    ok = await useRecoveryCode(db, user.id, hashToken(clean.toLowerCase()), now);
  }
  if (ok) await markAttemptSucceeded(db, attempt.id);
  await recordAudit(db, {
    actorType: 'staff',
    actorId: user.id,
    action: 'second-factor',
    entityType: 'staff-session',
    outcome: ok ? 'success' : 'denied',
    ip,
    requestId,
  });
  if (ok) await setSessionStage(db, session.idHash, 'active');
  return ok ? 'ok' : 'invalid';
}

/** A new secret for the authenticator app, kept sealed until a first code confirms it. */
export async function startEnrolment(db: Database, box: SecretBox, user: StaffUser) {
  // The same key across reloads (and after a mistyped code), until a code confirms it.
  const pending = user.mfaPendingSecret ? tryOpen(box, user.mfaPendingSecret) : undefined;
  const secret = pending ?? newTotpSecret();
  if (pending === undefined) await setPendingMfaSecret(db, user.id, box.seal(secret));
  return { secret, url: otpauthUrl(secret, user.email) };
}

/** Confirms enrolment with a first code; returns the ten one-time recovery codes (shown once). */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export async function confirmEnrolment(
  db: Database,
  box: SecretBox,
  session: StaffSession,
  code: string,
  ip: string | null,
  now: Date,
  requestId: string | null = null,
) {
  const pending = session.user.mfaPendingSecret;
  if (!pending) return undefined;
  const secret = tryOpen(box, pending);
  if (secret === undefined) return undefined;
  const step = verifyTotp(secret, code.replace(/\s+/g, ''), now.getTime(), null);
  if (step === undefined) return undefined;
  // Ten characters from an alphabet without look-alikes (no i, l, o, 0 or 1): read off paper.
  const codes = Array.from({ length: 10 }, () =>
    Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join(''),
  );
  await enableMfa(
    db,
    session.user.id,
    step,
    codes.map((c) => hashToken(c)),
  );
  await setSessionStage(db, session.idHash, 'active');
  await recordAudit(db, {
    actorType: 'staff',
    actorId: session.user.id,
    action: 'mfa-enrol',
    entityType: 'staff-user',
    entityId: session.user.id,
    outcome: 'success',
    ip,
    requestId,
  });
  return codes;
}
