/** The only code that reads and writes scheduling tables. */
import type { Queryable } from '../platform/db/database.js';
import { samePerson } from './patient-identity.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { Interval } from './slots.js';

import type { AppointmentStatus } from './visit-status.js';
export type { AppointmentStatus };

export interface Patient {
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string;
  phone: string;
}

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
}

/** Active bookings (with buffers), time off and closures that bear on a slot search. */
export async function loadAvailability(
  db: Queryable,
  providerIds: string[],
  locationIds: string[],
  window: { start: Date; end: Date; fromDate: string; toDate: string },
) {
  // Instants come back as epoch milliseconds (float8): parsing thousands of timestamptz
  // strings into Date objects was the slowest part of a network-wide search.
  const [busy, timeOff, closures] = await Promise.all([
    db.query<{ provider_id: string; s: number; e: number }>(
      `SELECT provider_id, extract(epoch FROM lower(blocked)) * 1000 AS s, extract(epoch FROM upper(blocked)) * 1000 AS e
       FROM appointments
       WHERE provider_id = ANY($1::uuid[]) AND status IN ('booked', 'checked-in')
         AND blocked && tstzrange($2, $3)`,
      [providerIds, window.start, window.end],
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
    timeOff: timeOff.map(toInterval),
    closures: closures.map((c) => ({ locationId: c.location_id, date: c.closed_on })),
  };
}

const SELECT_APPOINTMENT = `
  SELECT a.*, p.given_name, p.family_name, p.birth_date, p.email, p.phone
  FROM appointments a JOIN patients p ON p.id = a.patient_id`;

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
  given_name: string;
  family_name: string;
  birth_date: string;
  email: string;
  phone: string;
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
  /** Another provider (staff may move a visit to a colleague at the same clinic). */
  providerId?: string,
) {
  const rows = await db.query(
    `UPDATE appointments SET starts_at = $2, ends_at = $3, blocked = tstzrange($2, $4), updated_at = $5, sequence = sequence + 1,
       provider_id = COALESCE($7::uuid, provider_id)
     WHERE id = $1 AND status = 'booked' AND sequence = $6 RETURNING id`,
    [id, startsAt, endsAt, blockedUntil, now, expectedSequence, providerId ?? null],
  );
  return rows.length === 1;
}

/**
 * A whole booking in one statement: patient, appointment, audit event and (with a key) the
 * idempotency record. One round trip, atomic on its own; the exclusion constraint or the
 * idempotency key's primary key refuses it as a whole.
 */
/** The stored patient who is this person, if any (strong match only: patient-identity.ts). */
export async function findKnownPatient(db: Queryable, p: Patient): Promise<string | undefined> {
  const rows = await db.query<{
    id: string;
    given_name: string;
    family_name: string;
    email: string;
    phone: string;
  }>(
    'SELECT id, given_name, family_name, email, phone FROM patients WHERE birth_date = $1 ORDER BY created_at LIMIT 500',
    [p.birthDate],
  );
  return rows.find((r) =>
    samePerson(
      {
        givenName: r.given_name,
        familyName: r.family_name,
        birthDate: p.birthDate,
        email: r.email,
        phone: r.phone,
      },
      p,
    ),
  )?.id;
}

/**
 * Is this provider's time (with its buffer) already taken by an active visit? A fast, lock-free
 * answer for the common case under a rush on one popular time: most racers get their 409 here,
 * without reaching the exclusion constraint. The constraint stays the guarantee.
 */
export async function isTimeTaken(db: Queryable, providerId: string, start: Date, blockedUntil: Date) {
  const [row] = await db.query(
    `SELECT 1 FROM appointments
     WHERE provider_id = $1 AND status IN ('booked', 'checked-in') AND blocked && tstzrange($2, $3) LIMIT 1`,
    [providerId, start, blockedUntil],
  );
  return Boolean(row);
}

/**
 * Orders competing bookings for one provider inside their transactions (released at commit):
 * two overlapping inserts then never wait on each other inside the exclusion constraint, which
 * is what deadlocked under a rush (see docs/decisions/0012-booking-under-contention.md).
 */
export async function lockProviderBookings(tx: Queryable, providerId: string) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('booking:' || $1::text, 0))`, [providerId]);
}

export async function insertBooking(
  db: Queryable,
  b: {
    id: string;
    smsReminders: boolean;
    /** Messages to queue with the booking (messagesAsJson). */
    messagesJson: string;
    patient: Patient;
    /** A patient already known as this person (findKnownPatient): reused, contact details updated. */
    knownPatientId: string | null;
    language: Locale;
    providerId: string;
    locationId: string;
    visitTypeId: string;
    startsAt: Date;
    endsAt: Date;
    blockedUntil: Date;
    manageTokenHash: string;
    /** The same token sealed with the app secret, for messages staff changes send. */
    manageTokenSealed: string;
    assessmentId: string | null;
    now: Date;
    /** The visit's date in the clinic's calendar, for the closure check. */
    localDate: string;
    audit: { actorType: string; actorId: string | null; ip: string | null; requestId: string | null };
    idempotency: {
      scope: string;
      key: string;
      requestHash: string;
      sealedToken: string;
      expiresAt: Date;
    } | null;
  },
): Promise<{ id: string; patientId: string } | undefined> {
  const k = b.idempotency;
  const [row] = await db.query<{ id: string; patient_id: string }>(
    `WITH ok AS (
       -- Time off and clinic closures are checked here, in the same statement, not in a query before.
       SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM provider_time_off WHERE provider_id = $7 AND starts_at < $12 AND ends_at > $10)
         AND NOT EXISTS (SELECT 1 FROM location_closures WHERE location_id = $8 AND closed_on = $25::date)
     ), new_patient AS (
       INSERT INTO patients (given_name, family_name, birth_date, email, phone, language, created_at)
       SELECT $1, $2, $3, $4, $5, $6, $14 FROM ok WHERE $30::uuid IS NULL
       RETURNING id
     ), known_patient AS (
       -- Someone already known: their record, with the contact details they gave this time.
       UPDATE patients SET email = $4, phone = $5, language = $6
       WHERE id = $30::uuid AND EXISTS (SELECT 1 FROM ok)
       RETURNING id
     ), p AS (
       SELECT id FROM new_patient UNION ALL SELECT id FROM known_patient
     ), patient_audit AS (
       INSERT INTO audit_events (occurred_at, actor_type, actor_id, action, entity_type, entity_id, outcome, ip, request_id)
       SELECT $14, $16, $17, 'update', 'patient', known_patient.id::text, 'success', $18, $19 FROM known_patient
     ), a AS (
       INSERT INTO appointments (id, provider_id, location_id, visit_type_id, patient_id, starts_at, ends_at, blocked,
         manage_token_hash, assessment_id, language, created_at, updated_at, sms_reminders, manage_token_sealed)
       SELECT $26, $7, $8, $9, p.id, $10, $11, tstzrange($10, $12), $13, $15, $6, $14, $14, $28, $29 FROM p
       RETURNING id, patient_id
     ), mail AS (
       -- Confirmation and reminders go to the outbox in the same statement (exactly once).
       INSERT INTO outbox_messages (dedupe_key, kind, recipient, language, subject, text_body, html_body, not_before,
         appointment_id, appointment_sequence, ics, ics_method, channel)
       SELECT x.dedupe_key, x.kind, x.recipient, x.language, x.subject, x.text_body, x.html_body,
         COALESCE(x.not_before, $14), a.id, x.appointment_sequence, x.ics, x.ics_method, x.channel
       FROM a, jsonb_to_recordset($27::jsonb) AS x(dedupe_key text, kind text, recipient text, language text, subject text,
         text_body text, html_body text, not_before timestamptz, appointment_sequence integer, ics text, ics_method text, channel text)
     ), audit AS (
       INSERT INTO audit_events (occurred_at, actor_type, actor_id, action, entity_type, entity_id, outcome, ip, request_id)
       SELECT $14, $16, $17, 'create', 'appointment', a.id::text, 'success', $18, $19 FROM a
     ), idem AS (
       INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, resource_id, expires_at)
       SELECT $20::text, $21::text, $22::text, 201, jsonb_build_object('appointmentId', a.id, 'sealedToken', $23::text), a.id, $24
       FROM a WHERE $21::text IS NOT NULL
     )
     SELECT id, patient_id FROM a`,
    [
      b.patient.givenName,
      b.patient.familyName,
      b.patient.birthDate,
      b.patient.email,
      b.patient.phone,
      b.language,
      b.providerId,
      b.locationId,
      b.visitTypeId,
      b.startsAt,
      b.endsAt,
      b.blockedUntil,
      b.manageTokenHash,
      b.now,
      b.assessmentId,
      b.audit.actorType,
      b.audit.actorId,
      b.audit.ip,
      b.audit.requestId,
      k?.scope ?? null,
      k?.key ?? null,
      k?.requestHash ?? null,
      k?.sealedToken ?? null,
      k?.expiresAt ?? null,
      b.localDate,
      b.id,
      b.messagesJson,
      b.smsReminders,
      b.manageTokenSealed,
      b.knownPatientId,
    ],
  );
  return row ? { id: row.id, patientId: row.patient_id } : undefined;
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

// ------------------------------------------------------------------ idempotency

export interface IdempotencyRecord {
  requestHash: string;
  status: number;
  body: Record<string, unknown>;
}

export async function findIdempotencyRecord(db: Queryable, scope: string, key: string, now: Date) {
  const [row] = await db.query<{
    request_hash: string;
    response_status: number;
    response_body: Record<string, unknown>;
  }>(
    'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at > $3',
    [scope, key, now],
  );
  return row
    ? { requestHash: row.request_hash, status: row.response_status, body: row.response_body }
    : undefined;
}

/** Frees a key whose record has expired but was not yet swept, so it can be used again. */
export async function deleteExpiredIdempotencyKey(
  db: Queryable,
  scope: string,
  key: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at <= $3 RETURNING key',
    [scope, key, now],
  );
  return rows.length > 0;
}

export async function deleteExpiredIdempotencyKeys(db: Queryable, now: Date): Promise<number> {
  return (await db.query('DELETE FROM idempotency_keys WHERE expires_at <= $1 RETURNING key', [now])).length;
}

/** Visits in a time window, at a clinic or for a provider (the staff schedule). */
export async function listAppointments(
  db: Queryable,
  f: { locationId?: string; providerId?: string; start: Date; end: Date },
): Promise<StoredAppointment[]> {
  const rows = await db.query<AppointmentRow>(
    `${SELECT_APPOINTMENT}
     WHERE a.starts_at >= $1 AND a.starts_at < $2
       AND ($3::uuid IS NULL OR a.location_id = $3) AND ($4::uuid IS NULL OR a.provider_id = $4)
     ORDER BY a.starts_at, a.provider_id`,
    [f.start, f.end, f.locationId ?? null, f.providerId ?? null],
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
    'UPDATE appointments SET status = $2, updated_at = $4 WHERE id = $1 AND status = ANY($3) RETURNING id',
    [id, to, from, now],
  );
  return rows.length === 1;
}

/** Visits at the given clinics whose patient's name starts with, or birth date equals, the query. */
export async function searchAppointments(
  db: Queryable,
  f: { locationIds: string[]; providerId?: string; name?: string; birthDate?: string; limit?: number },
): Promise<StoredAppointment[]> {
  const rows = await db.query<AppointmentRow>(
    `${SELECT_APPOINTMENT}
     WHERE a.location_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR a.provider_id = $2)
       AND ($3::text IS NULL OR lower(p.family_name) LIKE $3 OR lower(p.given_name) LIKE $3
            OR lower(p.given_name || ' ' || p.family_name) LIKE $3)
       AND ($4::date IS NULL OR p.birth_date = $4::date)
     ORDER BY a.starts_at DESC LIMIT $5`,
    [
      f.locationIds,
      f.providerId ?? null,
      f.name ? `${f.name.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` : null,
      f.birthDate ?? null,
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
