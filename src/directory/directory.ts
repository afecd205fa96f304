/** The clinic network as the rest of the product sees it. Pure types and helpers. */
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
}

export interface Directory {
  network: Network;
  locations: Location[];
  providers: Provider[];
  visitTypes: VisitType[];
}

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
export function homeZone(network: { locations: Location[] }): string {
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
