import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Translate } from '../platform/i18n/i18n.js';
import type { StaffUser } from './staff-store.js';

/** The frame of staff pages: dense, calm, English (text still comes from the catalogs). */
export function StaffLayout(props: {
  t: Translate;
  title: string;
  assets: { css: string; js: string };
  user?: StaffUser;
  csrf?: string;
  children: Child;
}) {
  const { t, user } = props;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          <title>{`${props.title} – Carepath ${t('staff.title')}`}</title>
          <link rel="stylesheet" href={props.assets.css} />
          <script src={props.assets.js} defer></script>
        </head>
        <body class="staff">
          <a class="skip-link" href="#main">
            {t('layout.skip')}
          </a>
          <header class="site-header">
            <div class="container header-row">
              <a class="brand" href="/staff">
                Carepath {t('staff.title')}
              </a>
              {user ? (
                <form method="post" action="/staff/logout" class="inline-form">
                  <input type="hidden" name="_csrf" value={props.csrf ?? ''} />
                  <span class="signed-in">
                    {t('staff.signedInAs', { name: user.displayName, role: t(`staff.role.${user.role}`) })}
                  </span>{' '}
                  <button class="link-button" type="submit">
                    {t('staff.logout')}
                  </button>
                </form>
              ) : null}
            </div>
            {user ? (
              <nav class="container site-nav" aria-label={t('layout.nav.label')}>
                <ul>
                  <li>
                    <a href="/staff">{t('staff.nav.today')}</a>
                  </li>
                  <li>
                    <a href="/staff/week">{t('staff.nav.week')}</a>
                  </li>
                  <li>
                    <a href="/staff/search">{t('staff.nav.search')}</a>
                  </li>
                  {user.role === 'admin' ? (
                    <>
                      <li>
                        <a href="/staff/audit">{t('staff.nav.audit')}</a>
                      </li>
                      <li>
                        <a href="/staff/outbox">{t('staff.nav.outbox')}</a>
                      </li>
                    </>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </header>
          <main id="main" class="container staff-main" tabindex={-1}>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
