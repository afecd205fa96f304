/**
 * The language of the staff pages: a middleware that starts every staff request in the signed-out
 * choice (the session guard then switches to the user's own setting), and the header's switch,
 * which saves a signed-in user's choice with their account. See ADR 22.
 */
import type { Context, Hono } from 'hono';
import { recordAudit } from '../audit/index.js';
import { clientAddress } from '../platform/http/client.js';
import { readCookie, setPrivateCookie } from '../platform/http/cookies.js';
import { isLocale, prefersSpanish, type Locale } from '../platform/i18n/i18n.js';
import type { StaffEnv, StaffKit } from './staff-kit.js';
import { STAFF_LANGUAGE_COOKIE, withStaffLanguage } from './staff-language.js';
import { setUserLanguage } from './staff-store.js';

/** Registered before every other staff route, so that it wraps them all. */
export function languageMiddleware(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { deps } = kit;
  const { secureCookies } = deps;
  /** `?lang=` on a signed-out page (remembered for a year), the remembered choice, or the browser's. */
  const signedOutLanguage = (c: Context): Locale => {
    const asked = c.req.method === 'GET' ? c.req.query('lang') : undefined;
    if (isLocale(asked)) {
      setPrivateCookie(c, STAFF_LANGUAGE_COOKIE, asked, 365 * 86_400, secureCookies);
      return asked;
    }
    const kept = readCookie(c, STAFF_LANGUAGE_COOKIE);
    if (isLocale(kept)) return kept;
    return prefersSpanish(c.req.header('accept-language')) ? 'es' : 'en';
  };

  // Every staff page, signed in or not, is made in one language: before sign-in the one chosen on
  // the sign-in page or else the browser's; once signed in, the user's own setting (the guard
  // switches to it). Registered first, so it wraps every staff route.
  pages.use('/staff/*', (c, next) => withStaffLanguage(signedOutLanguage(c), next));
  pages.use('/staff', (c, next) => withStaffLanguage(signedOutLanguage(c), next));
}

/** The header's switch: saves a signed-in user's language. Registered after the session guard. */
export function languageSwitchRoute(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, deps } = kit;
  const { secureCookies } = deps;
  pages.post('/staff/language', async (c) => {
    const staff = c.get('staff');
    const form = await c.req.parseBody();
    const language = form.language;
    if (!isLocale(language)) return c.text('Choose en or es.', 422);
    await setUserLanguage(db, staff.user.id, language);
    await recordAudit(db, {
      actorType: 'staff',
      actorId: staff.user.id,
      action: 'update',
      entityType: 'staff-user',
      entityId: staff.user.id,
      outcome: 'success',
      ip: clientAddress(c),
      requestId: c.get('requestId'),
      detail: { language },
    });
    setPrivateCookie(c, STAFF_LANGUAGE_COOKIE, language, 365 * 86_400, secureCookies);
    return c.redirect(kit.safeBack(form.back), 303);
  });
}
