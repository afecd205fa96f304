import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { bookViaApi } from '../../test/support/api.js';
import { acceptsGzip } from './slot-answers.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// A network's month must be large enough to be compressed (the API gzips only answers over
// 64 KB, as a network's month is and one clinician's is not): four clinicians at two Arizona
// clinics, each working 08:00 to 16:00 on weekdays and offering a 30-minute visit bookable 60
// days ahead, about 1,500 times in December.
const clinics = [aClinic({ timeZone: 'America/Phoenix' }), aClinic({ timeZone: 'America/Phoenix' })];
const clinicians = [0, 1, 2, 3].map((i) =>
  aClinician({ schedule: weekdays(clinics[i % 2]!, '08:00', '16:00') }),
);
const visit = aVisitType({ providers: clinicians, durationMinutes: 30, bufferMinutes: 0, horizonDays: 60 });
const network = aNetwork({ clinics, clinicians, visitTypes: [visit] });

let clock = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
});
afterAll(async () => {
  await t.close();
});

const NETWORK_MONTH = `/api/v1/slots?visitType=${visit.slug}&from=2026-12-01&to=2026-12-31`;

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
    const path = `/api/v1/slots?visitType=${visit.slug}&provider=${clinicians[0]!.slug}&from=2026-12-01&to=2026-12-07`;
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

  it('answers again from the kept answer, and cuts it anew as the clock moves past a time', async () => {
    const path = `/api/v1/slots?visitType=${visit.slug}&provider=${clinicians[1]!.slug}&from=2026-12-01&to=2026-12-01`;
    const before = await t.request(path);
    const { slots } = await before.json();
    expect(slots[0].start).toBe('2026-12-01T08:00:00-07:00');
    const same = await t.request(path);
    expect(same.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(await same.json()).toEqual({ slots });
    // An hour's notice: at 07:05 on the day, 08:00 can no longer be booked, 08:30 still can.
    clock = new Date('2026-12-01T14:05:00Z');
    const later = await t.request(path, { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(later.status).toBe(200);
    const cut = (await later.json()).slots;
    expect(cut[0].start).toBe('2026-12-01T08:30:00-07:00');
    expect(cut).toEqual(slots.slice(1));
    clock = new Date('2026-11-30T14:00:00Z');
  });

  it('sends a large answer uncompressed to a client that does not accept gzip', async () => {
    const refused = await t.request(NETWORK_MONTH, { headers: { 'accept-encoding': 'gzip;q=0, br' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect((await refused.json()).slots.length).toBeGreaterThan(1000);
  });
});

describe('Accept-Encoding', () => {
  it('accepts gzip by name or by *, unless its weight is 0', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('br, *;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
