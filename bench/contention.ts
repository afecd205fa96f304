/**
 * Contention on PostgreSQL: N concurrent bookings of one popular slot (each a different patient,
 * each with its own Idempotency-Key), while a probe asks GET /healthz every 50 ms. Production
 * configuration: jobs on, default log level. Baseline in the same run: /healthz with no load.
 *
 * Prints, per N: the answers by status (and connections dropped), the time until every request
 * was answered, and /healthz p50 and max during the race. `BENCH_CONTENTION=100,300` chooses N.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'undici';
import { createBenchDatabase, startServerProcess } from './support.js';

const sizes = (process.env.BENCH_CONTENTION ?? '100,300').split(',').map(Number);
const database = await createBenchDatabase();

const server = await startServerProcess({
  DATABASE_URL: database.url,
  JOBS: 'true',
  LOG_LEVEL: 'info',
  BOOKING_RATE_LIMIT: '0',
});
const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthProbe(stop: () => boolean) {
  const times: number[] = [];
  while (!stop()) {
    const t0 = performance.now();
    try {
      const res = await request(`${server.url}/healthz`, { headersTimeout: 120_000 });
      await res.body.dump();
    } catch {
      /* counted by its time */
    }
    times.push(performance.now() - t0);
    await quiet(50);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0, n: times.length };
}

try {
  const baseline = await healthProbe(
    (() => {
      const until = performance.now() + 2000;
      return () => performance.now() > until;
    })(),
  );
  console.log(`/healthz without load: p50 ${baseline.p50.toFixed(1)} ms, max ${baseline.max.toFixed(1)} ms`);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const { slots } = (await (
    await fetch(
      `${server.url}/api/v1/slots?visitType=pain-follow-up&location=scottsdale&provider=ben-evans&from=${day(1)}&to=${day(31)}`,
    )
  ).json()) as { slots: { start: string }[] };
  let next = 0;
  for (const n of sizes) {
    const slot = slots[(next += 3)]!;
    const agent = new Agent({ connections: n, pipelining: 1 });
    const counts = new Map<string, number>();
    let done = false;
    const probe = healthProbe(() => done);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        let key: string;
        try {
          const res = await request(`${server.url}/api/v1/appointments`, {
            dispatcher: agent,
            method: 'POST',
            headersTimeout: 30 * 60_000,
            bodyTimeout: 30 * 60_000,
            headers: {
              'content-type': 'application/json',
              'idempotency-key': `race-${n}-${i}-${randomBytes(4).toString('hex')}`,
            },
            body: JSON.stringify({
              visitType: 'pain-follow-up',
              location: 'scottsdale',
              provider: 'ben-evans',
              start: slot.start,
              patient: {
                givenName: `Racer${i}`,
                familyName: 'Bench',
                birthDate: '1970-01-01',
                email: `racer${i}@example.com`,
                phone: '480 555 0100',
              },
            }),
          });
          await res.body.dump();
          key = String(res.statusCode);
        } catch {
          key = 'dropped';
        }
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }),
    );
    const settled = (performance.now() - t0) / 1000;
    done = true;
    const health = await probe;
    await agent.close();
    const answers = [...counts]
      .sort()
      .map(([k, v]) => `${v} x ${k}`)
      .join(', ');
    console.log(
      `${String(n).padStart(5)} concurrent bookings of one slot: ${answers}; settled in ${settled.toFixed(2)} s; ` +
        `/healthz during it p50 ${health.p50.toFixed(1)} ms, max ${health.max.toFixed(1)} ms (${(health.max / Math.max(baseline.p50, 0.1)).toFixed(0)}x the quiet p50)`,
    );
  }
} finally {
  await server.stop();
  await database.drop();
}
