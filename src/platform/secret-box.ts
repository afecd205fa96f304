/**
 * Authenticated encryption (AES-256-GCM) for short-lived copies of private tokens, e.g. the
 * manage token inside a stored idempotent response, so a retried booking can return the same
 * token while the database alone never reveals it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db/database.js';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/**
 * Seals with `secret`; opens with it or, after a rotation, with the previous secret
 * (CAREPATH_SECRET_PREVIOUS): what was sealed before the change still opens, and every new seal
 * uses the new secret.
 */
export function secretBox(secret: string, previous?: string): SecretBox {
  const keyOf = (s: string) => createHash('sha256').update(`carepath:secret-box:${s}`).digest();
  const key = keyOf(secret);
  const openWith = (k: Buffer, sealed: string) => {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', k, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
  };
  const older = previous ? keyOf(previous) : undefined;
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    open(sealed) {
      try {
        return openWith(key, sealed);
      } catch (error) {
        if (!older) throw error;
        return openWith(older, sealed);
      }
    },
  };
}

/**
 * Opens what may have been sealed under a secret that is gone (rotated without
 * CAREPATH_SECRET_PREVIOUS): undefined then, for the caller to fall back, instead of an error.
 */
export function tryOpen(box: SecretBox, sealed: string): string | undefined {
  try {
    return box.open(sealed);
  } catch {
    return undefined;
  }
}

/** The configured secret, or (development) one generated once and kept in the database. */
export async function resolveSecret(db: Queryable, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const generated = randomBytes(48).toString('base64url');
  await db.query("INSERT INTO app_secrets (name, value) VALUES ('app', $1) ON CONFLICT (name) DO NOTHING", [
    generated,
  ]);
  const [row] = await db.query<{ value: string }>("SELECT value FROM app_secrets WHERE name = 'app'");
  return row!.value;
}
