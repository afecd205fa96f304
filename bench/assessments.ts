/**
 * Self-check assessments per second through the HTTP API (validate, evaluate, store with an
 * audit event in one transaction), against the bare /healthz floor in the same run.
 */
import { SELF_CARE } from '../test/support/answers.js';
import { load, report, startServerProcess } from './support.js';

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const server = await startServerProcess(
  process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {},
);
try {
  const body = JSON.stringify({
    pathway: 'low-back-pain',
    answers: { ...SELF_CARE, 'peg-pain': 5, 'peg-enjoyment': 4, 'peg-activity': 6 },
    language: 'en',
  });
  // warm-up
  await load(server.url, { path: '/healthz' }, concurrency, 1000);
  await load(
    server.url,
    {
      method: 'POST',
      path: '/api/v1/assessments',
      headers: { 'content-type': 'application/json' },
      body,
      expect: [201],
    },
    concurrency,
    1000,
  );

  const floor = await load(server.url, { path: '/healthz' }, concurrency, seconds * 1000);
  const assess = await load(
    server.url,
    {
      method: 'POST',
      path: '/api/v1/assessments',
      headers: { 'content-type': 'application/json' },
      body,
      expect: [201],
    },
    concurrency,
    seconds * 1000,
  );
  console.log(
    `\nAssessments through the API (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${concurrency} clients, ${seconds} s each)`,
  );
  report('GET /healthz (floor)', floor);
  report('POST /api/v1/assessments', assess);
  console.log(`ratio: assessments run at ${(assess.rps / floor.rps).toFixed(2)}x the /healthz request rate`);
} finally {
  await server.stop();
}
