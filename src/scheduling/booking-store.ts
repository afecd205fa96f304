/**
 * The booking's own tables: finding a known patient, the "is it taken" check, the per-provider
 * lock, the booking insert and the idempotency records. Split from scheduling-store.ts, which
 * keeps the reads and the other changes of a visit.
 */
import type { Queryable } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n/i18n.js';
import { samePerson, type PersonDetails as Patient } from './patient-identity.js';

type PatientRow = {
  id: string;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
};

/** The stored patients a person could be: the same birth date (patient-identity.ts matches). */
const PATIENTS_BORN = `SELECT id, given_name, family_name, email, phone FROM patients WHERE birth_date = $1 ORDER BY created_at LIMIT 500`;

/** Which of these stored patients is this person, if any (strong match only). */
function knownAmong(rows: PatientRow[], p: Patient): string | undefined {
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

/** The stored patient who is this person, if any (strong match only: patient-identity.ts). */
export async function findKnownPatient(db: Queryable, p: Patient): Promise<string | undefined> {
  return knownAmong(await db.query<PatientRow>(PATIENTS_BORN, [p.birthDate]), p);
}

/**
 * The rows of appointments that take a provider's time at `now` (SQL, table alias optional):
 * active visits, and waiting-list holds whose offer is still open. A lapsed hold no longer takes
 * the time, though its row stays until clearHolds removes it.
 */
export const TAKES_TIME = (now: string, alias = '') =>
  `(${alias}status IN ('booked', 'checked-in') OR (${alias}status = 'held' AND ${alias}hold_expires_at > ${now}))`;

/**
 * What a booking learns before it writes, in one lock-free round trip: whether the time (with its
 * buffer) is taken by an active visit or an open offer's hold other than the taker's own (the same
 * `booking_time_free` the write asks again after the provider's lock: most racers of a rush get
 * their 409 here), whether a hold the write must clear first lies on it (a lapsed offer's, or the
 * taker's own: clearHolds), and which stored patient this person is (findKnownPatient).
 */
export async function bookingPrecheck(
  db: Queryable,
  b: {
    providerId: string;
    start: Date;
    blockedUntil: Date;
    now: Date;
    heldFor: string | null;
    patient: Patient;
  },
): Promise<{ taken: boolean; holdsToClear: boolean; knownPatientId: string | null }> {
  const [row] = await db.query<{ taken: boolean; holds: boolean; people: PatientRow[] }>(
    `SELECT
       NOT booking_time_free($2, $3, $4, $5, $6::uuid, false) AS taken,
       EXISTS (SELECT 1 FROM appointments
               WHERE provider_id = $2 AND status = 'held' AND blocked && tstzrange($3, $4)
                 AND (hold_expires_at <= $5 OR held_for = $6::uuid)) AS holds,
       (SELECT COALESCE(json_agg(x), '[]'::json) FROM (${PATIENTS_BORN}) x) AS people`,
    [b.patient.birthDate, b.providerId, b.start, b.blockedUntil, b.now, b.heldFor],
  );
  return {
    taken: row!.taken,
    holdsToClear: row!.holds,
    knownPatientId: knownAmong(row!.people, b.patient) ?? null,
  };
}

/**
 * Removes the holds on a provider's time that no longer keep it (their offer lapsed), and the
 * hold of `heldFor` (its patient is booking it now), so the exclusion constraint, which sees
 * every 'held' row, lets the booking or move in. Run in its transaction, before the write.
 */
export async function clearHolds(
  tx: Queryable,
  providerId: string,
  start: Date,
  blockedUntil: Date,
  now: Date,
  heldFor: string | null = null,
) {
  await tx.query(
    `DELETE FROM appointments
     WHERE provider_id = $1 AND status = 'held' AND blocked && tstzrange($2, $3)
       AND (hold_expires_at <= $4 OR held_for = $5::uuid)`,
    [providerId, start, blockedUntil, now, heldFor],
  );
}

/**
 * Holds a time for a waiting-list offer until it expires. Returns false (nothing written) when
 * the time is not free: taken by a visit or another open hold.
 */
export async function insertHold(
  tx: Queryable,
  h: {
    entryId: string;
    patientId: string;
    providerId: string;
    locationId: string;
    visitTypeId: string;
    language: Locale;
    startsAt: Date;
    endsAt: Date;
    blockedUntil: Date;
    expiresAt: Date;
    now: Date;
  },
): Promise<boolean> {
  await clearHolds(tx, h.providerId, h.startsAt, h.blockedUntil, h.now);
  const rows = await tx.query(
    `INSERT INTO appointments (provider_id, location_id, visit_type_id, patient_id, starts_at, ends_at, blocked,
       status, manage_token_hash, language, created_at, updated_at, held_for, hold_expires_at)
     SELECT $1, $2, $3, $4, $5, $6, tstzrange($5, $7), 'held', 'hold:' || gen_random_uuid(), $8, $9, $9, $10, $11
     WHERE NOT EXISTS (SELECT 1 FROM appointments WHERE provider_id = $1 AND ${TAKES_TIME('$9')}
       AND blocked && tstzrange($5, $7))
     RETURNING id`,
    [
      h.providerId,
      h.locationId,
      h.visitTypeId,
      h.patientId,
      h.startsAt,
      h.endsAt,
      h.blockedUntil,
      h.language,
      h.now,
      h.entryId,
      h.expiresAt,
    ],
  );
  return rows.length === 1;
}

/** Ends a waiting-list entry's hold (its offer expired, was declined or passed on). */
export async function releaseHold(tx: Queryable, entryId: string) {
  await tx.query(`DELETE FROM appointments WHERE held_for = $1 AND status = 'held'`, [entryId]);
}

/** The per-provider booking lock (SQL, the provider's id as a parameter). */
const PROVIDER_LOCK = (param: string) =>
  `pg_advisory_xact_lock(hashtextextended('booking:' || ${param}::uuid::text, 0))`;

/**
 * Orders competing bookings for one provider inside their transactions (released at commit):
 * two overlapping inserts then never wait on each other inside the exclusion constraint, which
 * is what deadlocked under a rush (see docs/decisions/0012-booking-under-contention.md).
 */
export async function lockProviderBookings(tx: Queryable, providerId: string) {
  await tx.query(`SELECT ${PROVIDER_LOCK('$1')}`, [providerId]);
}

/**
 * A whole booking in one statement: patient, appointment, audit event, messages and (with a key)
 * the idempotency record. One round trip, atomic on its own; the exclusion constraint or the
 * idempotency key's primary key refuses it as a whole. With `lockProvider` the statement first
 * takes the provider's booking lock (lockProviderBookings) itself, held to the end of its
 * transaction: racers for one clinician are ordered without a transaction of several round trips.
 * After the lock, `booking_time_free` (migration 0029) checks the time with a fresh snapshot, so a
 * loser stops there ('taken': nothing written) instead of inserting and failing in the
 * constraint. `undefined`: time off or a closure.
 */
export async function insertBooking(
  db: Queryable,
  b: {
    id: string;
    /** Take the provider's booking lock first (PostgreSQL; the embedded database has one connection). */
    lockProvider: boolean;
    /** A waiting-list entry taking its own offer: its hold does not keep it out. */
    heldFor: string | null;
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
): Promise<{ id: string; patientId: string } | 'taken' | undefined> {
  const k = b.idempotency;
  const [row] = await db.query<{ free: boolean; id: string | null; patient_id: string | null }>(
    `WITH lock AS (
       -- Volatile, so materialised once, before anything that reads ok (every write below does).
       SELECT booking_time_free($7, $10, $12, $14, $31::uuid, $32::boolean) AS free
     ), ok AS (
       -- Time off and clinic closures are checked here, in the same statement, not in a query before.
       SELECT 1 FROM lock WHERE free AND NOT EXISTS (SELECT 1 FROM provider_time_off WHERE provider_id = $7 AND starts_at < $12 AND ends_at > $10)
         AND NOT EXISTS (SELECT 1 FROM location_closures WHERE location_id = $8 AND closed_on = $25::date)
     ), new_patient AS (
       INSERT INTO patients (given_name, family_name, birth_date, email, phone, language, created_at)
       SELECT $1, $2, $3, $4, $5, $6, $14 FROM ok WHERE $30::uuid IS NULL
       RETURNING id
     ), known_patient AS (
       -- Someone already known: their record, with the contact details they gave this time
       -- (a contact not given this time, e.g. no email on a phone booking, is kept).
       UPDATE patients SET email = COALESCE($4, email), phone = COALESCE($5, phone), language = $6
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
     SELECT lock.free, a.id, a.patient_id FROM lock LEFT JOIN a ON true`,
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
      b.heldFor,
      b.lockProvider,
    ],
  );
  if (!row!.free) return 'taken';
  return row!.id ? { id: row!.id, patientId: row!.patient_id! } : undefined;
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
