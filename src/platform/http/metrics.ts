/**
 * Prometheus metrics at GET /metrics, only with METRICS_TOKEN set and sent as a bearer token
 * (404 otherwise, like any unknown path). Requests are counted and timed by route pattern
 * ("/api/v1/appointments/:id"), never by raw URL: paths carry ids and private tokens. Values
 * that live in the database (the outbox) are read when scraped, through collectors the app adds.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import type { AppEnv } from './app-env.js';
import { bearerToken } from './request-context.js';

export interface Metrics {
  registry: Registry;
  /** Counts and times every request by method, route pattern and status. */
  middleware: MiddlewareHandler<AppEnv>;
  /** A gauge read from the database (or anywhere) at each scrape. */
  gauge(name: string, help: string, read: () => Promise<number> | number): void;
  /** The /metrics handler: 404 without the right token. */
  handler(token: string | undefined): (c: Context) => Promise<Response>;
}

/**
 * One read per scrape for several gauges: the first gauge's call reads, the others collected in
 * the same scrape (within a second) share its answer.
 */
export function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= read().finally(() => setTimeout(() => (pending = undefined), 1000).unref()));
}

export function createMetrics(db: Database): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'carepath_' });
  const requests = new Counter({
    name: 'carepath_http_requests_total',
    help: 'HTTP requests by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'carepath_http_request_duration_seconds',
    help: 'HTTP request duration by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauge: Metrics['gauge'] = (name, help, read) => {
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(await read());
      },
    });
  };
  if (db.poolStats) {
    const stats = db.poolStats.bind(db);
    gauge('carepath_db_pool_connections', 'Pooled database connections open.', () => stats().total);
    gauge('carepath_db_pool_in_use', 'Pooled database connections in use.', () => stats().inUse);
    gauge('carepath_db_pool_waiting', 'Requests waiting for a pooled connection.', () => stats().waiting);
  }
  return {
    registry,
    gauge,
    middleware: async (c, next) => {
      const started = performance.now();
      await next();
      // The pattern of the route that answered (middleware matches as method ALL); unmatched
      // paths are one label, not one per URL.
      const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
      const route = handlers.at(-1)?.path ?? 'unmatched';
      requests.inc({ method: c.req.method, route, status: String(c.res.status) });
      duration.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
    },
    handler: (token) => async (c) => {
      const given = bearerToken(c);
      const ok =
        token !== undefined &&
        given !== undefined &&
        given.length === token.length &&
        timingSafeEqual(Buffer.from(given), Buffer.from(token));
      if (!ok) return c.text('Not Found', 404);
      return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
    },
  };
}
