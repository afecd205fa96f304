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

  it('has the sciatica and long-lasting back pain guides, linked from the spasms guide instead of knee pain', () => {
    for (const slug of ['sciatica', 'chronic-back-pain']) {
      expect(library.has(slug), slug).toBe(true);
      expect(library.get(slug)!.en.sections.some((s) => s.emergency), slug).toBe(true);
      expect(library.get(slug)!.es.sections.some((s) => s.emergency), slug).toBe(true);
    }
    const spasms = library.get('lower-back-muscle-spasms')!;
    for (const g of [spasms.en, spasms.es]) {
      expect(g.related).toContain('sciatica');
      expect(g.related).toContain('chronic-back-pain');
      expect(g.related).not.toContain('knee-pain');
    }
  });

  it('lists chest pain among the 911 signs of the spasms guide in both languages (pathway 1.1.0)', () => {
    const spasms = library.get('lower-back-muscle-spasms')!;
    const emergencyText = (g: (typeof spasms)['en']) =>
      g.sections
        .filter((s) => s.emergency)
        .map((s) => s.html)
        .join(' ')
        .toLowerCase();
    expect(emergencyText(spasms.en)).toContain('chest pain');
    expect(emergencyText(spasms.en)).toContain('tearing');
    expect(emergencyText(spasms.es)).toMatch(/dolor, presión u opresión en el pecho/);
    expect(emergencyText(spasms.es)).toContain('desgarro');
  });

  it('uses the agreed Spanish terms in the spasms guide', () => {
    const g = library.get('lower-back-muscle-spasms')!.es;
    const text = g.sections.map((s) => `${s.heading} ${s.html}`).join(' ');
    expect(text).not.toMatch(/apretad/i);
    expect(text).toContain('lumbago');
    expect(text).toContain('paracetamol');
    expect(text).toContain('Pedir una cita');
    expect(text).not.toMatch(/haga una cita/i);
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
