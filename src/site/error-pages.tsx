import type { Context } from 'hono';
import { splitLocale, translator, type MessageKey } from '../platform/i18n/i18n.js';
import { pageContext } from '../platform/views/page-context.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';

export async function notFoundPage(c: Context, site: Site) {
  const ctx = await contextFor(c, site);
  return renderPage(
    c,
    ctx,
    { title: ctx.t('error.notFound.title'), status: 404, noindex: true },
    <div class="narrow">
      <h1>{ctx.t('error.notFound.title')}</h1>
      <p>{ctx.t('error.notFound.body')}</p>
      <p>
        <a href={ctx.href('/')}>{ctx.t('error.notFound.home')}</a>
      </p>
    </div>,
  );
}

/**
 * A request the domain refused (400, 409, 410, 422) that a page did not handle itself; with a
 * refusal's text (`refusal.<code>`) when the domain said why.
 */
export async function requestErrorPage(
  c: Context,
  site: Site,
  status: 400 | 409 | 410 | 413 | 422 | 429,
  why?: { title: MessageKey; body: MessageKey },
) {
  const ctx = await contextFor(c, site);
  const title = ctx.t(why?.title ?? 'error.request.title');
  return renderPage(
    c,
    ctx,
    { title, status, noindex: true },
    <div class="narrow">
      <h1>{title}</h1>
      <p>
        {ctx.t(
          why?.body ??
            (status === 429
              ? 'error.tooMany.body'
              : status === 413
                ? 'error.tooLarge.body'
                : 'error.request.body'),
        )}
      </p>
      <p>
        <a href={ctx.href('/')}>{ctx.t('error.notFound.home')}</a>
      </p>
    </div>,
  );
}

/** The 500 page must render even when the database is down, so it needs no directory data. */
export async function serverErrorPage(c: Context, site: Site, requestId: string, status: 500 | 503 = 500) {
  const { locale, path } = splitLocale(c.req.path);
  let ctx;
  try {
    ctx = await contextFor(c, site);
  } catch {
    ctx = pageContext(locale, path, {
      network: { name: 'Carepath' },
      locations: [],
      assets: site.assets,
    });
  }
  const t = translator(locale);
  return renderPage(
    c,
    ctx,
    { title: t('error.server.title'), status, noindex: true },
    <div class="narrow">
      <h1>{t('error.server.title')}</h1>
      <p>{t('error.server.body')}</p>
      <p class="muted">{t('error.reference', { id: requestId })}</p>
    </div>,
  );
}
