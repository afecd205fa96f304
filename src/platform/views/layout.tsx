import type { Child } from 'hono/jsx';
import { tel } from './tel.js';
import { localePath } from '../i18n/i18n.js';
import type { PageContext } from './page-context.js';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Marks pages that must never be indexed (results, private links). */
  noindex?: boolean;
  children: Child;
}

export function Layout({ ctx, title, description, noindex, children }: LayoutProps) {
  const { t, locale, path } = ctx;
  const other = locale === 'en' ? 'es' : 'en';
  const fullTitle = `${title} – ${ctx.network.name}`;
  const isDemo = ctx.locations.some((l) => l.isDemo);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex, nofollow" /> : null}
        <link rel="alternate" hreflang="en" href={localePath('en', path)} />
        <link rel="alternate" hreflang="es" href={localePath('es', path)} />
        <link rel="alternate" hreflang="x-default" href={localePath('en', path)} />
        <link rel="stylesheet" href={ctx.assets.css} />
        <script src={ctx.assets.js} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={ctx.href('/')}>
              {ctx.network.name}
            </a>
            {ctx.switchFields ? (
              <form
                class="language-switch-form"
                method="post"
                action={localePath(other, ctx.switchPath ?? path)}
              >
                {Object.entries(ctx.switchFields).map(([name, value]) => (
                  <input type="hidden" name={name} value={value} />
                ))}
                <button class="language-switch" type="submit" lang={other}>
                  <span class="visually-hidden">{t('layout.language.label')}: </span>
                  {t('layout.language.switch')}
                </button>
              </form>
            ) : (
              <a
                class="language-switch"
                href={localePath(other, path) + ctx.query}
                hreflang={other}
                lang={other}
              >
                <span class="visually-hidden">{t('layout.language.label')}: </span>
                {t('layout.language.switch')}
              </a>
            )}
          </div>
          <nav class="container site-nav" aria-label={t('layout.nav.label')}>
            <ul>
              <li>
                <a
                  href={ctx.href('/self-check')}
                  aria-current={path.startsWith('/self-check') ? 'page' : undefined}
                >
                  {t('layout.nav.selfCheck')}
                </a>
              </li>
              <li>
                <a href={ctx.href('/book')} aria-current={path.startsWith('/book') ? 'page' : undefined}>
                  {t('layout.nav.book')}
                </a>
              </li>
              <li>
                <a
                  href={ctx.href('/clinics')}
                  aria-current={path.startsWith('/clinics') ? 'page' : undefined}
                >
                  {t('layout.nav.clinics')}
                </a>
              </li>
              <li>
                <a href={ctx.href('/guides')} aria-current={path.startsWith('/guides') ? 'page' : undefined}>
                  {t('layout.nav.guides')}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" class="container" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p class="footer-emergency">
              <strong>{t('layout.footer.emergency')}</strong> {t('layout.footer.emergencyDetail')}
            </p>
            <h2 class="footer-heading">{t('layout.footer.clinics')}</h2>
            <ul class="footer-clinics">
              {ctx.locations.map((l) => (
                <li>
                  <a href={ctx.href(`/clinics/${l.slug}`)}>{l.city}</a>
                  <br />
                  <a href={tel(l.phone)}>{l.phone}</a>
                </li>
              ))}
            </ul>
            <p class="footer-small">{t('layout.footer.privacy')}</p>
            {isDemo ? <p class="footer-small">{t('layout.footer.demo')}</p> : null}
          </div>
        </footer>
      </body>
    </html>
  );
}
