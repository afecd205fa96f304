/**
 * Clinic administration's access checks (ADR 23): a network administrator manages every clinic;
 * a clinic manager manages the clinics assigned to them (opening hours, closures) and the time off
 * of providers working there. Everything else under /staff/admin stays requireAdmin's. A denial is
 * audited and looks like "not found", as everywhere on the staff side.
 */
import type { Context } from 'hono';
import { recordAudit } from '../../audit/index.js';
import type { Directory, Location, Provider } from '../../directory/index.js';
import { NotFound } from '../../platform/http/problem.js';
import { isNetworkAdmin, managesAnyClinic, managesClinic } from '../roles.js';
import type { StaffEnv, StaffKit } from '../staff-kit.js';
import type { StaffUser } from '../staff-store.js';
import { bySlug } from './admin-views.js';

/** The clinics this user manages, in the directory's order. */
export const managedClinics = (d: Directory, user: StaffUser): Location[] =>
  d.locations.filter((l) => managesClinic(user, l.id));

/** Whether this user manages the time off of this provider: they work at a clinic the user manages. */
export function managesProvider(d: Directory, user: StaffUser, p: Provider): boolean {
  if (isNetworkAdmin(user)) return true;
  const mine = new Set(managedClinics(d, user).map((l) => l.slug));
  return p.locations.some((slug) => mine.has(slug));
}

export function clinicScope(kit: StaffKit) {
  const { db, scheduling, staffActor } = kit;

  const deny = async (c: Context<StaffEnv>, what: string, entityId: string | null = null): Promise<never> => {
    await recordAudit(db, {
      ...staffActor(c),
      action: 'read',
      entityType: what,
      entityId,
      outcome: 'denied',
    });
    throw new NotFound();
  };

  /** Network administrators and clinic managers: the administration area shows them something. */
  const requireClinicAdmin = async (c: Context<StaffEnv>, what: string) => {
    if (!managesAnyClinic(c.get('staff').user)) await deny(c, what);
  };

  /** The clinic with this slug if this user manages it; a clinic they do not manage is a denial. */
  const clinicToManage = async (c: Context<StaffEnv>, slug: string, what: string): Promise<Location> => {
    await requireClinicAdmin(c, what);
    const l = bySlug((await scheduling.directory.get()).locations, slug);
    if (!managesClinic(c.get('staff').user, l.id)) await deny(c, what, l.id);
    return l;
  };

  /** The provider with this slug if this user manages their time off. */
  const providerToManage = async (c: Context<StaffEnv>, slug: string, what: string): Promise<Provider> => {
    await requireClinicAdmin(c, what);
    const d = await scheduling.directory.get();
    const p = bySlug(d.providers, slug);
    if (!managesProvider(d, c.get('staff').user, p)) await deny(c, what, p.id);
    return p;
  };

  return { requireClinicAdmin, clinicToManage, providerToManage };
}
