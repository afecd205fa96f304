/**
 * The only reader of process.env. Every setting is validated here once, at start-up, so a
 * typo in a variable fails loudly with the variable's name instead of misbehaving later.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // The tables' owner, for migrations: the app then runs as DATABASE_URL's role with only the
  // rights it needs (no UPDATE or DELETE on the audit trail). docs/operations.md, "Database roles".
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  BOOKING_RATE_LIMIT: z.coerce.number().int().min(0).max(10_000).default(20),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(8).optional(),
  CAREPATH_REQUIRE_MFA: bool.optional(),
  CAREPATH_ADMIN_EMAIL: z.string().email().optional(),
  CAREPATH_ADMIN_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Carepath Clinics <no-reply@carepath.localhost>'),
  REMINDER_HOURS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of hours, e.g. 48,2')
    .default('48,2'),
  WAITLIST_OFFER_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(120),
  DEMO_DATA: bool.default(true),
  NETWORK_FILE: z.string().min(1).optional(),
  CAREPATH_FHIR_CLIENTS: z.string().min(1).optional(),
  STAFF_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  STAFF_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  JOBS: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOUSEKEEPING_CRON: z.string().min(9).default('*/15 * * * *'),
  CAREPATH_START_BACK: bool.default(true),
  CHECKIN_DELAY_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 14)
    .default(48),
  ASSESSMENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  DRAFT_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  CAREPATH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)')
    .optional(),
  // The secret before a rotation: what was sealed with it still opens (docs/operations.md).
  CAREPATH_SECRET_PREVIOUS: z
    .string()
    .min(32, 'must be at least 32 characters (the old CAREPATH_SECRET)')
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database:
    | { kind: 'postgres'; url: string; poolSize: number; migrationUrl?: string }
    | { kind: 'pglite'; dir: string | 'memory' };
  demoData: boolean;
  /** The clinic network loaded into an empty database (default: the demo network). */
  networkFile: string | undefined;
  /** Staff sessions end after this much inactivity, and this long after sign-in at the latest. */
  staffSession: { idleMinutes: number; maxHours: number };
  /** A JSON file of FHIR backend clients, applied at every start (src/fhir/smart/clients.ts). */
  fhirClientsFile: string | undefined;
  /** Bearer token for GET /metrics; unset, /metrics is off (404). */
  metricsToken: string | undefined;
  jobs: boolean;
  logLevel: string;
  housekeepingCron: string;
  startBack: boolean;
  checkInDelayHours: number;
  assessmentRetentionDays: number;
  draftTtlMinutes: number;
  /** Key for encrypting short-lived copies of private tokens; generated and stored in the database when unset outside production. */
  secret: string | undefined;
  /** The secret before a rotation, still used to open what it sealed. */
  previousSecret: string | undefined;
  waitlistOfferMinutes: number;
  /** Booking attempts per client address per minute; 0 turns the limit off. */
  bookingRateLimit: number;
  smtpUrl: string | undefined;
  /** The first administrator, created on start when no administrator exists. */
  firstAdmin: { email: string; password: string } | undefined;
  /** Staff must use two-factor sign-in (default on in production). */
  requireMfa: boolean;
  sms: { url: string; token: string | undefined } | undefined;
  mailFrom: string;
  reminderHours: number[];
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.DATABASE_MIGRATION_URL && !c.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_MIGRATION_URL: needs DATABASE_URL (the app role); the embedded database has no roles',
    );
  }
  if (c.NODE_ENV === 'production' && !c.CAREPATH_SECRET) {
    throw new ConfigError('Invalid configuration:\n  CAREPATH_SECRET: is required when NODE_ENV=production');
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    database: c.DATABASE_URL
      ? {
          kind: 'postgres',
          url: c.DATABASE_URL,
          poolSize: c.DATABASE_POOL_SIZE,
          ...(c.DATABASE_MIGRATION_URL ? { migrationUrl: c.DATABASE_MIGRATION_URL } : {}),
        }
      : { kind: 'pglite', dir: c.PGLITE_DIR === 'memory' ? 'memory' : c.PGLITE_DIR },
    demoData: c.DEMO_DATA,
    networkFile: c.NETWORK_FILE,
    fhirClientsFile: c.CAREPATH_FHIR_CLIENTS,
    staffSession: { idleMinutes: c.STAFF_SESSION_IDLE_MINUTES, maxHours: c.STAFF_SESSION_MAX_HOURS },
    metricsToken: c.METRICS_TOKEN,
    jobs: c.JOBS,
    logLevel: c.LOG_LEVEL,
    housekeepingCron: c.HOUSEKEEPING_CRON,
    startBack: c.CAREPATH_START_BACK,
    checkInDelayHours: c.CHECKIN_DELAY_HOURS,
    assessmentRetentionDays: c.ASSESSMENT_RETENTION_DAYS,
    draftTtlMinutes: c.DRAFT_TTL_MINUTES,
    secret: c.CAREPATH_SECRET,
    previousSecret: c.CAREPATH_SECRET_PREVIOUS,
    waitlistOfferMinutes: c.WAITLIST_OFFER_MINUTES,
    bookingRateLimit: c.BOOKING_RATE_LIMIT,
    smtpUrl: c.SMTP_URL,
    requireMfa: c.CAREPATH_REQUIRE_MFA ?? c.NODE_ENV === 'production',
    firstAdmin:
      c.CAREPATH_ADMIN_EMAIL && c.CAREPATH_ADMIN_PASSWORD
        ? { email: c.CAREPATH_ADMIN_EMAIL, password: c.CAREPATH_ADMIN_PASSWORD }
        : undefined,
    sms: c.SMS_GATEWAY_URL ? { url: c.SMS_GATEWAY_URL, token: c.SMS_GATEWAY_TOKEN } : undefined,
    mailFrom: c.MAIL_FROM,
    reminderHours: c.REMINDER_HOURS.split(',').map(Number),
  };
}
