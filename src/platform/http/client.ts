import type { Context } from 'hono';

/** The client's address, for the audit trail: the socket peer (proxies are not trusted by default). */
export function clientAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}
