/**
 * Private links as people paste them. Mail programs and chat apps often take the punctuation after
 * a link into it ("…/manage/<token>." or "(…/manage/<token>)"): such a GET is sent on to the link
 * itself (308) instead of a "not found" page. Only a last path segment that is a whole token
 * followed by punctuation is touched; everything else passes.
 */
import type { MiddlewareHandler } from 'hono';

const TRAILING = /^(.*\/[A-Za-z0-9_-]{43})(?:[.,;:!?)\]}'"]|%22|%27|%29|%5[Dd]|%7[Dd])+$/;

export const trimTokenPunctuation: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    const url = new URL(c.req.url);
    const match = TRAILING.exec(url.pathname);
    if (match) return c.redirect(`${match[1]}${url.search}`, 308);
  }
  await next();
};
