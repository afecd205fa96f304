/**
 * Public FHIR R4 endpoints for the network's availability (no token: nothing here is about a
 * patient): read and search of Location, Practitioner, HealthcareService, Schedule and Slot, the
 * CapabilityStatement, and SMART Scheduling Links' $bulk-publish with its ndjson files. Slots
 * come from scheduling's searchSlots, the function behind GET /api/v1/slots and the booking pages.
 * Answers carry an ETag and a short Cache-Control, so an aggregator polling often costs little.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { homeZone, type Directory, type DirectoryService } from '../directory/index.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { dateInZone } from '../platform/i18n/format.js';
import { searchSlots, type Scheduling, type Slot } from '../scheduling/index.js';
import {
  healthcareServiceResource,
  locationId,
  locationResource,
  parseSlotId,
  practitionerId,
  practitionerResource,
  practitionerRoleResource,
  practitionerRoles,
  scheduleResource,
  schedules,
  serviceId,
  slotResource,
  type PublishedSchedule,
} from './availability-resources.js';
import { capabilityStatement } from './capability-statement.js';
import { operationOutcome } from './operation-outcome.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const NDJSON = 'application/fhir+ndjson; charset=utf-8';
/** Weeks of Slot files in $bulk-publish (this week and the next seven). */
export const PUBLISHED_WEEKS = 8;
const MAX_SLOT_DAYS = 31;
const FILE_TTL_MS = 30_000;
const DEFAULT_COUNT = 100;
const MAX_COUNT = 1000;

export interface AvailabilityApiDeps {
  scheduling: Scheduling;
  directory: DirectoryService;
  publicUrl: string;
  now: () => Date;
}

/** A body with its ETag: 304 when the client already has it. */
const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

function cached(c: Context, body: string, contentType: string, etag = etagOf(body)) {
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=60');
  // Published availability may be read by any site (an aggregator's page, for one).
  c.header('Access-Control-Allow-Origin', '*');
  if (
    c.req
      .header('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return c.body(null, 304);
  return c.body(body, 200, { 'content-type': contentType });
}

const fhirError = (c: Context, status: 400 | 404, code: string, diagnostics: string) =>
  c.body(JSON.stringify(operationOutcome(code, diagnostics)), status, { 'content-type': FHIR_JSON });

/** `start` search values: ge/gt/le/lt/eq and a date or a date-time; a bare date means that day. */
function startBounds(values: string[], zone: string): { from: number; to: number } | string {
  let from = -Infinity;
  let to = Infinity;
  for (const raw of values) {
    const m = /^(eq|ge|gt|le|lt)?(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.exec(raw);
    if (!m)
      return `start=${raw} is not a date (YYYY-MM-DD) or date-time with a zone, with an optional ge, gt, le, lt or eq`;
    const [, prefix = 'eq', date, time] = m;
    let lo: number;
    let hi: number;
    try {
      if (time) lo = hi = Temporal.Instant.from(`${date}${time}`).epochMilliseconds;
      else {
        const day = Temporal.PlainDate.from(date!, { overflow: 'reject' });
        lo = day.toZonedDateTime(zone).epochMilliseconds;
        hi = day.add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds - 1;
      }
    } catch {
      return `start=${raw} is not a real date`;
    }
    if (prefix === 'ge' || prefix === 'eq') from = Math.max(from, lo);
    if (prefix === 'gt') from = Math.max(from, hi + 1);
    if (prefix === 'le' || prefix === 'eq') to = Math.min(to, hi);
    if (prefix === 'lt') to = Math.min(to, lo - 1);
  }
  return { from, to };
}

const reference = (value: string | undefined, type: string) =>
  value?.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;

export function fhirAvailabilityApi({ scheduling, directory, publicUrl, now }: AvailabilityApiDeps) {
  const api = new Hono<AppEnv>();
  const base = `${publicUrl}/fhir`;

  const bundle = (
    c: Context,
    resources: Record<string, unknown>[],
    total = resources.length,
    next?: string,
  ) =>
    cached(
      c,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'searchset',
        total,
        link: [
          { relation: 'self', url: `${publicUrl}${c.req.path}${new URL(c.req.url).search}` },
          ...(next ? [{ relation: 'next', url: next }] : []),
        ],
        entry: resources.map((r) => ({
          fullUrl: `${base}/${r.resourceType}/${r.id}`,
          resource: r,
          search: { mode: 'match' },
        })),
      }),
      FHIR_JSON,
    );

  /** Free slots of these schedules whose start is in [fromMs, toMs], in start order. */
  const freeSlots = async (d: Directory, chosen: PublishedSchedule[], fromMs: number, toMs: number) => {
    const zone = homeZone(d);
    // Local dates that surely cover the instants (searchSlots takes clinic-local dates).
    const from = dateInZone(Math.max(fromMs, now().getTime()) - 86_400_000, zone);
    const to = dateInZone(toMs + 86_400_000, zone);
    const byKey = new Map(
      chosen.map((s) => [`${s.location.slug}|${s.provider.slug}|${s.visitType.slug}`, s]),
    );
    const out: { schedule: PublishedSchedule; slot: Slot }[] = [];
    for (const visitType of new Set(chosen.map((s) => s.visitType.slug))) {
      const one = chosen.length === 1 ? chosen[0]! : undefined;
      const slots = await searchSlots(scheduling, {
        visitType,
        from,
        to,
        ...(one ? { location: one.location.slug, provider: one.provider.slug } : {}),
      });
      for (const slot of slots) {
        const schedule = byKey.get(`${slot.location}|${slot.provider}|${slot.visitType}`);
        if (schedule && slot.startMs >= fromMs && slot.startMs <= toMs) out.push({ schedule, slot });
      }
    }
    return out.sort((a, b) => a.slot.startMs - b.slot.startMs || a.schedule.id.localeCompare(b.schedule.id));
  };

  // ---------------------------------------------------------------- capability and directory

  api.get('/metadata', (c) => cached(c, JSON.stringify(capabilityStatement(publicUrl)), FHIR_JSON));

  const readAndSearch = <T>(
    type: string,
    all: (d: Directory) => T[],
    id: (x: T) => string,
    toResource: (d: Directory, x: T) => Record<string, unknown>,
    filter: (d: Directory, x: T, q: Record<string, string>) => boolean = () => true,
  ) => {
    api.get(`/${type}`, async (c) => {
      const d = await directory.get();
      const q = c.req.query();
      return bundle(
        c,
        all(d)
          .filter((x) => filter(d, x, q))
          .map((x) => toResource(d, x)),
      );
    });
    api.get(`/${type}/:id`, async (c) => {
      const d = await directory.get();
      const found = all(d).find((x) => id(x) === c.req.param('id'));
      if (!found) return fhirError(c, 404, 'not-found', `${type}/${c.req.param('id')} does not exist.`);
      return cached(c, JSON.stringify(toResource(d, found)), FHIR_JSON);
    });
  };

  readAndSearch(
    'Location',
    (d) => d.locations,
    locationId,
    (_d, l) => locationResource(l),
  );
  readAndSearch(
    'Practitioner',
    (d) => d.providers,
    practitionerId,
    (_d, p) => practitionerResource(p),
    (_d, p, q) => !q.name || p.displayName.toLowerCase().includes(q.name.toLowerCase()),
  );
  // Languages spoken are the Practitioner's (communication): R4 has no element for them here.
  readAndSearch(
    'PractitionerRole',
    practitionerRoles,
    (r) => r.id,
    (d, r) => practitionerRoleResource(d, r),
    (_d, r, q) =>
      (!q.practitioner || reference(q.practitioner, 'Practitioner') === practitionerId(r.provider)) &&
      (!q.location || reference(q.location, 'Location') === locationId(r.location)) &&
      (!q.specialty || q.specialty.split('|').at(-1) === r.provider.specialty),
  );
  readAndSearch(
    'HealthcareService',
    (d) => d.visitTypes,
    serviceId,
    (d, v) => healthcareServiceResource(d, v),
  );
  const horizonEnd = (d: Directory) =>
    dateInZone(
      now().getTime() + Math.max(...d.visitTypes.map((v) => v.horizonDays)) * 86_400_000,
      homeZone(d),
    );
  readAndSearch(
    'Schedule',
    schedules,
    (s) => s.id,
    (d, s) => scheduleResource(s, horizonEnd(d)),
    (_d, s, q) => {
      const actor = q.actor;
      if (!actor) return true;
      return (
        actor === `Location/${locationId(s.location)}` ||
        actor === `Practitioner/${practitionerId(s.provider)}`
      );
    },
  );

  // ---------------------------------------------------------------- slots

  // One Slot by id: found while it is still free (a taken or past time is 404, as it is gone).
  api.get('/Slot/:id{[0-9a-f]{20}\\.[0-9]{12}}', async (c) => {
    const d = await directory.get();
    const parsed = parseSlotId(c.req.param('id'));
    const schedule = parsed && schedules(d).find((s) => s.id === parsed.scheduleId);
    const found = schedule ? await freeSlots(d, [schedule], parsed!.startMs, parsed!.startMs) : [];
    if (!found[0])
      return fhirError(
        c,
        404,
        'not-found',
        `Slot/${c.req.param('id')} is not free: taken, past, or never offered.`,
      );
    return cached(c, JSON.stringify(slotResource(found[0].schedule, found[0].slot, publicUrl)), FHIR_JSON);
  });

  api.get('/Slot', async (c) => {
    const d = await directory.get();
    const url = new URL(c.req.url);
    const scheduleParam = reference(url.searchParams.get('schedule') ?? undefined, 'Schedule');
    const serviceParam = url.searchParams.get('service-type')?.split('|').at(-1);
    const status = url.searchParams.get('status');
    const count = Math.min(
      Number(url.searchParams.get('_count') ?? DEFAULT_COUNT) || DEFAULT_COUNT,
      MAX_COUNT,
    );
    const offset = Math.max(0, Number(url.searchParams.get('_offset') ?? 0) || 0);
    let chosen = schedules(d);
    if (scheduleParam) chosen = chosen.filter((s) => s.id === scheduleParam);
    if (serviceParam) chosen = chosen.filter((s) => s.visitType.slug === serviceParam);
    const zone = homeZone(d);
    const bounds = startBounds(url.searchParams.getAll('start'), zone);
    if (typeof bounds === 'string') return fhirError(c, 400, 'value', bounds);
    const fromMs = Number.isFinite(bounds.from) ? bounds.from : now().getTime();
    const toMs = Number.isFinite(bounds.to) ? bounds.to : fromMs + 7 * 86_400_000;
    if (toMs - fromMs > MAX_SLOT_DAYS * 86_400_000)
      return fhirError(c, 400, 'too-costly', `A Slot search covers at most ${MAX_SLOT_DAYS} days of start.`);
    // Only free times are published; a search for busy ones finds none.
    const found =
      status && status !== 'free' ? [] : chosen.length ? await freeSlots(d, chosen, fromMs, toMs) : [];
    const page = found.slice(offset, offset + count);
    let next: string | undefined;
    if (offset + count < found.length) {
      const n = new URL(`${publicUrl}${c.req.path}${url.search}`);
      n.searchParams.set('_offset', String(offset + count));
      next = n.toString();
    }
    return bundle(
      c,
      page.map((x) => slotResource(x.schedule, x.slot, publicUrl)),
      found.length,
      next,
    );
  });

  // ---------------------------------------------------------------- SMART Scheduling Links

  /** Monday (home-zone date) of each published week, starting with this one. */
  const weeks = (d: Directory) => {
    const today = Temporal.PlainDate.from(dateInZone(now().getTime(), homeZone(d)));
    const monday = today.subtract({ days: today.dayOfWeek - 1 });
    return Array.from({ length: PUBLISHED_WEEKS }, (_, i) => monday.add({ weeks: i }).toString());
  };

  api.get('/$bulk-publish', async (c) => {
    const d = await directory.get();
    const file = (name: string) => `${base}/$bulk-publish/${name}.ndjson`;
    const output = [
      { type: 'Location', url: file('Location') },
      { type: 'Schedule', url: file('Schedule') },
      ...weeks(d).map((w) => ({ type: 'Slot', url: file(`Slot-${w}`) })),
    ];
    return cached(
      c,
      JSON.stringify({
        transactionTime: now().toISOString(),
        request: `${base}/$bulk-publish`,
        output,
        error: [],
      }),
      'application/json; charset=utf-8',
    );
  });

  const ndjson = (rows: Record<string, unknown>[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

  /**
   * A published file is built at most once per FILE_TTL_MS per instance: aggregators poll every
   * few minutes, many at once, and a week of slots is the costliest answer here. A file may so
   * lag a booking by that long (the booking page then says the time was just taken); the Slot
   * search is always live.
   */
  const files = new Map<string, { builtAt: number; body: string; etag: string }>();
  const publishedFile = async (name: string, d: Directory) => {
    const hit = files.get(name);
    if (hit && performance.now() - hit.builtAt < FILE_TTL_MS) return hit;
    let body: string | undefined;
    if (name === 'Location.ndjson') body = ndjson(d.locations.map(locationResource));
    else if (name === 'Schedule.ndjson')
      body = ndjson(schedules(d).map((s) => scheduleResource(s, horizonEnd(d))));
    else {
      const week = /^Slot-(\d{4}-\d{2}-\d{2})\.ndjson$/.exec(name)?.[1];
      if (!week || !weeks(d).includes(week)) return undefined;
      const zone = homeZone(d);
      const monday = Temporal.PlainDate.from(week);
      const fromMs = monday.toZonedDateTime(zone).epochMilliseconds;
      const toMs = monday.add({ weeks: 1 }).toZonedDateTime(zone).epochMilliseconds - 1;
      const found = await freeSlots(d, schedules(d), fromMs, toMs);
      body = ndjson(found.map((x) => slotResource(x.schedule, x.slot, publicUrl)));
    }
    if (files.size > 64) files.clear();
    const file = { builtAt: performance.now(), body, etag: etagOf(body) };
    files.set(name, file);
    return file;
  };

  api.get('/$bulk-publish/:file', async (c) => {
    const name = c.req.param('file');
    const file = await publishedFile(name, await directory.get());
    if (!file)
      return fhirError(c, 404, 'not-found', `${name} is not a published file; see ${base}/$bulk-publish.`);
    return cached(c, file.body, NDJSON, file.etag);
  });

  return api;
}
