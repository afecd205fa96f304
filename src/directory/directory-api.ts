import { Hono } from 'hono';
import { negotiateLocale, type Locale } from '../platform/i18n/i18n.js';
import { NotFound } from '../platform/http/problem.js';
import type { Location, Provider, VisitType } from './directory.js';
import type { DirectoryService } from './directory-service.js';

const DAY = ['', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function locationJson(l: Location, lang: Locale) {
  return {
    slug: l.slug,
    name: l.name,
    timeZone: l.timeZone,
    address: { street: l.street, city: l.city, region: l.region, postalCode: l.postalCode, country: 'US' },
    phone: l.phone,
    position:
      l.latitude !== null && l.longitude !== null ? { latitude: l.latitude, longitude: l.longitude } : null,
    hours: l.hours.map((h) => ({
      weekday: h.weekday,
      day: DAY[h.weekday],
      opens: h.opens,
      closes: h.closes,
    })),
    directions: l.directions[lang],
    demo: l.isDemo,
  };
}

export function providerJson(p: Provider, lang: Locale) {
  return {
    slug: p.slug,
    name: p.displayName,
    credentials: p.credentials,
    specialty: p.specialty,
    languages: p.languages,
    locations: p.locations,
    visitTypes: p.visitTypes,
    bio: p.bio[lang],
    schedule: p.schedule,
    demo: p.isDemo,
  };
}

export function visitTypeJson(v: VisitType, lang: Locale) {
  return {
    slug: v.slug,
    name: v.name[lang],
    description: v.description[lang],
    durationMinutes: v.durationMinutes,
    bufferMinutes: v.bufferMinutes,
    minNoticeMinutes: v.minNoticeMinutes,
    horizonDays: v.horizonDays,
    providers: v.providers,
  };
}

/** Public, read-only directory API. Text fields follow `?lang=` or Accept-Language. */
export function directoryApi(directory: DirectoryService): Hono {
  const api = new Hono();
  const lang = (c: {
    req: { query(k: string): string | undefined; header(k: string): string | undefined };
  }) => negotiateLocale(c.req.query('lang'), c.req.header('accept-language'));

  api.get('/locations', async (c) => {
    const d = await directory.get();
    return c.json({ locations: d.locations.map((l) => locationJson(l, lang(c))) });
  });
  api.get('/locations/:slug', async (c) => {
    const l = (await directory.get()).locations.find((x) => x.slug === c.req.param('slug'));
    if (!l) throw new NotFound('There is no clinic with that slug.');
    return c.json(locationJson(l, lang(c)));
  });
  api.get('/providers', async (c) => {
    const d = await directory.get();
    const at = c.req.query('location');
    const list = at ? d.providers.filter((p) => p.locations.includes(at)) : d.providers;
    return c.json({ providers: list.map((p) => providerJson(p, lang(c))) });
  });
  api.get('/providers/:slug', async (c) => {
    const p = (await directory.get()).providers.find((x) => x.slug === c.req.param('slug'));
    if (!p) throw new NotFound('There is no provider with that slug.');
    return c.json(providerJson(p, lang(c)));
  });
  api.get('/visit-types', async (c) => {
    const d = await directory.get();
    return c.json({ visitTypes: d.visitTypes.map((v) => visitTypeJson(v, lang(c))) });
  });
  api.get('/visit-types/:slug', async (c) => {
    const v = (await directory.get()).visitTypes.find((x) => x.slug === c.req.param('slug'));
    if (!v) throw new NotFound('There is no visit type with that slug.');
    return c.json(visitTypeJson(v, lang(c)));
  });
  return api;
}
