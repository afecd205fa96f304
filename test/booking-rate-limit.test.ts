import { randomUUID } from 'node:crypto';
/**
 * BOOKING_RATE_LIMIT through a real socket (the limit counts per client address, which
 * app.request() does not have): the third attempt in a minute from one address is 429 with
 * Retry-After, for the API and the booking pages; other pages are not limited.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { startCarepath, type Running } from '../src/server.js';

let server: Running;
beforeAll(async () => {
  server = await startCarepath(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      PGLITE_DIR: 'memory',
      JOBS: 'false',
      BOOKING_RATE_LIMIT: '2',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    }),
    createLogger('silent'),
  );
});
afterAll(async () => {
  await server?.stop();
});

it('answers the third booking attempt in a minute from one address with 429 and Retry-After', async () => {
  const attempt = () =>
    fetch(`${server.url}/api/v1/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ visitType: 'nope' }),
    });
  expect((await attempt()).status).toBe(422); // counted, and refused for its own reasons
  expect((await attempt()).status).toBe(422);
  const limited = await attempt();
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  const page = await fetch(`${server.url}/es/book/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'visitType=x',
  });
  expect(page.status).toBe(429);
  expect(await page.text()).toContain('demasiados intentos');
  expect((await fetch(`${server.url}/clinics`)).status).toBe(200);
});
