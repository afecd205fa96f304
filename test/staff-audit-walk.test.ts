import { randomUUID } from 'node:crypto';
/**
 * Walks every staff route the app registers and counts the audit events each request writes.
 * A request that shows or changes health data writes exactly one event per record it touches
 * (never zero, never two for one record); pages without health data write none, and
 * administrative changes write one. A route added without an entry here fails the first test.
 * Afterwards, the planted patient's details must not appear in the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { SELF_CARE } from './support/answers.js';
import { createStaff, signedIn } from './support/staff.js';
import type { FormClient } from './support/form-client.js';

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
type Who = 'admin' | 'desk' | 'evans' | 'tempe' | 'manager';
const clients = {} as Record<Who, { client: FormClient; csrf: string }>;
const ids: Record<string, string> = {};

const PLANTED = {
  givenName: 'Zelda',
  familyName: 'Plantedpatient',
  birthDate: '1944-04-14',
  email: 'zelda.planted@example.com',
  phone: '480 555 0144',
};

async function post(path: string, body: unknown) {
  return t.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
}

async function book(start: string, patient = PLANTED, extra: Record<string, unknown> = {}) {
  const res = await post('/api/v1/appointments', {
    visitType: 'back-pain-visit',
    location: 'scottsdale',
    provider: 'ben-evans',
    start,
    patient,
    ...extra,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  Object.assign(
    ids,
    await createStaff(t, [
      { email: 'desk@example.com', role: 'front-desk', locations: ['scottsdale'] },
      { email: 'evans@example.com', role: 'provider', locations: ['scottsdale'], provider: 'ben-evans' },
      { email: 'tempe@example.com', role: 'front-desk', locations: ['tempe'] },
      { email: 'manager@example.com', role: 'clinic-manager', locations: ['tempe'] },
    ]),
  );
  const a = (await (
    await post('/api/v1/assessments', {
      pathway: 'low-back-pain',
      answers: { ...SELF_CARE, 'pain-score': 5 },
    })
  ).json()) as { id: string; token: string };
  ids.today = await book('2026-11-30T10:00:00-07:00', PLANTED, {
    assessmentId: a.id,
    assessmentToken: a.token,
  });
  ids.second = await book('2026-11-30T11:00:00-07:00', {
    ...PLANTED,
    givenName: 'Yuri',
    email: 'yuri@example.com',
  });
  ids.noShow = await book('2026-11-30T12:00:00-07:00', {
    ...PLANTED,
    givenName: 'Nell',
    email: 'nell@example.com',
  });
  // Booked last Friday morning for that Friday: it has started, so it can be marked a no-show.
  const monday = clock;
  clock = new Date('2026-11-27T14:00:00Z');
  ids.started = await book('2026-11-27T10:00:00-07:00', {
    ...PLANTED,
    givenName: 'Paz',
    email: 'paz@example.com',
  });
  clock = monday;
  ids.patient = (
    await t.db.query<{ id: string }>('SELECT patient_id AS id FROM appointments WHERE id = $1', [ids.today])
  )[0]!.id;
  ids.toMove = await book('2026-12-01T10:00:00-07:00');
  ids.toCancel = await book('2026-12-01T11:00:00-07:00');
  ids.underTimeOff = await book('2026-12-03T10:00:00-07:00');
  const join = await post('/api/v1/waitlist', {
    visitType: 'back-pain-visit',
    location: 'scottsdale',
    from: '2026-12-07',
    to: '2026-12-09',
    patient: PLANTED,
  });
  expect(join.status).toBe(201);
  ids.entry = (await t.db.query<{ id: string }>('SELECT id FROM waitlist_entries'))[0]!.id;
  ids.closure = '2026-12-24';
  // A message that could not be sent, for the outbox's "Send again".
  ids.failedMessage = (
    await t.db.query<{ id: string }>(
      "UPDATE outbox_messages SET status = 'failed', last_error = 'mailbox unavailable' WHERE id = (SELECT id FROM outbox_messages WHERE appointment_id = $1 LIMIT 1) RETURNING id",
      [ids.toMove],
    )
  )[0]!.id;
  ids.block = (
    await t.db.query<{ id: string }>(
      "SELECT b.id FROM provider_schedules b JOIN providers p ON p.id = b.provider_id WHERE p.slug = 'lucia-ramirez' LIMIT 1",
    )
  )[0]!.id;
  // Lucía Ramírez's Thursday at Glendale, for changing one block of working hours.
  const thursday = (
    await t.db.query<{ id: string; location_id: string; valid_from: string }>(
      "SELECT b.id, b.location_id, b.valid_from::text AS valid_from FROM provider_schedules b JOIN providers p ON p.id = b.provider_id WHERE p.slug = 'lucia-ramirez' AND b.weekday = 4",
    )
  )[0]!;
  Object.assign(ids, {
    thursdayBlock: thursday.id,
    glendale: thursday.location_id,
    thursdayFrom: thursday.valid_from,
  });
  for (const who of ['admin', 'desk', 'evans', 'tempe', 'manager'] as const)
    clients[who] = await signedIn(t, `${who}@example.com`);
});
afterAll(async () => {
  await t.close();
});

interface Step {
  route: string;
  as: Who;
  path: () => string;
  form?: () => Record<string, string | string[]>;
  status: number;
  /** Audit events this request must write (counted before the request when it depends on the data). */
  events: number | (() => Promise<number>);
  /** Health data: every event names a record, each record once. */
  health?: boolean;
}

const get = (
  route: string,
  as: Who,
  path: string,
  status: number,
  events: Step['events'],
  health = false,
): Step => ({
  route: `GET ${route}`,
  as,
  path: () => path,
  status,
  events,
  health,
});
const send = (
  route: string,
  as: Who,
  path: () => string,
  form: () => Record<string, string | string[]>,
  status: number,
  events: number,
  health = false,
): Step => ({ route: `POST ${route}`, as, path, form, status, events, health });

/** The records the outbox page shows: its newest 100 messages' visits, or the message itself. */
const outboxRecords = async () =>
  (
    await t.db.query<{ n: number }>(
      `SELECT count(DISTINCT coalesce(appointment_id, id))::int AS n
       FROM (SELECT id, appointment_id FROM outbox_messages ORDER BY created_at DESC LIMIT 100) m`,
    )
  )[0]!.n;

const STEPS: Step[] = [
  // Sign-in pages: every attempt is audited; no health data.
  get('/staff/login', 'desk', '/staff/login', 200, 0),
  // Health data: one event per visit shown or changed.
  get('/staff', 'desk', '/staff?location=scottsdale&date=2026-11-30', 200, 3, true),
  get('/staff/week', 'desk', '/staff/week?location=scottsdale&date=2026-11-30', 200, 6, true),
  get('/staff/search', 'desk', '/staff/search', 200, 0),
  send(
    '/staff/search',
    'desk',
    () => '/staff/search',
    () => ({ q: 'Plantedpatient' }),
    200,
    7,
    true,
  ),
  get('/staff/appointments/:id', 'desk', '/staff/appointments/ID:today', 200, 1, true),
  get('/staff/appointments/:id/slip', 'desk', '/staff/appointments/ID:today/slip', 200, 1, true),
  get('/staff/appointments/:id/intake', 'evans', '/staff/appointments/ID:today/intake', 200, 1, true),
  // The planted patient and their four visits at Scottsdale: one event each.
  get('/staff/patients/:id', 'desk', '/staff/patients/ID:patient', 200, 5, true),
  send(
    '/staff/patients/:id/contact',
    'desk',
    () => `/staff/patients/${ids.patient}/contact`,
    () => ({ email: PLANTED.email, phone: PLANTED.phone }),
    303,
    1,
    true,
  ),
  send(
    '/staff/appointments/:id/check-in',
    'desk',
    () => `/staff/appointments/${ids.today}/check-in`,
    () => ({}),
    303,
    1,
    true,
  ),
  get('/staff/appointments/:id/no-show', 'desk', '/staff/appointments/ID:noShow/no-show', 200, 1, true),
  // A no-show can be marked only once the visit has started: last Friday's visit.
  send(
    '/staff/appointments/:id/no-show',
    'desk',
    () => `/staff/appointments/${ids.started}/no-show`,
    () => ({}),
    303,
    1,
    true,
  ),

  send(
    '/staff/appointments/:id/undo',
    'desk',
    () => `/staff/appointments/${ids.today}/undo`,
    () => ({ status: 'checked-in' }),
    303,
    1,
    true,
  ),
  get(
    '/staff/appointments/:id/reschedule',
    'desk',
    '/staff/appointments/ID:toMove/reschedule?date=2026-12-01',
    200,
    1,
    true,
  ),
  send(
    '/staff/appointments/:id/reschedule',
    'desk',
    () => `/staff/appointments/${ids.toMove}/reschedule`,
    () => ({ slot: 'ben-evans|2026-12-01T13:00:00-07:00' }),
    303,
    1,
    true,
  ),
  // Visits waiting for a decision: one event per visit listed (none here); keeping a visit that
  // waits for none is refused and changes nothing.
  get('/staff/decisions', 'desk', '/staff/decisions', 200, 0),
  // Undoing a cancel of a visit that is not cancelled, keeping one that waits for no decision:
  // refused, nothing changes, and the attempt is recorded (outcome invalid, with its code).
  send(
    '/staff/appointments/:id/restore',
    'desk',
    () => `/staff/appointments/${ids.toCancel}/restore`,
    () => ({}),
    409,
    1,
    true,
  ),
  send(
    '/staff/appointments/:id/keep',
    'desk',
    () => `/staff/appointments/${ids.toCancel}/keep`,
    () => ({}),
    409,
    1,
    true,
  ),
  // Sending the confirmation again: one event, naming the visit (the message holds health data).
  send(
    '/staff/appointments/:id/resend',
    'desk',
    () => `/staff/appointments/${ids.toCancel}/resend`,
    () => ({}),
    303,
    1,
    true,
  ),
  get('/staff/appointments/:id/cancel', 'desk', '/staff/appointments/ID:toCancel/cancel', 200, 1, true),
  send(
    '/staff/appointments/:id/cancel',
    'desk',
    () => `/staff/appointments/${ids.toCancel}/cancel`,
    () => ({}),
    303,
    1,
    true,
  ),
  get(
    '/staff/book',
    'desk',
    '/staff/book?location=scottsdale&visitType=back-pain-visit&date=2026-12-02',
    200,
    0,
  ),
  send(
    '/staff/book',
    'desk',
    () => '/staff/book',
    () => ({
      location: 'scottsdale',
      visitType: 'back-pain-visit',
      slot: 'ben-evans|2026-12-02T09:00:00-07:00',
      ...PLANTED,
      givenName: 'Phil',
    }),
    303,
    1,
    true,
  ),
  get('/staff/waitlist', 'desk', '/staff/waitlist?location=scottsdale', 200, 1, true),
  get('/staff/waitlist/:id/offer', 'desk', '/staff/waitlist/ID:entry/offer?date=2026-12-08', 200, 1, true),
  send(
    '/staff/waitlist/:id/offer',
    'desk',
    () => `/staff/waitlist/${ids.entry}/offer`,
    () => ({ slot: 'ben-evans|2026-12-08T09:00:00-07:00' }),
    303,
    1,
    true,
  ),
  // Adding a caller: the form shows no one; the new entry is one event.
  get('/staff/waitlist/new', 'desk', '/staff/waitlist/new?location=scottsdale', 200, 0),
  send(
    '/staff/waitlist/new',
    'desk',
    () => '/staff/waitlist/new',
    () => ({
      location: 'scottsdale',
      visitType: 'back-pain-visit',
      from: '2026-12-01',
      to: '2026-12-10',
      givenName: 'Walt',
      familyName: 'Caller',
      birthDate: '1950-01-02',
      phone: '480 555 0150',
      language: 'en',
    }),
    303,
    1,
    true,
  ),
  // Time off over a booked visit: the question lists it (one read), the decision records one event.
  get('/staff/admin/providers/:slug/time-off', 'admin', '/staff/admin/providers/ben-evans/time-off', 200, 0),
  send(
    '/staff/admin/providers/:slug/time-off',
    'admin',
    () => '/staff/admin/providers/ben-evans/time-off',
    () => ({ starts: '2026-12-03T09:00', ends: '2026-12-03T12:00', note: 'Course' }),
    409,
    1,
    true,
  ),
  // Administrators' reads of the audit trail and the outbox: one event each.
  get('/staff/audit', 'admin', '/staff/audit', 200, 1),
  get('/api/v1/audit-events', 'admin', '/api/v1/audit-events', 200, 1),
  // The outbox: a read of each visit it lists (once per visit) and of each message about none.
  get('/staff/outbox', 'admin', '/staff/outbox', 200, outboxRecords, true),
  // "Send again": one event, naming the visit the message is about.
  send(
    '/staff/outbox/:id/resend',
    'admin',
    () => `/staff/outbox/${ids.failedMessage}/resend`,
    () => ({}),
    303,
    1,
    true,
  ),
  // A user's language setting: one event (no health data), then back to the page.
  send(
    '/staff/language',
    'desk',
    () => '/staff/language',
    () => ({ language: 'en', back: '/staff' }),
    303,
    1,
  ),
  // Administration: pages without health data write nothing; each change writes one event.
  get('/staff/admin', 'admin', '/staff/admin', 200, 0),
  get('/staff/admin/clinics', 'admin', '/staff/admin/clinics', 200, 0),
  get('/staff/admin/clinics/:slug', 'admin', '/staff/admin/clinics/tempe', 200, 0),
  // A clinic manager: their clinic's administration, its changes audited like an administrator's.
  get('/staff/admin', 'manager', '/staff/admin', 200, 0),
  get('/staff/admin/clinics/:slug', 'manager', '/staff/admin/clinics/tempe', 200, 0),
  send(
    '/staff/admin/clinics/:slug/hours',
    'manager',
    () => '/staff/admin/clinics/tempe/hours',
    () => ({ 'opens-1': '08:00', 'closes-1': '17:00' }),
    303,
    1,
  ),
  send(
    '/staff/admin/clinics/:slug/details',
    'admin',
    () => '/staff/admin/clinics/tempe/details',
    () => ({}),
    422,
    0,
  ),
  send(
    '/staff/admin/clinics/:slug/hours',
    'admin',
    () => '/staff/admin/clinics/tempe/hours',
    () => ({ 'opens-1': '08:00', 'closes-1': '17:00' }),
    303,
    1,
  ),
  send(
    '/staff/admin/clinics/:slug/closures',
    'admin',
    () => '/staff/admin/clinics/tempe/closures',
    () => ({ closedOn: ids.closure!, reason: 'Holiday' }),
    303,
    1,
  ),
  send(
    '/staff/admin/clinics/:slug/closures/:date/remove',
    'admin',
    () => `/staff/admin/clinics/tempe/closures/${ids.closure}/remove`,
    () => ({}),
    303,
    1,
  ),
  get('/staff/admin/providers', 'admin', '/staff/admin/providers', 200, 0),
  get('/staff/admin/providers/:slug', 'admin', '/staff/admin/providers/lucia-ramirez', 200, 0),
  send(
    '/staff/admin/providers/:slug/profile',
    'admin',
    () => '/staff/admin/providers/lucia-ramirez/profile',
    () => ({}),
    422,
    0,
  ),
  // A provider may offer no visit type (e.g. on leave): a change, one event.
  send(
    '/staff/admin/providers/:slug/visit-types',
    'admin',
    () => '/staff/admin/providers/lucia-ramirez/visit-types',
    () => ({}),
    303,
    1,
  ),
  send(
    '/staff/admin/providers/:slug/blocks',
    'admin',
    () => '/staff/admin/providers/lucia-ramirez/blocks',
    () => ({}),
    422,
    0,
  ),
  // Changing one block of working hours: the form writes nothing; a change that takes no booked
  // visit's hours away writes one event.
  get(
    '/staff/admin/providers/:slug/blocks/:id/edit',
    'admin',
    '/staff/admin/providers/lucia-ramirez/blocks/ID:thursdayBlock/edit',
    200,
    0,
  ),
  send(
    '/staff/admin/providers/:slug/blocks/:id/edit',
    'admin',
    () => `/staff/admin/providers/lucia-ramirez/blocks/${ids.thursdayBlock}/edit`,
    () => ({
      location: ids.glendale!,
      weekday: '4',
      starts: '07:30',
      ends: '17:00',
      validFrom: ids.thursdayFrom!,
      validTo: '',
    }),
    303,
    1,
  ),
  send(
    '/staff/admin/providers/:slug/blocks/:id/remove',
    'admin',
    () => `/staff/admin/providers/lucia-ramirez/blocks/${ids.block}/remove`,
    () => ({}),
    303,
    1,
  ),
  // Removing time off that is already gone is a no-op (a repeated form), not an error.
  send(
    '/staff/admin/providers/:slug/time-off/:id/remove',
    'admin',
    () => '/staff/admin/providers/lucia-ramirez/time-off/00000000-0000-4000-8000-000000000000/remove',
    () => ({}),
    303,
    0,
  ),
  get('/staff/admin/visit-types', 'admin', '/staff/admin/visit-types', 200, 0),
  get('/staff/admin/visit-types/:slug', 'admin', '/staff/admin/visit-types/back-pain-visit', 200, 0),
  send(
    '/staff/admin/visit-types/:slug',
    'admin',
    () => '/staff/admin/visit-types/back-pain-visit',
    () => ({}),
    422,
    0,
  ),
  // Adding, retiring and re-activating (network administrators): a bad form writes nothing, each
  // change one event; retiring one with visits to come lists them (one read each) and changes nothing.
  get('/staff/admin/clinics/new', 'admin', '/staff/admin/clinics/new', 200, 0),
  send(
    '/staff/admin/clinics/new',
    'admin',
    () => '/staff/admin/clinics/new',
    () => ({ slug: 'Bad Slug' }),
    422,
    0,
  ),
  send(
    '/staff/admin/clinics/new',
    'admin',
    () => '/staff/admin/clinics/new',
    () => ({
      slug: 'walk-clinic',
      name: 'Walk Clinic',
      timeZone: 'America/Phoenix',
      street: '1 Walk St',
      city: 'Mesa',
      region: 'AZ',
      postalCode: '85201',
      phone: '480 555 0123',
    }),
    303,
    1,
  ),
  send(
    '/staff/admin/clinics/:slug/retire',
    'admin',
    () => '/staff/admin/clinics/walk-clinic/retire',
    () => ({}),
    303,
    1,
  ),
  send(
    '/staff/admin/clinics/:slug/reactivate',
    'admin',
    () => '/staff/admin/clinics/walk-clinic/reactivate',
    () => ({}),
    303,
    1,
  ),
  get('/staff/admin/providers/new', 'admin', '/staff/admin/providers/new', 200, 0),
  send(
    '/staff/admin/providers/new',
    'admin',
    () => '/staff/admin/providers/new',
    () => ({
      slug: 'walk-doctor',
      displayName: 'Dr. Walk',
      credentials: 'MD',
      specialty: 'internal-medicine',
      languages: ['en', 'es'],
      bioEn: 'Walks.',
      bioEs: 'Camina.',
    }),
    303,
    1,
  ),
  {
    route: 'POST /staff/admin/providers/:slug/retire',
    as: 'admin',
    path: () => '/staff/admin/providers/ben-evans/retire',
    form: () => ({}),
    status: 409,
    events: async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM appointments a JOIN providers p ON p.id = a.provider_id
           WHERE p.slug = 'ben-evans' AND a.status IN ('booked', 'checked-in') AND a.ends_at > $1`,
          [clock],
        )
      )[0]!.n,
    health: true,
  },
  send(
    '/staff/admin/providers/:slug/retire',
    'admin',
    () => '/staff/admin/providers/walk-doctor/retire',
    () => ({}),
    303,
    1,
  ),
  send(
    '/staff/admin/providers/:slug/reactivate',
    'admin',
    () => '/staff/admin/providers/walk-doctor/reactivate',
    () => ({}),
    303,
    1,
  ),
  get('/staff/admin/visit-types/new', 'admin', '/staff/admin/visit-types/new', 200, 0),
  send(
    '/staff/admin/visit-types/new',
    'admin',
    () => '/staff/admin/visit-types/new',
    () => ({
      slug: 'walk-visit',
      nameEn: 'Walk visit',
      nameEs: 'Consulta de paseo',
      descriptionEn: 'A walk.',
      descriptionEs: 'Un paseo.',
      durationMinutes: '30',
      bufferMinutes: '0',
      minNoticeMinutes: '60',
      horizonDays: '30',
    }),
    303,
    1,
  ),
  send(
    '/staff/admin/visit-types/:slug/retire',
    'admin',
    () => '/staff/admin/visit-types/walk-visit/retire',
    () => ({}),
    303,
    1,
  ),
  send(
    '/staff/admin/visit-types/:slug/reactivate',
    'admin',
    () => '/staff/admin/visit-types/walk-visit/reactivate',
    () => ({}),
    303,
    1,
  ),
  get('/staff/admin/staff', 'admin', '/staff/admin/staff', 200, 0),
  get('/staff/admin/staff/:id', 'admin', '/staff/admin/staff/ID:desk@example.com', 200, 0),
  send(
    '/staff/admin/staff/:id/access',
    'admin',
    () => `/staff/admin/staff/${ids['desk@example.com']}/access`,
    () => ({}),
    422,
    0,
  ),
  send(
    '/staff/admin/staff/:id/deactivate',
    'admin',
    () => `/staff/admin/staff/${ids['evans@example.com']}/deactivate`,
    () => ({}),
    303,
    1,
  ),
  send(
    '/staff/admin/staff/:id/reactivate',
    'admin',
    () => `/staff/admin/staff/${ids['evans@example.com']}/reactivate`,
    () => ({}),
    303,
    1,
  ),
  // An administrator's help for a colleague: one event each; a two-step reset of an account without
  // it changes nothing and writes nothing.
  send(
    '/staff/admin/staff/:id/password-reset',
    'admin',
    () => `/staff/admin/staff/${ids['desk@example.com']}/password-reset`,
    () => ({}),
    303,
    1,
  ),
  send(
    '/staff/admin/staff/:id/mfa-reset',
    'admin',
    () => `/staff/admin/staff/${ids['desk@example.com']}/mfa-reset`,
    () => ({}),
    303,
    0,
  ),
  // A forgotten password (no session needed): the request is audited whether or not the address
  // has an account; a link that does not work writes nothing and changes nothing.
  get('/staff/password/forgot', 'desk', '/staff/password/forgot', 200, 0),
  send(
    '/staff/password/forgot',
    'desk',
    () => '/staff/password/forgot',
    () => ({ email: 'nobody@example.com' }),
    200,
    1,
  ),
  get('/staff/password/reset/done', 'desk', '/staff/password/reset/done', 200, 0),
  get('/staff/password/reset/:token', 'desk', `/staff/password/reset/${'x'.repeat(43)}`, 404, 0),
  send(
    '/staff/password/reset/:token',
    'desk',
    () => `/staff/password/reset/${'x'.repeat(43)}`,
    () => ({ password: 'a long enough new one', confirm: 'a long enough new one' }),
    404,
    0,
  ),
  get('/staff/admin/staff/invite', 'admin', '/staff/admin/staff/invite', 200, 0),
  send(
    '/staff/admin/staff/invite',
    'admin',
    () => '/staff/admin/staff/invite',
    () => ({}),
    422,
    0,
  ),
  get('/staff/invite/:token', 'admin', '/staff/invite/not-a-real-invitation-token-000000000000000', 404, 0),
  send(
    '/staff/invite/:token',
    'admin',
    () => '/staff/invite/not-a-real-invitation-token-000000000000000',
    () => ({}),
    404,
    0,
  ),
  get('/staff/invite/accepted', 'admin', '/staff/invite/accepted', 200, 0),
  get('/staff/admin/pathways', 'admin', '/staff/admin/pathways', 200, 0),
  get('/staff/admin/fhir-clients', 'admin', '/staff/admin/fhir-clients', 200, 0),
  send(
    '/staff/admin/fhir-clients',
    'admin',
    () => '/staff/admin/fhir-clients',
    () => ({}),
    422,
    0,
  ),
  send(
    '/staff/admin/fhir-clients',
    'admin',
    () => '/staff/admin/fhir-clients',
    () => ({
      clientId: 'walk-client',
      name: 'Walk',
      scope: 'system/Slot.rs',
      jwksUrl: 'https://walk.example/jwks.json',
    }),
    303,
    1,
  ),
  send(
    '/staff/admin/fhir-clients/:clientId/retire',
    'admin',
    () => '/staff/admin/fhir-clients/walk-client/retire',
    () => ({}),
    303,
    1,
  ),
];

/**
 * Requests that must be refused: another clinic's front desk on a Scottsdale record, a provider on
 * the front desk's routes, staff on administration. Each answers 404 (like a missing record),
 * changes nothing and writes exactly one "denied" event.
 */
const record = (route: string, path: string, form?: Record<string, string>) => ({ route, path, form });
const DENIALS: { as: Who; route: string; path: string; form?: Record<string, string> }[] = [
  ...[
    record('GET /staff/appointments/:id', '/staff/appointments/ID:second'),
    record('GET /staff/appointments/:id/slip', '/staff/appointments/ID:second/slip'),
    record('GET /staff/appointments/:id/intake', '/staff/appointments/ID:today/intake'),
    record('POST /staff/appointments/:id/check-in', '/staff/appointments/ID:second/check-in', {}),
    record('GET /staff/appointments/:id/no-show', '/staff/appointments/ID:second/no-show'),
    record('POST /staff/appointments/:id/no-show', '/staff/appointments/ID:second/no-show', {}),
    record('POST /staff/appointments/:id/undo', '/staff/appointments/ID:second/undo', {}),
    record('GET /staff/appointments/:id/reschedule', '/staff/appointments/ID:second/reschedule'),
    record('POST /staff/appointments/:id/reschedule', '/staff/appointments/ID:second/reschedule', {
      slot: 'ben-evans|2026-12-01T15:00:00-07:00',
    }),
    record('GET /staff/appointments/:id/cancel', '/staff/appointments/ID:second/cancel'),
    record('POST /staff/appointments/:id/cancel', '/staff/appointments/ID:second/cancel', {}),
    record('POST /staff/appointments/:id/resend', '/staff/appointments/ID:second/resend', {}),
    record('POST /staff/appointments/:id/keep', '/staff/appointments/ID:second/keep', {}),
    record('POST /staff/appointments/:id/restore', '/staff/appointments/ID:second/restore', {}),
    record('GET /staff/patients/:id', '/staff/patients/ID:patient'),
    record('POST /staff/patients/:id/contact', '/staff/patients/ID:patient/contact', {
      email: 'x@example.com',
      phone: '480 555 0000',
    }),
    record('GET /staff/waitlist/:id/offer', '/staff/waitlist/ID:entry/offer'),
    record('POST /staff/waitlist/:id/offer', '/staff/waitlist/ID:entry/offer', {
      slot: 'ben-evans|2026-12-09T09:00:00-07:00',
    }),
  ].map((r) => ({ ...r, as: 'tempe' as const })),
  ...[
    // A provider reads their day; a visit's status is the desk's to change, even their own patient's.
    record('POST /staff/appointments/:id/check-in', '/staff/appointments/ID:second/check-in', {
      status: 'booked',
    }),
    record('GET /staff/appointments/:id/no-show', '/staff/appointments/ID:second/no-show'),
    record('POST /staff/appointments/:id/no-show', '/staff/appointments/ID:second/no-show', {
      status: 'booked',
    }),
    record('POST /staff/appointments/:id/undo', '/staff/appointments/ID:started/undo', {
      status: 'no-show',
    }),
    record('GET /staff/book', '/staff/book'),
    record('POST /staff/book', '/staff/book', { location: 'scottsdale' }),
    record('GET /staff/waitlist', '/staff/waitlist'),
    record('GET /staff/waitlist/new', '/staff/waitlist/new'),
    record('POST /staff/waitlist/new', '/staff/waitlist/new', { location: 'scottsdale' }),
    record('GET /staff/appointments/:id/cancel', '/staff/appointments/ID:second/cancel'),
    record('POST /staff/appointments/:id/reschedule', '/staff/appointments/ID:second/reschedule', {}),
    record('POST /staff/appointments/:id/resend', '/staff/appointments/ID:second/resend', {}),
    record('GET /staff/decisions', '/staff/decisions'),
    record('POST /staff/appointments/:id/restore', '/staff/appointments/ID:second/restore', {}),
    record('GET /staff/admin/providers/:slug/time-off', '/staff/admin/providers/ben-evans/time-off'),
    record('GET /staff/audit', '/staff/audit'),
    record(
      'POST /staff/admin/staff/:id/password-reset',
      '/staff/admin/staff/ID:desk@example.com/password-reset',
      {},
    ),
    record('POST /staff/admin/staff/:id/mfa-reset', '/staff/admin/staff/ID:desk@example.com/mfa-reset', {}),
  ].map((r) => ({ ...r, as: 'evans' as const })),
  // The front desk: no administration at all.
  ...[
    record('GET /staff/admin', '/staff/admin'),
    record('GET /staff/admin/clinics', '/staff/admin/clinics'),
    record('POST /staff/admin/clinics/:slug/hours', '/staff/admin/clinics/scottsdale/hours', {}),
    record('GET /staff/admin/providers', '/staff/admin/providers'),
    record('POST /staff/admin/clinics/new', '/staff/admin/clinics/new', { slug: 'x' }),
    record('POST /staff/admin/providers/:slug/retire', '/staff/admin/providers/ben-evans/retire', {}),
    record(
      'POST /staff/admin/providers/:slug/blocks/:id/edit',
      '/staff/admin/providers/lucia-ramirez/blocks/ID:thursdayBlock/edit',
      {},
    ),
  ].map((r) => ({ ...r, as: 'desk' as const })),
  // A clinic manager (Tempe): not another clinic, its providers, its visits, nor the network's pages.
  ...[
    record('GET /staff/admin/clinics/:slug', '/staff/admin/clinics/scottsdale'),
    record('POST /staff/admin/clinics/:slug/hours', '/staff/admin/clinics/scottsdale/hours', {}),
    record('POST /staff/admin/clinics/:slug/closures', '/staff/admin/clinics/scottsdale/closures', {}),
    record(
      'POST /staff/admin/clinics/:slug/closures/:date/remove',
      '/staff/admin/clinics/scottsdale/closures/2026-12-24/remove',
      {},
    ),
    record('POST /staff/admin/clinics/:slug/details', '/staff/admin/clinics/tempe/details', {}),
    record('GET /staff/admin/providers/:slug', '/staff/admin/providers/ben-evans'),
    record('GET /staff/admin/providers/:slug/time-off', '/staff/admin/providers/ben-evans/time-off'),
    record('POST /staff/admin/providers/:slug/time-off', '/staff/admin/providers/ben-evans/time-off', {}),
    record(
      'POST /staff/admin/providers/:slug/time-off/:id/remove',
      '/staff/admin/providers/ben-evans/time-off/00000000-0000-4000-8000-000000000000/remove',
      {},
    ),
    record('POST /staff/admin/providers/:slug/profile', '/staff/admin/providers/ben-evans/profile', {}),
    record('POST /staff/admin/providers/:slug/blocks', '/staff/admin/providers/ben-evans/blocks', {}),
    // Lucía Ramírez works at Tempe too: its manager runs her time off there, not her working hours.
    record(
      'GET /staff/admin/providers/:slug/blocks/:id/edit',
      '/staff/admin/providers/lucia-ramirez/blocks/ID:thursdayBlock/edit',
    ),
    record(
      'POST /staff/admin/providers/:slug/blocks/:id/edit',
      '/staff/admin/providers/lucia-ramirez/blocks/ID:thursdayBlock/edit',
      {},
    ),
    record('GET /staff/admin/visit-types', '/staff/admin/visit-types'),
    record('GET /staff/admin/staff', '/staff/admin/staff'),
    record('GET /staff/admin/staff/invite', '/staff/admin/staff/invite'),
    record('GET /staff/admin/pathways', '/staff/admin/pathways'),
    record('GET /staff/admin/fhir-clients', '/staff/admin/fhir-clients'),
    record('GET /staff/audit', '/staff/audit'),
    record('GET /staff/outbox', '/staff/outbox'),
    record('GET /staff/appointments/:id', '/staff/appointments/ID:second'),
    record('GET /staff/appointments/:id/intake', '/staff/appointments/ID:today/intake'),
    record('GET /staff/admin/clinics/new', '/staff/admin/clinics/new'),
    record('POST /staff/admin/clinics/new', '/staff/admin/clinics/new', { slug: 'x' }),
    record('POST /staff/admin/clinics/:slug/retire', '/staff/admin/clinics/tempe/retire', {}),
    record('POST /staff/admin/clinics/:slug/reactivate', '/staff/admin/clinics/tempe/reactivate', {}),
    record('GET /staff/admin/providers/new', '/staff/admin/providers/new'),
    record('POST /staff/admin/providers/new', '/staff/admin/providers/new', { slug: 'x' }),
    record('POST /staff/admin/providers/:slug/retire', '/staff/admin/providers/ben-evans/retire', {}),
    record('POST /staff/admin/providers/:slug/reactivate', '/staff/admin/providers/ben-evans/reactivate', {}),
    record('GET /staff/admin/visit-types/new', '/staff/admin/visit-types/new'),
    record('POST /staff/admin/visit-types/new', '/staff/admin/visit-types/new', { slug: 'x' }),
    record(
      'POST /staff/admin/visit-types/:slug/retire',
      '/staff/admin/visit-types/back-pain-visit/retire',
      {},
    ),
    record(
      'POST /staff/admin/visit-types/:slug/reactivate',
      '/staff/admin/visit-types/back-pain-visit/reactivate',
      {},
    ),
  ].map((r) => ({ ...r, as: 'manager' as const })),
];

/** Two-factor and sign-out routes are walked in the sign-in tests (they change the session). */
const ELSEWHERE = new Set([
  'POST /staff/login',
  'POST /staff/logout',
  'GET /staff/login/mfa',
  'POST /staff/login/mfa',
  'GET /staff/mfa',
  'POST /staff/mfa',
]);

describe('every staff route and its audit events', () => {
  it('has a step for every registered staff route', () => {
    const registered = t.app.routes
      .filter((r) => r.method === 'GET' || r.method === 'POST')
      .filter((r) => r.path === '/staff' || r.path.startsWith('/staff/') || r.path === '/api/v1/audit-events')
      .map((r) => `${r.method} ${r.path}`);
    const walked = new Set([...STEPS.map((s) => s.route), ...ELSEWHERE]);
    expect(registered.filter((r) => !walked.has(r))).toEqual([]);
  });

  for (const step of STEPS) {
    it(`${step.route} writes ${typeof step.events === 'number' ? step.events : 'one per record shown:'} audit event(s)`, async () => {
      const path = step.path().replace(/ID:([\w@.]+)/, (_, k: string) => ids[k]!);
      const expected = typeof step.events === 'number' ? step.events : await step.events();
      const [{ last }] = (await t.db.query<{ last: number }>(
        'SELECT COALESCE(max(id), 0)::int AS last FROM audit_events',
      )) as [{ last: number }];
      const { client, csrf } = clients[step.as];
      const res = step.form
        ? await client.post(path, { _csrf: csrf, ...step.form() })
        : await client.get(path);
      expect(
        res.status,
        await res
          .clone()
          .text()
          .then((x) => x.slice(0, 300)),
      ).toBe(step.status);
      const events = await t.db.query<{ entity_type: string; entity_id: string | null; outcome: string }>(
        'SELECT entity_type, entity_id, outcome FROM audit_events WHERE id > $1 ORDER BY id',
        [last],
      );
      expect(events, JSON.stringify(events)).toHaveLength(expected);
      if (step.health) {
        const records = events.map((e) => `${e.entity_type}:${e.entity_id}`);
        expect(events.every((e) => e.entity_id)).toBe(true);
        expect(new Set(records).size).toBe(records.length);
      }
    });
  }

  describe('refusals', () => {
    // The walk deactivated and reactivated the provider, which ended their session.
    beforeAll(async () => {
      clients.evans = await signedIn(t, 'evans@example.com');
    });
    for (const denial of DENIALS) {
      it(`${denial.route} as ${denial.as}: 404, one "denied" event, nothing changed`, async () => {
        const path = denial.path.replace(/ID:([\w@.]+)/, (_, k: string) => ids[k]!);
        const [mark] = await t.db.query<{ last: number }>(
          'SELECT COALESCE(max(id), 0)::int AS last FROM audit_events',
        );
        const before = await t.db.query(
          'SELECT id, status, starts_at, provider_id FROM appointments ORDER BY id',
        );
        const { client, csrf } = clients[denial.as];
        const res = denial.form
          ? await client.post(path, { _csrf: csrf, ...denial.form })
          : await client.get(path);
        expect(res.status).toBe(404);
        const events = await t.db.query<{ outcome: string }>(
          'SELECT outcome FROM audit_events WHERE id > $1 ORDER BY id',
          [mark!.last],
        );
        expect(events.map((e) => e.outcome)).toEqual(['denied']);
        expect(
          await t.db.query('SELECT id, status, starts_at, provider_id FROM appointments ORDER BY id'),
        ).toEqual(before);
      });
    }
  });

  it('gave every staff event of the walk its request id', async () => {
    const [row] = await t.db.query<{ total: number; missing: number }>(
      "SELECT count(*)::int AS total, count(*) FILTER (WHERE request_id IS NULL)::int AS missing FROM audit_events WHERE actor_type = 'staff'",
    );
    expect(row!.total).toBeGreaterThan(STEPS.length);
    expect(row!.missing).toBe(0);
  });

  it('kept the planted patient out of the logs', () => {
    expect(t.logs.lines.length).toBeGreaterThan(STEPS.length);
    expect(t.logs.text).not.toMatch(/Zelda|Plantedpatient|zelda\.planted|1944-04-14|555 0144/);
  });
});
