/**
 * A minimal SMART Backend Services client for trying the FHIR API by hand (README, "Connect a
 * system through FHIR"). Not used by the server.
 *
 *   npm run fhir-client -- keys <dir>                      a key pair: <dir>/private-key.json, <dir>/jwks.json
 *   npm run fhir-client -- token <clientId> <private-key.json> [scope]
 *                                                          prints an access token (JSON) from $PUBLIC_URL
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
const base = (process.env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '');

async function keys(dir: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
  const kid = randomUUID();
  mkdirSync(dir, { recursive: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES384' };
  writeFileSync(join(dir, 'private-key.json'), JSON.stringify(privateJwk, null, 2), { mode: 0o600 });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' }] };
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify(jwks, null, 2));
  process.stdout.write(
    `wrote ${join(dir, 'private-key.json')} (keep it secret) and ${join(dir, 'jwks.json')} (register it)\n`,
  );
}

async function token(clientId: string, keyFile: string, scope?: string) {
  const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const configuration = (await (await fetch(`${base}/fhir/.well-known/smart-configuration`)).json()) as {
    token_endpoint: string;
  };
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'ES384', kid: jwk.kid!, typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(configuration.token_endpoint)
    .setIssuedAt()
    .setExpirationTime('4m')
    .sign(await importJWK(jwk, 'ES384'));
  const res = await fetch(configuration.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      ...(scope ? { scope } : {}),
    }),
  });
  process.stdout.write(`${await res.text()}\n`);
  if (!res.ok) process.exitCode = 1;
}

if (command === 'keys' && args[0]) await keys(args[0]);
else if (command === 'token' && args[0] && args[1]) await token(args[0], args[1], args[2]);
else {
  process.stderr.write(
    'usage: npm run fhir-client -- keys <dir> | token <clientId> <private-key.json> [scope]\n',
  );
  process.exitCode = 2;
}
