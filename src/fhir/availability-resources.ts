/**
 * The network's published availability as FHIR R4 resources (and SMART Scheduling Links, STU1):
 * clinics are Locations, clinicians Practitioners, visit types HealthcareServices, and each
 * (clinic, clinician, visit type) a Schedule whose free times are Slots. Slots are never stored:
 * they are the times the booking API offers (scheduling's searchSlots), with ids that name the
 * schedule and the start, so a Slot can be found again and booked.
 *
 * Ids use letters, digits and "." only: both FHIR ids and the Scheduling Links files allow them.
 */
import { createHash } from 'node:crypto';
import type { Directory, Location, Provider, VisitType } from '../directory/index.js';
import type { Slot } from '../scheduling/index.js';
import { CODE_SYSTEM_BASE } from './questionnaire.js';

export const BOOKING_DEEP_LINK =
  'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link';
export const BOOKING_PHONE = 'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-phone';
export const VISIT_TYPE_SYSTEM = `${CODE_SYSTEM_BASE}/visit-type`;

type Resource = Record<string, unknown> & { resourceType: string; id: string };

/** A directory row's id (a UUID) without its dashes. */
const plainId = (uuid: string) => uuid.replace(/-/g, '');

export const locationId = (l: Location) => plainId(l.id);
export const practitionerId = (p: Provider) => plainId(p.id);
export const serviceId = (v: VisitType) => plainId(v.id);

/** A schedule's id: stable for its clinic, clinician and visit type, whatever they are renamed. */
export function scheduleId(l: Location, p: Provider, v: VisitType): string {
  return createHash('sha256').update(`${l.id}|${p.id}|${v.id}`).digest('hex').slice(0, 20);
}

/** A slot's id: its schedule and its start in UTC to the minute (e.g. "<schedule>.202612011600"). */
export function slotId(schedule: string, startMs: number): string {
  return `${schedule}.${new Date(startMs).toISOString().slice(0, 16).replace(/[-T:]/g, '')}`;
}

/** A slot id back to its schedule id and start (epoch ms), or undefined when it is not one. */
export function parseSlotId(id: string): { scheduleId: string; startMs: number } | undefined {
  const m = /^([0-9a-f]{20})\.(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(id);
  if (!m) return undefined;
  const [, scheduleId, y, mo, d, h, mi] = m;
  const startMs = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!);
  return Number.isNaN(startMs) ? undefined : { scheduleId: scheduleId!, startMs };
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function locationResource(l: Location): Resource {
  return {
    resourceType: 'Location',
    id: locationId(l),
    identifier: [{ system: `${CODE_SYSTEM_BASE}/clinic`, value: l.slug }],
    status: 'active',
    name: l.name,
    description: l.directions.en,
    telecom: [{ system: 'phone', value: l.phone }],
    address: { line: [l.street], city: l.city, state: l.region, postalCode: l.postalCode, country: 'US' },
    ...(l.latitude !== null && l.longitude !== null
      ? { position: { latitude: l.latitude, longitude: l.longitude } }
      : {}),
    hoursOfOperation: l.hours.map((h) => ({
      daysOfWeek: [WEEKDAYS[h.weekday - 1]],
      openingTime: `${h.opens}:00`,
      closingTime: `${h.closes}:00`,
    })),
  };
}

export function practitionerResource(p: Provider): Resource {
  // "Dr. Ben Evans": the name as shown, with the last word as family name.
  const words = p.displayName.replace(/^Dr\.?\s+/i, '').split(/\s+/);
  return {
    resourceType: 'Practitioner',
    id: practitionerId(p),
    identifier: [{ system: `${CODE_SYSTEM_BASE}/clinician`, value: p.slug }],
    active: true,
    name: [{ text: p.displayName, family: words.at(-1), given: words.slice(0, -1) }],
    communication: p.languages.map((code) => ({
      coding: [{ system: 'urn:ietf:bcp:47', code }],
    })),
  };
}

function serviceType(v: VisitType) {
  return { coding: [{ system: VISIT_TYPE_SYSTEM, code: v.slug, display: v.name.en }], text: v.name.en };
}

export function healthcareServiceResource(d: Directory, v: VisitType): Resource {
  const providers = d.providers.filter((p) => v.providers.includes(p.slug));
  const locations = d.locations.filter((l) => providers.some((p) => p.locations.includes(l.slug)));
  return {
    resourceType: 'HealthcareService',
    id: serviceId(v),
    active: true,
    type: [serviceType(v)],
    name: v.name.en,
    comment: v.description.en,
    location: locations.map((l) => ({ reference: `Location/${locationId(l)}` })),
    appointmentRequired: true,
  };
}

/** A clinician's role at one clinic: a PractitionerRole per (clinician, clinic) where they work. */
export function practitionerRoles(d: Directory) {
  return d.providers.flatMap((p) =>
    d.locations
      .filter((l) => p.locations.includes(l.slug))
      .map((l) => ({
        id: createHash('sha256').update(`${p.id}|${l.id}`).digest('hex').slice(0, 20),
        provider: p,
        location: l,
      })),
  );
}
export type PublishedRole = ReturnType<typeof practitionerRoles>[number];

const SPECIALTY_DISPLAY: Record<Provider['specialty'], string> = {
  'pain-management': 'Pain management',
  'internal-medicine': 'Internal medicine',
};

export function practitionerRoleResource(d: Directory, r: PublishedRole): Resource {
  const services = d.visitTypes.filter((v) => r.provider.visitTypes.includes(v.slug));
  const hours = r.provider.schedule.filter((b) => b.location === r.location.slug && b.validTo === null);
  return {
    resourceType: 'PractitionerRole',
    id: r.id,
    active: true,
    practitioner: {
      reference: `Practitioner/${practitionerId(r.provider)}`,
      display: r.provider.displayName,
    },
    location: [{ reference: `Location/${locationId(r.location)}`, display: r.location.name }],
    specialty: [
      {
        coding: [
          {
            system: `${CODE_SYSTEM_BASE}/specialty`,
            code: r.provider.specialty,
            display: SPECIALTY_DISPLAY[r.provider.specialty],
          },
        ],
      },
    ],
    healthcareService: services.map((v) => ({ reference: `HealthcareService/${serviceId(v)}` })),
    telecom: [{ system: 'phone', value: r.location.phone }],
    ...(hours.length
      ? {
          availableTime: hours.map((b) => ({
            daysOfWeek: [WEEKDAYS[b.weekday - 1]],
            availableStartTime: `${b.starts}:00`,
            availableEndTime: `${b.ends}:00`,
          })),
        }
      : {}),
  };
}

/** Every (clinic, clinician, visit type) where the clinician works and offers the visit type. */
export function schedules(d: Directory) {
  return d.visitTypes.flatMap((v) =>
    d.providers
      .filter((p) => v.providers.includes(p.slug))
      .flatMap((p) =>
        d.locations
          .filter((l) => p.locations.includes(l.slug))
          .map((l) => ({ id: scheduleId(l, p, v), location: l, provider: p, visitType: v })),
      ),
  );
}
export type PublishedSchedule = ReturnType<typeof schedules>[number];

export function scheduleResource(s: PublishedSchedule, horizonEnd: string): Resource {
  return {
    resourceType: 'Schedule',
    id: s.id,
    active: true,
    serviceType: [serviceType(s.visitType)],
    actor: [
      { reference: `Location/${locationId(s.location)}`, display: s.location.name },
      { reference: `Practitioner/${practitionerId(s.provider)}`, display: s.provider.displayName },
    ],
    planningHorizon: { end: horizonEnd },
  };
}

/** A free time as a Slot, with a link that opens the booking page with that time chosen. */
export function slotResource(schedule: PublishedSchedule, slot: Slot, publicUrl: string): Resource {
  const link = new URL('/book/details', publicUrl);
  for (const [k, v] of Object.entries({
    visitType: slot.visitType,
    location: slot.location,
    provider: slot.provider,
    start: slot.start,
  }))
    link.searchParams.set(k, v);
  return {
    resourceType: 'Slot',
    id: slotId(schedule.id, slot.startMs),
    schedule: { reference: `Schedule/${schedule.id}` },
    serviceType: [serviceType(schedule.visitType)],
    status: 'free',
    start: slot.start,
    end: slot.end,
    extension: [
      { url: BOOKING_DEEP_LINK, valueUrl: link.toString() },
      { url: BOOKING_PHONE, valueString: schedule.location.phone },
    ],
  };
}
