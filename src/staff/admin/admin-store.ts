/**
 * The administration's writes to the clinic directory (clinics, opening hours, closures,
 * providers, what they offer, where and when they work, time off, visit types). Reads for
 * display come from the DirectoryService; only rows the directory does not carry (ids of
 * working blocks, closures, time off) are read here. Callers pass a transaction.
 */
import type { Queryable } from '../../platform/db/database.js';

const hhmm = (t: string) => t.slice(0, 5);

// ------------------------------------------------------------------ clinics

export interface LocationDetails {
  name: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
}

export async function updateLocation(db: Queryable, id: string, l: LocationDetails): Promise<boolean> {
  const rows = await db.query(
    `UPDATE locations SET name = $2, street = $3, city = $4, region = $5, postal_code = $6, phone = $7
     WHERE id = $1 RETURNING id`,
    [id, l.name, l.street, l.city, l.region, l.postalCode, l.phone],
  );
  return rows.length === 1;
}

/** Replaces a clinic's weekly opening hours with one opens/closes pair per open weekday. */
export async function replaceHours(
  db: Queryable,
  locationId: string,
  hours: { weekday: number; opens: string; closes: string }[],
) {
  await db.query('DELETE FROM location_hours WHERE location_id = $1', [locationId]);
  await db.query(
    `INSERT INTO location_hours (location_id, weekday, opens, closes)
     SELECT $1, x.weekday, x.opens::time, x.closes::time
     FROM jsonb_to_recordset($2::jsonb) AS x(weekday smallint, opens text, closes text)`,
    [locationId, JSON.stringify(hours)],
  );
}

export interface Closure {
  date: string;
  /** The reason in each language (the Spanish falls back to the English). */
  reason: { en: string; es: string };
}

export async function listClosures(db: Queryable, locationId: string, fromDate: string): Promise<Closure[]> {
  const rows = await db.query<{ closed_on: string; name: { en?: string; es?: string } }>(
    'SELECT closed_on::text AS closed_on, name FROM location_closures WHERE location_id = $1 AND closed_on >= $2 ORDER BY closed_on',
    [locationId, fromDate],
  );
  return rows.map((r) => ({
    date: r.closed_on,
    reason: { en: r.name.en ?? '', es: r.name.es || r.name.en || '' },
  }));
}

/** False when the clinic is already closed that day. */
export async function addClosure(
  db: Queryable,
  locationId: string,
  date: string,
  reason: { en: string; es: string },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO location_closures (location_id, closed_on, name) VALUES ($1, $2, $3)
     ON CONFLICT (location_id, closed_on) DO NOTHING RETURNING closed_on`,
    [locationId, date, JSON.stringify(reason)],
  );
  return rows.length === 1;
}

export async function removeClosure(db: Queryable, locationId: string, date: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM location_closures WHERE location_id = $1 AND closed_on = $2 RETURNING closed_on',
    [locationId, date],
  );
  return rows.length === 1;
}

// ------------------------------------------------------------------ providers

export async function updateProvider(
  db: Queryable,
  id: string,
  p: { displayName: string; credentials: string; bio: { en: string; es: string } },
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE providers SET display_name = $2, credentials = $3, bio = $4 WHERE id = $1 RETURNING id',
    [id, p.displayName, p.credentials, JSON.stringify(p.bio)],
  );
  return rows.length === 1;
}

export async function setProviderVisitTypes(db: Queryable, providerId: string, visitTypeIds: string[]) {
  await db.query(
    'DELETE FROM provider_visit_types WHERE provider_id = $1 AND NOT visit_type_id = ANY($2::uuid[])',
    [providerId, visitTypeIds],
  );
  await db.query(
    `INSERT INTO provider_visit_types (provider_id, visit_type_id) SELECT $1, x FROM unnest($2::uuid[]) AS x
     ON CONFLICT DO NOTHING`,
    [providerId, visitTypeIds],
  );
}

export interface WorkingBlockRow {
  id: string;
  locationId: string;
  weekday: number;
  starts: string;
  ends: string;
  validFrom: string;
  validTo: string | null;
}

export async function listWorkingBlocks(db: Queryable, providerId: string): Promise<WorkingBlockRow[]> {
  const rows = await db.query<{
    id: string;
    location_id: string;
    weekday: number;
    starts: string;
    ends: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    `SELECT id, location_id, weekday, starts::text AS starts, ends::text AS ends, valid_from::text AS valid_from,
       valid_to::text AS valid_to
     FROM provider_schedules WHERE provider_id = $1 ORDER BY weekday, starts`,
    [providerId],
  );
  return rows.map((r) => ({
    id: r.id,
    locationId: r.location_id,
    weekday: r.weekday,
    starts: hhmm(r.starts),
    ends: hhmm(r.ends),
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** Throws the exclusion violation (23P01) when the block overlaps another of the provider's. */
export async function addWorkingBlock(
  db: Queryable,
  providerId: string,
  b: Omit<WorkingBlockRow, 'id'>,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO provider_schedules (provider_id, location_id, weekday, starts, ends, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [providerId, b.locationId, b.weekday, b.starts, b.ends, b.validFrom, b.validTo],
  );
  return row!.id;
}

export async function removeWorkingBlock(db: Queryable, providerId: string, id: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM provider_schedules WHERE id = $1 AND provider_id = $2 RETURNING id',
    [id, providerId],
  );
  return rows.length === 1;
}

/**
 * Changes a block from `was` to `next`; false when it is no longer `was` (removed or changed
 * meanwhile: the visits checked against it may not be the ones affected). Throws the exclusion
 * violation (23P01) when the new hours overlap another of the provider's blocks.
 */
export async function updateWorkingBlock(
  db: Queryable,
  providerId: string,
  was: WorkingBlockRow,
  next: Omit<WorkingBlockRow, 'id'>,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE provider_schedules SET location_id = $3, weekday = $4, starts = $5, ends = $6, valid_from = $7, valid_to = $8
     WHERE id = $1 AND provider_id = $2 AND location_id = $9 AND weekday = $10 AND starts = $11 AND ends = $12
       AND valid_from = $13 AND valid_to IS NOT DISTINCT FROM $14::date
     RETURNING id`,
    [
      was.id,
      providerId,
      next.locationId,
      next.weekday,
      next.starts,
      next.ends,
      next.validFrom,
      next.validTo,
      was.locationId,
      was.weekday,
      was.starts,
      was.ends,
      was.validFrom,
      was.validTo,
    ],
  );
  return rows.length === 1;
}

export interface TimeOffRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  note: string;
}

export async function listTimeOff(db: Queryable, providerId: string, since: Date): Promise<TimeOffRow[]> {
  const rows = await db.query<{ id: string; starts_at: Date; ends_at: Date; note: string }>(
    'SELECT id, starts_at, ends_at, note FROM provider_time_off WHERE provider_id = $1 AND ends_at > $2 ORDER BY starts_at',
    [providerId, since],
  );
  return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, endsAt: r.ends_at, note: r.note }));
}

export async function addTimeOff(
  db: Queryable,
  providerId: string,
  t: { startsAt: Date; endsAt: Date; note: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO provider_time_off (provider_id, starts_at, ends_at, note) VALUES ($1, $2, $3, $4) RETURNING id',
    [providerId, t.startsAt, t.endsAt, t.note],
  );
  return row!.id;
}

export async function removeTimeOff(db: Queryable, providerId: string, id: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM provider_time_off WHERE id = $1 AND provider_id = $2 RETURNING id',
    [id, providerId],
  );
  return rows.length === 1;
}

// ------------------------------------------------------------------ visit types

export interface VisitTypeSettings {
  name: { en: string; es: string };
  description: { en: string; es: string };
  durationMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

export async function updateVisitType(db: Queryable, id: string, v: VisitTypeSettings): Promise<boolean> {
  const rows = await db.query(
    `UPDATE visit_types SET name = $2, description = $3, duration_minutes = $4, buffer_minutes = $5,
       min_notice_minutes = $6, horizon_days = $7
     WHERE id = $1 RETURNING id`,
    [
      id,
      JSON.stringify(v.name),
      JSON.stringify(v.description),
      v.durationMinutes,
      v.bufferMinutes,
      v.minNoticeMinutes,
      v.horizonDays,
    ],
  );
  return rows.length === 1;
}

// ------------------------------------------------------------------ creating and retiring (ADR 23)

/** A new clinic; its opening hours are set on its page afterwards. Throws 23505 on a taken slug. */
export async function insertLocation(
  db: Queryable,
  l: LocationDetails & { slug: string; timeZone: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO locations (slug, name, time_zone, street, city, region, postal_code, phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [l.slug, l.name, l.timeZone, l.street, l.city, l.region, l.postalCode, l.phone],
  );
  return row!.id;
}

/** A new provider; what they offer and where they work are set on their page. Throws 23505 on a taken slug. */
export async function insertProvider(
  db: Queryable,
  p: {
    slug: string;
    displayName: string;
    credentials: string;
    specialty: string;
    languages: string[];
    bio: { en: string; es: string };
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO providers (slug, display_name, credentials, specialty, bio, languages)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.slug, p.displayName, p.credentials, p.specialty, JSON.stringify(p.bio), p.languages],
  );
  return row!.id;
}

/** A new visit type, listed after the others. Throws 23505 on a taken slug. */
export async function insertVisitType(db: Queryable, slug: string, v: VisitTypeSettings): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO visit_types (slug, name, description, duration_minutes, buffer_minutes, min_notice_minutes,
       horizon_days, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT COALESCE(max(sort_order), 0) + 1 FROM visit_types)) RETURNING id`,
    [
      slug,
      JSON.stringify(v.name),
      JSON.stringify(v.description),
      v.durationMinutes,
      v.bufferMinutes,
      v.minNoticeMinutes,
      v.horizonDays,
    ],
  );
  return row!.id;
}

export type DirectoryTable = 'locations' | 'providers' | 'visit_types';

/** What already uses a slug (active or retired), for the form's message; undefined when free. */
export async function slugOwner(db: Queryable, table: DirectoryTable, slug: string) {
  const name = table === 'locations' ? 'name' : table === 'providers' ? 'display_name' : "name->>'en'";
  const [row] = await db.query<{ name: string }>(`SELECT ${name} AS name FROM ${table} WHERE slug = $1`, [
    slug,
  ]);
  return row?.name;
}

/** Retires (at `at`) or re-activates (null); false when it already was so. */
export async function setRetired(db: Queryable, table: DirectoryTable, id: string, at: Date | null) {
  const rows = await db.query(
    `UPDATE ${table} SET retired_at = $2 WHERE id = $1 AND (retired_at IS NULL) <> ($2::timestamptz IS NULL) RETURNING id`,
    [id, at],
  );
  return rows.length === 1;
}
