import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logging/logger.js';
import type { AppEnv } from './app-env.js';

/**
 * One log line per request: method, path (never the query string, which may carry a token),
 * status and duration. Bodies are never logged.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    // On the response itself: c.header() after the response is made re-creates it, and with the
    // production server's Response class the copy lost the headers inner middleware had set
    // (the JSON API went out without its security headers and Cache-Control: no-store).
    c.res.headers.set('X-Request-Id', requestId);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const path = c.req.path;
    // Health checks every few seconds would drown the log.
    if (path === '/healthz' && c.res.status === 200) return;
    log.info({ method: c.req.method, path: redactPath(path), status: c.res.status, ms }, 'request');
  };
}

/**
 * Ids in private links are not secrets, but tokens in paths would be: any long token-like run is
 * replaced, wherever it sits (a link followed with a trailing ".", ")" or "%00" still has it).
 */
export function redactPath(path: string): string {
  return path.replace(/[A-Za-z0-9_-]{32,}/g, ':token');
}

/** An error as the log gets it: its message and stack with token-like runs replaced. */
export function redactedError(error: unknown): { type: string; message: string; stack?: string } {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    type: e.name,
    message: redactPath(e.message),
    ...(e.stack ? { stack: redactPath(e.stack) } : {}),
  };
}
