/**
 * Loads a clinic network from its content file (content/network/*.json) into an empty
 * database. The file is validated first, and everything is inserted in one transaction, so a
 * bad file leaves nothing behind. Running it again on a loaded database does nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Database } from '../platform/db/database.js';

export const DEMO_NETWORK_FILE = fileURLToPath(
  new URL('../../content/network/demo-network.json', import.meta.url),
);

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const localized = z.object({ en: z.string().min(1), es: z.string().min(1) });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const weekday = z.number().int().min(1).max(7);

const networkFile = z.object({
  network: z.object({
    name: z.string().min(1),
    tagline: localized,
    /** "the Phoenix area": the home page's title says where the network is. */
    area: localized.optional(),
    /** One line about the network's specialists for the home page. */
    highlight: localized.optional(),
    /** Names for the clinics' zones ("Arizona time"); others get the zone's standard name. */
    timeZoneNames: z.record(z.string(), localized).default({}),
    /** The visit types a self-check result leads to: same day (urgent) and a first visit. */
    selfCheckVisitTypes: z.object({ sameDay: slug.optional(), visit: slug.optional() }).default({}),
  }),
  demo: z.boolean(),
  locations: z.array(
    z.object({
      slug,
      name: z.string().min(1),
      timeZone: z.string().refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'unknown IANA time zone'),
      street: z.string().min(1),
      city: z.string().min(1),
      region: z.string().min(1),
      postalCode: z.string().min(1),
      phone: z.string().min(7),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
      directions: localized,
      hours: z.array(z.tuple([weekday, time, time])),
    }),
  ),
  visitTypes: z.array(
    z.object({
      slug,
      name: localized,
      description: localized,
      durationMinutes: z.number().int().min(5),
      bufferMinutes: z.number().int().min(0),
      minNoticeMinutes: z.number().int().min(0),
      horizonDays: z.number().int().min(1),
      providers: z.array(slug),
    }),
  ),
  providers: z.array(
    z.object({
      slug,
      displayName: z.string().min(1),
      credentials: z.string(),
      specialty: z.enum(['pain-management', 'internal-medicine']),
      languages: z.array(z.enum(['en', 'es'])),
      bio: localized,
      schedule: z.array(z.tuple([slug, weekday, time, time])),
    }),
  ),
});

export type NetworkFile = z.infer<typeof networkFile>;

export function readNetworkFile(path = DEMO_NETWORK_FILE): NetworkFile {
  const parsed = networkFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`The network file ${path} is invalid: ${problems}`);
  }
  const slugs = new Set(parsed.data.visitTypes.map((v) => v.slug));
  for (const [role, visitType] of Object.entries(parsed.data.network.selfCheckVisitTypes)) {
    if (visitType && !slugs.has(visitType))
      throw new Error(
        `The network file ${path} is invalid: network.selfCheckVisitTypes.${role}: unknown visit type ${visitType}`,
      );
  }
  return parsed.data;
}

/** Returns true when the network was loaded, false when the database already had one. */
export async function loadNetwork(db: Database, file: NetworkFile, today: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM locations');
    if (existing && existing.n > 0) return false;

    const n = file.network;
    await tx.query(
      `INSERT INTO network (id, name, tagline, area, highlight, time_zone_names, self_check_visit_types)
       VALUES (1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [n.name, n.tagline, n.area ?? null, n.highlight ?? null, n.timeZoneNames, n.selfCheckVisitTypes],
    );
    const locationIds = new Map<string, string>();
    for (const l of file.locations) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO locations (slug, name, time_zone, street, city, region, postal_code, phone,
           latitude, longitude, directions, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          l.slug,
          l.name,
          l.timeZone,
          l.street,
          l.city,
          l.region,
          l.postalCode,
          l.phone,
          l.latitude ?? null,
          l.longitude ?? null,
          l.directions,
          file.demo,
        ],
      );
      locationIds.set(l.slug, row!.id);
      for (const [day, opens, closes] of l.hours) {
        await tx.query(
          'INSERT INTO location_hours (location_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)',
          [row!.id, day, opens, closes],
        );
      }
    }
    const providerIds = new Map<string, string>();
    for (const p of file.providers) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO providers (slug, display_name, credentials, specialty, bio, languages, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [p.slug, p.displayName, p.credentials, p.specialty, p.bio, p.languages, file.demo],
      );
      providerIds.set(p.slug, row!.id);
      for (const [location, day, starts, ends] of p.schedule) {
        const locationId = locationIds.get(location);
        if (!locationId) throw new Error(`Provider ${p.slug} works at unknown clinic ${location}`);
        await tx.query(
          `INSERT INTO provider_schedules (provider_id, location_id, weekday, starts, ends, valid_from)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [row!.id, locationId, day, starts, ends, today],
        );
      }
    }
    let order = 0;
    for (const v of file.visitTypes) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO visit_types (slug, name, description, duration_minutes, buffer_minutes,
           min_notice_minutes, horizon_days, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          v.slug,
          v.name,
          v.description,
          v.durationMinutes,
          v.bufferMinutes,
          v.minNoticeMinutes,
          v.horizonDays,
          order++,
        ],
      );
      for (const provider of v.providers) {
        const providerId = providerIds.get(provider);
        if (!providerId) throw new Error(`Visit type ${v.slug} names unknown provider ${provider}`);
        await tx.query('INSERT INTO provider_visit_types (provider_id, visit_type_id) VALUES ($1, $2)', [
          providerId,
          row!.id,
        ]);
      }
    }
    return true;
  });
}
