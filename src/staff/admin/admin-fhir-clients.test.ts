/**
 * A network administrator registers a FHIR client from the administration pages (its JWKS
 * pasted as JSON), the client gets a token with it, and retiring the client stops its tokens.
 */
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertion, requestToken, type TestClient } from '../../../test/support/smart-client.js';
import { oneClinician } from '../../../test/support/world.js';
import { adminTestApp, session, type AdminTestContext } from './admin-test-support.js';

// FHIR clients belong to the network, not to a clinic: the smallest world will do, its one
// clinic being where the front-desk account (refused these pages) works.
const { clinic, network } = oneClinician();
let x: AdminTestContext;
beforeAll(async () => {
  x = await adminTestApp(network, { deskAt: clinic });
});
afterAll(async () => {
  await x.t.close();
});

describe('FHIR API clients in administration', () => {
  it('registers a client whose key then signs in, and retiring it stops its token', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const { publicKey, privateKey } = await generateKeyPair('ES384');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES384' };
    const registered = await client.post('/staff/admin/fhir-clients', {
      _csrf: csrf,
      clientId: 'county-ehr',
      name: 'County EHR',
      scope: 'system/Appointment.rs',
      jwks: JSON.stringify({ keys: [jwk] }),
      jwksUrl: '',
    });
    expect(registered.status).toBe(303);
    const list = await (await client.get('/staff/admin/fhir-clients')).text();
    expect(list).toContain('County EHR');
    expect(list).toContain('system/Appointment.rs');

    const ehr: TestClient = { clientId: 'county-ehr', privateKey, kid: 'k1', alg: 'ES384' };
    const res = await requestToken(x.t, await assertion(x.t, ehr, {}, x.clock.now.getTime()));
    expect(res.status).toBe(200);
    const { access_token: token } = await res.json();
    const headers = { authorization: `Bearer ${token}` };
    expect((await x.t.request(`/fhir/Appointment/${'1'.repeat(32)}`, { headers })).status).toBe(404);

    expect((await client.post('/staff/admin/fhir-clients/county-ehr/retire', { _csrf: csrf })).status).toBe(
      303,
    );
    expect((await x.t.request(`/fhir/Appointment/${'1'.repeat(32)}`, { headers })).status).toBe(401);
    const events = await x.t.db.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'fhir-client' AND entity_id = 'county-ehr' AND actor_type = 'staff' ORDER BY id",
    );
    expect(events.map((e) => e.action)).toEqual(['create', 'retire']);
  });

  it('names each wrong field and stores nothing', async () => {
    const { client, csrf } = await session(x.t, 'admin@example.com');
    const res = await client.post('/staff/admin/fhir-clients', {
      _csrf: csrf,
      clientId: 'no',
      name: '',
      scope: 'patient/*.read',
      jwks: '{ not json',
      jwksUrl: '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const field of ['clientId', 'name', 'scope', 'jwks']) expect(html).toContain(`href="#${field}"`);
    expect(html).toContain('Paste the keys as JSON');
    const taken = await client.post('/staff/admin/fhir-clients', {
      _csrf: csrf,
      clientId: 'county-ehr',
      name: 'Again',
      scope: 'system/Slot.rs',
      jwks: '',
      jwksUrl: 'https://again.example/jwks.json',
    });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('already registered');
    const stored = await x.t.db.query(
      "SELECT 1 FROM fhir_clients WHERE client_id IN ('no', 'county-ehr') AND name = 'Again'",
    );
    expect(stored).toHaveLength(0);
  });

  it('is for network administrators only', async () => {
    const { client } = await session(x.t, 'desk@example.com');
    expect((await client.get('/staff/admin/fhir-clients')).status).toBe(404);
  });
});
