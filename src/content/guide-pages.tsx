import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { GuideLibrary } from './guides.js';
import { longDate } from '../platform/i18n/format.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { NotFound } from '../platform/http/problem.js';

export function guidePages(guides: GuideLibrary, site: Site): Hono {
  const pages = new Hono();

  pages.get('/guides', async (c) => {
    const ctx = await contextFor(c, site);
    return renderPage(c, ctx, { title: ctx.t('guides.title'), description: ctx.t('guides.lead') },
      <>
        <h1>{ctx.t('guides.title')}</h1>
        <p class="lead narrow">{ctx.t('guides.lead')}</p>
        <ul class="cards">
          {[...guides.values()].map((g) => (
            <li class="card">
              <h2><a href={ctx.href(`/guides/${g[ctx.locale].slug}`)}>{g[ctx.locale].title}</a></h2>
              <p>{g[ctx.locale].summary}</p>
            </li>
          ))}
        </ul>
      </>);
  });

  pages.get('/guides/:slug', async (c) => {
    const versions = guides.get(c.req.param('slug'));
    if (!versions) throw new NotFound();
    const ctx = await contextFor(c, site);
    const g = versions[ctx.locale];
    return renderPage(c, ctx, { title: g.title, description: g.summary },
      <article class="guide prose">
        <h1>{g.title}</h1>
        <p class="lead">{g.summary}</p>
        {g.sections.map((s) =>
          s.emergency ? (
            <section class="emergency-section">
              <h2>{s.heading}</h2>
              {raw(s.html)}
            </section>
          ) : (
            <section>
              {s.heading ? <h2>{s.heading}</h2> : null}
              {raw(s.html)}
            </section>
          ),
        )}
        <aside class="panel" aria-labelledby="next-steps">
          <h2 id="next-steps">{ctx.t('guides.next.heading')}</h2>
          <ul>
            <li><a href={ctx.href('/self-check')}>{ctx.t('guides.next.selfCheck')}</a></li>
            <li><a href={ctx.href('/book')}>{ctx.t('guides.next.book')}</a></li>
            <li><a href={ctx.href('/clinics')}>{ctx.t('guides.next.clinics')}</a></li>
          </ul>
        </aside>
        {g.related.length > 0 ? (
          <nav aria-labelledby="related-guides">
            <h2 id="related-guides">{ctx.t('guides.related')}</h2>
            <ul class="related">
              {g.related.map((slug) => {
                const rel = guides.get(slug)![ctx.locale];
                return <li><a href={ctx.href(`/guides/${slug}`)}>{rel.title}</a></li>;
              })}
            </ul>
          </nav>
        ) : null}
        <p class="muted">
          {ctx.t('guides.reviewed', { date: longDate(ctx.locale, g.reviewed) })} {ctx.t('guides.sources')}: {g.sources}
        </p>
      </article>);
  });
  return pages;
}
