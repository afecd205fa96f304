/**
 * The published API contract (/api/v1/openapi.json) against the running product: the document
 * is valid OpenAPI 3.1 (a maintained validator), and each documented operation, sent its
 * documented example request, answers with the documented status and a body that matches the
 * documented schema. Errors are checked against the Problem schema the same way.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

type Json = Record<string, any>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

// Monday 30 November 2026, 07:00 in Arizona: the documented example times are bookable.
const NOW = new Date('2026-11-30T14:00:00Z');
let clock = NOW;
let t: TestApp;
let doc: Json;
let ajv: Ajv2020;
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  doc = await (await t.request('/api/v1/openapi.json')).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // Response schemas refer to #/components/schemas/…: the document is their root.
  ajv.addSchema({ $id: 'https://carepath.invalid/openapi.json', components: doc.components });
});
afterAll(async () => {
  await t.close();
});

/** Checks a body against a documented schema; returns ajv's errors (none expected). */
function mismatches(schema: Json, body: unknown) {
  const rebased = JSON.parse(
    JSON.stringify(schema).replace(
      /"#\/components\//g,
      '"https://carepath.invalid/openapi.json#/components/',
    ),
  );
  const validate = ajv.compile(rebased);
  return validate(body) ? [] : validate.errors;
}

interface Op {
  method: string;
  path: string;
  op: Json;
}
const operations = (): Op[] =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    ['get', 'post'].filter((m) => item[m]).map((method) => ({ method, path, op: item[method] })),
  );

const success = (op: Json) => Object.keys(op.responses).find((s) => s.startsWith('2'))!;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, served at /api/v1/openapi.json', async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(operations().length).toBeGreaterThanOrEqual(20);
  });

  it('documents every /api/v1 route the app serves (but the SMS webhook and staff routes)', () => {
    const documented = new Set(
      operations().map((o) => `${o.method.toUpperCase()} /api/v1${o.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = t.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:file\{.*\}$/, ':id.ics')}`)
      // Not for integrators: the SMS gateway's webhook, the staff's audit API (a staff session),
      // and the document itself.
      .filter((r) => !/\/(sms\/inbound|audit-events|openapi\.json)$/.test(r));
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('gives every 201 a Location header', () => {
    for (const { method, path, op } of operations())
      if (op.responses['201'])
        expect(op.responses['201'].headers, `${method} ${path}`).toHaveProperty('Location');
  });

  it('documents the problem shape, the Idempotency-Key header and the bearer token where they apply', () => {
    for (const { op } of operations())
      for (const [status, r] of Object.entries(op.responses as Record<string, Json>))
        if (!status.startsWith('2')) expect(Object.keys(r.content)).toEqual(['application/problem+json']);
    const book = doc.paths['/appointments'].post;
    expect(book.parameters.find((p: Json) => p.name === 'Idempotency-Key')).toMatchObject({
      in: 'header',
      required: true,
    });
    expect(doc.paths['/appointments/{id}'].get.security).toEqual([{ privateToken: [] }]);
    expect(doc.components.securitySchemes.privateToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('has a readable reference page, from this server, in the site’s frame', async () => {
    const page = await t.request('/developers/api');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('POST /appointments');
    expect(html).toContain('Idempotency-Key');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect((await t.request('/es/developers/api')).status).toBe(200);
  });
});

describe('each documented operation, sent its example', () => {
  // Records the examples create, to fill the other operations' path parameters.
  const made: Record<string, { id: string; token: string }> = {};

  async function send(o: Op, options: { id?: string; withoutKey?: boolean } = {}) {
    const params = (o.op.parameters ?? []) as Json[];
    const record = made[o.path.split('/')[1]!];
    let path = o.path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const p of params) {
      const example = p.example ?? p.schema?.example;
      if (p.in === 'path')
        path = path.replace(`{${p.name}}`, p.name === 'id' && record ? (options.id ?? record.id) : example);
      else if (p.in === 'query' && example !== undefined) query.set(p.name, String(example));
      else if (p.in === 'header' && example !== undefined && !options.withoutKey)
        headers[p.name] = p.name === 'Idempotency-Key' ? randomUUID() : String(example);
    }
    if (o.op.security && record) headers.authorization = `Bearer ${record.token}`;
    const example = o.op.requestBody?.content?.['application/json']?.example;
    if (example !== undefined) headers['content-type'] = 'application/json';
    const qs = query.toString();
    return t.request(`/api/v1${path}${qs ? `?${qs}` : ''}`, {
      method: o.method.toUpperCase(),
      headers,
      ...(example !== undefined ? { body: JSON.stringify(example) } : {}),
    });
  }

  async function expectDocumented(o: Op, res: Response, status: string) {
    expect(String(res.status), `${o.method} ${o.path}`).toBe(status);
    const documented = o.op.responses[status];
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
    const content = documented.content?.[type];
    expect(content, `${o.method} ${o.path} answered ${type}`).toBeDefined();
    const body = type.endsWith('json') ? await res.json() : await res.text();
    expect(mismatches(content.schema, body), `${o.method} ${o.path}`).toEqual([]);
    for (const header of Object.keys(documented.headers ?? {}))
      expect(res.headers.get(header), `${o.method} ${o.path} ${header}`).toBeTruthy();
    return body;
  }

  it('answers every operation with its documented status and schema', async () => {
    const all = operations();
    // Create first (their answers give the ids and tokens), cancel last.
    // A check-in opens three days after its self-check: last, with the clock moved on.
    const rank = (o: Op) =>
      o.path.endsWith('/check-ins')
        ? 4
        : o.path.endsWith('/cancel')
          ? 3
          : o.method === 'post' && !o.path.includes('{')
            ? 0
            : 1;
    const ordered = [...all].sort((a, b) => rank(a) - rank(b));
    for (const o of ordered) {
      if (rank(o) === 4) clock = new Date(NOW.getTime() + 73 * 3_600_000);
      const res = await send(o);
      const body = await expectDocumented(o, res, success(o.op));
      if (rank(o) === 0) made[o.path.split('/')[1]!] = { id: body.id, token: body.manageToken ?? body.token };
    }
    expect(Object.keys(made).sort()).toEqual(['appointments', 'assessments', 'waitlist']);
    clock = NOW;
  });

  it('answers documented problems with the Problem schema: 404, 428 and 422', async () => {
    for (const o of operations().filter(
      (x) => x.op.responses['404'] && x.path.includes('{id}') && made[x.path.split('/')[1]!],
    ))
      await expectDocumented(o, await send(o, { id: randomUUID() }), '404');
    const book = operations().find((o) => o.path === '/appointments' && o.method === 'post')!;
    await expectDocumented(book, await send(book, { withoutKey: true }), '428');
    const invalid = await t.request('/api/v1/appointments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: '{}',
    });
    const problem = await expectDocumented(book, invalid, '422');
    expect(problem.code).toBe('invalid_request');
    expect(problem.errors.map((e: Json) => e.field)).toContain('visitType');
  });
});
