import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function json(path: string, init?: RequestInit) {
  const res = await t.request(path, init);
  return { res, body: (await res.json()) as Record<string, any> };
}

describe('GET /api/v1/locations', () => {
  it('lists the four Arizona clinics with slug, time zone, address, phone and hours', async () => {
    const { res, body } = await json('/api/v1/locations');
    expect(res.status).toBe(200);
    const slugs = body.locations.map((l: any) => l.slug).sort();
    expect(slugs).toEqual(['glendale', 'phoenix', 'scottsdale', 'tempe']);
    for (const l of body.locations) {
      expect(l.timeZone).toBe('America/Phoenix');
      expect(l.address.region).toBe('AZ');
      expect(l.phone).toMatch(/\d{3}/);
      expect(l.hours.length).toBeGreaterThan(0);
      expect(l.demo).toBe(true);
    }
  });

  it('returns one clinic by slug and 404 problem+json for an unknown one', async () => {
    const { body } = await json('/api/v1/locations/scottsdale');
    expect(body.name).toContain('Scottsdale');
    const missing = await json('/api/v1/locations/tucson');
    expect(missing.res.status).toBe(404);
    expect(missing.res.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('gives directions in Spanish with ?lang=es or Accept-Language: es', async () => {
    const a = await json('/api/v1/locations/tempe?lang=es');
    const b = await json('/api/v1/locations/tempe', { headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(a.body.directions).toMatch(/piso/);
    expect(b.body.directions).toBe(a.body.directions);
  });
});

describe('GET /api/v1/providers', () => {
  it('lists providers with their clinic slugs; Dr. Ben Evans is a pain specialist in Scottsdale', async () => {
    const { body } = await json('/api/v1/providers');
    const evans = body.providers.find((p: any) => p.slug === 'ben-evans');
    expect(evans).toMatchObject({
      name: 'Dr. Ben Evans',
      specialty: 'pain-management',
      locations: ['scottsdale'],
    });
    for (const p of body.providers) expect(p.locations.length).toBeGreaterThan(0);
  });

  it('staffs every clinic with at least two providers', async () => {
    const { body } = await json('/api/v1/providers');
    for (const clinic of ['glendale', 'tempe', 'phoenix', 'scottsdale']) {
      const here = body.providers.filter((p: any) => p.locations.includes(clinic));
      expect(here.length, clinic).toBeGreaterThanOrEqual(2);
    }
  });

  it('lets a provider work at different clinics on different weekdays', async () => {
    const { body } = await json('/api/v1/providers/priya-shah');
    expect(body.locations).toEqual(['glendale', 'phoenix', 'tempe']);
    const byDay = new Map(body.schedule.map((s: any) => [s.weekday, s.location]));
    expect(byDay.get(1)).toBe('phoenix');
    expect(byDay.get(2)).toBe('tempe');
  });

  it('filters by clinic', async () => {
    const { body } = await json('/api/v1/providers?location=scottsdale');
    expect(body.providers.map((p: any) => p.slug)).toContain('ben-evans');
    for (const p of body.providers) expect(p.locations).toContain('scottsdale');
  });
});

describe('GET /api/v1/visit-types', () => {
  it('lists visit types with duration and the providers who offer them', async () => {
    const { body } = await json('/api/v1/visit-types');
    const consult = body.visitTypes.find((v: any) => v.slug === 'new-patient-pain-consultation');
    expect(consult.durationMinutes).toBe(45);
    expect(consult.providers).toContain('ben-evans');
    for (const v of body.visitTypes) {
      expect(v.slug).toMatch(/^[a-z-]+$/);
      expect(v.providers.length).toBeGreaterThan(0);
    }
  });
});

describe('API errors', () => {
  it('answers unknown API paths with 404 problem+json', async () => {
    const { res, body } = await json('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({ type: 'about:blank', status: 404, instance: '/api/v1/nothing-here' });
  });
});
