/**
 * Slot search for the API and pages, and the check that one requested time is bookable: the same
 * pure slot function (slots.ts) over what the database says about working hours, bookings, time
 * off and closures.
 */
import { Temporal } from 'temporal-polyfill';
import type { Directory, Location, Provider, VisitType } from '../directory/index.js';
import { ValidationFailed, type FieldError } from '../platform/http/problem.js';
import type { Queryable } from '../platform/db/database.js';
import { loadAvailability, loadBlockingTime } from './scheduling-store.js';
import { findOpenSlots, type Slot } from './slots.js';
import type { Scheduling } from './scheduling.js';
import { AvailabilityCache } from './availability-cache.js';

export const MAX_RANGE_DAYS = 31;

// ------------------------------------------------------------------ slots

export interface SlotSearch {
  visitType?: string;
  location?: string;
  provider?: string;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(
  value: string | undefined,
  field: string,
  errors: FieldError[],
): Temporal.PlainDate | undefined {
  if (!value) {
    errors.push({ field, detail: 'is required (YYYY-MM-DD)' });
    return undefined;
  }
  try {
    if (!DATE.test(value)) throw new Error();
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    errors.push({ field, detail: 'must be a date as YYYY-MM-DD' });
    return undefined;
  }
}

export interface ResolvedSearch {
  visitType: VisitType;
  providers: Provider[];
  locations: Location[];
  from: string;
  to: string;
}

/** Checks every parameter and names each invalid one. */
export function resolveSearch(d: Directory, q: SlotSearch): ResolvedSearch {
  const errors: FieldError[] = [];
  const visitType = d.visitTypes.find((v) => v.slug === q.visitType);
  if (!q.visitType) errors.push({ field: 'visitType', detail: 'is required' });
  else if (!visitType) errors.push({ field: 'visitType', detail: 'is not a known visit type' });
  const location = q.location ? d.locations.find((l) => l.slug === q.location) : undefined;
  if (q.location && !location) errors.push({ field: 'location', detail: 'is not a known clinic' });
  const provider = q.provider ? d.providers.find((p) => p.slug === q.provider) : undefined;
  if (q.provider && !provider) errors.push({ field: 'provider', detail: 'is not a known provider' });
  if (provider && visitType && !visitType.providers.includes(provider.slug)) {
    errors.push({ field: 'provider', detail: `does not offer ${visitType.slug}` });
  }
  if (provider && location && !provider.locations.includes(location.slug)) {
    errors.push({ field: 'provider', detail: `does not work at ${location.slug}` });
  }
  const from = parseDate(q.from, 'from', errors);
  const to = parseDate(q.to, 'to', errors);
  if (from && to) {
    const days = from.until(to, { largestUnit: 'days' }).days;
    if (days < 0) errors.push({ field: 'to', detail: 'must not be before from' });
    else if (days >= MAX_RANGE_DAYS)
      errors.push({
        field: 'to',
        detail: `must be at most ${MAX_RANGE_DAYS} days after from (inclusive range)`,
      });
  }
  if (errors.length) throw new ValidationFailed(errors);
  const providers = d.providers.filter(
    (p) =>
      visitType!.providers.includes(p.slug) &&
      (!provider || p.slug === provider.slug) &&
      (!location || p.locations.includes(location.slug)),
  );
  return {
    visitType: visitType!,
    providers,
    locations: location ? [location] : d.locations,
    from: from!.toString(),
    to: to!.toString(),
  };
}

/**
 * `ignoreBookings`: the times working hours allow, booked or not. `walkIn`: for staff only, also
 * the times inside the visit type's online notice (someone at the desk or on the phone for today),
 * never times already started.
 */
export interface SearchOptions {
  ignoreBookings?: boolean;
  walkIn?: boolean;
}

export async function searchSlots(
  s: Scheduling,
  q: SlotSearch,
  options: SearchOptions = {},
): Promise<Slot[]> {
  const w = await searchSlotWindow(s, q, options);
  return w.list.slice(w.first, w.end);
}

/**
 * A search's answer as a window onto a list the cache keeps: `list.slice(first, end)`. The same
 * list object with the same bounds is the same answer, so the API can keep what it built from
 * one (the JSON, its ETag, its gzip) until the calendar or the moment's cut changes.
 */
export interface SlotWindow {
  list: readonly Slot[];
  first: number;
  end: number;
}

export async function searchSlotWindow(
  s: Scheduling,
  q: SlotSearch,
  options: SearchOptions = {},
): Promise<SlotWindow> {
  const d = await s.directory.get();
  const r = resolveSearch(d, q);
  return slotsFor(s, d, r, options);
}

const caches = new WeakMap<Scheduling, AvailabilityCache>();

/** How often searches were answered from memory (for tests and operators). */
export function slotCacheStats(s: Scheduling) {
  const cache = caches.get(s);
  return { hits: cache?.hits ?? 0, misses: cache?.misses ?? 0 };
}

/** The first index in `list` (sorted by start) whose start is at least `ms`. */
function firstStartingFrom(list: readonly Slot[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.startMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

async function slotsFor(
  s: Scheduling,
  d: Directory,
  r: ResolvedSearch,
  options: SearchOptions = {},
): Promise<SlotWindow> {
  const now = s.now().getTime();
  if (options.ignoreBookings) {
    const list = (await openTimes(s, r, now, { ignoreBookings: true })).slots;
    return { list, first: 0, end: list.length };
  }
  let cache = caches.get(s);
  if (!cache) caches.set(s, (cache = new AvailabilityCache()));
  const providerIds = r.providers.map((p) => p.id);
  const locationIds = r.locations.map((l) => l.id);
  const all = await cache.get(
    s.db,
    d,
    [r.visitType.slug, providerIds.join(','), locationIds.join(','), r.from, r.to].join('|'),
    [...providerIds.map((id) => `provider:${id}`), ...locationIds.map((id) => `location:${id}`)],
    now,
    () => openTimes(s, r, now, { unbounded: true }),
  );
  // Cut to this moment's notice and horizon, exactly as findOpenSlots does for each time. The
  // list is sorted by start (findOpenSlots' order), so the cut is one contiguous window.
  const earliest = now + (options.walkIn ? 0 : r.visitType.minNoticeMinutes) * 60_000;
  const latest = now + r.visitType.horizonDays * 86_400_000;
  const first = firstStartingFrom(all, earliest);
  return { list: all, first, end: Math.max(first, firstStartingFrom(all, latest + 1)) };
}

/**
 * The open times of the search's dates. `unbounded`: every one, whatever the notice and horizon
 * (what the cache keeps); otherwise only those bookable at `now`.
 */
async function openTimes(
  s: Scheduling,
  r: ResolvedSearch,
  now: number,
  options: { ignoreBookings?: boolean; unbounded?: boolean },
): Promise<{ slots: Slot[]; validUntil: number }> {
  // Instants that surely cover the local dates in any US zone.
  const start = new Date(`${r.from}T00:00:00Z`).getTime() - 14 * 3600_000;
  const end = new Date(`${r.to}T00:00:00Z`).getTime() + 38 * 3600_000;
  const av = await loadAvailability(
    s.db,
    r.providers.map((p) => p.id),
    r.locations.map((l) => l.id),
    {
      start: new Date(start),
      end: new Date(end),
      fromDate: r.from,
      toDate: r.to,
    },
    new Date(now),
  );
  const providerSlug = new Map(r.providers.map((p) => [p.id, p.slug]));
  const locationSlug = new Map(r.locations.map((l) => [l.id, l.slug]));
  const slug = (i: { provider: string; start: number; end: number }) => ({
    ...i,
    provider: providerSlug.get(i.provider)!,
  });
  const slots = findOpenSlots({
    // Unbounded: "now" at the window's start with no notice, and a horizon past its end.
    visitType: options.unbounded
      ? { ...r.visitType, minNoticeMinutes: 0, horizonDays: MAX_RANGE_DAYS + 3 }
      : r.visitType,
    providers: r.providers,
    locations: r.locations.map(slotLocation),
    closures: av.closures.map((c) => ({ location: locationSlug.get(c.locationId)!, date: c.date })),
    timeOff: av.timeOff.map(slug),
    busy: options.ignoreBookings ? [] : av.busy.map(slug),
    from: r.from,
    to: r.to,
    now: options.unbounded ? start : now,
  });
  return { slots, validUntil: av.firstHoldEnds };
}

export async function requireBookableSlot(
  s: Scheduling,
  d: Directory,
  req: { visitType: string; location: string; provider: string; start: string },
  /**
   * Bookings check time off and closures inside their insert; a reschedule checks them here.
   * `db`: the caller's transaction, when it has one open (the embedded database runs one
   * connection: a query outside it would wait for it forever).
   */
  options: {
    checkBlocking: boolean;
    db?: Queryable;
    /** Staff only: a time inside the online notice is bookable (never one already started). */
    walkIn?: boolean;
  },
) {
  const location = d.locations.find((l) => l.slug === req.location);
  let startMs = Number.NaN;
  try {
    startMs = Temporal.Instant.from(req.start).epochMilliseconds;
  } catch {
    /* reported below */
  }
  const errors: FieldError[] = [];
  if (Number.isNaN(startMs))
    errors.push({
      field: 'start',
      detail: 'must be an ISO 8601 date-time with offset, e.g. 2026-12-01T09:00:00-07:00',
    });
  if (!location) errors.push({ field: 'location', detail: 'is not a known clinic' });
  if (errors.length) {
    // Report the other fields' problems too.
    try {
      resolveSearch(d, {
        visitType: req.visitType,
        provider: req.provider,
        location: location?.slug,
        from: '2000-01-01',
        to: '2000-01-01',
      });
    } catch (e) {
      if (e instanceof ValidationFailed) errors.push(...e.errors);
    }
    throw new ValidationFailed(errors);
  }
  const localDate = Temporal.Instant.fromEpochMilliseconds(startMs)
    .toZonedDateTimeISO(location!.timeZone)
    .toPlainDate()
    .toString();
  const r = resolveSearch(d, {
    visitType: req.visitType,
    location: req.location,
    provider: req.provider,
    from: localDate,
    to: localDate,
  });
  const provider = r.providers[0]!;
  // Working hours, notice and horizon from the slot function; time off and closures from one
  // query. Other bookings are left to the exclusion constraint.
  const blocking = options.checkBlocking
    ? await loadBlockingTime(
        options.db ?? s.db,
        provider.id,
        location!.id,
        new Date(startMs - 86_400_000),
        new Date(startMs + 86_400_000),
        localDate,
      )
    : { closed: false, timeOff: [] };
  const slot = findOpenSlots({
    visitType: options.walkIn ? { ...r.visitType, minNoticeMinutes: 0 } : r.visitType,
    providers: [provider],
    locations: [slotLocation(location!)],
    closures: blocking.closed ? [{ location: location!.slug, date: localDate }] : [],
    timeOff: blocking.timeOff.map((t) => ({ provider: provider.slug, ...t })),
    busy: [],
    from: localDate,
    to: localDate,
    now: s.now().getTime(),
  }).find((x) => x.startMs === startMs);
  if (!slot) {
    throw new ValidationFailed([
      {
        field: 'start',
        detail:
          'is not a bookable time for this provider at this clinic (outside working hours, too soon, too far ahead, or between slots)',
      },
    ]);
  }
  return { slot, visitType: r.visitType, provider: r.providers[0]!, location: location!, localDate };
}

/** JSON with keys sorted at every level, so the same request always hashes the same. */

/**
 * A clinic as the slot function sees it. Opening hours bound working hours; a clinic with no
 * opening hours recorded yet (a new clinic mid-setup) is not bounded rather than never open.
 */
function slotLocation(l: Location) {
  return { slug: l.slug, timeZone: l.timeZone, hours: l.hours.length ? l.hours : undefined };
}
