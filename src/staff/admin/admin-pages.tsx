/**
 * Administration under /staff/admin: clinics, providers, visit types, staff accounts, pathway
 * versions and FHIR clients for network administrators; a clinic manager's clinics and the
 * providers working there (ADR 23). Every route checks the role first (a denial is audited and
 * looks like "not found"); every change is one transaction with its audit event, and a
 * directory change is visible to the public pages and slot search at once.
 */
import type { Hono } from 'hono';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { isNetworkAdmin } from '../roles.js';
import { clinicScope } from './clinic-scope.js';
import { clinicRoutes } from './clinics-admin.js';
import { createRoutes } from './create-admin.js';
import { retirementRoutes } from './retirement.js';
import { inviteRoutes } from './invites.js';
import { fhirClientRoutes } from './fhir-clients-admin.js';
import { pathwayRoutes } from './pathways-admin.js';
import { providerRoutes } from './providers-admin.js';
import { workingHoursRoutes } from './working-hours.js';
import { workingHoursEditRoutes } from './working-hours-edit.js';
import { staffAdminRoutes } from './staff-admin.js';
import { accountResetRoutes } from './account-resets.js';
import { timeOffRoutes } from './time-off.js';
import { visitTypeRoutes } from './visit-types-admin.js';

/** Each area, and whether a clinic manager has it (for their own clinics). */
const AREAS = [
  ['/staff/admin/clinics', 'admin.clinics.title', 'admin.clinics.lead', true],
  ['/staff/admin/providers', 'admin.providers.title', 'admin.providers.lead', true],
  ['/staff/admin/visit-types', 'admin.visitTypes.title', 'admin.visitTypes.lead', false],
  ['/staff/admin/staff', 'admin.staff.title', 'admin.staff.lead', false],
  ['/staff/admin/pathways', 'admin.pathways.title', 'admin.pathways.lead', false],
  ['/staff/admin/fhir-clients', 'admin.fhir.title', 'admin.fhir.lead', false],
] as const;

export function adminRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { page } = kit;
  pages.get('/staff/admin', async (c) => {
    await clinicScope(kit).requireClinicAdmin(c, 'administration');
    const network = isNetworkAdmin(c.get('staff').user);
    return page(
      c,
      t('admin.title'),
      <>
        <h1>{t('admin.title')}</h1>
        <ul class="admin-areas">
          {AREAS.filter(([, , , manager]) => network || manager).map(([href, title, lead]) => (
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
  // The forms that add come first: /staff/admin/clinics/new is not a clinic's slug.
  createRoutes(pages, kit);
  retirementRoutes(pages, kit);
  clinicRoutes(pages, kit);
  providerRoutes(pages, kit);
  workingHoursRoutes(pages, kit);
  workingHoursEditRoutes(pages, kit);
  timeOffRoutes(pages, kit);
  visitTypeRoutes(pages, kit);
  // The invitation routes first: /staff/admin/staff/invite is not an account id.
  inviteRoutes(pages, kit);
  staffAdminRoutes(pages, kit);
  accountResetRoutes(pages, kit);
  pathwayRoutes(pages, kit);
  fhirClientRoutes(pages, kit);
}
