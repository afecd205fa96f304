/**
 * Scheduling benchmarks on PostgreSQL, each against a baseline measured in the same run:
 *  1. slot search latency (one provider over 31 days; the whole network over 31 days) against
 *     GET /healthz, one client at a time (p50/p99), with a third of the slots already booked;
 *  2. booking throughput through POST /api/v1/appointments at 16 concurrent clients against raw
 *     INSERTs (patient + appointment, same exclusion constraint) through `pg` at 16 connections.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createBenchDatabase, load, report, startServerProcess } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const database = await createBenchDatabase();

const server = await startServerProcess({ DATABASE_URL: database.url });
const pool = new pg.Pool({ connectionString: database.url, max: 16 });
try {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const from = day(1);
  const to = day(31);
  const base = server.url;
  const get = async (path: string) =>
    (await fetch(base + path)).json() as Promise<{
      slots: { start: string; provider: string; location: string }[];
    }>;
  // Each booking is a different person, as the raw baseline inserts a new patient each time. (One
  // person booking every time made each booking update the same patient row, so all 16 clients
  // queued on that row's lock: a cost of the benchmark, not of a clinic's morning.)
  let people = 0;
  const patient = () => {
    const n = ++people;
    return {
      givenName: `Bench${n}`,
      familyName: 'Mark',
      // Birth dates spread as a clinic's patients' are (the known-patient lookup is by birth date).
      birthDate: new Date(Date.UTC(1940, 0, 1) + n * 86_400_000).toISOString().slice(0, 10),
      email: `bench${n}@example.com`,
      phone: '480 555 0100',
    };
  };
  const book = (s: { start: string; provider: string; location: string }, visitType: string) =>
    fetch(`${base}/api/v1/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        visitType,
        location: s.location,
        provider: s.provider,
        start: s.start,
        patient: patient(),
      }),
    });

  // Fill a third of the network's back-pain slots so searches skip real bookings.
  const all = (await get(`/api/v1/slots?visitType=back-pain-visit&from=${from}&to=${day(30)}`)).slots;
  const prefill = all.filter((_, i) => i % 3 === 0);
  for (let i = 0; i < prefill.length; i += 16)
    await Promise.all(prefill.slice(i, i + 16).map((s) => book(s, 'back-pain-visit')));
  console.log(`prefilled ${prefill.length} of ${all.length} slots`);

  const one = `/api/v1/slots?visitType=back-pain-visit&location=scottsdale&provider=ben-evans&from=${from}&to=${to}`;
  const network = `/api/v1/slots?visitType=back-pain-visit&from=${from}&to=${to}`;
  await load(base, { path: one }, 1, 1000);
  const floor = await load(base, { path: '/healthz' }, 1, seconds * 1000);
  const provider = await load(base, { path: one }, 1, seconds * 1000);
  // A browser or HTTP client asks for gzip (the answer is then 10 KB instead of 320 KB); the
  // uncompressed answer is measured too, for clients that do not.
  const gzip = { 'accept-encoding': 'gzip' };
  const whole = await load(base, { path: network, headers: gzip }, 1, seconds * 1000);
  const wholePlain = await load(base, { path: network }, 1, seconds * 1000);
  console.log(`\nSlot search over 31 days (PostgreSQL, 1 client, ${seconds} s each)`);
  report('GET /healthz (floor)', floor);
  report('GET /api/v1/slots one provider', provider);
  report('GET /api/v1/slots whole network, gzip', whole);
  report('GET /api/v1/slots whole network, plain', wholePlain);
  console.log(
    `ratio p50: one provider ${(provider.p50 / floor.p50).toFixed(2)}x, whole network ${(whole.p50 / floor.p50).toFixed(2)}x (gzip) and ${(wholePlain.p50 / floor.p50).toFixed(2)}x (plain) the /healthz latency`,
  );

  // Booking throughput: free pain follow-ups across the network, each taken once.
  const free: { start: string; provider: string; location: string }[] = [];
  for (let start = 1; start <= 85; start += 31) {
    free.push(
      ...(
        await get(
          `/api/v1/slots?visitType=pain-follow-up&from=${day(start)}&to=${day(Math.min(start + 30, 88))}`,
        )
      ).slots,
    );
  }
  let next = 0;
  let booked = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < free.length) {
        const res = await book(free[next++]!, 'pain-follow-up');
        await res.arrayBuffer();
        if (res.status === 201) booked++;
        else failed++;
      }
    }),
  );
  const apiSeconds = (performance.now() - t0) / 1000;

  // The bookings' confirmations are still being sent (jobs are on): the baseline waits until the
  // outbox has nothing due, so it is not measured against that work.
  const t2 = performance.now();
  for (;;) {
    const { rows: due } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_messages WHERE status IN ('pending', 'sending') AND not_before <= now()",
    );
    if (due[0]!.n === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const drainSeconds = (performance.now() - t2) / 1000;

  const { rows } = await pool.query<{ p: string; l: string; v: string }>(
    "SELECT p.id AS p, l.id AS l, v.id AS v FROM providers p, locations l, visit_types v WHERE p.slug = 'ben-evans' AND l.slug = 'scottsdale' AND v.slug = 'pain-follow-up'",
  );
  const ids = rows[0]!;
  const rawCount = booked;
  let i = 0;
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      const client = await pool.connect();
      try {
        while (i < rawCount) {
          const n = i++;
          const start = new Date(Date.UTC(2031, 0, 1) + n * 30 * 60_000);
          await client.query('BEGIN');
          const p = await client.query<{ id: string }>(
            "INSERT INTO patients (given_name, family_name, birth_date, email, phone) VALUES ('Raw', 'Insert', '1970-01-01', 'r@example.com', '480 555 0100') RETURNING id",
          );
          await client.query(
            `INSERT INTO appointments (provider_id, location_id, visit_type_id, patient_id, starts_at, ends_at, blocked, manage_token_hash)
             VALUES ($1, $2, $3, $4, $5, $6, tstzrange($5, $7), $8)`,
            [
              ids.p,
              ids.l,
              ids.v,
              p.rows[0]!.id,
              start,
              new Date(start.getTime() + 20 * 60_000),
              new Date(start.getTime() + 30 * 60_000),
              randomUUID(),
            ],
          );
          await client.query('COMMIT');
        }
      } finally {
        client.release();
      }
    }),
  );
  const rawSeconds = (performance.now() - t1) / 1000;
  const apiRate = booked / apiSeconds;
  const rawRate = rawCount / rawSeconds;
  console.log(`\nBooking throughput (PostgreSQL, 16 concurrent clients)`);
  console.log(
    `POST /api/v1/appointments: ${booked} booked (${failed} refused) in ${apiSeconds.toFixed(2)} s = ${Math.round(apiRate)} bookings/s`,
  );
  console.log(`(the confirmations still due were sent ${drainSeconds.toFixed(1)} s after the last booking)`);
  console.log(
    `raw INSERT patient + appointment through pg: ${rawCount} in ${rawSeconds.toFixed(2)} s = ${Math.round(rawRate)} inserts/s`,
  );
  console.log(`ratio: the API books at ${(apiRate / rawRate).toFixed(2)}x the raw insert rate`);
} finally {
  await pool.end();
  await server.stop();
  await database.drop();
}
