/**
 * A second network, in another state with daylight saving time, runs with no code change: it is
 * chosen by NETWORK_FILE, and nothing of the demo network (Arizona, Phoenix, its clinics or
 * clinicians) shows on its pages or in its messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { prepareDatabase } from '../src/server.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { createEmptyDatabase, onPostgres, type TestDatabase } from './support/test-db.js';
import { createTestApp, LogCapture, testConfig, type TestApp } from './support/test-app.js';
import { bookViaApi } from './support/api.js';

const NETWORK_FILE = fileURLToPath(new URL('./fixtures/front-range-network.json', import.meta.url));
const DEMO_WORDS = /Arizona|Phoenix|Scottsdale|Glendale|Tempe|Evans|Carepath Clinics|\bfour\b|cuatro/i;

const clock = new Date('2026-03-02T15:00:00Z'); // Monday 2 March 2026, 08:00 in Denver (MST)
let t: TestApp;
let spare: TestDatabase | undefined;

beforeAll(async () => {
  // The server's own start-up path: migrate, then load the network NETWORK_FILE names.
  spare = onPostgres() ? await createEmptyDatabase() : undefined;
  const config = testConfig({ NETWORK_FILE, ...(spare?.url ? { DATABASE_URL: spare.url } : {}) });
  const db = await prepareDatabase(config, createLogger('info', new LogCapture()));
  t = await createTestApp({
    now: () => clock,
    database: {
      db,
      async close() {
        await db.close();
        await spare?.close();
      },
    },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('a second network chosen by NETWORK_FILE', () => {
  it('names itself, its area and its time zone on its pages, in both languages, and nothing of the demo', async () => {
    const pages = ['/', '/clinics', '/book', '/clinics/denver'];
    for (const prefix of ['', '/es']) {
      for (const path of pages) {
        const res = await t.request(`${prefix}${path}`);
        expect(res.status, `${prefix}${path}`).toBe(200);
        expect(await res.text(), `${prefix}${path}`).not.toMatch(DEMO_WORDS);
      }
    }
    const home = await (await t.request('/')).text();
    expect(home).toContain('Back pain care in the Denver area');
    expect(home).toContain('Front Range Spine Care');
    expect(home).toContain('All times are Mountain Time.');
    const inicio = await (await t.request('/es')).text();
    expect(inicio).toContain('Atención del dolor de espalda en el área de Denver');
    expect(inicio).toContain('Todos los horarios son en hora de las Montañas Rocosas.');
  });

  it('offers times in local time on both sides of the spring-forward change', async () => {
    const q = '/api/v1/slots?visitType=spine-consultation&location=denver&provider=rosa-lee';
    const before = (await (await t.request(`${q}&from=2026-03-04&to=2026-03-04`)).json()).slots;
    const after = (await (await t.request(`${q}&from=2026-03-09&to=2026-03-09`)).json()).slots;
    expect(before[0].start).toBe('2026-03-04T08:00:00-07:00');
    expect(after[0].start).toBe('2026-03-09T08:00:00-06:00');
  });

  it('books and confirms in the clinic’s time, named by its zone', async () => {
    const res = await bookViaApi(t, {
      visitType: 'spine-consultation',
      location: 'denver',
      provider: 'rosa-lee',
      start: '2026-03-09T08:00:00-06:00',
      language: 'es',
      patient: { givenName: 'Elena', familyName: 'Montaña', email: 'elena@example.com' },
    });
    expect(res.status).toBe(201);
    const [mail] = await t.db.query<{ text_body: string; subject: string }>(
      "SELECT subject, text_body FROM outbox_messages WHERE kind = 'appointment-confirmation'",
    );
    expect(mail!.text_body).toContain('(hora de las Montañas Rocosas)');
    expect(mail!.text_body).toContain('Front Range Spine Care Denver');
    expect(`${mail!.subject}\n${mail!.text_body}`).not.toMatch(DEMO_WORDS);
  });
});
