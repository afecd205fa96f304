/**
 * Running the network in a browser, in English and Spanish, with axe scans and screenshots at
 * 1920 x 1080, 1280 x 800 and 390 x 844 (staff-roles-support.ts): a clinic manager (hours, a
 * closure of several days, time off in whole days at their clinic; other clinics answer 404) and
 * a network administrator (add a clinic past a bad short name, retire and re-activate; the
 * administration lists, pathways and audit trail as cards on a phone). The providers' and front
 * desk's days are in staff-roles-day.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './browser.js';
import {
  ADMIN,
  api,
  day,
  h1,
  MANAGER,
  open,
  roles,
  shots,
  signIn,
  T,
  useLanguage,
  useRoles,
} from './staff-roles-support.js';

useRoles();

/** The slugs the public API lists (what patients can find and book). */
const published = async (kind: 'locations' | 'providers' | 'visitTypes') =>
  ((await api(`/api/v1/${kind === 'visitTypes' ? 'visit-types' : kind}`))[kind] as { slug: string }[]).map(
    (x) => x.slug,
  );

describe('running the network in a browser', () => {
  it('a clinic manager: their clinic’s hours and closures, a provider’s time off, and 404 elsewhere', async () => {
    const page = await signIn(MANAGER);
    for (const [lang, n, closes] of [
      ['en', 0, '14:00'],
      ['es', 1, '13:30'],
    ] as const) {
      const t = T[lang];
      await useLanguage(page, lang);
      // Administration offers them their clinics and providers only.
      await open(page, '/staff/admin', lang);
      expect(await page.locator('.admin-areas > li').count()).toBe(2);
      await open(page, '/staff/admin/clinics', lang);
      expect(await page.locator('tbody tr').allInnerTexts()).toEqual([
        expect.stringContaining('Carepath Tempe'),
      ]);
      await page.getByRole('link', { name: 'Carepath Tempe' }).click();
      await page.waitForURL('**/staff/admin/clinics/tempe');
      expect(await h1(page)).toBe(t('admin.clinic.title', { name: 'Carepath Tempe' }));
      expect(await page.locator('#name').count()).toBe(0); // the details are the administrator's

      // Saturday's closing time.
      await page.locator('#closes-6').fill(closes);
      const saved = page.waitForResponse((r) => r.url().endsWith('/staff/admin/clinics/tempe/hours'));
      await page.getByRole('button', { name: t('admin.hours.save') }).click();
      expect((await saved).status()).toBe(303);
      await page.goto(`${roles.server.url}/staff/admin/clinics/tempe`);
      expect(await page.locator('#closes-6').inputValue()).toBe(closes);
      // A closure on days with no visits (two days, with its last day, in Spanish), its reason in
      // both languages.
      const [reason, reasonEs] =
        lang === 'en' ? ['Staff training', 'Capacitación'] : ['Inventory', 'Inventario'];
      await page.locator('#closedOn').fill(day(21 + 2 * n));
      if (lang === 'es') await page.locator('#closedThrough').fill(day(24));
      await page.locator('#reason').fill(reason);
      await page.locator('#reasonEs').fill(reasonEs);
      await page.getByRole('button', { name: t('admin.closure.add') }).click();
      // The list shows the reason in the page's language, once per day closed.
      await page.waitForSelector(`td:has-text("${lang === 'en' ? reason : reasonEs}")`);
      expect(await page.locator('td', { hasText: lang === 'en' ? reason : reasonEs }).count()).toBe(1 + n);
      expect(new URL(page.url()).pathname).toBe('/staff/admin/clinics/tempe');
      expect(await axeViolations(page)).toEqual([]);
      await shots(page, `manager-clinic-${lang}`);

      // Time off for Dr. Chen, who works at Tempe: a morning, then (in Spanish) a whole day.
      await open(page, '/staff/admin/providers/david-chen', lang, false); // scanned below
      await page.getByRole('link', { name: t('admin.timeOff.add') }).click();
      await page.waitForURL('**/time-off');
      expect(await axeViolations(page)).toEqual([]);
      await shots(page, `manager-time-off-${lang}`);
      const note = lang === 'en' ? 'Conference' : 'Congreso médico';
      await page.locator('#starts').fill(`${day(7 + n)}T08:00`);
      await page.locator('#ends').fill(`${day(7 + n)}T12:00`);
      if (lang === 'es') await page.locator('#allDay').check();
      await page.locator('#note').fill(note);
      await page.getByRole('button', { name: t('admin.timeOff.add') }).click();
      await page.waitForURL('**/staff/admin/providers/david-chen');
      expect(await page.locator('td', { hasText: note }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      if (lang === 'es') await shots(page, 'manager-provider-es');
    }
    // Other clinics, their providers, staff accounts and network administration: not found.
    for (const path of [
      '/staff/admin/clinics/phoenix',
      '/staff/admin/providers/ben-evans',
      '/staff/admin/providers/ben-evans/time-off',
      '/staff/admin/staff',
      `/staff/admin/staff/${roles.adminId}`,
      '/staff/admin/clinics/new',
      '/staff/admin/visit-types',
    ]) {
      expect((await page.goto(`${roles.server.url}${path}`))?.status(), path).toBe(404);
      expect(await h1(page)).toBe(T.es('staff.notFound.title'));
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a network administrator: adds a clinic (a bad short name first), retires and re-activates', async () => {
    const page = await signIn(ADMIN);
    const plans = [
      {
        lang: 'en',
        city: 'Mesa',
        list: '/staff/admin/visit-types',
        kind: 'visitTypes',
        item: 'new-patient-pain-consultation',
        name: 'New patient pain consultation',
      },
      {
        lang: 'es',
        city: 'Chandler',
        list: '/staff/admin/providers',
        kind: 'providers',
        item: 'james-walker',
        name: 'Dr. James Walker',
      },
    ] as const;
    for (const { lang, city, list, kind, item, name } of plans) {
      const t = T[lang];
      const slug = city.toLowerCase();
      await useLanguage(page, lang);
      await open(page, '/staff/admin', lang);
      await open(page, '/staff/admin/clinics', lang, false); // scanned below
      await page.getByRole('link', { name: t('admin.clinics.add') }).click();
      await page.waitForURL('**/staff/admin/clinics/new');
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#name').fill(`Carepath ${city}`);
      await page.locator('#slug').fill(`${city} Clinic`);
      await page.locator('#street').fill('100 W Main St');
      await page.locator('#city').fill(city);
      await page.locator('#region').fill('AZ');
      await page.locator('#postalCode').fill('85201');
      await page.locator('#phone').fill('(480) 555-0190');
      const create = page.getByRole('button', { name: t('admin.clinic.create') });
      await create.click();
      await page.waitForSelector('.error-summary');
      expect(await page.title()).toMatch(new RegExp(`^${T[lang]('sc.errorPrefix')}`));
      expect(await page.locator('.error-summary a').allInnerTexts()).toEqual([t('admin.create.err.slug')]);
      expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#slug');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      expect(await axeViolations(page)).toEqual([]);
      if (lang === 'es') await shots(page, 'admin-clinic-error-es');
      await page.locator('#slug').fill(slug);
      await create.click();
      await page.waitForURL(`**/staff/admin/clinics/${slug}`);
      expect(await h1(page)).toBe(t('admin.clinic.title', { name: `Carepath ${city}` }));
      expect(await axeViolations(page)).toEqual([]);
      await open(page, '/staff/admin/clinics', lang);
      expect(await page.getByRole('link', { name: `Carepath ${city}` }).count()).toBe(1);
      expect(await published('locations')).toContain(slug);

      // Retire one with no visits to come, then bring it back from its list.
      await open(page, `${list}/${item}`, lang);
      await page.getByRole('button', { name: t('admin.retire.button'), exact: true }).click();
      await page.waitForURL(`**${list}`);
      const row = page.locator('tr', { hasText: name });
      expect(await row.locator('.status').innerText()).toBe(t('admin.retire.retired'));
      expect(await row.getByRole('link').count()).toBe(0);
      expect(await published(kind)).not.toContain(item); // gone from the public API
      expect(await axeViolations(page)).toEqual([]);
      // The list with a retired row, as cards on a phone.
      await shots(page, `admin-${kind}-retired-${lang}`, { phoneScan: true });
      await row.getByRole('button', { name: t('admin.retire.reactivate') }).click();
      await row.getByRole('link', { name }).waitFor();
      expect(await row.innerText()).toContain(t('admin.active'));
      expect(await published(kind)).toContain(item);
    }
    await useLanguage(page, 'en');
    await page.context().close();
  });

  it('a network administrator’s lists, pathways, a provider and the audit trail are labelled cards on a phone', async () => {
    const page = await signIn(ADMIN);
    for (const lang of ['en', 'es'] as const) {
      const t = T[lang];
      await useLanguage(page, lang);
      for (const [name, path, column] of [
        ['clinics', '/staff/admin/clinics', t('admin.clinic.address')],
        ['providers', '/staff/admin/providers', t('admin.provider.clinics')],
        ['visit-types', '/staff/admin/visit-types', t('admin.visitTypes.col.notice')],
        ['staff', '/staff/admin/staff', t('admin.staff.email')],
        ['pathways', '/staff/admin/pathways', t('admin.pathways.status')],
        // A provider's working hours and time off, as cards too.
        ['provider', '/staff/admin/providers/david-chen', t('admin.block.valid')],
        // One patient's events: the whole trail would be 200 cards.
        ['audit', '/staff/audit?patient=Ortega', t('staff.audit.what')],
      ] as const) {
        await open(page, path, lang, false); // scanned on the phone by shots()
        await page.setViewportSize({ width: 390, height: 844 });
        // Each card names its fields; the table's own header is for screen readers only.
        const cell = page.locator(`main td[data-label="${column}"]`).first();
        expect(await cell.count(), name).toBe(1);
        expect(await cell.evaluate((td) => getComputedStyle(td).display), name).toBe('block');
        expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content), name).toBe(
          `"${column}: "`,
        );
        // Nothing scrolls sideways inside its own box either.
        expect(
          await page.evaluate(
            () =>
              Array.from(document.querySelectorAll('main table')).filter(
                (x) => x.scrollWidth > x.clientWidth + 1,
              ).length,
          ),
          name,
        ).toBe(0);
        // The invitations follow the accounts under the list's own last rule, not a second one.
        if (name === 'staff')
          expect(
            await page
              .locator('main table + .admin-section')
              .evaluate((x) => getComputedStyle(x).borderTopWidth),
          ).toBe('0px');
        await shots(page, `admin-list-${name}-${lang}`, { phoneScan: true });
      }
    }
    await page.context().close();
  });
});
