import type { Queryable } from '../platform/db/database.js';
import { zoneDisplayName } from '../platform/i18n/format.js';
import type { Directory, Localized, Location, Provider, Specialty, VisitType } from './directory.js';

const hhmm = (t: string) => t.slice(0, 5);

/**
 * Reads the whole network in parallel queries; the directory is small (tens of rows). Retired
 * clinics, providers and visit types go to `retired` (ADR 23): the active ones never name them,
 * so a provider's working hours at a retired clinic and offers of retired visit types or by
 * retired providers are left out, and search, booking, the public pages and FHIR follow.
 */
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
        retired_at: Date | null;
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
        retired_at: Date | null;
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
        retired_at: Date | null;
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

  const activeLocations = new Set(locationRows.filter((l) => !l.retired_at).map((l) => l.id));
  const activeProviders = new Set(providerRows.filter((p) => !p.retired_at).map((p) => p.id));
  const activeVisitTypes = new Set(visitTypeRows.filter((v) => !v.retired_at).map((v) => v.id));

  const allLocations: Location[] = locationRows.map((l) => ({
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

  const allProviders: Provider[] = providerRows.map((p) => {
    // An active provider works only at active clinics and offers only active visit types.
    const active = activeProviders.has(p.id);
    const schedule = scheduleRows
      .filter((s) => s.provider_id === p.id && (!active || activeLocations.has(s.location_id)))
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
        .filter((o) => o.provider_id === p.id && (!active || activeVisitTypes.has(o.visit_type_id)))
        .map((o) => visitTypeSlug.get(o.visit_type_id)!),
      schedule,
    };
  });

  const allVisitTypes: VisitType[] = visitTypeRows.map((v) => ({
    id: v.id,
    slug: v.slug,
    name: v.name,
    description: v.description,
    durationMinutes: v.duration_minutes,
    bufferMinutes: v.buffer_minutes,
    minNoticeMinutes: v.min_notice_minutes,
    horizonDays: v.horizon_days,
    providers: offerRows
      .filter(
        (o) =>
          o.visit_type_id === v.id && (!activeVisitTypes.has(v.id) || activeProviders.has(o.provider_id)),
      )
      .map((o) => providerSlug.get(o.provider_id)!),
  }));

  const network: Directory['network'] = {
    name: networkRow?.name ?? 'Carepath',
    tagline: networkRow?.tagline ?? { en: '', es: '' },
    area: networkRow?.area ?? null,
    highlight: networkRow?.highlight ?? null,
    selfCheckVisitTypes: networkRow?.self_check_visit_types ?? {},
  };
  const split = <T extends { id: string }>(all: T[], active: Set<string>) => [
    all.filter((x) => active.has(x.id)),
    all.filter((x) => !active.has(x.id)),
  ];
  const [locations, retiredLocations] = split(allLocations, activeLocations);
  const [providers, retiredProviders] = split(allProviders, activeProviders);
  const [visitTypes, retiredVisitTypes] = split(allVisitTypes, activeVisitTypes);
  return {
    network,
    locations: locations!,
    providers: providers!,
    visitTypes: visitTypes!,
    retired: { locations: retiredLocations!, providers: retiredProviders!, visitTypes: retiredVisitTypes! },
  };
}
