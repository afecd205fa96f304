/**
 * SMART Backend Services: the OAuth 2.0 client-credentials grant with a signed JWT assertion
 * (RFC 7523, as SMART profiles it). A client proves itself with a JWT signed by a key in its
 * registered JWKS (ES384 or RS384), addressed to this token endpoint, expiring within five
 * minutes, with a jti never seen before. It gets a short-lived opaque access token for at most
 * its registered scopes. Every refusal is `invalid_client` (or invalid_request/invalid_scope
 * for a malformed request) and says why in error_description.
 */
import { Hono, type Context } from 'hono';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { recordAudit } from '../../audit/index.js';
import type { Database } from '../../platform/db/database.js';
import { clientAddress } from '../../platform/http/client.js';
import type { AppEnv } from '../../platform/http/app-env.js';
import { hashToken, newToken } from '../../platform/tokens.js';
import { findClient, type FhirClient } from './clients.js';
import { formatScope, grantScopes, parseScopes } from './scopes.js';

export const ACCESS_TOKEN_SECONDS = 300;
const MAX_ASSERTION_SECONDS = 300;
const CLOCK_SKEW_SECONDS = 30;
const NOT_AUTHENTICATED =
  'the assertion is not signed (ES384 or RS384) by a key of a registered, active client';
/** Assertion ids are kept this long past their expiry: longer than any clock skew between instances. */
const JTI_KEEP_AFTER_EXPIRY_MS = 10 * 60_000;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const TOKEN_PATH = '/fhir/auth/token';
export const SIGNING_ALGORITHMS = ['ES384', 'RS384'];

export interface TokenDeps {
  db: Database;
  publicUrl: string;
  now: () => Date;
}

class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
    /** The registered client the failed assertion named, for the audit trail. */
    readonly client?: FhirClient,
  ) {
    super(description);
  }
}

const remoteKeySets = new Map<string, JWTVerifyGetKey>();
function keysOf(client: FhirClient): JWTVerifyGetKey {
  if (client.jwks) return createLocalJWKSet(client.jwks as Parameters<typeof createLocalJWKSet>[0]);
  let set = remoteKeySets.get(client.jwksUrl!);
  if (!set) {
    set = createRemoteJWKSet(new URL(client.jwksUrl!), { timeoutDuration: 5000 });
    remoteKeySets.set(client.jwksUrl!, set);
  }
  return set;
}

/** Checks the assertion and returns the client it proves; throws OAuthError otherwise. */
async function authenticate(deps: TokenDeps, assertion: string): Promise<FhirClient> {
  let claimed: string | undefined;
  try {
    claimed = decodeJwt(assertion).iss;
  } catch {
    throw new OAuthError('invalid_client', 'client_assertion is not a JWT');
  }
  const client = claimed ? await findClient(deps.db, claimed) : undefined;
  // The same words as a bad signature: the answer does not tell which client ids exist.
  if (!client || client.retiredAt) throw new OAuthError('invalid_client', NOT_AUTHENTICATED);
  const now = deps.now();
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, keysOf(client), {
      algorithms: SIGNING_ALGORITHMS,
      issuer: client.clientId,
      subject: client.clientId,
      audience: `${deps.publicUrl}${TOKEN_PATH}`,
      requiredClaims: ['exp', 'jti'],
      currentDate: now,
      clockTolerance: CLOCK_SKEW_SECONDS,
    }));
  } catch (error) {
    throw new OAuthError('invalid_client', assertionProblem(error), client);
  }
  const expiresAt = new Date(payload.exp! * 1000);
  if (payload.exp! > now.getTime() / 1000 + MAX_ASSERTION_SECONDS + CLOCK_SKEW_SECONDS)
    throw new OAuthError('invalid_client', 'the assertion must expire within five minutes ("exp")', client);
  // The primary key decides across instances: a second use of a jti inserts nothing.
  const fresh = await deps.db.query(
    `INSERT INTO fhir_assertion_ids (client_id, jti, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING jti`,
    [client.clientId, String(payload.jti).slice(0, 300), expiresAt],
  );
  if (fresh.length === 0)
    throw new OAuthError('invalid_client', 'this assertion was used before ("jti"): sign a new one', client);
  return client;
}

function assertionProblem(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the assertion has expired ("exp")';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return `the assertion's "aud" must be this token endpoint`;
    return `the assertion's "${error.claim}" claim is wrong or missing (${error.reason})`;
  }
  if (
    error instanceof joseErrors.JOSEAlgNotAllowed ||
    error instanceof joseErrors.JWKSNoMatchingKey ||
    error instanceof joseErrors.JWSSignatureVerificationFailed
  )
    return NOT_AUTHENTICATED;
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid)
    return "the client's JWKS URL did not give a usable key set";
  return 'the assertion could not be verified';
}

export function tokenEndpoint(deps: TokenDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.get('/.well-known/smart-configuration', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(smartConfiguration(deps.publicUrl));
  });
  api.post('/auth/token', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
    let client: FhirClient | undefined;
    try {
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('application/x-www-form-urlencoded'))
        throw new OAuthError('invalid_request', 'send the request as application/x-www-form-urlencoded');
      const form = new URLSearchParams(await c.req.text());
      if (form.get('grant_type') !== 'client_credentials')
        throw new OAuthError('unsupported_grant_type', 'grant_type must be client_credentials');
      if (form.get('client_assertion_type') !== ASSERTION_TYPE)
        throw new OAuthError('invalid_request', `client_assertion_type must be ${ASSERTION_TYPE}`);
      const assertion = form.get('client_assertion');
      if (!assertion) throw new OAuthError('invalid_request', 'client_assertion is required');
      const requested = parseScopes(form.get('scope') ?? '');
      if (requested.unknown.length)
        throw new OAuthError(
          'invalid_scope',
          `not a system scope this server knows: ${requested.unknown.join(' ')}`,
        );
      client = await authenticate(deps, assertion);
      const granted = grantScopes(requested.scopes, parseScopes(client.scope).scopes);
      if (granted.length === 0)
        throw new OAuthError('invalid_scope', 'none of the requested scopes is registered for this client');
      const scope = granted.map(formatScope).join(' ');
      const token = newToken();
      const now = deps.now();
      await deps.db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO fhir_access_tokens (token_hash, client_id, scope, expires_at) VALUES ($1, $2, $3, $4)',
          [hashToken(token), client!.clientId, scope, new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000)],
        );
        await recordAudit(tx, tokenAudit(c, client!, 'success'));
      });
      return c.json({ access_token: token, token_type: 'bearer', expires_in: ACCESS_TOKEN_SECONDS, scope });
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const named = client ?? error.client;
      if (named) await recordAudit(deps.db, tokenAudit(c, named, 'denied'));
      return c.json(
        { error: error.error, error_description: error.description },
        error.error === 'invalid_client' ? 401 : 400,
      );
    }
  });
  return api;
}

const tokenAudit = (c: Context<AppEnv>, client: FhirClient, outcome: 'success' | 'denied') => ({
  actorType: 'api-client' as const,
  actorId: client.clientId,
  action: 'token',
  entityType: 'fhir-client',
  entityId: client.clientId,
  outcome,
  ip: clientAddress(c),
  requestId: c.get('requestId'),
});

/** Forgets assertion ids and tokens that have expired (housekeeping). */
export async function deleteExpiredFhirCredentials(db: Database, now: Date): Promise<number> {
  const a = await db.query('DELETE FROM fhir_assertion_ids WHERE expires_at < $1 RETURNING jti', [
    new Date(now.getTime() - JTI_KEEP_AFTER_EXPIRY_MS),
  ]);
  const t = await db.query('DELETE FROM fhir_access_tokens WHERE expires_at < $1 RETURNING client_id', [now]);
  return a.length + t.length;
}

/** SMART's discovery document: where to get a token, and how. */
export function smartConfiguration(publicUrl: string) {
  return {
    token_endpoint: `${publicUrl}${TOKEN_PATH}`,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: SIGNING_ALGORITHMS,
    grant_types_supported: ['client_credentials'],
    scopes_supported: SCOPES_SUPPORTED,
    capabilities: ['client-confidential-asymmetric', 'permission-v1', 'permission-v2'],
  };
}

export const SCOPES_SUPPORTED = [
  'system/Appointment.cruds',
  'system/Appointment.rs',
  'system/Appointment.cu',
  'system/Patient.rs',
  'system/QuestionnaireResponse.rs',
  'system/Slot.rs',
  'system/Schedule.rs',
  'system/Location.rs',
  'system/Practitioner.rs',
  'system/HealthcareService.rs',
  'system/*.read',
  'system/*.write',
];
