import { localePath, type Locale, type Translate, translator } from '../i18n/i18n.js';

/** The network, as far as the page frame shows it (the directory supplies it). */
export interface FrameNetwork {
  name: string;
}
/** A clinic, as far as the page footer lists it (and its zone, for the network's home zone). */
export interface FrameClinic {
  slug: string;
  timeZone: string;
  city: string;
  phone: string;
  isDemo: boolean;
}

/** What every page needs to render its frame: language, text, where it is, the network. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** The page's path without the language prefix, e.g. '/clinics/tempe'. */
  path: string;
  /** Link to a language-free path in this page's language. */
  href: (path: string) => string;
  /** The request's query string ('' or '?…'), kept by the language switch on GET pages. */
  query: string;
  /**
   * A page rendered from a form post sets the fields to post again in the other language
   * (typed details, the chosen time), so switching language loses nothing.
   */
  switchFields?: Record<string, string>;
  /** Where those fields go in the other language, when not this page's own path. */
  switchPath?: string;
  network: FrameNetwork;
  locations: FrameClinic[];
  assets: { css: string; js: string };
}

export function pageContext(
  locale: Locale,
  path: string,
  site: { network: FrameNetwork; locations: FrameClinic[]; assets: PageContext['assets'] },
  query = '',
): PageContext {
  return {
    locale,
    t: translator(locale),
    path,
    query,
    href: (p) => localePath(locale, p),
    network: site.network,
    locations: site.locations,
    assets: site.assets,
  };
}
