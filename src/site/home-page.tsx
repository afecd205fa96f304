import { Hono } from 'hono';
import type { GuideLibrary } from '../content/index.js';
import { timesNote, type DirectoryService } from '../directory/index.js';
import { list } from '../platform/i18n/format.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';

export function homePage(directory: DirectoryService, guides: GuideLibrary, site: Site): Hono {
  const pages = new Hono();
  pages.get('/', async (c) => {
    const ctx = await contextFor(c, site);
    const { t } = ctx;
    const d = await directory.get();
    const title = d.network.area
      ? t('home.title', { area: d.network.area[ctx.locale] })
      : t('home.titleNoArea');
    return renderPage(
      c,
      ctx,
      { title, description: d.network.tagline[ctx.locale] },
      <>
        <h1>{title}</h1>
        <p class="lead narrow">{t('home.lead')}</p>
        <section class="hero narrow" aria-labelledby="start-heading">
          <h2 id="start-heading">{t('home.start.heading')}</h2>
          <p>{t('home.start.body')}</p>
          <p>
            <a class="button start" href={ctx.href('/self-check')}>
              {t('home.start.button')}
            </a>
          </p>
        </section>
        <div class="cards">
          <section class="card" aria-labelledby="book-heading">
            <h2 id="book-heading">{t('home.book.heading')}</h2>
            <p>{t('home.book.body')}</p>
            <p>
              <a class="button" href={ctx.href('/book')}>
                {t('home.book.button')}
              </a>
            </p>
          </section>
          <section class="card" aria-labelledby="clinics-heading">
            <h2 id="clinics-heading">{t('home.clinics.heading')}</h2>
            <p>
              {t('home.clinics.body', {
                cities: list(
                  ctx.locale,
                  d.locations.map((l) => l.city),
                ),
              })}{' '}
              {timesNote(d, ctx.locale, t)}
            </p>
            <ul>
              {d.locations.map((l) => (
                <li>
                  <a href={ctx.href(`/clinics/${l.slug}`)}>{l.name}</a>
                </li>
              ))}
            </ul>
            <p>
              <a class="standalone-link" href={ctx.href('/clinics')}>
                {t('home.clinics.link')}
              </a>
            </p>
          </section>
        </div>
        <section aria-labelledby="offer-heading" class="narrow">
          <h2 id="offer-heading">{t('home.offer.heading')}</h2>
          <ul>
            <li>{d.network.highlight?.[ctx.locale] ?? t('home.offer.pain')}</li>
            <li>{t('home.offer.internal')}</li>
            <li>{t('home.offer.sameDay')}</li>
            <li>{t('home.offer.spanish')}</li>
          </ul>
        </section>
        <section aria-labelledby="guides-heading">
          <h2 id="guides-heading">{t('home.guides.heading')}</h2>
          <ul class="cards">
            {[...guides.values()].map((g) => (
              <li class="card">
                <h3>
                  <a href={ctx.href(`/guides/${g[ctx.locale].slug}`)}>{g[ctx.locale].title}</a>
                </h3>
                <p>{g[ctx.locale].summary}</p>
              </li>
            ))}
          </ul>
        </section>
      </>,
    );
  });
  return pages;
}
