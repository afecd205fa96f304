/**
 * Pathway versions: read-only. The clinical sign-off lives in the pathway's content file,
 * which is reviewed like code and is the source of truth; this page only shows it.
 */
import type { Hono } from 'hono';
import { longDate } from '../../platform/i18n/format.js';
import { staffLocale, named, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { AdminList } from './admin-views.js';

export function pathwayRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { page, requireAdmin, deps } = kit;

  pages.get('/staff/admin/pathways', async (c) => {
    await requireAdmin(c, 'pathway');
    const pathways = deps.triage.pathways.all();
    return page(
      c,
      t('admin.pathways.title'),
      <AdminList
        title={t('admin.pathways.title')}
        intro={<p class="inset-warning">{t('admin.pathways.readOnly')}</p>}
        columns={[
          t('admin.pathways.pathway'),
          t('admin.pathways.version'),
          t('admin.pathways.status'),
          t('admin.pathways.who'),
          t('admin.pathways.when'),
        ]}
        rows={pathways.map((p) => [
          <>
            {named(p.title)}
            <br />
            <code>{`content/pathways/${p.id}.${p.version}.json`}</code>
          </>,
          p.version,
          <>
            <span
              class={p.signOff.status === 'approved' ? 'status status-checked-in' : 'status status-cancelled'}
            >
              {t(p.signOff.status === 'approved' ? 'admin.pathways.approved' : 'admin.pathways.pending')}
            </span>
            <br />
            <span class="hint">{named(p.signOff.note)}</span>
          </>,
          // Nobody has signed off a pending version (its file holds a placeholder, in English).
          p.signOff.status === 'approved'
            ? `${p.signOff.clinician}${p.signOff.credentials ? `, ${p.signOff.credentials}` : ''}`
            : '',
          longDate(staffLocale(), p.signOff.date),
        ])}
      />,
      200,
      c.get('staff'),
    );
  });
}
