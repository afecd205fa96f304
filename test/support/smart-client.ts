/**
 * A SMART Backend Services client as a real one works: its own key pair (jose), registered in
 * the database, signing a fresh client assertion for each token request.
 */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { saveClient } from '../../src/fhir/index.js';
import type { TestApp } from './test-app.js';

export interface TestClient {
  clientId: string;
  privateKey: CryptoKey;
  kid: string;
  alg: 'ES384' | 'RS384';
}

export async function registerClient(
  t: TestApp,
  clientId: string,
  scope: string,
  alg: 'ES384' | 'RS384' = 'ES384',
): Promise<TestClient> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${clientId}-key-1`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg } as { kty: 'EC' | 'RSA' };
  await saveClient(
    t.db,
    { clientId, name: `Test client ${clientId}`, jwks: { keys: [jwk] }, scope },
    'admin',
  );
  return { clientId, privateKey, kid, alg };
}

/** A signed client assertion; claims can be overridden to test refusals. */
export function assertion(
  t: TestApp,
  c: TestClient,
  claims: { aud?: string; exp?: number; iat?: number; jti?: string; iss?: string } = {},
  now = Date.now(),
) {
  const seconds = Math.floor(now / 1000);
  return new SignJWT({ jti: claims.jti ?? randomUUID() })
    .setProtectedHeader({ alg: c.alg, kid: c.kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? c.clientId)
    .setSubject(c.clientId)
    .setAudience(claims.aud ?? `${t.config.publicUrl}/fhir/auth/token`)
    .setIssuedAt(claims.iat ?? seconds)
    .setExpirationTime(claims.exp ?? seconds + 240)
    .sign(c.privateKey);
}

export function requestToken(t: TestApp, signed: string, scope?: string) {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: signed,
    ...(scope ? { scope } : {}),
  });
  return t.request('/fhir/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

/** A token for the client (all its scopes unless narrowed). */
export async function tokenFor(t: TestApp, c: TestClient, scope?: string, now?: number): Promise<string> {
  const res = await requestToken(t, await assertion(t, c, {}, now), scope);
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A Patient as a client sends it to $book (name, birth date, email and phone). */
export const fhirPatient = (given: string, family: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  name: [{ family, given: [given] }],
  birthDate: '1975-03-04',
  telecom: [
    { system: 'email', value: `${given.toLowerCase()}@example.com` },
    { system: 'phone', value: '480 555 0142' },
  ],
  ...extra,
});

/** $book's input: a proposed Appointment for one Slot, and the Patient. */
export const bookParameters = (slotId: string, patient: unknown, practitioner?: string) => ({
  resourceType: 'Parameters',
  parameter: [
    {
      name: 'appointment',
      resource: {
        resourceType: 'Appointment',
        status: 'proposed',
        slot: [{ reference: `Slot/${slotId}` }],
        participant: practitioner
          ? [{ actor: { reference: `Practitioner/${practitioner}` }, status: 'needs-action' }]
          : [],
      },
    },
    { name: 'patient', resource: patient },
  ],
});

/**
 * A clinician's nth free Slot of a visit type on a day, found through the public Practitioner
 * (by a part of the clinician's name), Schedule and Slot searches.
 */
export async function freeSlotOf(t: TestApp, clinician: string, visitType: string, day: string, index = 0) {
  const found = (await (await t.request(`/fhir/Practitioner?name=${encodeURIComponent(clinician)}`)).json())
    .entry[0].resource;
  const schedules = (await (await t.request(`/fhir/Schedule?actor=Practitioner/${found.id}`)).json()).entry;
  const schedule = schedules.find(
    (e: { resource: { serviceType: { coding: { code: string }[] }[] } }) =>
      e.resource.serviceType[0]!.coding[0]!.code === visitType,
  );
  const slots = await (
    await t.request(`/fhir/Slot?schedule=Schedule/${schedule.resource.id}&start=${day}`)
  ).json();
  return { slot: slots.entry[index].resource, practitioner: found.id as string };
}
