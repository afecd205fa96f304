import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';
import { clientAddress } from './client.js';

/** The credential of `Authorization: Bearer <token>`, if any. */
export function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
}

/** Who acts in a request, as the audit trail records it (src/audit takes the same shape). */
export interface RequestActor {
  actorType: 'patient' | 'staff' | 'api-client' | 'system';
  actorId?: string | null;
  ip?: string | null;
  requestId?: string | null;
}

/** Who is acting, for the audit trail: a patient on a page, or an API client. */
export function actorOf(c: Context<AppEnv>, actorType: 'patient' | 'api-client'): RequestActor {
  return { actorType, ip: clientAddress(c), requestId: c.get('requestId') };
}
