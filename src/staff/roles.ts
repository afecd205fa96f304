/**
 * What each staff role reaches (ADR 23). Reach is by role first, clinics second:
 * - a network administrator (`admin`) reaches every clinic, including clinics added later, with
 *   no per-clinic rows, and alone runs the network (staff accounts, FHIR clients, pathways, visit
 *   types, the audit trail, the outbox, creating and retiring clinics, providers, visit types);
 * - a clinic manager runs the clinics assigned to them: the front desk's pages there, those
 *   clinics' opening hours and closures, and the time off of providers working there;
 * - the front desk runs the days of their clinics; a provider sees their own visits there and
 *   reads their intakes, but changes nothing (not even a visit's status).
 * Pure: the user is passed in, nothing is read.
 */
export const ROLES = ['front-desk', 'provider', 'clinic-manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

interface Who {
  role: Role;
  locationIds: readonly string[];
}

/** The network administrator: every clinic, by role. */
export const isNetworkAdmin = (u: { role: Role }) => u.role === 'admin';

/** Roles whose reach is the clinics assigned to the account (everyone but network administrators). */
export const hasClinicList = (role: Role) => role !== 'admin';

/**
 * Booking, moving, cancelling, the waiting list and a visit's status (check-in, no-show, undo):
 * everyone but providers, who read their schedule and intakes.
 */
export const worksTheDesk = (u: { role: Role }) => u.role !== 'provider';

/** A visit's pre-visit intake (health answers): providers and network administrators. */
export const readsIntake = (u: { role: Role }) => u.role === 'provider' || u.role === 'admin';

/** Clinic administration (hours, closures, providers' time off) of this clinic. */
export const managesClinic = (u: Who, locationId: string) =>
  isNetworkAdmin(u) || (u.role === 'clinic-manager' && u.locationIds.includes(locationId));

/** Any clinic administration at all: the administration area is open to them. */
export const managesAnyClinic = (u: Who) =>
  isNetworkAdmin(u) || (u.role === 'clinic-manager' && u.locationIds.length > 0);
