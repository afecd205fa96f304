/** JSON requests to the app as an API client sends them, and a booking through the API. */
import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** A POST as a careful client sends it: JSON, with a new Idempotency-Key unless one is given. */
export function postJson(t: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) {
  return t.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
    body: JSON.stringify(body),
  });
}

export const A_PATIENT = {
  givenName: 'Ada',
  familyName: 'Apiclient',
  birthDate: '1980-01-01',
  email: 'ada@example.com',
  phone: '480 555 0100',
};

/**
 * POST /api/v1/appointments for a time; the patient defaults to A_PATIENT, field by field. Extra
 * headers replace the defaults (a test's own Idempotency-Key).
 */
export function bookViaApi(
  t: TestApp,
  b: {
    visitType: string;
    location: string;
    provider: string;
    start: string;
    patient?: Partial<typeof A_PATIENT>;
    language?: 'en' | 'es';
    /** A self-check to attach as the intake, with its token (right or wrong). */
    assessmentId?: string;
    assessmentToken?: string;
  },
  headers: Record<string, string> = {},
) {
  return postJson(t, '/api/v1/appointments', { ...b, patient: { ...A_PATIENT, ...b.patient } }, headers);
}
