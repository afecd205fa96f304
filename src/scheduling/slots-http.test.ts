import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { bookViaApi } from '../../test/support/api.js';

const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

const NETWORK_MONTH = '/api/v1/slots?visitType=back-pain-visit&from=2026-12-01&to=2026-12-31';

describe('the slot search over HTTP', () => {
  it('is gzip-compressed when the client accepts it, and the same JSON', async () => {
    const plain = await t.request(NETWORK_MONTH);
    const plainBody = Buffer.from(await plain.arrayBuffer());
    const zipped = await t.request(NETWORK_MONTH, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const zippedBody = Buffer.from(await zipped.arrayBuffer());
    expect(gunzipSync(zippedBody).equals(plainBody)).toBe(true);
    expect(zippedBody.length * 5).toBeLessThan(plainBody.length);
  });

  it('answers 304 to If-None-Match while nothing changed, and a new ETag after a booking', async () => {
    const path = '/api/v1/slots?visitType=pain-follow-up&provider=ben-evans&from=2026-12-01&to=2026-12-07';
    const first = await t.request(path);
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await t.request(path, { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(first.headers.get('cache-control')).toBe('no-cache'); // kept, but revalidated
    const { slots } = await first.json();
    const booked = await bookViaApi(t, { ...slots[0], end: undefined });
    expect(booked.status).toBe(201);
    const changed = await t.request(path, { headers: { 'if-none-match': tag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
  });
});
