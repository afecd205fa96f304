/**
 * Health guides are content files (content/guides/<slug>.<lang>.md): a small front matter
 * block and a Markdown body. They are read and rendered once at start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { isLocale, localePath, type Locale } from '../platform/i18n/i18n.js';

export const GUIDES_DIR = fileURLToPath(new URL('../../content/guides/', import.meta.url));

export interface GuideSection {
  heading: string | null;
  html: string;
  /** The section that says when to call 911: shown in the emergency style. */
  emergency: boolean;
}

export interface Guide {
  slug: string;
  locale: Locale;
  title: string;
  summary: string;
  related: string[];
  reviewed: string;
  sources: string;
  sections: GuideSection[];
}

export type GuideLibrary = Map<string, Record<Locale, Guide>>;

export function parseFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('missing front matter (--- ... ---)');
  const meta: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`front matter line without "key: value": ${line}`);
    meta[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { meta, body: match[2]! };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function markdownFor(locale: Locale): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      // Content is ours, but raw HTML in a guide is still never passed through.
      html: ({ text }) => escapeHtml(text),
      link({ href, title, tokens }) {
        const text = this.parser.parseInline(tokens);
        const local = href.startsWith('/') ? localePath(locale, href) : href;
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(local)}"${t}>${text}</a>`;
      },
    },
  });
}

export function parseGuide(slug: string, locale: Locale, text: string): Guide {
  const { meta, body } = parseFrontMatter(text);
  for (const key of ['title', 'summary', 'reviewed', 'sources']) {
    if (!meta[key]) throw new Error(`guide ${slug}.${locale} has no "${key}"`);
  }
  if (meta.slug && meta.slug !== slug) throw new Error(`guide ${slug}.${locale} says slug ${meta.slug}`);
  const md = markdownFor(locale);
  const chunks = body.split(/^## /m);
  const sections: GuideSection[] = chunks
    .map((chunk, i) => {
      if (i === 0) return { heading: null, html: md.parse(chunk) as string, emergency: false };
      const newline = chunk.indexOf('\n');
      const heading = (newline < 0 ? chunk : chunk.slice(0, newline)).trim();
      const content = newline < 0 ? '' : chunk.slice(newline + 1);
      return { heading, html: md.parse(content) as string, emergency: /\b911\b/.test(heading) };
    })
    .filter((s) => s.heading !== null || s.html.trim() !== '');
  return {
    slug,
    locale,
    title: meta.title!,
    summary: meta.summary!,
    related: (meta.related ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    reviewed: meta.reviewed!,
    sources: meta.sources!,
    sections,
  };
}

/** Reads every guide; each must exist in both languages, and related guides must exist. */
export function loadGuides(dir = GUIDES_DIR): GuideLibrary {
  const byslug = new Map<string, Partial<Record<Locale, Guide>>>();
  for (const file of readdirSync(dir).sort()) {
    const match = /^([a-z0-9-]+)\.([a-z]{2})\.md$/.exec(file);
    if (!match) continue;
    const [, slug, lang] = match;
    if (!isLocale(lang)) throw new Error(`guide ${file}: unsupported language ${lang}`);
    const guide = parseGuide(slug!, lang, readFileSync(`${dir}/${file}`, 'utf8'));
    byslug.set(slug!, { ...byslug.get(slug!), [lang]: guide });
  }
  const library: GuideLibrary = new Map();
  for (const [slug, versions] of byslug) {
    if (!versions.en || !versions.es) throw new Error(`guide ${slug} must exist in English and Spanish`);
    library.set(slug, { en: versions.en, es: versions.es });
  }
  for (const [slug, versions] of library) {
    for (const rel of versions.en.related) {
      if (!library.has(rel)) throw new Error(`guide ${slug} lists unknown related guide ${rel}`);
    }
  }
  return library;
}
