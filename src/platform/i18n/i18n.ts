/**
 * English and Spanish. English pages live at /, Spanish under /es/ with the same paths after
 * the prefix. Text lives in the catalogs (catalogs/en.ts is the source of keys; es.ts must
 * provide every key, which the type checker enforces).
 */
import { en, type Messages } from './catalogs/en.js';
import { es } from './catalogs/es.js';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof Messages;

const catalogs: Record<Locale, Messages> = { en, es };

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'es';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = catalog[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

/** The path of a page in a language: ('es', '/clinics') -> '/es/clinics'. */
/** The cookie that remembers the language of the last page a patient saw. */
export const LANGUAGE_COOKIE = 'lang';

/**
 * Whether an Accept-Language header ranks Spanish above English (e.g. "es-MX,es;q=0.9,en;q=0.8").
 * A language not listed counts as q=0; ties go to English, the default.
 */
export function prefersSpanish(header: string | undefined): boolean {
  if (!header) return false;
  let es = 0;
  let en = 0;
  for (const part of header.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    const primary = range!.split('-')[0];
    if (primary === 'es') es = Math.max(es, q);
    if (primary === 'en') en = Math.max(en, q);
  }
  return es > en;
}

export function localePath(locale: Locale, path: string): string {
  if (locale === 'en') return path;
  return path === '/' ? '/es/' : `/es${path}`;
}

/** Splits a request path into its language and the language-free path. */
export function splitLocale(path: string): { locale: Locale; path: string } {
  if (path === '/es' || path === '/es/') return { locale: 'es', path: '/' };
  if (path.startsWith('/es/')) return { locale: 'es', path: path.slice(3) };
  return { locale: 'en', path };
}

/** Picks the language for API text from `?lang=` or Accept-Language; English by default. */
export function negotiateLocale(query: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(query)) return query;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'es' ? 'es' : 'en';
}

export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', es: 'es-US' };
