import pino, { type Logger } from 'pino';

/**
 * Structured logs. Request bodies are never logged; known health-data and contact fields are
 * redacted wherever they might appear, as a second line of defence.
 */
export const REDACT_PATHS = [
  'answers',
  '*.answers',
  'patient',
  '*.patient',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'givenName',
  '*.givenName',
  'familyName',
  '*.familyName',
  'birthDate',
  '*.birthDate',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * Errors are logged by type, code and stack only. Database errors carry the failed statement's
 * parameters (PGlite puts them on the error) and messages that can quote values, so for those
 * only the SQLSTATE code and the routine are kept.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & { code?: unknown; routine?: unknown; severity?: unknown };
  const fromDatabase = typeof e.code === 'string' && (e.severity !== undefined || e.routine !== undefined);
  const stackFrames = (e.stack ?? '').split('\n').slice(1, 8).join('\n');
  return fromDatabase
    ? { type: e.name, code: e.code, routine: e.routine, stack: stackFrames }
    : {
        type: e.name,
        message: e.message.slice(0, 300),
        ...(typeof e.code === 'string' ? { code: e.code } : {}),
        stack: stackFrames,
      };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'carepath' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: safeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
