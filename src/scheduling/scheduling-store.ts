/** The only code that reads and writes scheduling tables. */
import { TAKES_TIME } from './booking-store.js';
import type { Queryable } from '../platform/db/database.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { Interval } from './slots.js';
import { FOLD_SQL, type PatientQuery } from './patient-search.js';

import type { AppointmentStatus } from './visit-status.js';
export type { AppointmentStatus };

import type { PersonDetails } from './patient-identity.js';
/** A patient's details as given in a booking or waiting-list request. */
export type Patient = PersonDetails;

/** Why a visit waits for staff to keep, move or cancel it: its day or hours went away. */
export type DecisionReason = 'closure' | 'time-off' | 'hours';

export interface StoredAppointment {
  id: string;
  providerId: string;
  locationId: string;
  visitTypeId: string;
  patientId: string;
  patient: Patient;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  manageTokenHash: string;
  assessmentId: string | null;
  language: Locale;
  sequence: number;
  createdAt: Date;
  smsReminders: boolean;
  /** When the patient was checked in (while the visit is checked in). */
  checkedInAt: Date | null;
  /** Kept over a closure or time off: staff still have to keep, move or cancel it. */
  decisionDue: DecisionReason | null;
}

/** Active bookings (with buffers), time off and closures that bear on a slot search. */
export async function loadAvailability(
  db: Queryable,
  providerIds: string[],
  locationIds: string[],
  window: { start: Date; end: Date; fromDate: string; toDate: string },
  now: Date,
) {
  // Instants come back as epoch milliseconds (float8): parsing thousands of timestamptz
  // strings into Date objects was the slowest part of a network-wide search.
  const [busy, timeOff, closures] = await Promise.all([
    db.query<{ provider_id: string; s: number; e: number; h: number | null }>(
      `SELECT provider_id, extract(epoch FROM lower(blocked)) * 1000 AS s, extract(epoch FROM upper(blocked)) * 1000 AS e,
         CASE WHEN status = 'held' THEN extract(epoch FROM hold_expires_at) * 1000 END AS h
       FROM appointments
       WHERE provider_id = ANY($1::uuid[]) AND ${TAKES_TIME('$4')}
         AND blocked && tstzrange($2, $3)`,
      [providerIds, window.start, window.end, now],
    ),
    db.query<{ provider_id: string; s: number; e: number }>(
      `SELECT provider_id, extract(epoch FROM starts_at) * 1000 AS s, extract(epoch FROM ends_at) * 1000 AS e
       FROM provider_time_off
       WHERE provider_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
      [providerIds, window.start, window.end],
    ),
    db.query<{ location_id: string; closed_on: string }>(
      `SELECT location_id, closed_on FROM location_closures
       WHERE location_id = ANY($1::uuid[]) AND closed_on BETWEEN $2 AND $3`,
      [locationIds, window.fromDate, window.toDate],
    ),
  ]);
  const toInterval = (r: { provider_id: string; s: number | string; e: number | string }): Interval => ({
    provider: r.provider_id,
    start: Number(r.s),
    end: Number(r.e),
  });
  return {
    busy: busy.map(toInterval),
    /** When the first waiting-list hold among `busy` lapses (and frees its time), if any. */
    firstHoldEnds: Math.min(...busy.map((b) => (b.h === null ? Infinity : Number(b.h)))),
    timeOff: timeOff.map(toInterval),
    closures: closures.map((c) => ({ locationId: c.location_id, date: c.closed_on })),
  };
}

// Every read of visits starts here, and never sees a waiting-list hold (status 'held': see
// migrations/0014): a hold is not a visit, only time kept for an offer.
const SELECT_APPOINTMENT = `
  SELECT a.*, p.given_name, p.family_name, p.birth_date, p.email, p.phone
  FROM appointments a JOIN patients p ON p.id = a.patient_id AND a.status <> 'held'`;

interface AppointmentRow {
  id: string;
  provider_id: string;
  location_id: string;
  visit_type_id: string;
  patient_id: string;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentStatus;
  manage_token_hash: string;
  assessment_id: string | null;
  language: Locale;
  sequence: number;
  created_at: Date;
  sms_reminders: boolean;
  checked_in_at: Date | null;
  decision_due: DecisionReason | null;
  given_name: string;
  family_name: string;
  birth_date: string;
  email: string | null;
  phone: string | null;
}

const toAppointment = (r: AppointmentRow): StoredAppointment => ({
  id: r.id,
  providerId: r.provider_id,
  locationId: r.location_id,
  visitTypeId: r.visit_type_id,
  patientId: r.patient_id,
  patient: {
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: r.birth_date,
    email: r.email,
    phone: r.phone,
  },
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  manageTokenHash: r.manage_token_hash,
  assessmentId: r.assessment_id,
  language: r.language,
  sequence: r.sequence,
  createdAt: r.created_at,
  smsReminders: r.sms_reminders,
  checkedInAt: r.checked_in_at,
  decisionDue: r.decision_due,
});

export async function findAppointment(db: Queryable, id: string): Promise<StoredAppointment | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  const [row] = await db.query<AppointmentRow>(`${SELECT_APPOINTMENT} WHERE a.id = $1`, [id]);
  return row ? toAppointment(row) : undefined;
}

export async function findAppointmentByTokenHash(
  db: Queryable,
  hash: string,
): Promise<StoredAppointment | undefined> {
  const [row] = await db.query<AppointmentRow>(`${SELECT_APPOINTMENT} WHERE a.manage_token_hash = $1`, [
    hash,
  ]);
  return row ? toAppointment(row) : undefined;
}

/** Returns false when the appointment was no longer booked (nothing changed). */
export async function markCancelled(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE appointments SET status = 'cancelled', cancelled_at = $2, updated_at = $2, sequence = sequence + 1
     WHERE id = $1 AND status = 'booked' RETURNING id`,
    [id, now],
  );
  return rows.length === 1;
}

/**
 * Books a cancelled visit again (a staff undo): the exclusion constraint refuses it when the time
 * was taken since, by a booking or a waiting-list hold. False when it is no longer cancelled.
 */
export async function restoreCancelled(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE appointments SET status = 'booked', cancelled_at = NULL, updated_at = $2, sequence = sequence + 1
     WHERE id = $1 AND status = 'cancelled' RETURNING id`,
    [id, now],
  );
  return rows.length === 1;
}

/** Moves a booked appointment in one statement: the exclusion constraint accepts the new time or nothing changes. */
export async function moveAppointment(
  db: Queryable,
  id: string,
  startsAt: Date,
  endsAt: Date,
  blockedUntil: Date,
  now: Date,
  /** The sequence the caller read: a visit changed meanwhile is not moved (no lost updates). */
  expectedSequence: number,
  /** The visit's clinician, clinic and visit type after the move (the same ones, or others). */
  to: { providerId: string; locationId: string; visitTypeId: string },
) {
  const rows = await db.query(
    `UPDATE appointments SET starts_at = $2, ends_at = $3, blocked = tstzrange($2, $4), updated_at = $5, sequence = sequence + 1,
       provider_id = $7, location_id = $8, visit_type_id = $9, decision_due = NULL
     WHERE id = $1 AND status = 'booked' AND sequence = $6 RETURNING id`,
    [id, startsAt, endsAt, blockedUntil, now, expectedSequence, to.providerId, to.locationId, to.visitTypeId],
  );
  return rows.length === 1;
}

/** Time off and closures only: enough to check that a requested time is inside working hours. */
export async function loadBlockingTime(
  db: Queryable,
  providerId: string,
  locationId: string,
  start: Date,
  end: Date,
  date: string,
) {
  const rows = await db.query<{ kind: 'off' | 'closed'; s: Date | null; e: Date | null }>(
    `SELECT 'off' AS kind, starts_at AS s, ends_at AS e FROM provider_time_off
       WHERE provider_id = $1 AND starts_at < $4 AND ends_at > $3
     UNION ALL
     SELECT 'closed', NULL, NULL FROM location_closures WHERE location_id = $2 AND closed_on = $5`,
    [providerId, locationId, start, end, date],
  );
  return {
    timeOff: rows
      .filter((r) => r.kind === 'off')
      .map((r) => ({ start: r.s!.getTime(), end: r.e!.getTime() })),
    closed: rows.some((r) => r.kind === 'closed'),
  };
}

/** Visits in a time window, at a clinic or for a provider (the staff schedule). */
export async function listAppointments(
  db: Queryable,
  f: { locationId?: string; providerId?: string; visitTypeId?: string; start: Date; end: Date },
): Promise<StoredAppointment[]> {
  const rows = await db.query<AppointmentRow>(
    `${SELECT_APPOINTMENT}
     WHERE a.starts_at >= $1 AND a.starts_at < $2
       AND ($3::uuid IS NULL OR a.location_id = $3) AND ($4::uuid IS NULL OR a.provider_id = $4)
       AND ($5::uuid IS NULL OR a.visit_type_id = $5)
     ORDER BY a.starts_at, a.provider_id`,
    [f.start, f.end, f.locationId ?? null, f.providerId ?? null, f.visitTypeId ?? null],
  );
  return rows.map(toAppointment);
}

/** The visit's row, locked until the transaction ends (a status change decides on it). */
export async function lockAppointment(db: Queryable, id: string): Promise<StoredAppointment | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  const [row] = await db.query<AppointmentRow>(`${SELECT_APPOINTMENT} WHERE a.id = $1 FOR UPDATE OF a`, [id]);
  return row ? toAppointment(row) : undefined;
}

/** Front-desk status changes (arrived, no-show), allowed only from the listed statuses. */
export async function changeStatus(
  db: Queryable,
  id: string,
  to: AppointmentStatus,
  from: AppointmentStatus[],
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE appointments SET status = $2, updated_at = $4,
       checked_in_at = CASE WHEN $2 = 'checked-in' THEN $4::timestamptz END
     WHERE id = $1 AND status = ANY($3) RETURNING id`,
    [id, to, from, now],
  );
  return rows.length === 1;
}

/**
 * Visits at the given clinics whose patient matches: a name starting with the folded query (first,
 * last or full name, accents and case ignored), a birth date, an email, or phone digits.
 */
export async function searchAppointments(
  db: Queryable,
  f: { locationIds: string[]; providerId?: string; query: PatientQuery; limit?: number },
): Promise<StoredAppointment[]> {
  const q = f.query;
  const like = (text: string) => `${text.replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await db.query<AppointmentRow>(
    `${SELECT_APPOINTMENT}
     WHERE a.location_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR a.provider_id = $2)
       AND ($3::text IS NULL OR ${FOLD_SQL('p.family_name')} LIKE $3 OR ${FOLD_SQL('p.given_name')} LIKE $3
            OR ${FOLD_SQL("p.given_name || ' ' || p.family_name")} LIKE $3)
       AND ($4::date IS NULL OR p.birth_date = $4::date)
       AND ($5::text IS NULL OR lower(p.email) = $5)
       AND ($6::text IS NULL OR regexp_replace(p.phone, '\\D', '', 'g') LIKE '%' || $6)
     ORDER BY a.starts_at DESC LIMIT $7`,
    [
      f.locationIds,
      f.providerId ?? null,
      q.kind === 'name' ? like(q.folded) : null,
      q.kind === 'birthDate' ? q.date : null,
      q.kind === 'email' ? q.email : null,
      q.kind === 'phone' ? q.digits : null,
      f.limit ?? 50,
    ],
  );
  return rows.map(toAppointment);
}

/** The sealed manage token of a visit (null for visits booked before tokens were sealed). */
export async function findSealedManageToken(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.query<{ sealed: string | null }>(
    'SELECT manage_token_sealed AS sealed FROM appointments WHERE id = $1',
    [id],
  );
  return row?.sealed ?? null;
}

/** Gives a visit a new manage token (hash and sealed copy); the old link stops working. */
export async function replaceManageToken(db: Queryable, id: string, hash: string, sealed: string) {
  await db.query('UPDATE appointments SET manage_token_hash = $2, manage_token_sealed = $3 WHERE id = $1', [
    id,
    hash,
    sealed,
  ]);
}

/** The current version, status and start of these visits (holds are not visits). */
export async function visitVersions(db: Queryable, ids: string[]) {
  const rows = await db.query<{
    id: string;
    sequence: number;
    status: AppointmentStatus;
    starts_at: Date;
    decision_due: string | null;
  }>(
    `SELECT id, sequence, status, starts_at, decision_due FROM appointments
     WHERE id = ANY($1::uuid[]) AND status <> 'held'`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { sequence: r.sequence, status: r.status, startsAt: r.starts_at, decisionDue: r.decision_due !== null },
    ]),
  );
}

/** A patient's visits, newest first (at most 100). */
export async function listVisitsOfPatient(db: Queryable, patientId: string): Promise<StoredAppointment[]> {
  const rows = await db.query<AppointmentRow>(
    `${SELECT_APPOINTMENT} WHERE a.patient_id = $1 ORDER BY a.starts_at DESC LIMIT 100`,
    [patientId],
  );
  return rows.map(toAppointment);
}

/** Marks booked visits as waiting for a decision (kept over a closure or time off). */
export async function markDecisionDue(db: Queryable, ids: string[], reason: DecisionReason) {
  await db.query(
    "UPDATE appointments SET decision_due = $2 WHERE id = ANY($1::uuid[]) AND status = 'booked'",
    [ids, reason],
  );
}

/** Clears a visit's pending decision; false when there was none (decided meanwhile). */
export async function clearDecisionDue(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE appointments SET decision_due = NULL WHERE id = $1 AND decision_due IS NOT NULL RETURNING id',
    [id],
  );
  return rows.length === 1;
}

/** Booked visits at a clinic still waiting for a decision, soonest first. */
export async function listDecisionsDue(db: Queryable, locationIds: string[]): Promise<StoredAppointment[]> {
  const rows = await db.query<AppointmentRow>(
    `${SELECT_APPOINTMENT} WHERE a.decision_due IS NOT NULL AND a.status = 'booked' AND a.location_id = ANY($1::uuid[])
     ORDER BY a.starts_at`,
    [locationIds],
  );
  return rows.map(toAppointment);
}
