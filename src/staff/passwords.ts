/**
 * Staff passwords: argon2id; at least 12 characters, no composition rules, and not one of the
 * commonly breached passwords (NIST SP 800-63B).
 */
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

// Breached or trivially guessable passwords that pass the length rule (a short list; a real
// deployment can load a larger breach corpus the same way).
const COMMON = new Set(
  [
    '123456789012',
    '1234567890123',
    '12345678901234',
    '111111111111',
    '000000000000',
    'qwertyuiopas',
    'qwertyuiop123',
    'qwerty123456',
    'password1234',
    'password12345',
    'passwordpassword',
    'iloveyou1234',
    'abcdefghijkl',
    'abc123456789',
    '1q2w3e4r5t6y',
    '1qaz2wsx3edc',
    'zaq12wsxcde3',
    'letmein12345',
    'welcome12345',
    'administrator',
    'changemeplease',
    'football1234',
    'baseball1234',
    'superman1234',
    'trustno1trustno1',
    'correcthorsebatterystaple',
    'carepath1234',
    'carepathclinic',
    'clinic123456',
    'summer2024!!',
    'winter2024!!',
    'spring2025!!',
    'password123!',
    'Password123!',
    'p@ssw0rd1234',
    // Placeholders from our own documentation: someone will paste them as they are.
    'a long passphrase',
    'your long passphrase',
    'choose a long passphrase',
    '<your own long passphrase>',
  ].map((p) => p.toLowerCase()),
);

/** What is wrong with a new password, as a word pages translate; undefined when it will do. */
export function passwordProblemKey(password: string): 'short' | 'long' | 'common' | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'short';
  if (password.length > 256) return 'long';
  if (COMMON.has(password.toLowerCase())) return 'common';
  return undefined;
}

/** The same in English, for configuration errors at start-up. */
export function passwordProblem(password: string): string | undefined {
  const problem = passwordProblemKey(password);
  if (problem === 'short') return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (problem === 'long') return 'must be at most 256 characters';
  if (problem === 'common') return 'is too common; choose a longer phrase';
  return undefined;
}

export const hashPassword = (password: string) => hash(password);
export const checkPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

/** A real hash to verify against when the account does not exist, so timing does not tell. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hash('not-a-real-password-for-timing'));
