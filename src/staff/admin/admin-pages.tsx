/**
 * Administration under /staff/admin (administrators only): clinics, providers, visit types,
 * staff accounts and pathway versions. Every route checks the role first (a denial is audited
 * and looks like "not found"); every change is one transaction with its audit event, and a
 * directory change is visible to the public pages and slot search at once.
 */
import type { Hono } from 'hono';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { clinicRoutes } from './clinics-admin.js';
import { inviteRoutes } from './invites.js';
import { fhirClientRoutes } from './fhir-clients-admin.js';
import { pathwayRoutes } from './pathways-admin.js';
import { providerRoutes } from './providers-admin.js';
import { staffAdminRoutes } from './staff-admin.js';
import { accountResetRoutes } from './account-resets.js';
import { timeOffRoutes } from './time-off.js';
import { visitTypeRoutes } from './visit-types-admin.js';

const AREAS = [
  ['/staff/admin/clinics', 'admin.clinics.title', 'admin.clinics.lead'],
  ['/staff/admin/providers', 'admin.providers.title', 'admin.providers.lead'],
  ['/staff/admin/visit-types', 'admin.visitTypes.title', 'admin.visitTypes.lead'],
  ['/staff/admin/staff', 'admin.staff.title', 'admin.staff.lead'],
  ['/staff/admin/pathways', 'admin.pathways.title', 'admin.pathways.lead'],
  ['/staff/admin/fhir-clients', 'admin.fhir.title', 'admin.fhir.lead'],
] as const;

export function adminRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { page, requireAdmin } = kit;
  pages.get('/staff/admin', async (c) => {
    await requireAdmin(c, 'administration');
    return page(
      c,
      t('admin.title'),
      <>
        <h1>{t('admin.title')}</h1>
        <ul class="admin-areas">
          {AREAS.map(([href, title, lead]) => (
            <li>
              <a href={href}>{t(title)}</a>
              <p class="hint">{t(lead)}</p>
            </li>
          ))}
        </ul>
      </>,
      200,
      c.get('staff'),
    );
  });
  clinicRoutes(pages, kit);
  providerRoutes(pages, kit);
  timeOffRoutes(pages, kit);
  visitTypeRoutes(pages, kit);
  // The invitation routes first: /staff/admin/staff/invite is not an account id.
  inviteRoutes(pages, kit);
  staffAdminRoutes(pages, kit);
  accountResetRoutes(pages, kit);
  pathwayRoutes(pages, kit);
  fhirClientRoutes(pages, kit);
}
