/**
 * Pathway versions: read-only. The clinical sign-off lives in the pathway's content file,
 * which is reviewed like code and is the source of truth; this page only shows it.
 */
import type { Hono } from 'hono';
import { longDate } from '../../platform/i18n/format.js';
import { staffLocale, named, t, type StaffEnv, type StaffKit } from '../staff-kit.js';

export function pathwayRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { page, requireAdmin, deps } = kit;

  pages.get('/staff/admin/pathways', async (c) => {
    await requireAdmin(c, 'pathway');
    const pathways = deps.triage.pathways.all();
    return page(
      c,
      t('admin.pathways.title'),
      <>
        <p class="back-link-row">
          <a href="/staff/admin">{t('admin.title')}</a>
        </p>
        <h1>{t('admin.pathways.title')}</h1>
        <p class="inset-warning">{t('admin.pathways.readOnly')}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.pathways.pathway')}</th>
              <th scope="col">{t('admin.pathways.version')}</th>
              <th scope="col">{t('admin.pathways.status')}</th>
              <th scope="col">{t('admin.pathways.who')}</th>
              <th scope="col">{t('admin.pathways.when')}</th>
            </tr>
          </thead>
          <tbody>
            {pathways.map((p) => (
              <tr>
                <td>
                  {named(p.title)}
                  <br />
                  <code>{`content/pathways/${p.id}.${p.version}.json`}</code>
                </td>
                <td>{p.version}</td>
                <td>
                  <span
                    class={
                      p.signOff.status === 'approved' ? 'status status-checked-in' : 'status status-cancelled'
                    }
                  >
                    {t(
                      p.signOff.status === 'approved' ? 'admin.pathways.approved' : 'admin.pathways.pending',
                    )}
                  </span>
                  <br />
                  <span class="hint">{named(p.signOff.note)}</span>
                </td>
                <td>
                  {p.signOff.clinician}
                  {p.signOff.credentials ? `, ${p.signOff.credentials}` : ''}
                </td>
                <td>{longDate(staffLocale(), p.signOff.date)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
      200,
      c.get('staff'),
    );
  });
}
