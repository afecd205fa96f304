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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'carepath' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
