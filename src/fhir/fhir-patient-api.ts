/**
 * The FHIR R4 API about patients, for registered backend clients with a SMART token
 * (smart/access.ts): $book, Appointment read, search and cancel, Patient read, and the intake of
 * a booking as a QuestionnaireResponse. Every change goes through scheduling's commands (the
 * same database guarantee, patient messages and audit as a booking on the site); every read of
 * patient data is audited with the client's id as the actor.
 */
import { Hono, type Context } from 'hono';
import { recordAudit } from '../audit/index.js';
import type { DirectoryService } from '../directory/index.js';
import type { Database } from '../platform/db/database.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { HttpProblem, ValidationFailed } from '../platform/http/problem.js';
import {
  bookAppointment,
  commandContext,
  findAppointment,
  findPatient,
  listAppointments,
  reachablePatientSchema,
  staffCancelAppointment,
  visitsOfPatient,
  type Scheduling,
  type StoredAppointment,
} from '../scheduling/index.js';
import { locationId, practitionerId } from './availability-resources.js';
import { operationOutcome } from './operation-outcome.js';
import { toQuestionnaireResponse } from './questionnaire.js';
import type { Pathway } from '../triage/index.js';

type Intake = Parameters<typeof toQuestionnaireResponse>[1];
import {
  appointmentResource,
  BookInputError,
  PATIENT_ELEMENT,
  patientResource,
  readBookParameters,
  uuidOf,
} from './patient-resources.js';
import { AccessRefused, requireAccess, type ClientActor } from './smart/access.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const DEFAULT_COUNT = 50;
const MAX_COUNT = 200;
const MAX_SEARCH_DAYS = 93;

export interface PatientApiDeps {
  db: Database;
  scheduling: Scheduling;
  directory: DirectoryService;
  publicUrl: string;
  now: () => Date;
  /** The self-check attached to a booking and its pathway (from triage, wired in by the app). */
  readIntake: (assessmentId: string) => Promise<{ pathway: Pathway; assessment: Intake } | undefined>;
}

const fhirJson = (c: Context, body: unknown, status: 200 | 201 = 200) =>
  c.body(JSON.stringify(body), status, { 'content-type': FHIR_JSON });

function outcome(c: Context, status: number, code: string, diagnostics: string, expression?: string[]) {
  const body = operationOutcome(code, diagnostics) as { issue: Record<string, unknown>[] };
  if (expression) body.issue[0]!.expression = expression;
  return c.body(JSON.stringify(body), status as 400, { 'content-type': FHIR_JSON });
}

/** Scheduling's errors (and access refusals) as OperationOutcomes: the FHIR mapping, in one place. */
function fhirError(error: unknown, c: Context) {
  if (error instanceof AccessRefused) return error.response;
  if (error instanceof BookInputError)
    return outcome(c, error.status, 'invalid', error.message, [error.element]);
  if (error instanceof ValidationFailed) {
    const body = {
      resourceType: 'OperationOutcome',
      issue: error.errors.map((e) => ({
        severity: 'error',
        code: 'invalid',
        diagnostics: `${e.field} ${e.detail}`,
        expression: [fhirElement(e.field)],
      })),
    };
    return c.body(JSON.stringify(body), 422, { 'content-type': FHIR_JSON });
  }
  if (error instanceof HttpProblem) {
    const code = error.status === 404 ? 'not-found' : error.status === 409 ? 'conflict' : 'processing';
    const extra = error.extra.code ? ` (${String(error.extra.code)})` : '';
    return outcome(c, error.status, code, `${error.detail}${extra}`);
  }
  throw error;
}

/** The booking API's field names, as the elements of the $book input they came from. */
function fhirElement(field: string): string {
  const [head, rest] = field.split('.', 2);
  if (head === 'patient' && rest) return PATIENT_ELEMENT[rest] ?? `Patient.${rest}`;
  if (head === 'start') return 'Appointment.slot';
  if (head === 'Idempotency-Key') return 'Idempotency-Key';
  return `Appointment.${field}`;
}

export function fhirPatientApi(deps: PatientApiDeps): Hono<AppEnv> {
  const { db, scheduling: s, directory, now } = deps;
  const api = new Hono<AppEnv>();
  api.onError(fhirError);
  const access = (c: Context<AppEnv>, type: string, p: 'c' | 'r' | 'u' | 's') =>
    requireAccess(c, db, now(), type, p);
  const read = (actor: ClientActor, entityType: string, entityId: string | null, found: boolean) =>
    recordAudit(db, {
      ...actor,
      action: 'read',
      entityType,
      entityId,
      outcome: found ? 'success' : 'not-found',
    });

  api.post('/Appointment/$book', async (c) => {
    const actor = await access(c, 'Appointment', 'c');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new BookInputError('Parameters', 'the body is not JSON', 400);
    }
    const d = await directory.get();
    const input = readBookParameters(d, body);
    const patient = reachablePatientSchema.safeParse(input.patient);
    if (!patient.success)
      throw new ValidationFailed(
        patient.error.issues.map((i) => ({ field: `patient.${i.path.join('.')}`, detail: i.message })),
      );
    const booked = await bookAppointment(
      commandContext(s, actor),
      {
        visitType: input.schedule.visitType.slug,
        location: input.schedule.location.slug,
        provider: input.schedule.provider.slug,
        start: new Date(input.startMs).toISOString(),
        patient: patient.data,
        language: input.language,
      },
      c.req.header('idempotency-key'),
    );
    const resource = appointmentResource(d, booked.appointment);
    c.header('Location', `${deps.publicUrl}/fhir/Appointment/${resource.id}`);
    if (booked.replayed) c.header('Idempotent-Replayed', 'true');
    return fhirJson(c, resource, 201);
  });

  api.get('/Appointment/:id', async (c) => {
    const actor = await access(c, 'Appointment', 'r');
    const uuid = uuidOf(c.req.param('id'));
    const a = uuid ? await findAppointment(db, uuid) : undefined;
    await read(actor, 'appointment', a?.id ?? null, Boolean(a));
    if (!a) return outcome(c, 404, 'not-found', `There is no Appointment/${c.req.param('id')}.`);
    return fhirJson(c, appointmentResource(await directory.get(), a));
  });

  api.get('/Appointment', async (c) => {
    const actor = await access(c, 'Appointment', 's');
    const d = await directory.get();
    const found = await searchVisits(c, db, d);
    if (found instanceof Response) return found;
    for (const a of found.visits) await read(actor, 'appointment', a.id, true);
    return fhirJson(
      c,
      searchset(
        deps.publicUrl,
        c,
        found.visits.map((a) => appointmentResource(d, a)),
        found.total,
      ),
    );
  });

  api.patch('/Appointment/:id', async (c) => {
    const actor = await access(c, 'Appointment', 'u');
    if (!(c.req.header('content-type') ?? '').startsWith('application/json-patch+json'))
      return outcome(c, 415, 'not-supported', 'Send a JSON Patch (application/json-patch+json).');
    let patch: unknown;
    try {
      patch = await c.req.json();
    } catch {
      return outcome(c, 400, 'invalid', 'The body is not JSON.');
    }
    const all: { op?: unknown; path?: unknown; value?: unknown }[] = Array.isArray(patch) ? patch : [];
    const ops = all.filter((op) => op?.op !== 'test');
    const cancel =
      ops.length === 1 &&
      ops[0]?.op === 'replace' &&
      ops[0]?.path === '/status' &&
      ops[0]?.value === 'cancelled';
    if (!cancel)
      return outcome(
        c,
        422,
        'not-supported',
        'The one change supported is [{"op": "replace", "path": "/status", "value": "cancelled"}].',
        ['Appointment.status'],
      );
    const uuid = uuidOf(c.req.param('id'));
    const a = uuid ? await findAppointment(db, uuid) : undefined;
    if (!a) {
      await read(actor, 'appointment', null, false);
      return outcome(c, 404, 'not-found', `There is no Appointment/${c.req.param('id')}.`);
    }
    // JSON Patch "test" operations (e.g. of /meta/versionId) must all hold, or nothing changes.
    const current = appointmentResource(await directory.get(), a);
    const failed = all.find(
      (op) => op?.op === 'test' && JSON.stringify(pointer(current, op.path)) !== JSON.stringify(op.value),
    );
    if (failed)
      return outcome(c, 409, 'conflict', `The test of ${String(failed.path)} failed: nothing was changed.`);
    const cancelled = await staffCancelAppointment(commandContext(s, actor), a.id);
    return fhirJson(c, appointmentResource(await directory.get(), cancelled));
  });

  api.get('/Patient/:id', async (c) => {
    const actor = await access(c, 'Patient', 'r');
    const uuid = uuidOf(c.req.param('id'));
    const p = uuid ? await findPatient(db, uuid) : undefined;
    await read(actor, 'patient', p?.id ?? null, Boolean(p));
    if (!p) return outcome(c, 404, 'not-found', `There is no Patient/${c.req.param('id')}.`);
    return fhirJson(c, patientResource(p));
  });

  // A booking's intake: the self-checks attached to a patient's visits.
  api.get('/QuestionnaireResponse', async (c) => {
    const actor = await access(c, 'QuestionnaireResponse', 's');
    const subject = /^(?:Patient\/)?([0-9a-f]{32})$/.exec(c.req.query('subject') ?? '')?.[1];
    if (!subject) return outcome(c, 400, 'required', 'Search by subject=Patient/{id}.', ['subject']);
    const visits = await visitsOfPatient(db, uuidOf(subject)!);
    const ids = [...new Set(visits.map((v) => v.assessmentId).filter((x): x is string => Boolean(x)))];
    const found = [];
    for (const id of ids) {
      const intake = await deps.readIntake(id);
      if (!intake) continue; // deleted when its retention ended
      await read(actor, 'assessment', id, true);
      const qr = toQuestionnaireResponse(intake.pathway, intake.assessment);
      found.push({ ...qr, subject: { reference: `Patient/${subject}` } });
    }
    return fhirJson(
      c,
      searchset(deps.publicUrl, c, found as { resourceType: string; id: string }[], found.length),
    );
  });

  return api;
}

/** The value at a JSON Pointer (RFC 6901) in a resource, or undefined. */
function pointer(doc: unknown, path: unknown): unknown {
  if (typeof path !== 'string' || !path.startsWith('/')) return undefined;
  let at: unknown = doc;
  for (const raw of path.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function searchset(
  publicUrl: string,
  c: Context,
  resources: { resourceType: string; id: string }[],
  total: number,
) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: [{ relation: 'self', url: `${publicUrl}${c.req.path}${new URL(c.req.url).search}` }],
    entry: resources.map((r) => ({
      fullUrl: `${publicUrl}/fhir/${r.resourceType}/${r.id}`,
      resource: r,
      search: { mode: 'match' },
    })),
  };
}

/**
 * Appointment search: by patient, or by a date range (both bounds, at most 93 days) with an
 * optional practitioner and location. A search with no bounds would read every visit.
 */
async function searchVisits(
  c: Context,
  db: Database,
  d: Awaited<ReturnType<DirectoryService['get']>>,
): Promise<Response | { visits: StoredAppointment[]; total: number }> {
  const fail = (detail: string, param: string) => outcome(c, 400, 'invalid', detail, [param]);
  const count = c.req.query('_count') ?? String(DEFAULT_COUNT);
  if (!/^\d{1,4}$/.test(count) || +count < 1 || +count > MAX_COUNT)
    return fail(`_count must be a number from 1 to ${MAX_COUNT}.`, '_count');
  const ref = (param: string, type: string) => {
    const v = c.req.query(param);
    if (v === undefined) return undefined;
    const m = new RegExp(`^(?:${type}/)?([0-9a-f]{32})$`).exec(v);
    return m ? m[1]! : null;
  };
  const practitioner = ref('practitioner', 'Practitioner');
  const location = ref('location', 'Location');
  const patient = ref('patient', 'Patient');
  if (practitioner === null) return fail('practitioner must be Practitioner/{id}.', 'practitioner');
  if (location === null) return fail('location must be Location/{id}.', 'location');
  if (patient === null) return fail('patient must be Patient/{id}.', 'patient');
  const provider = practitioner && d.providers.find((p) => practitionerId(p) === practitioner);
  const clinic = location && d.locations.find((l) => locationId(l) === location);
  if (practitioner && !provider) return fail(`There is no Practitioner/${practitioner}.`, 'practitioner');
  if (location && !clinic) return fail(`There is no Location/${location}.`, 'location');

  let from = -Infinity;
  let to = Infinity;
  for (const raw of c.req.queries('date') ?? []) {
    const m = /^(ge|gt|le|lt)(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?)$/.exec(raw);
    const ms = m ? Date.parse(m[2]!.length === 10 ? `${m[2]}T00:00:00Z` : m[2]!) : NaN;
    if (!m || Number.isNaN(ms))
      return fail(`date=${raw} must be ge, gt, le or lt and a date or a date-time with a zone.`, 'date');
    // A bare date is that whole day (UTC): gt and le move past it; a date-time is exact.
    const after = m[2]!.length === 10 ? 86_400_000 : 1;
    const bound = { ge: ms, gt: ms + after, lt: ms, le: ms + after }[m[1] as 'ge' | 'gt' | 'lt' | 'le'];
    if (m[1]!.startsWith('g')) from = Math.max(from, bound);
    else to = Math.min(to, bound);
  }
  let visits: StoredAppointment[];
  if (patient) {
    visits = (await visitsOfPatient(db, uuidOf(patient)!)).filter(
      (a) =>
        a.startsAt.getTime() >= from &&
        a.startsAt.getTime() < to &&
        (!provider || a.providerId === provider.id) &&
        (!clinic || a.locationId === clinic.id),
    );
  } else {
    if (!Number.isFinite(from) || !Number.isFinite(to))
      return fail('Search by patient, or give date=ge… and date=lt… (at most 93 days apart).', 'date');
    if (to - from > MAX_SEARCH_DAYS * 86_400_000 || to <= from)
      return fail(`The date range must be positive and at most ${MAX_SEARCH_DAYS} days.`, 'date');
    visits = await listAppointments(db, {
      start: new Date(from),
      end: new Date(to),
      ...(provider ? { providerId: provider.id } : {}),
      ...(clinic ? { locationId: clinic.id } : {}),
    });
  }
  return { visits: visits.slice(0, +count), total: visits.length };
}
