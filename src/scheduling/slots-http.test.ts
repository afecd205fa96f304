import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { bookViaApi } from '../../test/support/api.js';
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

const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => NOW });
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
});
