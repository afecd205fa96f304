/**
 * The visits a user may see in a time window, shared by the day and the week: a provider their
 * own, at their clinics; everyone else the chosen clinic's. One audit event per visit shown.
 */
import type { Context } from 'hono';
import { recordAudit } from '../audit/index.js';
import { listAppointments } from '../scheduling/index.js';
import type { StaffEnv, StaffKit } from './staff-kit.js';

export function visitsInWindow(kit: StaffKit) {
  const { db, staffActor } = kit;
  return async (
    c: Context<StaffEnv>,
    locationId: string | undefined,
    start: Date,
    end: Date,
    /** One clinician's visits only (the day's clinician filter). */
    providerId?: string,
  ) => {
    const { user } = c.get('staff');
    const visits = (
      user.role === 'provider'
        ? (await listAppointments(db, { providerId: user.providerId!, start, end })).filter((a) =>
            user.locationIds.includes(a.locationId),
          )
        : locationId
          ? await listAppointments(db, { locationId, start, end })
          : []
    ).filter((a) => !providerId || a.providerId === providerId);
    for (const a of visits) {
      await recordAudit(db, {
        ...staffActor(c),
        action: 'list',
        entityType: 'appointment',
        entityId: a.id,
        outcome: 'success',
      });
    }
    return visits;
  };
}
