/**
 * SMART Backend Services' token endpoint: a client proves itself with a signed JWT (jose, a real
 * signer), and every way an assertion can be wrong is refused as invalid_client.
 */
import { generateKeyPair } from 'jose';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertion,
  registerClient,
  requestToken,
  type TestClient,
} from '../../../test/support/smart-client.js';
import { type TestApp } from '../../../test/support/test-app.js';
import { createWorldApp, oneClinician } from '../../../test/support/world.js';
import { applyClientsFile, listClients, readClientsFile } from './clients.js';

// Nothing here depends on clinics or visit types: the smallest world, so no demo network.
const { network } = oneClinician();
// One clock for the server and the clients signing assertions, fixed in the past so that it is
// never the machine's: an assertion is judged by the server's clock.
const clock = new Date('2025-06-02T15:00:00Z');
const nowSeconds = () => Math.floor(clock.getTime() / 1000);
/** A client assertion signed at the test's clock. */
const signed = (c: TestClient, claims: Parameters<typeof assertion>[2] = {}) =>
  assertion(t, c, claims, clock.getTime());

let t: TestApp;
let es: TestClient;
let rs: TestClient;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
  es = await registerClient(t, 'aggregator-es', 'system/Appointment.rs system/Slot.rs');
  rs = await registerClient(t, 'ehr-rs', 'system/Appointment.cruds', 'RS384');
});
afterAll(async () => {
  await t.close();
});

const refusal = async (res: Response) => ({ status: res.status, ...(await res.json()) });

describe('the token endpoint', () => {
  it('is advertised in smart-configuration', async () => {
    const res = await t.request('/fhir/.well-known/smart-configuration');
    const config = await res.json();
    expect(config.token_endpoint).toBe('http://localhost:3000/fhir/auth/token');
    expect(config.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(config.grant_types_supported).toContain('client_credentials');
    expect(config.token_endpoint_auth_signing_alg_values_supported).toEqual(['ES384', 'RS384']);
    expect(config.scopes_supported).toContain('system/Appointment.rs');
  });

  it('gives a short-lived token for ES384 and RS384 clients, narrowed to the registered scopes', async () => {
    const res = await requestToken(t, await signed(es), 'system/Appointment.cruds system/Slot.rs');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 300,
      scope: 'system/Appointment.rs system/Slot.rs',
    });
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const v1 = await requestToken(t, await signed(rs), 'system/Appointment.read system/Appointment.write');
    expect((await v1.json()).scope).toBe('system/Appointment.rs system/Appointment.cud');
  });

  it('refuses a replayed, expired, misaddressed or foreign-signed assertion as invalid_client', async () => {
    const once = await signed(es);
    expect((await requestToken(t, once)).status).toBe(200);
    const replay = await refusal(await requestToken(t, once));
    expect(replay).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(replay.error_description).toContain('jti');

    const past = nowSeconds() - 600;
    const expired = await refusal(await requestToken(t, await signed(es, { iat: past, exp: past + 60 })));
    expect(expired).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(expired.error_description).toContain('expired');

    const tooLong = await refusal(await requestToken(t, await signed(es, { exp: nowSeconds() + 3600 })));
    expect(tooLong.error_description).toContain('five minutes');

    const wrongAud = await refusal(
      await requestToken(t, await signed(es, { aud: 'https://elsewhere.example/token' })),
    );
    expect(wrongAud).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(wrongAud.error_description).toContain('aud');

    // Signed with a key that is not the client's (same kid, another key pair).
    const { privateKey } = await generateKeyPair('ES384');
    const forged = await refusal(await requestToken(t, await signed({ ...es, privateKey })));
    expect(forged).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(forged.error_description).toContain('by a key of a registered, active client');

    const stranger = await refusal(await requestToken(t, await signed(es, { iss: 'nobody-known' })));
    expect(stranger.error).toBe('invalid_client');
    // An unknown client id reads exactly like a wrong key: the answer does not tell which ids exist.
    expect(stranger.error_description).toBe(forged.error_description);
    const denied = await t.db.query(
      "SELECT 1 FROM audit_events WHERE action = 'token' AND actor_id = 'aggregator-es' AND outcome = 'denied'",
    );
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('names a malformed request: grant type, assertion type, scopes', async () => {
    const form = (fields: Record<string, string>) =>
      t.request('/fhir/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect(await refusal(await form({ grant_type: 'password' }))).toMatchObject({
      status: 400,
      error: 'unsupported_grant_type',
    });
    expect(await refusal(await form({ grant_type: 'client_credentials' }))).toMatchObject({
      status: 400,
      error: 'invalid_request',
    });
    const unknownScope = await refusal(
      await requestToken(t, await signed(es), 'system/Appointment.rs launch/patient'),
    );
    expect(unknownScope).toMatchObject({ status: 400, error: 'invalid_scope' });
    const noneAllowed = await refusal(await requestToken(t, await signed(es), 'system/Patient.rs'));
    expect(noneAllowed).toMatchObject({ status: 400, error: 'invalid_scope' });
  });
});

describe('CAREPATH_FHIR_CLIENTS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-clients-'));
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };
  const key = { kty: 'EC', crv: 'P-384', x: 'x', y: 'y', kid: 'k1' };

  it('applies the file: creates and updates its clients and retires the ones it no longer lists', async () => {
    const first = readClientsFile(
      file('a.json', [
        { clientId: 'file-one', name: 'One', jwks: { keys: [key] }, scope: 'system/Slot.rs' },
        {
          clientId: 'file-two',
          name: 'Two',
          jwksUrl: 'https://two.example/jwks.json',
          scope: 'system/Appointment.rs',
        },
      ]),
    );
    expect(await applyClientsFile(t.db, first, clock)).toEqual({ saved: 2, retired: 0 });
    const second = readClientsFile(
      file('b.json', [
        { clientId: 'file-one', name: 'One, renamed', jwks: { keys: [key] }, scope: 'system/Slot.rs' },
      ]),
    );
    expect(await applyClientsFile(t.db, second, clock)).toEqual({ saved: 1, retired: 1 });
    const all = await listClients(t.db);
    expect(all.find((c) => c.clientId === 'file-one')).toMatchObject({
      name: 'One, renamed',
      retiredAt: null,
    });
    expect(all.find((c) => c.clientId === 'file-two')?.retiredAt).toBeInstanceOf(Date);
  });

  it('refuses a bad file with a message that names the entry and the field', () => {
    expect(() => readClientsFile(file('c.json', '{ not json'))).toThrow(/not readable JSON/);
    expect(() =>
      readClientsFile(
        file('d.json', [{ clientId: 'x!', name: 'Bad', jwks: { keys: [key] }, scope: 'system/Slot.rs' }]),
      ),
    ).toThrow(/0\.clientId must be 3 to 100/);
    expect(() =>
      readClientsFile(
        file('e.json', [
          {
            clientId: 'private',
            name: 'Leaky',
            jwks: { keys: [{ ...key, d: 'secret' }] },
            scope: 'system/Slot.rs',
          },
        ]),
      ),
    ).toThrow(/public key/);
    expect(() =>
      readClientsFile(
        file('f.json', [
          { clientId: 'scopey', name: 'Scopes', jwks: { keys: [key] }, scope: 'user/Patient.read' },
        ]),
      ),
    ).toThrow(/SMART system scopes/);
  });

  it('does not let the file take over a client an administrator registered', async () => {
    const clients = readClientsFile(
      file('g.json', [
        { clientId: 'aggregator-es', name: 'Hijack', jwks: { keys: [key] }, scope: 'system/*.cruds' },
      ]),
    );
    await expect(applyClientsFile(t.db, clients, clock)).rejects.toThrow(/administrator registered/);
  });
});
