/**
 * Visits and patients as FHIR R4 resources (Appointment, Patient), and the $book operation's
 * input read back into a booking request. Relational rows inside, FHIR only here at the edge.
 */
import { locationById, providerById, visitTypeById } from '../directory/index.js';
import type { Directory } from '../directory/index.js';
import type { PatientRecord, StoredAppointment } from '../scheduling/index.js';
import {
  locationId,
  practitionerId,
  schedules,
  parseSlotId,
  slotId,
  VISIT_TYPE_SYSTEM,
  type PublishedSchedule,
} from './availability-resources.js';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

/** Carepath's visit statuses in FHIR's Appointment.status value set. */
const APPOINTMENT_STATUS: Record<StoredAppointment['status'], string> = {
  booked: 'booked',
  'checked-in': 'arrived',
  'no-show': 'noshow',
  cancelled: 'cancelled',
  completed: 'fulfilled',
};

/** Patient ids are the record's UUID without dashes, like every other id here. */
export const patientId = (uuid: string) => uuid.replace(/-/g, '');
/** A FHIR id of ours back to the row's UUID (undefined when it cannot be one). */
export function uuidOf(id: string): string | undefined {
  if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}

export function appointmentResource(d: Directory, a: StoredAppointment): Resource {
  const location = locationById(d, a.locationId)!;
  const provider = providerById(d, a.providerId)!;
  const visitType = visitTypeById(d, a.visitTypeId)!;
  const schedule = schedules(d).find(
    (s) => s.location.id === location.id && s.provider.id === provider.id && s.visitType.id === visitType.id,
  );
  const name = `${a.patient.givenName} ${a.patient.familyName}`;
  return {
    resourceType: 'Appointment',
    id: patientId(a.id),
    meta: { versionId: String(a.sequence) },
    status: APPOINTMENT_STATUS[a.status],
    serviceType: [
      { coding: [{ system: VISIT_TYPE_SYSTEM, code: visitType.slug, display: visitType.name.en }] },
    ],
    start: a.startsAt.toISOString(),
    end: a.endsAt.toISOString(),
    minutesDuration: Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000),
    ...(schedule ? { slot: [{ reference: `Slot/${slotId(schedule.id, a.startsAt.getTime())}` }] } : {}),
    created: a.createdAt.toISOString(),
    ...(a.assessmentId
      ? { supportingInformation: [{ reference: `QuestionnaireResponse/${a.assessmentId}` }] }
      : {}),
    participant: [
      { actor: { reference: `Patient/${patientId(a.patientId)}`, display: name }, status: 'accepted' },
      {
        actor: { reference: `Practitioner/${practitionerId(provider)}`, display: provider.displayName },
        status: 'accepted',
      },
      {
        actor: { reference: `Location/${locationId(location)}`, display: location.name },
        status: 'accepted',
      },
    ],
  };
}

export function patientResource(p: PatientRecord): Resource {
  return {
    resourceType: 'Patient',
    id: patientId(p.id),
    active: true,
    name: [{ family: p.familyName, given: [p.givenName] }],
    birthDate: p.birthDate,
    // Only what the patient gave: one of the two, or both.
    telecom: [
      ...(p.email !== null ? [{ system: 'email', value: p.email }] : []),
      ...(p.phone !== null ? [{ system: 'phone', value: p.phone }] : []),
    ],
    communication: [
      { language: { coding: [{ system: 'urn:ietf:bcp:47', code: p.language }] }, preferred: true },
    ],
  };
}

// ------------------------------------------------------------------ $book input

export interface BookInput {
  schedule: PublishedSchedule;
  startMs: number;
  /** A missing email or phone is '' here; the booking schema makes it "not given". */
  patient: { givenName: string; familyName: string; birthDate: string; email: string; phone: string };
  language: 'en' | 'es';
}

/** A problem with the input, naming the element (FHIRPath-like) as an OperationOutcome does. */
export class BookInputError extends Error {
  constructor(
    readonly element: string,
    detail: string,
    readonly status: 400 | 422 = 422,
  ) {
    super(`${element}: ${detail}`);
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Reads $book's Parameters: `appointment` (status proposed, one Slot) and `patient`. */
export function readBookParameters(d: Directory, body: unknown): BookInput {
  if (!isObject(body) || body.resourceType !== 'Parameters' || !Array.isArray(body.parameter))
    throw new BookInputError(
      'Parameters',
      'the body must be a Parameters resource with a parameter list',
      400,
    );
  const param = (name: string) => {
    const found = (body.parameter as unknown[]).filter((p) => isObject(p) && p.name === name);
    if (found.length !== 1 || !isObject((found[0] as Json).resource))
      throw new BookInputError(`Parameters.parameter[${name}]`, `must appear once, with a resource`, 400);
    return (found[0] as Json).resource as Json;
  };
  const appointment = param('appointment');
  const patient = param('patient');
  if (appointment.resourceType !== 'Appointment')
    throw new BookInputError('Parameters.parameter[appointment].resource', 'must be an Appointment');
  if (appointment.status !== 'proposed')
    throw new BookInputError('Appointment.status', 'must be "proposed" for $book');
  const slots = Array.isArray(appointment.slot) ? appointment.slot : [];
  const ref = slots.length === 1 && isObject(slots[0]) ? text(slots[0].reference) : '';
  const parsed = parseSlotId(/^(?:.*\/)?Slot\/(.+)$/.exec(ref)?.[1] ?? '');
  if (!parsed)
    throw new BookInputError(
      'Appointment.slot',
      'must name exactly one Slot, as "Slot/{id}" from a Slot search',
    );
  const schedule = schedules(d).find((s) => s.id === parsed.scheduleId);
  if (!schedule)
    throw new BookInputError('Appointment.slot', 'names a schedule this network does not publish');
  const { startMs } = parsed;
  const practitioners = (Array.isArray(appointment.participant) ? appointment.participant : [])
    .map((p) => (isObject(p) && isObject(p.actor) ? text(p.actor.reference) : ''))
    .filter((r) => /(^|\/)Practitioner\//.test(r));
  if (practitioners.some((r) => !r.endsWith(`Practitioner/${practitionerId(schedule.provider)}`)))
    throw new BookInputError(
      'Appointment.participant',
      "names a Practitioner who is not the Slot's clinician",
    );
  return { schedule, startMs, ...readPatient(patient) };
}

function readPatient(p: Json): Pick<BookInput, 'patient' | 'language'> {
  if (p.resourceType !== 'Patient')
    throw new BookInputError('Parameters.parameter[patient].resource', 'must be a Patient');
  const name = Array.isArray(p.name) && isObject(p.name[0]) ? p.name[0] : {};
  const given = Array.isArray(name.given) ? name.given.map(text).filter(Boolean).join(' ') : '';
  const telecom = (Array.isArray(p.telecom) ? p.telecom : []).filter(isObject);
  const contact = (system: string) => text(telecom.find((t) => t.system === system)?.value);
  const languages = (Array.isArray(p.communication) ? p.communication : [])
    .filter(isObject)
    .flatMap((c) => (isObject(c.language) && Array.isArray(c.language.coding) ? c.language.coding : []))
    .filter(isObject)
    .map((c) => text(c.code).toLowerCase());
  return {
    patient: {
      givenName: given,
      familyName: text(name.family),
      birthDate: text(p.birthDate),
      email: contact('email'),
      phone: contact('phone'),
    },
    language: languages.some((l) => l === 'es' || l.startsWith('es-')) ? 'es' : 'en',
  };
}

/** Field names of the booking API's patient, as the elements of a FHIR Patient. */
export const PATIENT_ELEMENT: Record<string, string> = {
  givenName: 'Patient.name.given',
  familyName: 'Patient.name.family',
  birthDate: 'Patient.birthDate',
  email: "Patient.telecom.where(system='email')",
  phone: "Patient.telecom.where(system='phone')",
};
