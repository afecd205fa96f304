import type { Location, Network } from '../../directory/directory.js';
import { localePath, type Locale, type Translate, translator } from '../i18n/i18n.js';

/** What every page needs to render its frame: language, text, where it is, the network. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** The page's path without the language prefix, e.g. '/clinics/tempe'. */
  path: string;
  /** Link to a language-free path in this page's language. */
  href: (path: string) => string;
  network: Network;
  locations: Location[];
  assets: { css: string; js: string };
}

export function pageContext(
  locale: Locale,
  path: string,
  site: { network: Network; locations: Location[]; assets: PageContext['assets'] },
): PageContext {
  return {
    locale,
    t: translator(locale),
    path,
    href: (p) => localePath(locale, p),
    network: site.network,
    locations: site.locations,
    assets: site.assets,
  };
}
