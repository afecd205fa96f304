/** The clinic network as the rest of the product sees it. Pure types and helpers. */
import type { Translate } from '../platform/i18n/i18n.js';
import { Temporal } from 'temporal-polyfill';
export type Localized = { en: string; es: string };

export interface OpeningHours {
  weekday: number; // ISO: 1 = Monday ... 7 = Sunday
  opens: string; // HH:MM, clinic local time
  closes: string;
}

export interface Location {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  /** What patients call the clinic's time ("Arizona time"): the network's name, or the zone's. */
  zoneName: Localized;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
  latitude: number | null;
  longitude: number | null;
  directions: Localized;
  isDemo: boolean;
  hours: OpeningHours[];
}

export type Specialty = 'pain-management' | 'internal-medicine';

export interface WorkingBlock {
  location: string; // location slug
  weekday: number;
  starts: string; // HH:MM
  ends: string;
  validFrom: string; // YYYY-MM-DD
  validTo: string | null;
}

export interface Provider {
  id: string;
  slug: string;
  displayName: string;
  credentials: string;
  specialty: Specialty;
  bio: Localized;
  languages: string[];
  isDemo: boolean;
  locations: string[]; // slugs of the clinics the provider works at
  visitTypes: string[]; // slugs
  schedule: WorkingBlock[];
}

export interface VisitType {
  id: string;
  slug: string;
  name: Localized;
  description: Localized;
  durationMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  providers: string[]; // slugs
}

export interface Network {
  name: string;
  tagline: Localized;
  /** Where the network is ("the Phoenix area"), if its file says. */
  area: Localized | null;
  /** A line about its specialists for the home page, if its file has one. */
  highlight: Localized | null;
  /** The visit types a self-check result leads to (slugs), if the network names them. */
  selfCheckVisitTypes: { sameDay?: string; visit?: string };
}

/**
 * The network as patients, search, booking and FHIR see it: active clinics, providers and visit
 * types only. Retired ones (ADR 23) are kept apart in `retired`, so that a past visit, an audit
 * event or a patient's link that names one can still be shown: look those up by id with
 * locationById, providerById and visitTypeById, never by listing.
 */
export interface Directory {
  network: Network;
  locations: Location[];
  providers: Provider[];
  visitTypes: VisitType[];
  retired?: { locations: Location[]; providers: Provider[]; visitTypes: VisitType[] };
}

type Id = string | null | undefined;
const byId = <T extends { id: string }>(active: T[], retired: T[] | undefined, id: Id) =>
  id ? (active.find((x) => x.id === id) ?? retired?.find((x) => x.id === id)) : undefined;

/** The clinic with this id, active or retired (for visits and records that name it). */
export const locationById = (d: Directory, id: Id) => byId(d.locations, d.retired?.locations, id);
/** The provider with this id, active or retired. */
export const providerById = (d: Directory, id: Id) => byId(d.providers, d.retired?.providers, id);
/** The visit type with this id, active or retired. */
export const visitTypeById = (d: Directory, id: Id) => byId(d.visitTypes, d.retired?.visitTypes, id);

/** Providers working at a clinic, in the directory's order. */
export function providersAt(directory: Directory, locationSlug: string): Provider[] {
  return directory.providers.filter((p) => p.locations.includes(locationSlug));
}

/** Visit types that at least one provider at the clinic offers. */
export function visitTypesAt(directory: Directory, locationSlug: string): VisitType[] {
  const here = new Set(providersAt(directory, locationSlug).map((p) => p.slug));
  return directory.visitTypes.filter((v) => v.providers.some((p) => here.has(p)));
}

/** Opening hours grouped for display: consecutive days with the same hours share a line. */
export function groupHours(
  hours: OpeningHours[],
): { from: number; to: number; opens: string; closes: string }[] {
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  const groups: { from: number; to: number; opens: string; closes: string }[] = [];
  for (const h of sorted) {
    const last = groups.at(-1);
    if (last && last.to === h.weekday - 1 && last.opens === h.opens && last.closes === h.closes)
      last.to = h.weekday;
    else groups.push({ from: h.weekday, to: h.weekday, opens: h.opens, closes: h.closes });
  }
  return groups;
}

/**
 * The network's home time zone, for "today" before a clinic is chosen and for dates that belong
 * to no clinic: the zone most of its clinics share (the first clinic's on a tie; UTC without any).
 */
export function homeZone(network: { locations: readonly { timeZone: string }[] }): string {
  const counts = new Map<string, number>();
  for (const l of network.locations) counts.set(l.timeZone, (counts.get(l.timeZone) ?? 0) + 1);
  let best = 'UTC';
  let most = 0;
  for (const [zone, n] of counts) {
    if (n > most) {
      best = zone;
      most = n;
    }
  }
  return best;
}

/** Where a clinic stands at an instant, in its own time zone (for "open now" and after-hours advice). */
export type OpeningStatus =
  | { kind: 'open'; closes: string }
  | { kind: 'opens-later-today'; opens: string; closes: string }
  | { kind: 'closed-for-today'; next: { daysAhead: number; weekday: number; opens: string } | null };

export function openingStatus(l: Pick<Location, 'hours' | 'timeZone'>, now: Date): OpeningStatus {
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(l.timeZone);
  const clock = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  const on = (weekday: number) =>
    l.hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
  const today = on(local.dayOfWeek);
  const current = today.find((h) => h.opens <= clock && clock < h.closes);
  if (current) return { kind: 'open', closes: current.closes };
  const later = today.find((h) => clock < h.opens);
  if (later) return { kind: 'opens-later-today', opens: later.opens, closes: later.closes };
  for (let daysAhead = 1; daysAhead <= 7; daysAhead++) {
    const weekday = ((local.dayOfWeek - 1 + daysAhead) % 7) + 1;
    const first = on(weekday)[0];
    if (first) return { kind: 'closed-for-today', next: { daysAhead, weekday, opens: first.opens } };
  }
  return { kind: 'closed-for-today', next: null };
}

/**
 * One sentence on the times a page shows: "All times are Arizona time." when every clinic shares
 * one zone, otherwise that times are each clinic's own.
 */
export function timesNote(
  d: { locations: readonly Pick<Location, 'timeZone' | 'zoneName'>[] },
  locale: keyof Localized,
  t: Translate,
): string {
  const zones = new Set(d.locations.map((l) => l.timeZone));
  return zones.size === 1 ? t('times.all', { zone: d.locations[0]!.zoneName[locale] }) : t('times.each');
}

/**
 * A directions link: a plain link carrying the clinic's street address, which phones open in
 * their maps app (Google Maps' documented "Maps URLs" form). No map is embedded and no script is
 * loaded: nothing reaches a third party unless the patient follows the link, and then only the
 * clinic's address (pages send no referrer, so a private visit link never leaks with it).
 */
export function directionsUrl(l: Pick<Location, 'street' | 'city' | 'region' | 'postalCode'>): string {
  const address = `${l.street}, ${l.city}, ${l.region} ${l.postalCode}`;
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(address)}`;
}
