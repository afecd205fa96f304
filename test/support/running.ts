/** The real product on a database of the test's choosing, and a visit booked through its API. */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { startCarepath, type Running } from '../../src/server.js';

export function startProduct(
  database: { PGLITE_DIR: string } | { DATABASE_URL: string; DATABASE_MIGRATION_URL?: string; JOBS?: string },
): Promise<Running> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    JOBS: 'false',
    DATABASE_URL: '',
    ...database,
  });
  return startCarepath(config, createLogger('warn'));
}

/** Books Dr. Evans's first open pain follow-up of a week ahead; returns the id and private token. */
export async function bookFirstOpenTime(url: string): Promise<{ id: string; manageToken: string }> {
  const from = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await (
    await fetch(`${url}/api/v1/slots?visitType=pain-follow-up&provider=ben-evans&from=${from}&to=${to}`)
  ).json();
  const res = await fetch(`${url}/api/v1/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      ...slots[0],
      end: undefined,
      patient: {
        givenName: 'Bea',
        familyName: 'Backup',
        birthDate: '1977-07-07',
        email: 'bea@example.com',
        phone: '480 555 0177',
      },
    }),
  });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The visit as its holder reads it through the API, after a restart or a restore. */
export async function readVisit(url: string, visit: { id: string; manageToken: string }) {
  const res = await fetch(`${url}/api/v1/appointments/${visit.id}`, {
    headers: { authorization: `Bearer ${visit.manageToken}` },
  });
  return { status: res.status, body: await res.json() };
}
