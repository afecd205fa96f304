/**
 * What the staff pages about one visit share: its clinic, clinician, visit type and time in words,
 * the audit event for showing it, where to go after a change, and whether it can still change.
 */
import { recordAudit } from '../audit/index.js';
import { locationById, providerById, visitTypeById } from '../directory/index.js';
import { dateInZone, dayInSentence, dayInZone, timeInZone } from '../platform/i18n/format.js';
import type { StoredAppointment } from '../scheduling/index.js';
import { staffLocale, type StaffContext, type StaffKit } from './staff-kit.js';

export function visitHelpers(kit: StaffKit) {
  const { db, scheduling, now, staffActor } = kit;

  const auditRead = (c: StaffContext, a: StoredAppointment) =>
    recordAudit(db, {
      ...staffActor(c),
      action: 'read',
      entityType: 'appointment',
      entityId: a.id,
      outcome: 'success',
    });

  const describe = async (a: StoredAppointment) => {
    const d = await scheduling.directory.get();
    const location = locationById(d, a.locationId)!;
    const provider = providerById(d, a.providerId)!;
    const visitType = visitTypeById(d, a.visitTypeId)!;
    const at = (day: typeof dayInZone) =>
      `${day(staffLocale(), a.startsAt.getTime(), location.timeZone)}, ${timeInZone(staffLocale(), a.startsAt.getTime(), location.timeZone)}`;
    // `whenInSentence` reads mid-sentence: Spanish writes the weekday in lower case there.
    return { d, location, provider, visitType, when: at(dayInZone), whenInSentence: at(dayInSentence) };
  };

  /** Where to go after a change: the clinic's day of the visit, with a short notice. */
  const dayOf = (
    a: StoredAppointment,
    locationSlug: string,
    zone: string,
    done: string,
    /** What an Undo needs: the visit, and for a move where it was before (provider|start). */
    undo: Record<string, string> = {},
  ) =>
    `/staff?${new URLSearchParams({ location: locationSlug, date: dateInZone(a.startsAt.getTime(), zone), done, visit: a.id, ...undo })}`;

  const changeable = (a: StoredAppointment) =>
    a.status === 'booked' && a.startsAt.getTime() > now().getTime();

  return { auditRead, describe, dayOf, changeable };
}
