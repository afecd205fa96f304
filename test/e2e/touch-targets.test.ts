/**
 * The design's rule for patient pages: every control is a touch target of at least 44 by 44 px
 * on a phone. A control here is any button, summary, phone link, and any link that stands alone
 * (not a few words inside a sentence, which WCAG 2.5.8 exempts: enlarging them would break the
 * sentence's lines). Measured in Chromium at 390x844 without JavaScript, in both languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/server.js';
import { launchBrowser, PHONE, startServer } from './browser.js';

let server: Running;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const PATIENT = {
  givenName: 'Tess',
  familyName: 'Target',
  birthDate: '1980-01-01',
  email: 'tess@example.com',
  phone: '4805550100',
};
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Controls smaller than 44x44 px on the page, with enough to find them. */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const standsAlone = (e: Element) => {
      if (e.tagName !== 'A') return true;
      if ((e.getAttribute('href') ?? '').startsWith('tel:')) return true;
      // A link inside running text: its parent has words of its own.
      const own = (e.parentElement?.textContent ?? '').replace(e.textContent ?? '', '').trim();
      return own.replace(/[\s,.:;()·|–-]/g, '') === '';
    };
    return Array.from(document.querySelectorAll('a, button, summary'))
      .filter((e) => !e.closest('.skip-link, .visually-hidden') && standsAlone(e))
      .map((e) => {
        const r = e.getBoundingClientRect();
        return {
          text: (e.textContent ?? '').trim().slice(0, 40),
          w: Math.round(r.width),
          h: Math.round(r.height),
        };
      })
      .filter((x) => x.w > 0 && x.h > 0 && (x.w < 44 || x.h < 44));
  });
}

describe('touch targets on patient pages (390 px, JavaScript off)', () => {
  for (const lang of ['en', 'es'] as const)
    it(`every control is at least 44x44 px, in ${lang}`, async () => {
      const p = lang === 'es' ? '/es' : '';
      const slots = await (
        await fetch(
          `${server.url}/api/v1/slots?visitType=pain-follow-up&location=tempe&from=${day(2)}&to=${day(20)}`,
        )
      ).json();
      let visit = '';
      for (const s of slots.slots as { start: string; provider: string }[]) {
        const r = await post('/api/v1/appointments', {
          visitType: 'pain-follow-up',
          location: 'tempe',
          provider: s.provider,
          start: s.start,
          language: lang,
          patient: PATIENT,
        });
        if (r.status === 201) {
          visit = new URL(r.body.manageUrl).pathname;
          break;
        }
      }
      const result = await post('/api/v1/assessments', {
        pathway: 'low-back-pain',
        answers: (await import('../support/answers.js')).SELF_CARE,
      });
      const waiting = await post('/api/v1/waitlist', {
        visitType: 'pain-follow-up',
        location: 'tempe',
        from: day(1),
        to: day(10),
        patient: PATIENT,
        language: lang,
      });
      expect(visit).not.toBe('');
      expect(waiting.status).toBe(201);
      const pages = [
        '/',
        '/self-check',
        `/self-check/r/${result.body.token}`,
        `/self-check/r/${result.body.token}/plan`,
        '/book',
        '/book?visitType=back-pain-visit&zip=85251',
        '/book/waitlist?visitType=pain-follow-up&location=tempe',
        '/clinics',
        '/clinics?zip=85251',
        '/clinics/scottsdale',
        '/providers',
        '/providers/ben-evans',
        '/guides',
        '/guides/lower-back-muscle-spasms',
        '/developers/api',
      ].map((x) => p + x);
      const free = (slots.slots as { start: string; provider: string }[]).at(-1)!;
      pages.push(
        `${p}/book/details?visitType=pain-follow-up&location=tempe&provider=${free.provider}&start=${encodeURIComponent(free.start)}`,
      );
      pages.push(visit, `${visit}/reschedule`, `${visit}/cancel`, new URL(waiting.body.url).pathname);
      const ctx = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
      const page = await ctx.newPage();
      const found: Record<string, unknown> = {};
      for (const path of pages) {
        const res = await page.goto(`${server.url}${path}`);
        expect(res?.status(), path).toBe(200);
        const small = await smallTargets(page);
        if (small.length) found[path.replace(/[A-Za-z0-9_-]{32,}/, '<token>')] = small;
      }
      await ctx.close();
      expect(found).toEqual({});
    });
});
