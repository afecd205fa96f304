/**
 * Bearer tokens on the FHIR API: who the client is and what its token's scopes allow. No token
 * (or an expired one, or a retired client's) is 401 with a WWW-Authenticate challenge; a token
 * without the needed scope is 403 with an OperationOutcome saying which scope.
 */
import type { Context } from 'hono';
import type { Database } from '../../platform/db/database.js';
import { clientAddress } from '../../platform/http/client.js';
import type { AppEnv } from '../../platform/http/app-env.js';
import { bearerToken } from '../../platform/http/request-context.js';
import { hashToken } from '../../platform/tokens.js';
import { operationOutcome } from '../operation-outcome.js';
import { formatScope, parseScopes, permits, type Permission } from './scopes.js';

export interface ClientActor {
  actorType: 'api-client';
  actorId: string;
  ip: string | null;
  requestId: string | null;
}

/** A refusal already written as a response. */
export class AccessRefused extends Error {
  constructor(readonly response: Response) {
    super('access refused');
  }
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function refuse(status: 401 | 403, code: string, diagnostics: string, challenge?: string): AccessRefused {
  const headers: Record<string, string> = { 'content-type': FHIR_JSON };
  if (challenge) headers['www-authenticate'] = challenge;
  return new AccessRefused(
    new Response(JSON.stringify(operationOutcome(code, diagnostics)), { status, headers }),
  );
}

/**
 * The client behind the request's token, if its scopes allow `permission` on `resourceType`;
 * throws AccessRefused (401 or 403) otherwise.
 */
export async function requireAccess(
  c: Context<AppEnv>,
  db: Database,
  now: Date,
  resourceType: string,
  permission: Permission,
): Promise<ClientActor> {
  const token = bearerToken(c);
  if (!token)
    throw refuse(
      401,
      'login',
      'A bearer token is required: see /fhir/.well-known/smart-configuration.',
      'Bearer realm="carepath-fhir"',
    );
  const [row] = await db.query<{ client_id: string; scope: string }>(
    `SELECT t.client_id, t.scope FROM fhir_access_tokens t JOIN fhir_clients c USING (client_id)
     WHERE t.token_hash = $1 AND t.expires_at > $2 AND c.retired_at IS NULL`,
    [hashToken(token), now],
  );
  if (!row)
    throw refuse(
      401,
      'login',
      'The bearer token is not valid or has expired: ask the token endpoint for a new one.',
      'Bearer realm="carepath-fhir", error="invalid_token"',
    );
  if (!permits(parseScopes(row.scope).scopes, resourceType, permission)) {
    const needed = formatScope({ resourceType, permissions: new Set([permission]) });
    throw refuse(403, 'forbidden', `This token's scopes (${row.scope}) do not include ${needed}.`);
  }
  return {
    actorType: 'api-client',
    actorId: row.client_id,
    ip: clientAddress(c),
    requestId: c.get('requestId') ?? null,
  };
}
