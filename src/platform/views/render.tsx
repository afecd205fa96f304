import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { setCookie } from 'hono/cookie';
import { LANGUAGE_COOKIE, splitLocale } from '../i18n/i18n.js';
import { Layout } from './layout.js';
import { pageContext, type FrameClinic, type FrameNetwork, type PageContext } from './page-context.js';

export interface Site {
  /** The frame every page needs: network name and clinics (for the footer), assets. */
  frame(): Promise<{ network: FrameNetwork; locations: FrameClinic[] }>;
  assets: PageContext['assets'];
}

/** Builds the page context from the request path: '/es/...' is Spanish, the rest English. */
export async function contextFor(c: Context, site: Site): Promise<PageContext> {
  const { locale, path } = splitLocale(c.req.path);
  const frame = await site.frame();
  // Only a GET's query is kept by the language switch (a post's fields go in switchFields).
  const query = c.req.method === 'GET' ? new URL(c.req.url).search : '';
  return pageContext(locale, path, { ...frame, assets: site.assets }, query);
}

export interface PageOptions {
  title: string;
  description?: string;
  noindex?: boolean;
  status?: ContentfulStatusCode;
}

export function renderPage(c: Context, ctx: PageContext, options: PageOptions, body: Child) {
  const page = (
    <>
      {raw('<!DOCTYPE html>')}
      <Layout ctx={ctx} title={options.title} description={options.description} noindex={options.noindex}>
        {body}
      </Layout>
    </>
  );
  c.header('Content-Language', ctx.locale);
  // The language of the page a patient is on is their choice from now on (see preferSpanish).
  setCookie(c, LANGUAGE_COOKIE, ctx.locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'Lax' });
  return c.html(page, options.status ?? 200);
}
