/**
 * Reminders are queued near their time, from the visit as it is then; a booking queues only its
 * confirmation (ADR 0024). The outbox's delivery job runs this before it sends (at most every
 * REMINDER_SWEEP_MS per process), so a reminder due within the lookahead is queued with its exact
 * time and sent when that comes, as a reminder queued at booking was.
 *
 * What this keeps from queueing at booking:
 * - a reminder whose time had passed when the visit was booked (or last changed) is not sent;
 * - one per visit version: the dedupe key carries the visit's sequence, so two instances sweeping
 *   at once queue it once, and a moved visit's reminders follow the new time;
 * - a reminder that fell due while no instance ran is queued at the next sweep and sent late,
 *   as long as the visit has not started;
 * - reminders of a visit waiting for a staff decision are queued and then held by the outbox
 *   (outdatedVisitMessages).
 * What it changes: a booking writes one outbox row instead of three to five, and a reminder
 * carries the patient's contact details and the clinic's words as they are when it is sent.
 */
import { enqueueMessage } from '../notifications/index.js';
import { findAppointment } from './scheduling-store.js';
import { messageSubject, patientToken, visitReminders } from './visit-messages.js';
import type { Scheduling } from './scheduling.js';

/** Reminders due this soon are queued now, with their exact time. */
export const REMINDER_LOOKAHEAD_MS = 10 * 60_000;
/** The delivery job runs at least every minute and after each change; reminders are swept at most this often. */
export const REMINDER_SWEEP_MS = 30_000;

/**
 * The (visit, hours) pairs whose reminder is due by `until` and not queued yet. The dedupe keys
 * are appointmentReminders' (notifications/appointment-messages.ts), email and text message.
 */
const DUE_REMINDERS = `
  SELECT a.id, h.hours
  FROM appointments a CROSS JOIN unnest($1::int[]) AS h(hours)
  WHERE a.status = 'booked' AND a.starts_at > $2
    AND a.starts_at <= $3::timestamptz + make_interval(hours => $4::int)
    AND a.starts_at - make_interval(hours => h.hours) <= $3
    AND a.starts_at - make_interval(hours => h.hours) > a.updated_at
    AND NOT EXISTS (
      SELECT 1 FROM outbox_messages o
      WHERE o.dedupe_key IN ('appointment:' || a.id || ':reminder-' || h.hours || 'h:' || a.sequence,
                             'appointment:' || a.id || ':reminder-' || h.hours || 'h-sms:' || a.sequence))
  ORDER BY a.starts_at
  LIMIT $5`;

/** Queues the reminders due by now + REMINDER_LOOKAHEAD_MS; returns how many messages it queued. */
export async function queueDueReminders(s: Scheduling, now: Date, limit = 500): Promise<number> {
  if (s.reminderHours.length === 0) return 0;
  const due = await s.db.query<{ id: string; hours: number }>(DUE_REMINDERS, [
    s.reminderHours,
    now,
    new Date(now.getTime() + REMINDER_LOOKAHEAD_MS),
    Math.max(...s.reminderHours),
    limit,
  ]);
  if (due.length === 0) return 0;
  const d = await s.directory.get();
  let queued = 0;
  for (const { id, hours } of due) {
    const a = await findAppointment(s.db, id);
    if (!a || a.status !== 'booked') continue;
    const messages = visitReminders(s, d, messageSubject(a), await patientToken(s, a.id), hours);
    // The email and the text message of one reminder are queued together or not at all.
    queued += await s.db.transaction(async (tx) => {
      let n = 0;
      for (const m of messages) if (await enqueueMessage(tx, m)) n++;
      return n;
    });
  }
  if (queued > 0) s.kickOutbox();
  return queued;
}

/** queueDueReminders at most every REMINDER_SWEEP_MS (the delivery job runs far more often under load). */
export function reminderSweep(s: Scheduling): () => Promise<number> {
  let last = -Infinity;
  return async () => {
    const now = s.now();
    if (now.getTime() - last < REMINDER_SWEEP_MS) return 0;
    last = now.getTime();
    return queueDueReminders(s, now);
  };
}
