/** The only code that reads and writes scheduling tables. */
import type { Queryable } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { Interval } from './slots.js';

export type AppointmentStatus = 'booked' | 'checked-in' | 'no-show' | 'cancelled' | 'completed';

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
}

/** Active bookings (with buffers), time off and closures that bear on a slot search. */
export async function loadAvailability(
  db: Queryable,
  providerIds: string[],
  locationIds: string[],
  window: { start: Date; end: Date; fromDate: string; toDate: string },
) {
  const [busy, timeOff, closures] = await Promise.all([
    db.query<{ provider_id: string; s: Date; e: Date }>(
      `SELECT provider_id, lower(blocked) AS s, upper(blocked) AS e FROM appointments
       WHERE provider_id = ANY($1::uuid[]) AND status IN ('booked', 'checked-in')
         AND blocked && tstzrange($2, $3)`,
      [providerIds, window.start, window.end],
    ),
    db.query<{ provider_id: string; starts_at: Date; ends_at: Date }>(
      `SELECT provider_id, starts_at, ends_at FROM provider_time_off
       WHERE provider_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
      [providerIds, window.start, window.end],
    ),
    db.query<{ location_id: string; closed_on: string }>(
      `SELECT location_id, closed_on FROM location_closures
       WHERE location_id = ANY($1::uuid[]) AND closed_on BETWEEN $2 AND $3`,
      [locationIds, window.fromDate, window.toDate],
    ),
  ]);
  const toInterval = (provider: string, s: Date, e: Date): Interval => ({
    provider,
    start: s.getTime(),
    end: e.getTime(),
  });
  return {
    busy: busy.map((b) => toInterval(b.provider_id, b.s, b.e)),
    timeOff: timeOff.map((t) => toInterval(t.provider_id, t.starts_at, t.ends_at)),
    closures: closures.map((c) => ({ locationId: c.location_id, date: c.closed_on })),
  };
}

export async function insertPatient(db: Queryable, p: Patient, language: Locale): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO patients (given_name, family_name, birth_date, email, phone, language)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.givenName, p.familyName, p.birthDate, p.email, p.phone, language],
  );
  return row!.id;
}

export async function insertAppointment(
  db: Queryable,
  a: {
    providerId: string;
    locationId: string;
    visitTypeId: string;
    patientId: string;
    startsAt: Date;
    endsAt: Date;
    blockedUntil: Date;
    manageTokenHash: string;
    assessmentId: string | null;
    language: Locale;
    now: Date;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO appointments (provider_id, location_id, visit_type_id, patient_id, starts_at, ends_at, blocked,
       manage_token_hash, assessment_id, language, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, tstzrange($5, $7), $8, $9, $10, $11, $11) RETURNING id`,
    [
      a.providerId,
      a.locationId,
      a.visitTypeId,
      a.patientId,
      a.startsAt,
      a.endsAt,
      a.blockedUntil,
      a.manageTokenHash,
      a.assessmentId,
      a.language,
      a.now,
    ],
  );
  return row!.id;
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
});

export async function findAppointment(db: Queryable, id: string): Promise<StoredAppointment | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
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
) {
  const rows = await db.query(
    `UPDATE appointments SET starts_at = $2, ends_at = $3, blocked = tstzrange($2, $4), updated_at = $5, sequence = sequence + 1
     WHERE id = $1 AND status = 'booked' RETURNING id`,
    [id, startsAt, endsAt, blockedUntil, now],
  );
  return rows.length === 1;
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

export async function insertIdempotencyRecord(
  db: Queryable,
  r: {
    scope: string;
    key: string;
    requestHash: string;
    status: number;
    body: Record<string, unknown>;
    resourceId: string;
    expiresAt: Date;
  },
) {
  await db.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, resource_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.scope, r.key, r.requestHash, r.status, JSON.stringify(r.body), r.resourceId, r.expiresAt],
  );
}

export async function deleteExpiredIdempotencyKeys(db: Queryable, now: Date): Promise<number> {
  return (await db.query('DELETE FROM idempotency_keys WHERE expires_at <= $1 RETURNING key', [now])).length;
}
