/**
 * Staff pages under /staff, assembled from their modules: sign-in (and the session guard, which
 * must come first), the front desk's day, visit actions, the intake, administration and the audit
 * trail. Every denial looks like "not found"; every read of health data is audited.
 */
import { Hono } from 'hono';
import { adminRoutes } from './admin/admin-pages.js';
import { auditRoutes } from './audit-pages.js';
import { frontDeskRoutes } from './front-desk-pages.js';
import { intakeRoutes } from './intake-pages.js';
import { patientRoutes } from './patient-pages.js';
import { phoneBookingRoutes } from './phone-booking-pages.js';
import { signInRoutes } from './sign-in-pages.js';
import { staffKit, type StaffDeps, type StaffEnv } from './staff-kit.js';
import { visitRoutes } from './visit-pages.js';
import { waitlistRoutes } from './waitlist-pages.js';

export type { StaffDeps } from './staff-kit.js';

export function staffPages(deps: StaffDeps): Hono<StaffEnv> {
  const pages = new Hono<StaffEnv>();
  const kit = staffKit(deps);
  signInRoutes(pages, kit);
  frontDeskRoutes(pages, kit);
  intakeRoutes(pages, kit);
  phoneBookingRoutes(pages, kit);
  waitlistRoutes(pages, kit);
  patientRoutes(pages, kit);
  // After the fixed /staff/appointments/:id/... paths of the other modules.
  visitRoutes(pages, kit);
  auditRoutes(pages, kit);
  adminRoutes(pages, kit);
  return pages;
}
