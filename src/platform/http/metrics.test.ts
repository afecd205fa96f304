import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { bookViaApi } from '../../../test/support/api.js';
import { createWorldApp, oneClinician } from '../../../test/support/world.js';

// The test's own clinic and clock: the booking below is at a fixed time, so the clock is fixed too.
const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician();
const clock = new Date('2026-11-30T14:00:00Z');

const TOKEN = 'metrics-token-for-tests';
let t: TestApp;
let off: TestApp;

beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock, config: { METRICS_TOKEN: TOKEN } });
  off = await createTestApp();
});
afterAll(async () => {
  await t.close();
  await off.close();
});

const scrape = async (app: TestApp, token?: string) =>
  app.request('/metrics', token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('GET /metrics', () => {
  it('is off without METRICS_TOKEN and refuses a missing or wrong token (404)', async () => {
    expect((await scrape(off, TOKEN)).status).toBe(404);
    expect((await scrape(t)).status).toBe(404);
    expect((await scrape(t, 'metrics-token-for-testx')).status).toBe(404);
  });

  it('counts requests by route pattern, never by raw URL, and reads the outbox', async () => {
    const booked = await bookViaApi(t, {
      visitType: visit!.slug,
      location: clinic.slug,
      provider: doctor.slug,
      start: '2026-12-08T09:00:00-07:00',
    });
    const { id, manageToken } = await booked.json();
    await t.request(`/api/v1/appointments/${id}`, { headers: { authorization: `Bearer ${manageToken}` } });
    await t.request(`/appointments/manage/${manageToken}`);
    await t.request('/no/such/page');
    const res = await scrape(t, TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /carepath_http_requests_total\{method="POST",route="\/api\/v1\/appointments",status="201"\} 1/,
    );
    expect(text).toContain('route="/api/v1/appointments/:id"');
    expect(text).toContain('route="/appointments/manage/:token"');
    expect(text).toContain('route="unmatched"');
    expect(text).not.toContain(id);
    expect(text).not.toContain(manageToken);
    expect(text).toMatch(/carepath_outbox_due \d+/);
    expect(text).toMatch(/carepath_outbox_failed 0/);
    expect(text).toContain('carepath_http_request_duration_seconds_bucket');
  });

  it('reports the job backlog: due jobs and how long the oldest has waited', async () => {
    const withJobs = await createTestApp({ jobs: true, config: { METRICS_TOKEN: TOKEN } });
    try {
      const before = await (await scrape(withJobs, TOKEN)).text();
      expect(before).toMatch(/^carepath_jobs_due 0$/m);
      expect(before).toMatch(/^carepath_jobs_lag_seconds 0$/m);
      // No workers here: a job due five minutes ago waits, and the lag says so.
      await withJobs.jobs!.createQueue('metrics-test');
      await withJobs.jobs!.send('metrics-test', {}, { startAfter: new Date(Date.now() - 300_000) });
      const after = await (await scrape(withJobs, TOKEN)).text();
      expect(after).toMatch(/^carepath_jobs_due 1$/m);
      const lag = Number(/^carepath_jobs_lag_seconds (\S+)$/m.exec(after)![1]);
      expect(lag).toBeGreaterThan(290);
      // Without jobs ever started (no pg-boss schema), both read 0.
      expect(await (await scrape(t, TOKEN)).text()).toMatch(/^carepath_jobs_due 0$/m);
    } finally {
      await withJobs.close();
    }
  });
});
