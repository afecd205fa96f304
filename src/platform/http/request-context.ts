import type { Context } from 'hono';
import type { AuditEvent } from '../../audit/audit.js';
import type { AppEnv } from './app-env.js';
import { clientAddress } from './client.js';

/** The credential of `Authorization: Bearer <token>`, if any. */
export function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
}

export type RequestActor = Pick<AuditEvent, 'actorType' | 'actorId' | 'ip' | 'requestId'>;

/** Who is acting, for the audit trail: a patient on a page, or an API client. */
export function actorOf(c: Context<AppEnv>, actorType: 'patient' | 'api-client'): RequestActor {
  return { actorType, ip: clientAddress(c), requestId: c.get('requestId') };
}
