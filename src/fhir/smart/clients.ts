/**
 * Registered FHIR backend clients: who they are, how they prove it (a JWKS, inline or at a URL)
 * and the most they may be granted. Registered by a network administrator (staff
 * administration) or from the JSON file named by CAREPATH_FHIR_CLIENTS, which is applied at
 * every start: the file's clients are created or updated, and file clients no longer in it are
 * retired. An administrator's clients are never touched by the file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Queryable } from '../../platform/db/database.js';
import { fieldErrorsFromZod, ValidationFailed } from '../../platform/http/problem.js';
import { parseScopes } from './scopes.js';

export interface FhirClient {
  clientId: string;
  name: string;
  jwks: { keys: Record<string, unknown>[] } | null;
  jwksUrl: string | null;
  scope: string;
  source: 'admin' | 'file';
  createdAt: Date;
  retiredAt: Date | null;
}

const jwk = z
  .object({ kty: z.enum(['EC', 'RSA'], { message: 'must be an EC or RSA public key' }) })
  .passthrough()
  .refine((k) => !('d' in k), 'must be a public key (this one has its private part, "d")');

const scopeText = z
  .string()
  .trim()
  .min(1, 'is required')
  .refine((s) => parseScopes(s).unknown.length === 0, {
    message: 'must be SMART system scopes such as "system/Appointment.rs system/Patient.r"',
  });

export const clientSchema = z
  .strictObject({
    clientId: z
      .string()
      .regex(/^[A-Za-z0-9._-]{3,100}$/, 'must be 3 to 100 letters, digits, ".", "_" or "-"'),
    name: z.string().trim().min(1, 'is required').max(200),
    jwks: z.object({ keys: z.array(jwk).min(1, 'must hold at least one key') }).optional(),
    jwksUrl: z.string().url('must be an https URL').startsWith('https://', 'must be an https URL').optional(),
    scope: scopeText,
  })
  .refine((c) => (c.jwks === undefined) !== (c.jwksUrl === undefined), {
    message: 'give either jwks or jwksUrl, not both',
    path: ['jwks'],
  });
export type ClientRegistration = z.infer<typeof clientSchema>;

interface Row {
  client_id: string;
  name: string;
  jwks: FhirClient['jwks'];
  jwks_url: string | null;
  scope: string;
  source: 'admin' | 'file';
  created_at: Date;
  retired_at: Date | null;
}
const toClient = (r: Row): FhirClient => ({
  clientId: r.client_id,
  name: r.name,
  jwks: r.jwks,
  jwksUrl: r.jwks_url,
  scope: r.scope,
  source: r.source,
  createdAt: r.created_at,
  retiredAt: r.retired_at,
});

export async function findClient(db: Queryable, clientId: string): Promise<FhirClient | undefined> {
  const [row] = await db.query<Row>('SELECT * FROM fhir_clients WHERE client_id = $1', [clientId]);
  return row && toClient(row);
}

export async function listClients(db: Queryable): Promise<FhirClient[]> {
  return (await db.query<Row>('SELECT * FROM fhir_clients ORDER BY retired_at IS NOT NULL, name')).map(
    toClient,
  );
}

/** Creates a client, or replaces the keys, name and scope of one with the same id (and un-retires it). */
export async function saveClient(
  db: Queryable,
  c: ClientRegistration,
  source: 'admin' | 'file',
): Promise<'created' | 'updated'> {
  const [row] = await db.query<{ created: boolean }>(
    `INSERT INTO fhir_clients (client_id, name, jwks, jwks_url, scope, source) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (client_id) DO UPDATE SET name = $2, jwks = $3, jwks_url = $4, scope = $5, source = $6,
       retired_at = NULL
     RETURNING (xmax = 0) AS created`,
    [c.clientId, c.name, c.jwks ?? null, c.jwksUrl ?? null, c.scope.split(/\s+/).join(' '), source],
  );
  // New keys or scopes: tokens issued under the old ones stop working now.
  if (!row!.created) await db.query('DELETE FROM fhir_access_tokens WHERE client_id = $1', [c.clientId]);
  return row!.created ? 'created' : 'updated';
}

/** Retires a client: no new tokens, and its tokens stop working now. */
export async function retireClient(db: Queryable, clientId: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    'UPDATE fhir_clients SET retired_at = $2 WHERE client_id = $1 AND retired_at IS NULL RETURNING client_id',
    [clientId, now],
  );
  await db.query('DELETE FROM fhir_access_tokens WHERE client_id = $1', [clientId]);
  return rows.length > 0;
}

/** Reads and checks the CAREPATH_FHIR_CLIENTS file; a mistake names the entry and the field. */
export function readClientsFile(path: string): ClientRegistration[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`CAREPATH_FHIR_CLIENTS (${path}) is not readable JSON: ${(error as Error).message}`);
  }
  const parsed = z.array(clientSchema).safeParse(data);
  if (!parsed.success) {
    const detail = fieldErrorsFromZod(parsed.error.issues)
      .map((e) => `${e.field} ${e.detail}`)
      .join('; ');
    throw new Error(`CAREPATH_FHIR_CLIENTS (${path}) is not a list of clients: ${detail}`);
  }
  const ids = parsed.data.map((c) => c.clientId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`CAREPATH_FHIR_CLIENTS (${path}) names the client "${twice}" twice`);
  return parsed.data;
}

/** Applies the file's clients: creates or updates each, and retires file clients it no longer lists. */
export async function applyClientsFile(
  db: Queryable,
  clients: ClientRegistration[],
  now: Date,
): Promise<{ saved: number; retired: number }> {
  for (const c of clients) {
    const existing = await findClient(db, c.clientId);
    if (existing?.source === 'admin')
      throw new Error(
        `CAREPATH_FHIR_CLIENTS names "${c.clientId}", a client an administrator registered; rename one of them`,
      );
    await saveClient(db, c, 'file');
  }
  const gone = await db.query<{ client_id: string }>(
    `SELECT client_id FROM fhir_clients WHERE source = 'file' AND retired_at IS NULL AND NOT (client_id = ANY($1::text[]))`,
    [clients.map((c) => c.clientId)],
  );
  for (const g of gone) await retireClient(db, g.client_id, now);
  return { saved: clients.length, retired: gone.length };
}

/** Checks a registration from a form or the file: ValidationFailed names each bad field. */
export function parseRegistration(input: unknown): ClientRegistration {
  const parsed = clientSchema.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrorsFromZod(parsed.error.issues));
  return parsed.data;
}
