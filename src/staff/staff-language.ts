import { AsyncLocalStorage } from 'node:async_hooks';
import { translator, type Locale, type Translate } from '../platform/i18n/i18n.js';

/**
 * The language of the staff page being made: the signed-in user's own setting, or before sign-in
 * the language chosen on the sign-in page or preferred by the browser. Kept per request
 * (AsyncLocalStorage) so that every view and helper can write `t(...)` without threading it
 * through; outside a request it is English.
 */
/** Remembers the language chosen on the sign-in page (and the last one a user set). */
export const STAFF_LANGUAGE_COOKIE = 'staff_lang';

const requestLanguage = new AsyncLocalStorage<{ locale: Locale }>();
export const staffLocale = (): Locale => requestLanguage.getStore()?.locale ?? 'en';
/** Runs the rest of a request with a language that the session guard may still change. */
export const withStaffLanguage = <T>(locale: Locale, next: () => Promise<T>) =>
  requestLanguage.run({ locale }, next);
/** Switches the language of the current request (the signed-in user's setting wins). */
export function useStaffLanguage(locale: Locale): void {
  const store = requestLanguage.getStore();
  if (store) store.locale = locale;
}

const translators = { en: translator('en'), es: translator('es') };
/** Staff text, from the catalogs, in the request's language. */
export const t: Translate = (key, params) => translators[staffLocale()](key, params);
/** A name kept in both languages (visit types, guides' titles), in the request's language. */
export const named = (text: { en: string; es: string }): string => text[staffLocale()];
