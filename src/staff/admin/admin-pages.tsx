/**
 * Administration under /staff/admin (administrators only): clinics, providers, visit types,
 * staff accounts and pathway versions.
 */
import type { Hono } from 'hono';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';

export function adminRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { page, requireAdmin } = kit;
  pages.get('/staff/admin', async (c) => {
    await requireAdmin(c, 'administration');
    return page(c, t('admin.title'), <h1>{t('admin.title')}</h1>, 200, c.get('staff'));
  });
}
