import type { Queryable } from '../platform/db/database.js';
import { zoneDisplayName } from '../platform/i18n/format.js';
import type { Directory, Localized, Location, Provider, Specialty, VisitType } from './directory.js';

const hhmm = (t: string) => t.slice(0, 5);

/** Reads the whole network in five queries; the directory is small (tens of rows). */
export async function loadDirectory(db: Queryable): Promise<Directory> {
  const [networkRows, locationRows, hourRows, providerRows, visitTypeRows, offerRows, scheduleRows] =
    await Promise.all([
      db.query<{
        name: string;
        tagline: Localized;
        area: Localized | null;
        highlight: Localized | null;
        time_zone_names: Record<string, Localized>;
        self_check_visit_types: { sameDay?: string; visit?: string };
      }>('SELECT * FROM network WHERE id = 1'),
      db.query<{
        id: string;
        slug: string;
        name: string;
        time_zone: string;
        street: string;
        city: string;
        region: string;
        postal_code: string;
        phone: string;
        latitude: number | null;
        longitude: number | null;
        directions: Localized;
        is_demo: boolean;
      }>('SELECT * FROM locations ORDER BY name'),
      db.query<{ location_id: string; weekday: number; opens: string; closes: string }>(
        'SELECT location_id, weekday, opens, closes FROM location_hours ORDER BY weekday, opens',
      ),
      db.query<{
        id: string;
        slug: string;
        display_name: string;
        credentials: string;
        specialty: Specialty;
        bio: Localized;
        languages: string[];
        is_demo: boolean;
      }>('SELECT * FROM providers ORDER BY specialty DESC, display_name'),
      db.query<{
        id: string;
        slug: string;
        name: Localized;
        description: Localized;
        duration_minutes: number;
        buffer_minutes: number;
        min_notice_minutes: number;
        horizon_days: number;
      }>('SELECT * FROM visit_types ORDER BY sort_order, slug'),
      db.query<{ provider_id: string; visit_type_id: string }>('SELECT * FROM provider_visit_types'),
      db.query<{
        provider_id: string;
        location_id: string;
        weekday: number;
        starts: string;
        ends: string;
        valid_from: string;
        valid_to: string | null;
      }>('SELECT * FROM provider_schedules ORDER BY weekday, starts'),
    ]);

  const networkRow = networkRows[0];
  const zoneNames = networkRow?.time_zone_names ?? {};
  const locationSlug = new Map(locationRows.map((l) => [l.id, l.slug]));
  const providerSlug = new Map(providerRows.map((p) => [p.id, p.slug]));
  const visitTypeSlug = new Map(visitTypeRows.map((v) => [v.id, v.slug]));

  const locations: Location[] = locationRows.map((l) => ({
    id: l.id,
    slug: l.slug,
    name: l.name,
    timeZone: l.time_zone,
    zoneName: zoneNames[l.time_zone] ?? {
      en: zoneDisplayName('en', l.time_zone),
      es: zoneDisplayName('es', l.time_zone),
    },
    street: l.street,
    city: l.city,
    region: l.region,
    postalCode: l.postal_code,
    phone: l.phone,
    latitude: l.latitude,
    longitude: l.longitude,
    directions: l.directions,
    isDemo: l.is_demo,
    hours: hourRows
      .filter((h) => h.location_id === l.id)
      .map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes) })),
  }));

  const providers: Provider[] = providerRows.map((p) => {
    const schedule = scheduleRows
      .filter((s) => s.provider_id === p.id)
      .map((s) => ({
        location: locationSlug.get(s.location_id)!,
        weekday: s.weekday,
        starts: hhmm(s.starts),
        ends: hhmm(s.ends),
        validFrom: s.valid_from,
        validTo: s.valid_to,
      }));
    return {
      id: p.id,
      slug: p.slug,
      displayName: p.display_name,
      credentials: p.credentials,
      specialty: p.specialty,
      bio: p.bio,
      languages: p.languages,
      isDemo: p.is_demo,
      locations: [...new Set(schedule.map((s) => s.location))].sort(),
      visitTypes: offerRows
        .filter((o) => o.provider_id === p.id)
        .map((o) => visitTypeSlug.get(o.visit_type_id)!),
      schedule,
    };
  });

  const visitTypes: VisitType[] = visitTypeRows.map((v) => ({
    id: v.id,
    slug: v.slug,
    name: v.name,
    description: v.description,
    durationMinutes: v.duration_minutes,
    bufferMinutes: v.buffer_minutes,
    minNoticeMinutes: v.min_notice_minutes,
    horizonDays: v.horizon_days,
    providers: offerRows.filter((o) => o.visit_type_id === v.id).map((o) => providerSlug.get(o.provider_id)!),
  }));

  const network: Directory['network'] = {
    name: networkRow?.name ?? 'Carepath',
    tagline: networkRow?.tagline ?? { en: '', es: '' },
    area: networkRow?.area ?? null,
    highlight: networkRow?.highlight ?? null,
    selfCheckVisitTypes: networkRow?.self_check_visit_types ?? {},
  };
  return { network, locations, providers, visitTypes };
}
