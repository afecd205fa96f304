/**
 * The scheduling part of the API contract (OpenAPI 3.1, see platform/http/openapi.ts): free
 * times, booking, a visit read, moved and cancelled with its private token, its calendar file,
 * and the waiting list. Request schemas are the ones the routes validate with.
 */
import {
  idempotencyKeyHeader,
  json,
  jsonBody,
  privateToken,
  problems,
  zo as z,
  type ApiContract,
} from '../platform/http/openapi.js';
import { bookingSchema, rescheduleSchema } from './appointment-api.js';
import { joinSchema } from './waitlist-api.js';

const slug = (example: string) => z.string().openapi({ example });
const instant = (example: string) =>
  z.string().openapi({ description: 'ISO 8601 with the clinic’s offset', example });

const slotSchema = z
  .object({
    start: instant('2026-12-01T09:00:00-07:00'),
    end: instant('2026-12-01T09:45:00-07:00'),
    provider: slug('ben-evans'),
    location: slug('scottsdale'),
    visitType: slug('new-patient-pain-consultation'),
  })
  .openapi('Slot');

const appointmentSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['booked', 'checked-in', 'no-show', 'cancelled', 'completed']),
    start: z.string(),
    end: z.string(),
    provider: z.string(),
    location: z.string(),
    visitType: z.string(),
    timeZone: z.string().openapi({ example: 'America/Phoenix' }),
    patient: z
      .object({ givenName: z.string() })
      .openapi({ description: 'Only the first name: the client sent the rest.' }),
    assessmentId: z
      .string()
      .uuid()
      .nullable()
      .openapi({ description: 'The self-check attached as the intake.' }),
    language: z.enum(['en', 'es']),
    sequence: z.number().int().openapi({ description: 'Raised by each change (as in the calendar files).' }),
    createdAt: z.string(),
  })
  .openapi('Appointment');

const bookedSchema = appointmentSchema
  .extend({
    manageToken: z.string().openapi({ description: 'The private token: the only key to this visit.' }),
    manageUrl: z
      .string()
      .openapi({ description: 'The patient’s page for the visit (it carries the token).' }),
  })
  .openapi('BookedAppointment');

const waitlistEntrySchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['waiting', 'offered', 'booked', 'expired', 'left', 'closed']).openapi({
      description:
        'closed: its clinic, provider or visit type no longer takes patients; the patient was told.',
    }),
    from: z.string(),
    to: z.string(),
    offerExpiresAt: z.string().nullable(),
  })
  .openapi('WaitlistEntry');

const appointmentId = z.object({
  id: z.string().uuid().openapi({ description: 'The visit’s id (from the booking).' }),
});

export const BOOKING_EXAMPLE = {
  visitType: 'new-patient-pain-consultation',
  location: 'scottsdale',
  provider: 'ben-evans',
  start: '2026-12-01T09:00:00-07:00',
  patient: {
    givenName: 'Ada',
    familyName: 'Example',
    birthDate: '1980-04-02',
    email: 'ada@example.com',
    phone: '(480) 555-0100',
  },
  language: 'en',
};

export const schedulingContract: ApiContract = (r) => {
  r.registerPath({
    method: 'get',
    path: '/slots',
    tags: ['Booking'],
    summary: 'Free times',
    description:
      'Bookable times for a visit type, optionally at one clinic and with one clinician, between two dates (clinic-local, at most 31 days).',
    request: {
      query: z.object({
        visitType: slug('new-patient-pain-consultation'),
        location: slug('scottsdale').optional(),
        provider: slug('ben-evans').optional(),
        from: z.string().openapi({ description: 'First day, YYYY-MM-DD', example: '2026-12-01' }),
        to: z.string().openapi({ description: 'Last day, YYYY-MM-DD', example: '2026-12-02' }),
      }),
    },
    responses: {
      200: json('The free times, earliest first.', z.object({ slots: z.array(slotSchema) })),
      ...problems(422),
    },
  });
  r.registerPath({
    method: 'post',
    path: '/appointments',
    tags: ['Booking'],
    summary: 'Book a visit',
    description:
      'Books a free time for a patient (an email address, a phone number or both). Optionally attaches a self-check as the intake (`assessmentId` with its `assessmentToken`). The patient gets a confirmation with the private link.',
    request: { headers: idempotencyKeyHeader, body: jsonBody(bookingSchema, BOOKING_EXAMPLE) },
    responses: {
      201: json(
        'Booked. `Location` names the new visit; `Idempotent-Replayed: true` marks a retry’s answer.',
        bookedSchema,
        z.object({ Location: z.string() }),
      ),
      ...problems(400, 409, 415, 422, 428, 429),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/appointments/{id}',
    tags: ['Booking'],
    summary: 'Read a visit',
    security: privateToken,
    request: { params: appointmentId },
    responses: { 200: json('The visit.', appointmentSchema), ...problems(404) },
  });
  r.registerPath({
    method: 'get',
    path: '/appointments/{id}.ics',
    tags: ['Booking'],
    summary: 'The visit as a calendar file',
    description: 'iCalendar with a reminder; the same UID and SEQUENCE as the emailed invitations.',
    security: privateToken,
    request: { params: appointmentId },
    responses: {
      200: { description: 'The calendar file.', content: { 'text/calendar': { schema: z.string() } } },
      ...problems(404),
    },
  });
  r.registerPath({
    method: 'post',
    path: '/appointments/{id}/cancel',
    tags: ['Booking'],
    summary: 'Cancel a visit',
    description: 'The patient is told, and the time goes to the waiting list.',
    security: privateToken,
    request: { params: appointmentId },
    responses: { 200: json('The cancelled visit.', appointmentSchema), ...problems(404, 409) },
  });
  r.registerPath({
    method: 'post',
    path: '/appointments/{id}/reschedule',
    tags: ['Booking'],
    summary: 'Move a visit',
    description:
      'To a new time, and optionally to another clinician, clinic or visit type (left out, they stay). A visit with a self-check intake keeps it and may only become one of the self-check’s visit types. All or nothing: a refused move leaves the visit where it was.',
    security: privateToken,
    request: {
      params: appointmentId,
      body: jsonBody(rescheduleSchema, { start: '2026-12-02T10:00:00-07:00' }),
    },
    responses: { 200: json('The moved visit.', appointmentSchema), ...problems(400, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: 'post',
    path: '/waitlist',
    tags: ['Waiting list'],
    summary: 'Join the waiting list',
    description:
      'When a matching time frees up, the person gets an offer by email that holds the time for them for a while.',
    request: {
      body: jsonBody(joinSchema, {
        visitType: 'pain-follow-up',
        location: 'tempe',
        from: '2026-12-01',
        to: '2026-12-10',
        patient: BOOKING_EXAMPLE.patient,
        language: 'en',
      }),
    },
    responses: {
      201: json(
        'On the list. `Location` names the entry; `url` is the person’s page for it.',
        z.object({ id: z.string().uuid(), status: z.literal('waiting'), token: z.string(), url: z.string() }),
        z.object({ Location: z.string() }),
      ),
      ...problems(400, 415, 422),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/waitlist/{id}',
    tags: ['Waiting list'],
    summary: 'A waiting-list entry’s status',
    security: privateToken,
    request: { params: z.object({ id: z.string().uuid() }) },
    responses: { 200: json('The entry.', waitlistEntrySchema), ...problems(404) },
  });
};
