/**
 * Staff sign-in and sign-out, the session guard for everything under /staff (with CSRF on every
 * form), and two-factor sign-in (TOTP enrolment with recovery codes).
 */
import { hasControlCharacters } from '../platform/text.js';
import type { Context, MiddlewareHandler } from 'hono';
import { recordAudit } from '../audit/index.js';
import { clientAddress } from '../platform/http/client.js';
import { clearCookie, readCookie, setPrivateCookie } from '../platform/http/cookies.js';
import {
  confirmEnrolment,
  loadSession,
  sessionCookieName,
  signIn,
  signOut,
  startEnrolment,
  verifySecondFactor,
} from './auth.js';
import QRCode from 'qrcode';
import { raw } from 'hono/html';

import type { Hono } from 'hono';
import { t, type StaffEnv, type StaffKit } from './staff-kit.js';
import { useStaffLanguage } from './staff-language.js';
import { checkPassword } from './passwords.js';

/**
 * A form posted from another site: Sec-Fetch-Site says so where the browser sends it; otherwise
 * an Origin (or, failing that, a Referer) that is neither the public address nor this request's
 * own host. A post with none of them (not a browser) is left to the CSRF token.
 */
export function crossSite(c: Context, publicUrl?: string): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'cross-site' || site === 'same-site';
  // Without Origin, the Referer's origin (sent by browsers that omit Origin on some posts).
  const origin =
    c.req.header('origin') ??
    (() => {
      try {
        return new URL(c.req.header('referer') ?? '').origin;
      } catch {
        return undefined;
      }
    })();
  if (!origin || origin === 'null') return origin === 'null';
  const own = new URL(c.req.url).origin;
  return origin !== own && (!publicUrl || origin !== new URL(publicUrl).origin);
}

export function signInRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, now, page, deps } = kit;
  const { secureCookies, requireMfa } = deps;
  const limits = deps.session;
  const cookie = sessionCookieName(secureCookies);
  // ---------------------------------------------------------------- sign in and out

  const loginForm = (c: Context, error?: string, status: 200 | 401 | 429 = 200, email = '') =>
    page(
      c,
      t('staff.login.title'),
      <div class="narrow">
        {error ? (
          <div class="error-summary" role="alert" tabindex={-1} data-autofocus>
            <h2>{t('sc.errorSummary')}</h2>
            <ul>
              <li>
                <a href="#email">{error}</a>
              </li>
            </ul>
          </div>
        ) : null}
        <h1>{t('staff.login.title')}</h1>
        <form method="post" action="/staff/login" novalidate>
          <div class="form-group">
            <label class="label" for="email">
              {t('staff.login.email')}
            </label>
            <input
              class="input width-20"
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              value={email}
              spellcheck={false}
            />
          </div>
          <div class="form-group">
            <label class="label" for="password">
              {t('staff.login.password')}
            </label>
            <input
              class="input width-20"
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
            />
          </div>
          <button class="button" type="submit">
            {t('staff.login.submit')}
          </button>
        </form>
        <p>
          <a class="standalone-link" href="/staff/password/forgot">
            {t('account.forgot.link')}
          </a>
        </p>
      </div>,
      status,
    );

  pages.get('/staff/login', (c) => loginForm(c));

  pages.post('/staff/login', async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim().slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 256) : '';
    // Signing in from another site's form (login CSRF) is refused like any cross-site post.
    if (crossSite(c, deps.publicUrl)) return c.text('Forbidden: sign in from this site.', 403);
    // No address has control characters (PostgreSQL refuses a NUL in text): simply not right.
    if (hasControlCharacters(email)) return loginForm(c, t('staff.login.invalid'), 401, '');
    const result = await signIn(
      db,
      email,
      password,
      clientAddress(c) ?? 'unknown',
      now(),
      requireMfa,
      c.get('requestId') ?? null,
    );
    if (!result.ok && result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return loginForm(
        c,
        t('staff.login.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) }),
        429,
        email,
      );
    }
    if (!result.ok) return loginForm(c, t('staff.login.invalid'), 401, email);
    // A new session id at every sign-in: an id planted before sign-in is worthless.
    setPrivateCookie(c, cookie, result.sessionId, limits.idleMs / 1000, secureCookies);
    const session = await loadSession(db, result.sessionId, now(), limits);
    return c.redirect(
      session?.stage === 'mfa' ? '/staff/login/mfa' : session?.stage === 'enrol' ? '/staff/mfa' : '/staff',
      303,
    );
  });

  // Everything else under /staff needs a live session; state-changing forms need its CSRF token.
  const requireStaff: MiddlewareHandler<StaffEnv> = async (c, next) => {
    const session = await loadSession(db, readCookie(c, cookie), now(), limits);
    if (!session) {
      clearCookie(c, cookie, secureCookies);
      return c.redirect('/staff/login', 303);
    }
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      // The CSRF token, and behind it the browser's own word on where the form came from.
      if (form._csrf !== session.csrf || crossSite(c, deps.publicUrl)) {
        await recordAudit(db, {
          actorType: 'staff',
          actorId: session.user.id,
          action: 'csrf',
          entityType: 'request',
          outcome: 'denied',
          ip: clientAddress(c),
          requestId: c.get('requestId'),
        });
        return c.text('Forbidden: the form is out of date. Go back, reload and try again.', 403);
      }
    }
    // The cookie lives as long as the idle timeout, renewed on every request.
    setPrivateCookie(c, cookie, readCookie(c, cookie)!, limits.idleMs / 1000, secureCookies);
    // Until the second factor is given (or set up, where required), nothing else opens.
    const path = c.req.path;
    if (session.stage === 'mfa' && path !== '/staff/login/mfa' && path !== '/staff/logout')
      return c.redirect('/staff/login/mfa', 303);
    if (session.stage === 'enrol' && path !== '/staff/mfa' && path !== '/staff/logout')
      return c.redirect('/staff/mfa', 303);
    c.set('staff', session);
    useStaffLanguage(session.user.language);
    await next();
  };
  pages.use('*', async (c, next) => {
    const path = c.req.path;
    const guarded =
      (path === '/staff' || path.startsWith('/staff/')) &&
      path !== '/staff/login' &&
      !path.startsWith('/staff/invite/') &&
      !path.startsWith('/staff/password/');
    return guarded ? requireStaff(c, next) : next();
  });

  pages.post('/staff/logout', async (c) => {
    await signOut(db, c.get('staff'), clientAddress(c), now(), c.get('requestId') ?? null);
    clearCookie(c, cookie, secureCookies);
    return c.redirect('/staff/login', 303);
  });

  // ---------------------------------------------------------------- two-factor sign-in

  const codeForm = (
    c: Context<StaffEnv>,
    title: string,
    action: string,
    hint: string,
    error?: string,
    status: 200 | 401 | 429 = 200,
    extra?: unknown,
    /** Re-enrolling replaces a working authenticator: the password is asked for first. */
    askPassword = false,
  ) =>
    page(
      c,
      title,
      <div class="narrow">
        {error ? (
          <div class="error-summary" role="alert" tabindex={-1} data-autofocus>
            <h2>{t('sc.errorSummary')}</h2>
            <ul>
              <li>
                <a href="#code">{error}</a>
              </li>
            </ul>
          </div>
        ) : null}
        <h1>{title}</h1>
        {extra as never}
        <form method="post" action={action} novalidate>
          <input type="hidden" name="_csrf" value={c.get('staff').csrf} />
          {askPassword ? (
            <div class="form-group">
              <label class="label" for="password">
                {t('account.reenrol.password')}
              </label>
              <div id="password-hint" class="hint">
                {t('account.reenrol.passwordHint')}
              </div>
              <input
                class="input width-20"
                id="password"
                name="password"
                type="password"
                autocomplete="current-password"
                aria-describedby="password-hint"
              />
            </div>
          ) : null}
          <div class="form-group">
            <label class="label" for="code">
              {t('staff.mfa.code')}
            </label>
            <div id="code-hint" class="hint">
              {hint}
            </div>
            <input
              class="input width-10"
              id="code"
              name="code"
              type="text"
              inputmode="numeric"
              autocomplete="one-time-code"
              aria-describedby="code-hint"
            />
          </div>
          <button class="button" type="submit">
            {t('staff.mfa.verify')}
          </button>
        </form>
      </div>,
      status,
    );

  pages.get('/staff/login/mfa', (c) =>
    codeForm(c, t('staff.mfa.title'), '/staff/login/mfa', t('staff.mfa.hint')),
  );
  pages.post('/staff/login/mfa', async (c) => {
    const form = await c.req.parseBody();
    const code = typeof form.code === 'string' ? form.code.slice(0, 40) : '';
    const result = await verifySecondFactor(
      db,
      scheduling.box,
      c.get('staff'),
      code,
      clientAddress(c) ?? 'unknown',
      now(),
      c.get('requestId') ?? null,
    );
    if (result === 'ok') return c.redirect('/staff', 303);
    const message =
      result === 'throttled' ? t('staff.login.throttled', { minutes: 15 }) : t('staff.mfa.invalid');
    return codeForm(
      c,
      t('staff.mfa.title'),
      '/staff/login/mfa',
      t('staff.mfa.hint'),
      message,
      result === 'throttled' ? 429 : 401,
    );
  });

  const enrolPage = async (c: Context<StaffEnv>, error?: string) => {
    const { user } = c.get('staff');
    const { secret, url } = await startEnrolment(db, scheduling.box, user);
    const svg = await QRCode.toString(url, { type: 'svg', margin: 2, width: 220 });
    return codeForm(
      c,
      t('staff.mfa.enrolTitle'),
      '/staff/mfa',
      t('staff.mfa.enrolHint'),
      error,
      error ? 401 : 200,
      <>
        <p>{t('staff.mfa.enrolLead')}</p>
        <div class="qr" role="img" aria-label={t('staff.mfa.qrLabel')}>
          {raw(svg)}
        </div>
        <p>
          {t('staff.mfa.secret')} <code class="private-link">{secret}</code>
        </p>
      </>,
      user.mfaSecret !== null,
    );
  };
  pages.get('/staff/mfa', (c) => enrolPage(c));
  pages.post('/staff/mfa', async (c) => {
    const form = await c.req.parseBody();
    const code = typeof form.code === 'string' ? form.code.slice(0, 40) : '';
    const { user } = c.get('staff');
    // Replacing a working authenticator needs the password too: a session left open on a shared
    // computer must not be enough to move someone's second factor to another phone.
    if (user.mfaSecret !== null) {
      const password = typeof form.password === 'string' ? form.password.slice(0, 256) : '';
      if (!(await checkPassword(user.passwordHash, password))) {
        await recordAudit(db, {
          actorType: 'staff',
          actorId: user.id,
          action: 'mfa-enrol',
          entityType: 'staff-user',
          entityId: user.id,
          outcome: 'denied',
          ip: clientAddress(c),
          requestId: c.get('requestId'),
          detail: { reason: 'password' },
        });
        return enrolPage(c, t('account.reenrol.err.password'));
      }
    }
    const codes = await confirmEnrolment(
      db,
      scheduling.box,
      c.get('staff'),
      code,
      clientAddress(c),
      now(),
      c.get('requestId') ?? null,
    );
    if (!codes) return enrolPage(c, t('staff.mfa.invalid'));
    return page(
      c,
      t('staff.mfa.doneTitle'),
      <div class="narrow">
        <h1>{t('staff.mfa.doneTitle')}</h1>
        <p>{t('staff.mfa.recovery')}</p>
        <ul class="private-link">
          {codes.map((x) => (
            <li>{`${x.slice(0, 5)}-${x.slice(5)}`}</li>
          ))}
        </ul>
        <p>
          <button class="button secondary" type="button" data-print hidden>
            {t('staff.mfa.print')}
          </button>
        </p>
        <p>
          <a class="button" href="/staff">
            {t('staff.nav.today')}
          </a>
        </p>
      </div>,
      200,
      c.get('staff'),
    );
  });
}
