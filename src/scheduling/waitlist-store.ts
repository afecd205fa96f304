/** The only code that reads and writes the waiting list. */
import type { Queryable } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { Patient } from './scheduling-store.js';

export interface WaitlistEntry {
  id: string;
  visitTypeId: string;
  locationId: string;
  providerId: string | null;
  earliest: string;
  latest: string;
  patientId: string;
  patient: Patient;
  language: Locale;
  status: 'waiting' | 'offered' | 'booked' | 'expired' | 'left' | 'closed';
  tokenHash: string;
  offerTokenHash: string | null;
  offerProviderId: string | null;
  offerStartsAt: Date | null;
  offerExpiresAt: Date | null;
  appointmentId: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  visit_type_id: string;
  location_id: string;
  provider_id: string | null;
  earliest: string;
  latest: string;
  patient_id: string;
  language: Locale;
  status: WaitlistEntry['status'];
  token_hash: string;
  offer_token_hash: string | null;
  offer_provider_id: string | null;
  offer_starts_at: Date | null;
  offer_expires_at: Date | null;
  appointment_id: string | null;
  created_at: Date;
  given_name: string;
  family_name: string;
  birth_date: string;
  email: string | null;
  phone: string | null;
}

const SELECT = `SELECT w.*, p.given_name, p.family_name, p.birth_date, p.email, p.phone
  FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id`;

const toEntry = (r: Row): WaitlistEntry => ({
  id: r.id,
  visitTypeId: r.visit_type_id,
  locationId: r.location_id,
  providerId: r.provider_id,
  earliest: r.earliest,
  latest: r.latest,
  patientId: r.patient_id,
  patient: {
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: r.birth_date,
    email: r.email,
    phone: r.phone,
  },
  language: r.language,
  status: r.status,
  tokenHash: r.token_hash,
  offerTokenHash: r.offer_token_hash,
  offerProviderId: r.offer_provider_id,
  offerStartsAt: r.offer_starts_at,
  offerExpiresAt: r.offer_expires_at,
  appointmentId: r.appointment_id,
  createdAt: r.created_at,
});

export async function insertWaitlistEntry(
  db: Queryable,
  e: {
    visitTypeId: string;
    locationId: string;
    providerId: string | null;
    earliest: string;
    latest: string;
    patient: Patient;
    /** A patient already known as this person (findKnownPatient): reused, contact details updated. */
    knownPatientId: string | null;
    language: Locale;
    tokenHash: string;
    now: Date;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `WITH new_patient AS (
       INSERT INTO patients (given_name, family_name, birth_date, email, phone, language, created_at)
       SELECT $1, $2, $3, $4, $5, $6, $12 WHERE $14::uuid IS NULL RETURNING id
     ), known_patient AS (
       UPDATE patients SET email = COALESCE($4, email), phone = COALESCE($5, phone), language = $6 WHERE id = $14::uuid RETURNING id
     ), p AS (
       SELECT id FROM new_patient UNION ALL SELECT id FROM known_patient
     )
     INSERT INTO waitlist_entries (visit_type_id, location_id, provider_id, earliest, latest, patient_id, language, token_hash, created_at)
     SELECT $7, $8, $9, $10, $11, p.id, $6, $13, $12 FROM p RETURNING id`,
    [
      e.patient.givenName,
      e.patient.familyName,
      e.patient.birthDate,
      e.patient.email,
      e.patient.phone,
      e.language,
      e.visitTypeId,
      e.locationId,
      e.providerId,
      e.earliest,
      e.latest,
      e.now,
      e.tokenHash,
      e.knownPatientId,
    ],
  );
  return row!.id;
}

export async function findEntryByTokenHash(db: Queryable, hash: string) {
  const [row] = await db.query<Row>(`${SELECT} WHERE w.token_hash = $1`, [hash]);
  return row ? toEntry(row) : undefined;
}

export async function findEntryByOfferHash(db: Queryable, hash: string) {
  const [row] = await db.query<Row>(`${SELECT} WHERE w.offer_token_hash = $1`, [hash]);
  return row ? toEntry(row) : undefined;
}

/**
 * The earliest waiting entry that a freed time suits, locked so two frees cannot offer to the
 * same person (FOR UPDATE SKIP LOCKED lets concurrent frees pick different people).
 */
export async function lockNextWaiting(
  db: Queryable,
  m: { visitTypeId: string; locationId: string; providerId: string; localDate: string },
) {
  const [row] = await db.query<Row>(
    `${SELECT} WHERE w.status = 'waiting' AND w.visit_type_id = $1 AND w.location_id = $2
       AND (w.provider_id IS NULL OR w.provider_id = $3) AND $4::date BETWEEN w.earliest AND w.latest
     ORDER BY w.seq LIMIT 1 FOR UPDATE OF w SKIP LOCKED`,
    [m.visitTypeId, m.locationId, m.providerId, m.localDate],
  );
  return row ? toEntry(row) : undefined;
}

export async function markOffered(
  db: Queryable,
  id: string,
  o: { offerTokenHash: string; providerId: string; startsAt: Date; expiresAt: Date },
) {
  await db.query(
    `UPDATE waitlist_entries SET status = 'offered', offer_token_hash = $2, offer_provider_id = $3, offer_starts_at = $4, offer_expires_at = $5
     WHERE id = $1`,
    [id, o.offerTokenHash, o.providerId, o.startsAt, o.expiresAt],
  );
}

/** Moves an entry to `status` only from one of `from`; false when it was no longer there. */
export async function setEntryStatus(
  db: Queryable,
  id: string,
  status: WaitlistEntry['status'],
  from: WaitlistEntry['status'][],
  appointmentId: string | null = null,
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE waitlist_entries SET status = $2, appointment_id = COALESCE($3, appointment_id) WHERE id = $1 AND status = ANY($4) RETURNING id',
    [id, status, appointmentId, from],
  );
  return rows.length === 1;
}

/** Offers past their expiry, oldest first. */
export async function expiredOffers(db: Queryable, now: Date) {
  const rows = await db.query<Row>(
    `${SELECT} WHERE w.status = 'offered' AND w.offer_expires_at <= $1 ORDER BY w.offer_expires_at`,
    [now],
  );
  return rows.map(toEntry);
}

/** One entry, if it is still waiting (staff offer a time to a chosen person); `lock` inside a transaction. */
export async function findWaitingEntry(db: Queryable, id: string, lock = false) {
  const [row] = await db.query<Row>(
    `${SELECT} WHERE w.id = $1 AND w.status = 'waiting'${lock ? ' FOR UPDATE OF w' : ''}`,
    [id],
  );
  return row ? toEntry(row) : undefined;
}

/** A clinic's waiting and offered entries, first come first. */
export async function listOpenEntries(db: Queryable, locationId: string) {
  const rows = await db.query<Row>(
    `${SELECT} WHERE w.location_id = $1 AND w.status IN ('waiting', 'offered') ORDER BY w.seq LIMIT 200`,
    [locationId],
  );
  return rows.map(toEntry);
}

/** Open entries (waiting or offered) that name this clinic, provider or visit type, first come first. */
export async function listOpenEntriesNaming(
  db: Queryable,
  f: { locationId?: string; providerId?: string; visitTypeId?: string },
) {
  const rows = await db.query<Row>(
    `${SELECT} WHERE w.status IN ('waiting', 'offered')
       AND (w.location_id = $1 OR w.provider_id = $2 OR w.visit_type_id = $3) ORDER BY w.seq`,
    [f.locationId ?? null, f.providerId ?? null, f.visitTypeId ?? null],
  );
  return rows.map(toEntry);
}

export type RetiredPart = 'location' | 'provider' | 'visit-type';

/**
 * Open entries that name a retired clinic, provider or visit type, locked; with the part that is
 * retired (the clinic first, then the provider). One locked by another transaction (an offer being
 * made or taken) is skipped and found by the next call.
 */
export async function lockOpenEntriesOfRetired(db: Queryable) {
  const rows = await db.query<Row & { retired: RetiredPart }>(
    `SELECT w.*, p.given_name, p.family_name, p.birth_date, p.email, p.phone,
       CASE WHEN l.retired_at IS NOT NULL THEN 'location'
            WHEN pr.retired_at IS NOT NULL THEN 'provider' ELSE 'visit-type' END AS retired
     FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id
       JOIN locations l ON l.id = w.location_id JOIN visit_types v ON v.id = w.visit_type_id
       LEFT JOIN providers pr ON pr.id = w.provider_id
     WHERE w.status IN ('waiting', 'offered')
       AND (l.retired_at IS NOT NULL OR v.retired_at IS NOT NULL OR pr.retired_at IS NOT NULL)
     ORDER BY w.seq FOR UPDATE OF w SKIP LOCKED`,
  );
  return rows.map((r) => ({ entry: toEntry(r), retired: r.retired }));
}
