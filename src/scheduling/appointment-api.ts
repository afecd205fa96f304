import { bearerToken } from '../platform/http/request-context.js';
import { requestCommandContext } from './command-context.js';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import { hasControlCharacters } from '../platform/text.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { NotFound, PreconditionRequired } from '../platform/http/problem.js';
import { parseBody, readJson } from '../platform/http/json-body.js';
import { appointmentView, bookAppointment } from './booking-service.js';
import { cancelAppointment, readAppointment, rescheduleAppointment } from './visit-changes.js';
import { searchSlotWindow } from './slot-search.js';
import { acceptsGzip, slotAnswer } from './slot-answers.js';
import { type Scheduling } from './scheduling.js';
import type { StoredAppointment } from './scheduling-store.js';
import type { Directory } from '../directory/index.js';
import { visitCalendarResponse } from './visit-calendar.js';
import { manageUrl } from './links.js';

/** Text from people: trimmed, and never control characters (PostgreSQL refuses NUL in text). */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !hasControlCharacters(v), 'must not contain control characters');

function isRealPastDate(v: string): boolean {
  try {
    const date = Temporal.PlainDate.from(v, { overflow: 'reject' });
    // Today in UTC is a day ahead of the Americas at most; Temporal.Now would look up the
    // server's zone on every call, which cost a twentieth of a booking's CPU time.
    return v >= '1900-01-01' && date.toString() <= new Date().toISOString().slice(0, 10);
  } catch {
    return false;
  }
}

const contactFields = {
  email: plainText(254).pipe(z.string().email('must be an email address like name@example.com')),
  phone: plainText(25).pipe(
    z
      .string()
      .regex(
        /^\+?[\d\s().-]{7,25}$/,
        'must be a phone number, digits with optional spaces, dashes or brackets',
      ),
  ),
};

const personFields = {
  givenName: plainText(100).pipe(z.string().min(1, 'is required')),
  familyName: plainText(100).pipe(z.string().min(1, 'is required')),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine(isRealPastDate, 'must be a real date in the past'),
};

/**
 * The patient a person gives on the online forms: the private link goes by email, so both the
 * email address and the phone number are asked for.
 */
export const patientSchema = z.strictObject({ ...personFields, ...contactFields });

/** An absent, null or blank contact is "not given" (null); anything else must be valid. */
const optionalContact = (schema: z.ZodType<string>) =>
  z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
    schema.nullable(),
  );

/** The detail of the one cross-field rule, so forms can word it their own way. */
export const NO_CONTACT =
  'is needed when there is no phone number: give an email address, a phone number or both';
const reachable = (p: { email: string | null; phone: string | null }) => p.email !== null || p.phone !== null;

/**
 * The patient as the JSON and FHIR APIs and the front desk's phone booking take them: an email
 * address or a phone number, or both (someone who books by phone may have no email). Messages go
 * by email where there is one, otherwise by text message (see notifications/appointment-messages).
 */
export const reachablePatientSchema = z
  .strictObject({
    ...personFields,
    email: optionalContact(contactFields.email),
    phone: optionalContact(contactFields.phone),
  })
  .refine(reachable, { message: NO_CONTACT, path: ['email'] });

/** A correction of a patient's contact details: the same rule, at least one of the two. */
export const contactSchema = z
  .strictObject({ email: optionalContact(contactFields.email), phone: optionalContact(contactFields.phone) })
  .refine(reachable, { message: NO_CONTACT, path: ['email'] });

export const bookingSchema = z.strictObject({
  visitType: z.string().min(1, 'is required'),
  location: z.string().min(1, 'is required'),
  provider: z.string().min(1, 'is required'),
  start: z.string().min(1, 'is required'),
  patient: reachablePatientSchema,
  assessmentId: z.string().uuid('must be the id of a self-check result').optional(),
  assessmentToken: z.string().optional(),
  language: z.enum(['en', 'es']).default('en'),
  smsReminders: z.boolean().optional(),
});

// Besides the time, a move may change clinician, clinic or visit type (slugs); left out, they stay.
export const rescheduleSchema = z.strictObject({
  start: z.string().min(1, 'is required'),
  visitType: z.string().min(1).optional(),
  location: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
});

export function appointmentJson(d: Directory, a: StoredAppointment) {
  const v = appointmentView(d, a);
  return {
    id: a.id,
    status: a.status,
    start: v.start,
    end: v.end,
    provider: v.provider.slug,
    location: v.location.slug,
    visitType: v.visitType.slug,
    timeZone: v.location.timeZone,
    // Only what a client needs to greet the patient: it sent the rest itself, and an answer
    // (or an idempotent replay of it) should carry no more health data than it must.
    patient: { givenName: a.patient.givenName },
    assessmentId: a.assessmentId,
    language: a.language,
    sequence: a.sequence,
    createdAt: a.createdAt.toISOString(),
  };
}

const NOT_FOUND = 'There is no appointment with this id, or the token does not match it.';

export function appointmentApi(s: Scheduling): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const apiContext = (c: Context<AppEnv>) => requestCommandContext(c, s, 'api-client');

  // The API's largest answer (a network's month is about 300 KB): gzipped when asked, and an
  // ETag so a client polling for changes gets 304 while nothing changed. What is sent is built
  // once per answer and kept beside the cached times (slot-answers.ts); a clinician's month (tens
  // of KB) is sent as is, since gzip would cost more time than it saves on a fast link.
  api.get('/slots', async (c) => {
    const q = c.req.query();
    const answer = slotAnswer(
      await searchSlotWindow(s, {
        visitType: q.visitType,
        location: q.location,
        provider: q.provider,
        from: q.from,
        to: q.to,
      }),
    );
    // Public availability, not patient data: a client may keep it, and revalidates with the ETag.
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', answer.tag);
    c.header('Vary', 'Accept-Encoding');
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .some((t) => t.replace(/^W\//, '') === answer.tag)
    )
      return c.body(null, 304);
    c.header('Content-Type', 'application/json');
    if (answer.large && acceptsGzip(c.req.header('accept-encoding'))) {
      c.header('Content-Encoding', 'gzip');
      return c.body(await answer.gzipped());
    }
    return c.body(answer.json());
  });

  api.post('/appointments', async (c) => {
    const key = c.req.header('idempotency-key');
    // Without a key, a retry after a lost answer would find the first attempt's booking and be
    // told its own time "has just been taken"; with one, it gets the same booking back.
    if (key === undefined)
      throw new PreconditionRequired(
        'Send an Idempotency-Key header (8 to 200 characters, for example a new UUID per booking) so that a retry books once and gets the same answer.',
      );
    const body = parseBody(bookingSchema, await readJson(c));
    const booked = await bookAppointment(apiContext(c), body, key);
    const d = await s.directory.get();
    c.header('Location', `/api/v1/appointments/${booked.appointment.id}`);
    if (booked.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(
      {
        ...appointmentJson(d, booked.appointment),
        manageToken: booked.manageToken,
        manageUrl: manageUrl(s.publicUrl, booked.manageToken, booked.appointment.language),
      },
      201,
    );
  });

  // The visit for the patient's calendar (same UID and SEQUENCE as the emailed invitations).
  api.get('/appointments/:file{[0-9a-fA-F-]{36}\\.ics}', async (c) => {
    const id = c.req.param('file').slice(0, -'.ics'.length);
    const token = bearerToken(c);
    const a = await readAppointment(apiContext(c), id, token);
    if (!a) throw new NotFound(NOT_FOUND);
    return visitCalendarResponse(c, s, a, a.language);
  });

  api.get('/appointments/:id', async (c) => {
    const a = await readAppointment(apiContext(c), c.req.param('id'), bearerToken(c));
    if (!a) throw new NotFound(NOT_FOUND);
    return c.json(appointmentJson(await s.directory.get(), a));
  });

  api.post('/appointments/:id/cancel', async (c) => {
    const ctx = apiContext(c);
    const a = await readAppointment(ctx, c.req.param('id'), bearerToken(c), { auditSuccess: false });
    if (!a) throw new NotFound(NOT_FOUND);
    const cancelled = await cancelAppointment(ctx, a, bearerToken(c)!);
    return c.json(appointmentJson(await s.directory.get(), cancelled));
  });

  api.post('/appointments/:id/reschedule', async (c) => {
    const ctx = apiContext(c);
    const a = await readAppointment(ctx, c.req.param('id'), bearerToken(c), { auditSuccess: false });
    if (!a) throw new NotFound(NOT_FOUND);
    const body = parseBody(rescheduleSchema, await readJson(c));
    const moved = await rescheduleAppointment(ctx, a, body, bearerToken(c)!);
    return c.json(appointmentJson(await s.directory.get(), moved));
  });

  return api;
}
