/**
 * Benchmark support: the real server in a child process (so the load generator does not share
 * its event loop), and a closed-loop HTTP load generator with N concurrent clients.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'undici';

export interface Server {
  url: string;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string> = {}, port = 3901): Promise<Server> {
  // BENCH_PROFILE=dir writes a CPU profile of the server to that folder.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      PGLITE_DIR: 'memory',
      // The production configuration: jobs on, the default (info) log level. The log still costs
      // what it costs in production; its lines go to /dev/null instead of the terminal.
      LOG_LEVEL: 'info',
      JOBS: 'true',
      BOOKING_RATE_LIMIT: '0', // every benchmark request comes from one address
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export interface RequestSpec {
  method?: 'GET' | 'POST';
  path: string | (() => string);
  headers?: Record<string, string> | (() => Record<string, string>);
  body?: string | (() => string);
  expect?: number[];
}

export async function load(
  base: string,
  spec: RequestSpec,
  concurrency: number,
  durationMs: number,
): Promise<LoadResult> {
  const agent = new Agent({ connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const path = typeof spec.path === 'function' ? spec.path() : spec.path;
      const res = await request(base + path, {
        dispatcher: agent,
        method: spec.method ?? 'GET',
        headers: typeof spec.headers === 'function' ? spec.headers() : spec.headers,
        body: typeof spec.body === 'function' ? spec.body() : spec.body,
      });
      await res.body.dump();
      latencies.push(performance.now() - t0);
      if (!(spec.expect ?? [200]).includes(res.statusCode)) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(
      (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) * 100,
    ) / 100;
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: Math.round(latencies.length / seconds),
    p50: pct(50),
    p99: pct(99),
  };
}

export function report(name: string, r: LoadResult) {
  console.log(
    `${name.padEnd(44)} ${String(r.rps).padStart(7)} req/s   p50 ${String(r.p50).padStart(7)} ms   p99 ${String(r.p99).padStart(7)} ms   (${r.requests} requests, ${r.errors} errors)`,
  );
}

/** A throwaway database on the PostgreSQL server of DATABASE_URL, dropped by `drop()`. */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { randomBytes } = await import('node:crypto');
  const { default: pg } = await import('pg');
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `carepath_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}
