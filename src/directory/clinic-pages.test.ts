import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
let clock = new Date('2026-12-01T10:00:00-07:00'); // a Tuesday morning in Arizona
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => {
  await t.close();
});

describe('clinic pages say whether a clinic is open, by its own clock', () => {
  it('on a weekday morning: open now, until closing time, in both languages', async () => {
    clock = new Date('2026-12-01T10:00:00-07:00');
    const list = await (await t.request('/clinics')).text();
    expect(list.match(/Open now until/g)).toHaveLength(4);
    const tempe = await (await t.request('/es/clinics/tempe')).text();
    expect(tempe).toContain('Abierta ahora hasta las 5:30');
  });

  it('on Saturday at 23:44: closed for the rest of today, with the next opening', async () => {
    clock = new Date('2026-12-05T23:44:00-07:00');
    const page = await (await t.request('/clinics/scottsdale')).text();
    expect(page).toContain('Closed for the rest of today. Opens Monday at 8:00');
    expect(page).not.toContain('Open now');
  });
});
