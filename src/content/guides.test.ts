import { describe, expect, it } from 'vitest';
import { loadGuides, parseFrontMatter, parseGuide } from './guides.js';

describe('guides', () => {
  const library = loadGuides();

  it('has the spasms guide and at least two related guides, each in English and Spanish', () => {
    expect(library.has('lower-back-muscle-spasms')).toBe(true);
    expect(library.size).toBeGreaterThanOrEqual(3);
    for (const [, g] of library) {
      expect(g.en.title).not.toBe(g.es.title);
      expect(g.en.sections.length).toBeGreaterThan(3);
      expect(g.es.sections.length).toBe(g.en.sections.length);
    }
  });

  it('covers causes, first days, when to see a doctor and an emergency section', () => {
    const g = library.get('lower-back-muscle-spasms')!.en;
    const text = g.sections.map((s) => `${s.heading} ${s.html}`).join(' ').toLowerCase();
    for (const word of ['lifting', 'sport', 'arthritis', 'core', 'posture', 'dehydrat', '48', 'heat', 'cold']) {
      expect(text, word).toContain(word);
    }
    expect(g.sections.some((s) => s.emergency)).toBe(true);
    expect(g.related.length).toBeGreaterThanOrEqual(2);
  });

  it('rewrites site links for the Spanish version and never passes raw HTML through', () => {
    const g = parseGuide(
      'x',
      'es',
      '---\ntitle: T\nsummary: S\nreviewed: 2026-01-01\nsources: s\n---\nVer [la autoevaluación](/self-check).\n\n<script>alert(1)</script>\n',
    );
    expect(g.sections[0]!.html).toContain('href="/es/self-check"');
    expect(g.sections[0]!.html).not.toContain('<script>');
  });

  it('rejects a guide without front matter or a required field', () => {
    expect(() => parseFrontMatter('no front matter')).toThrow(/front matter/);
    expect(() => parseGuide('x', 'en', '---\ntitle: T\n---\nbody')).toThrow(/summary/);
  });
});
