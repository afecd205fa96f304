/**
 * "You already have a visit": before confirming, a booking by someone we know (the same person
 * by patient identity: birth date, name, and email or phone) is checked against their coming
 * visits: one that overlaps the chosen time, or the same visit type with the same clinician
 * within 14 days. The page says so in one general sentence for both cases (no time, place or
 * clinician, and not which case: whoever typed these details may not be the patient), the
 * details step is rate-limited like booking, and the check is audited as a read.
 */
import { findKnownPatient } from './booking-store.js';
import type { CommandContext } from './command-context.js';
import { listVisitsOfPatient, type Patient } from './scheduling-store.js';

const NEAR_MS = 14 * 86_400_000;

export type Duplicate = 'overlap' | 'same-visit-soon';

export async function likelyDuplicate(
  ctx: CommandContext,
  patient: Patient,
  chosen: { providerId: string; visitTypeId: string; startMs: number; endMs: number },
): Promise<Duplicate | undefined> {
  const patientId = await findKnownPatient(ctx.db, patient);
  if (!patientId) return undefined;
  const now = ctx.now.getTime();
  const coming = (await listVisitsOfPatient(ctx.db, patientId)).filter(
    (v) => v.status === 'booked' && v.endsAt.getTime() > now,
  );
  const overlap = coming.find(
    (v) => v.startsAt.getTime() < chosen.endMs && v.endsAt.getTime() > chosen.startMs,
  );
  const soon = coming.find(
    (v) =>
      v.providerId === chosen.providerId &&
      v.visitTypeId === chosen.visitTypeId &&
      Math.abs(v.startsAt.getTime() - chosen.startMs) < NEAR_MS,
  );
  const found = overlap ?? soon;
  if (!found) return undefined;
  await ctx.audit({
    action: 'read',
    entityType: 'appointment',
    entityId: found.id,
    outcome: 'success',
    detail: { purpose: 'duplicate-check' },
  });
  return overlap ? 'overlap' : 'same-visit-soon';
}
