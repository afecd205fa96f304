import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Translate } from '../platform/i18n/i18n.js';
import { staffLocale } from './staff-language.js';
import type { StaffUser } from './staff-store.js';

/**
 * Español / English. Signed in, it is the user's setting (a form, saved with their account);
 * signed out, a link that the sign-in page remembers.
 */
function LanguageSwitch(props: { here: string; csrf?: string }) {
  const other = staffLocale() === 'en' ? 'es' : 'en';
  const label = other === 'es' ? 'Español' : 'English';
  if (props.csrf === undefined) {
    const url = new URL(props.here, 'http://x');
    url.searchParams.set('lang', other);
    return (
      <a class="language-switch" href={url.pathname + url.search} lang={other} hreflang={other}>
        {label}
      </a>
    );
  }
  return (
    <form method="post" action="/staff/language" class="inline-form">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="language" value={other} />
      <input type="hidden" name="back" value={props.here} />
      <button class="link-button language-switch" type="submit" lang={other}>
        {label}
      </button>
    </form>
  );
}

/** The frame of staff pages: dense, calm, in the user's language (text from the catalogs). */
export function StaffLayout(props: {
  t: Translate;
  title: string;
  assets: { css: string; js: string };
  user?: StaffUser;
  csrf?: string;
  /** Show the network administration links (see requireAdmin). */
  networkAdmin?: boolean;
  /** Show the administration link alone: a clinic manager's clinics and providers. */
  clinicAdmin?: boolean;
  /** This page's path and query: the language switch comes back to it. */
  here: string;
  children: Child;
}) {
  const { t, user } = props;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={staffLocale()}>
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
              <LanguageSwitch here={props.here} csrf={user ? props.csrf : undefined} />
            </div>
            {user ? (
              <nav class="container site-nav" aria-label={t('layout.nav.label')}>
                <ul>
                  <li>
                    <a href="/staff" data-shortcut="t" aria-keyshortcuts="t">
                      {t('staff.nav.today')}
                    </a>
                  </li>
                  <li>
                    <a href="/staff/week" data-shortcut="w" aria-keyshortcuts="w">
                      {t('staff.nav.week')}
                    </a>
                  </li>
                  <li>
                    <a href="/staff/search" data-shortcut="f" aria-keyshortcuts="f">
                      {t('staff.nav.search')}
                    </a>
                  </li>
                  {user.role !== 'provider' ? (
                    <>
                      <li>
                        <a href="/staff/book" data-shortcut="b" aria-keyshortcuts="b">
                          {t('staff.nav.book')}
                        </a>
                      </li>
                      <li>
                        <a href="/staff/waitlist" data-shortcut="l" aria-keyshortcuts="l">
                          {t('staff.nav.waitlist')}
                        </a>
                      </li>
                    </>
                  ) : null}
                  {props.networkAdmin ? (
                    <>
                      <li>
                        <a href="/staff/audit">{t('staff.nav.audit')}</a>
                      </li>
                      <li>
                        <a href="/staff/outbox">{t('staff.nav.outbox')}</a>
                      </li>
                      <li>
                        <a href="/staff/admin">{t('admin.title')}</a>
                      </li>
                    </>
                  ) : props.clinicAdmin ? (
                    <li>
                      <a href="/staff/admin">{t('admin.title')}</a>
                    </li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </header>
          <main id="main" class="container staff-main" tabindex={-1}>
            {props.children}
          </main>
          {user ? (
            <footer class="container staff-footer">
              {/* Only the shortcuts this user's role has: a provider cannot book or see the list. */}
              <p class="hint">
                {t(user.role === 'provider' ? 'staff.shortcuts.provider' : 'staff.shortcuts')}
              </p>
            </footer>
          ) : null}
        </body>
      </html>
    </>
  );
}
