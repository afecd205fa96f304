/**
 * Published availability under polling: FHIR Slot search (a week, one page) and a week's
 * $bulk-publish Slot file, each with concurrent clients, against /healthz (the baseline) in the
 * same run, on the real server with jobs on and default logging. Also: the same file polled with
 * If-None-Match (what a well-behaved aggregator sends), which should cost a fraction.
 */
import { load, report, startServerProcess } from './support.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;

const server = await startServerProcess({ JOBS: 'true', LOG_LEVEL: 'info' }, 3911);
try {
  const manifest = (await (await fetch(`${server.url}/fhir/$bulk-publish`)).json()) as {
    output: { type: string; url: string }[];
  };
  const week = new URL(manifest.output.filter((o) => o.type === 'Slot')[1]!.url).pathname;
  const etag = (await fetch(server.url + week)).headers.get('etag')!;
  const monday = /Slot-(\d{4}-\d{2}-\d{2})/.exec(week)![1]!;
  const nextMonday = new Date(Date.parse(`${monday}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);

  console.log(`${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s each`);
  report('GET /healthz (baseline)', await load(server.url, { path: '/healthz' }, CONCURRENCY, DURATION_MS));
  report(
    'GET /fhir/Slot (a week, _count=100)',
    await load(
      server.url,
      { path: `/fhir/Slot?start=ge${monday}&start=lt${nextMonday}&_count=100` },
      CONCURRENCY,
      DURATION_MS,
    ),
  );
  report(`GET ${week}`, await load(server.url, { path: week }, CONCURRENCY, DURATION_MS));
  report(
    `GET ${week} (If-None-Match: 304)`,
    await load(
      server.url,
      { path: week, headers: { 'if-none-match': etag }, expect: [304] },
      CONCURRENCY,
      DURATION_MS,
    ),
  );
  report(
    'GET /fhir/$bulk-publish',
    await load(server.url, { path: '/fhir/$bulk-publish' }, CONCURRENCY, DURATION_MS),
  );
} finally {
  await server.stop();
}
