/**
 * Staff pages under /staff, assembled from their modules: sign-in (and the session guard, which
 * must come first), the front desk's day, the week, patient search, visit actions, the intake,
 * administration and the audit trail. Every denial looks like "not found"; every read of health
 * data is audited.
 */
import { Hono, type Context } from 'hono';
import { adminRoutes } from './admin/admin-pages.js';
import { auditRoutes } from './audit-pages.js';
import { outboxRoutes } from './outbox-pages.js';
import { frontDeskRoutes } from './front-desk-pages.js';
import { weekRoutes } from './week-pages.js';
import { searchRoutes } from './search-pages.js';
import { decisionRoutes } from './decision-pages.js';
import { intakeRoutes } from './intake-pages.js';
import { patientRoutes } from './patient-pages.js';
import { phoneBookingRoutes } from './phone-booking-pages.js';
import { languageMiddleware, languageSwitchRoute } from './language-pages.js';
import { signInRoutes } from './sign-in-pages.js';
import { passwordResetRoutes } from './password-reset-pages.js';
import { HttpProblem } from '../platform/http/problem.js';
import { staffKit, t, type StaffDeps, type StaffEnv } from './staff-kit.js';
import { visitRoutes } from './visit-pages.js';
import { waitlistRoutes } from './waitlist-pages.js';
import { waitlistAddRoutes } from './waitlist-add-pages.js';
import { moveRoutes } from './move-pages.js';

export type { StaffDeps } from './staff-kit.js';

export function staffPages(deps: StaffDeps): Hono<StaffEnv> {
  const pages = new Hono<StaffEnv>();
  const kit = staffKit(deps);
  languageMiddleware(pages, kit);
  signInRoutes(pages, kit);
  languageSwitchRoute(pages, kit);
  passwordResetRoutes(pages, kit);
  frontDeskRoutes(pages, kit);
  weekRoutes(pages, kit);
  searchRoutes(pages, kit);
  decisionRoutes(pages, kit);
  intakeRoutes(pages, kit);
  phoneBookingRoutes(pages, kit);
  waitlistAddRoutes(pages, kit);
  waitlistRoutes(pages, kit);
  patientRoutes(pages, kit);
  // After the fixed /staff/appointments/:id/... paths of the other modules.
  moveRoutes(pages, kit);
  visitRoutes(pages, kit);
  auditRoutes(pages, kit);
  outboxRoutes(pages, kit);
  adminRoutes(pages, kit);

  // A staff page that does not exist, or a record this user may not see (denials look like
  // "not found"), stays inside the staff frame with a way back; other errors go to the app.
  const notFound = (c: Context<StaffEnv>) =>
    kit.page(
      c,
      t('staff.notFound.title'),
      <div class="narrow">
        <h1>{t('staff.notFound.title')}</h1>
        <p>{t('staff.notFound.body')}</p>
        <p>
          <a href="/staff">{t('staff.notFound.back')}</a>
        </p>
      </div>,
      404,
      c.get('staff'),
    );
  pages.all('/staff/*', (c) => notFound(c));
  pages.onError((error, c) => {
    if (error instanceof HttpProblem && error.status === 404 && c.get('staff')) return notFound(c);
    throw error;
  });
  return pages;
}
