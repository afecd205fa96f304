/**
 * A browser that asks for Spanish (Accept-Language) lands on the Spanish page on its first visit;
 * after that the language cookie (set by every patient page) is the patient's choice, and nothing
 * redirects. Only patient pages: never the API, FHIR, staff pages, assets or probes.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { LANGUAGE_COOKIE, localePath, prefersSpanish } from '../i18n/i18n.js';

export const spanishOnArrival: MiddlewareHandler = async (c, next) => {
  const path = c.req.path;
  const isPatientPage =
    c.req.method === 'GET' &&
    !path.startsWith('/es/') &&
    path !== '/es' &&
    !/^\/(api|fhir|staff|assets|healthz|readyz|metrics)(\/|$)/.test(path) &&
    !/\.[a-z0-9]+$/i.test(path) &&
    (c.req.header('accept') ?? '').includes('text/html');
  if (!isPatientPage) return next();
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
  // Only an arrival from elsewhere: a link followed inside the site (a browser that keeps no
  // cookies, choosing English) is never sent back.
  const arrival = c.req.header('sec-fetch-site') !== 'same-origin';
  if (
    arrival &&
    getCookie(c, LANGUAGE_COOKIE) === undefined &&
    prefersSpanish(c.req.header('accept-language'))
  ) {
    const url = new URL(c.req.url);
    return c.redirect(`${localePath('es', url.pathname)}${url.search}`, 302);
  }
  return next();
};
