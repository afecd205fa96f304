/**
 * Factories for a test's own world: clinics, clinicians and visit types made for one test file,
 * loaded into a fresh migrated database the way the server loads a network file. A test built
 * on them states what it depends on (a clinician's hours, a visit type's notice) and does not
 * break when the demo network changes.
 *
 *   const clinic = aClinic({ timeZone: 'America/Denver' });
 *   const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '12:00') });
 *   const consult = aVisitType({ providers: [doctor], durationMinutes: 30 });
 *   const world = aNetwork({ clinics: [clinic], clinicians: [doctor], visitTypes: [consult] });
 *   const t = await createWorldApp(world, { now: () => clock });
 *   const { id, manageToken } = await bookIn(t, { visitType: consult, clinic, clinician: doctor, start });
 */
import { expect } from 'vitest';
import type { NetworkFile } from '../../src/directory/network-loader.js';
import { loadNetwork } from '../../src/directory/network-loader.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.js';
import { bookViaApi, type A_PATIENT } from './api.js';

type Clinic = NetworkFile['locations'][number];
type Clinician = NetworkFile['providers'][number];
type VisitType = NetworkFile['visitTypes'][number];

let serial = 0;
/** A slug no other factory call in this run has made. */
const unique = (stem: string) => `${stem}-${(++serial).toString(36)}`;

const everyDay = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function aClinic(over: Partial<Clinic> = {}): Clinic {
  const slug = over.slug ?? unique('clinic');
  return {
    slug,
    name: `Clinic ${slug}`,
    timeZone: 'America/Phoenix',
    street: '1 Test Street',
    city: 'Testville',
    region: 'AZ',
    postalCode: '85001',
    phone: '(602) 555-0199',
    directions: { en: 'Front door.', es: 'Puerta principal.' },
    // Open every day from 07:00 to 19:00 unless a test says otherwise.
    hours: everyDay(1, 7).map((d) => [d, '07:00', '19:00'] as [number, string, string]),
    ...over,
  };
}

/** Working hours at a clinic on the given ISO weekdays (1 = Monday), default Monday to Friday. */
export function weekdays(
  clinic: Clinic,
  from: string,
  to: string,
  days: number[] = everyDay(1, 5),
): Clinician['schedule'] {
  return days.map((d) => [clinic.slug, d, from, to]);
}

export function aClinician(over: Partial<Clinician> & Pick<Clinician, 'schedule'>): Clinician {
  const slug = over.slug ?? unique('dr');
  return {
    slug,
    displayName: `Dr. ${slug}`,
    credentials: 'MD',
    specialty: 'internal-medicine',
    languages: ['en'],
    bio: { en: 'A test clinician.', es: 'Una clínica de prueba.' },
    ...over,
  };
}

export function aVisitType(
  over: Partial<Omit<VisitType, 'providers'>> & { providers: Clinician[] },
): VisitType {
  const slug = over.slug ?? unique('visit');
  return {
    name: { en: `Visit ${slug}`, es: `Consulta ${slug}` },
    description: { en: 'A test visit.', es: 'Una consulta de prueba.' },
    durationMinutes: 30,
    bufferMinutes: 0,
    minNoticeMinutes: 60,
    horizonDays: 60,
    ...over,
    slug,
    providers: over.providers.map((p) => p.slug),
  };
}

export function aNetwork(parts: {
  clinics: Clinic[];
  clinicians: Clinician[];
  visitTypes: VisitType[];
  name?: string;
  /** The visit types a self-check result leads to: same day (urgent) and a first visit. */
  selfCheckVisitTypes?: { sameDay?: VisitType; visit?: VisitType };
}): NetworkFile {
  const selfCheck = parts.selfCheckVisitTypes ?? {};
  return {
    network: {
      name: parts.name ?? 'Test Network',
      tagline: { en: 'A network made for one test.', es: 'Una red hecha para una prueba.' },
      timeZoneNames: {},
      selfCheckVisitTypes: {
        ...(selfCheck.sameDay ? { sameDay: selfCheck.sameDay.slug } : {}),
        ...(selfCheck.visit ? { visit: selfCheck.visit.slug } : {}),
      },
    },
    demo: false,
    locations: parts.clinics,
    visitTypes: parts.visitTypes,
    providers: parts.clinicians,
  };
}

/**
 * A fresh migrated database holding only this network, for tests that need the database itself:
 * two app instances over one database, or their own connections to it (its url on PostgreSQL).
 * Working hours are valid from the day `now` gives.
 */
export async function createWorldDatabase(
  world: NetworkFile,
  options: { now?: () => Date; poolSize?: number } = {},
): Promise<TestDatabase> {
  const database = await createTestDatabase({ demo: false, poolSize: options.poolSize });
  const today = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  await loadNetwork(database.db, world, today);
  return database;
}

/** The product on a fresh migrated database holding only this network. */
export async function createWorldApp(
  world: NetworkFile,
  options: Omit<TestAppOptions, 'database'> & { poolSize?: number } = {},
): Promise<TestApp> {
  return createTestApp({ ...options, database: await createWorldDatabase(world, options) });
}

/**
 * The smallest world most scheduling tests need: one clinic, one clinician working 08:00 to
 * 12:00 on weekdays, and the visit types given (each offered by that clinician).
 */
export function oneClinician(
  visitTypes: Array<Partial<Omit<VisitType, 'providers'>>> = [{}],
  clinicOver: Partial<Clinic> = { timeZone: 'America/Phoenix' },
) {
  const clinic = aClinic(clinicOver);
  const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '12:00') });
  const types = visitTypes.map((v) => aVisitType({ ...v, providers: [doctor] }));
  return {
    clinic,
    doctor,
    visitTypes: types,
    network: aNetwork({ clinics: [clinic], clinicians: [doctor], visitTypes: types }),
  };
}

/** A booking through the API in a world, named by the world's own parts. */
export interface WorldBooking {
  visitType: Pick<VisitType, 'slug'>;
  clinic: Pick<Clinic, 'slug'>;
  clinician: Pick<Clinician, 'slug'>;
  /** ISO date-time with the clinic's offset, e.g. 2026-11-30T10:00:00-07:00. */
  start: string;
  /** Field by field over A_PATIENT. */
  patient?: Partial<typeof A_PATIENT>;
  language?: 'en' | 'es';
  /** A self-check to attach as the pre-visit intake (its id and token, right or wrong). */
  intake?: { id: string; token: string };
}

/** POST /api/v1/appointments for a booking in a world: the answer as it came, for refusals. */
export function tryBookIn(t: TestApp, b: WorldBooking, headers: Record<string, string> = {}) {
  return bookViaApi(
    t,
    {
      visitType: b.visitType.slug,
      location: b.clinic.slug,
      provider: b.clinician.slug,
      start: b.start,
      ...(b.patient ? { patient: b.patient } : {}),
      ...(b.language ? { language: b.language } : {}),
      ...(b.intake ? { assessmentId: b.intake.id, assessmentToken: b.intake.token } : {}),
    },
    headers,
  );
}

/** Books through the API in a world, expecting 201; the new visit's id and manage token. */
export async function bookIn(
  t: TestApp,
  b: WorldBooking,
  headers: Record<string, string> = {},
): Promise<{ id: string; manageToken: string }> {
  const res = await tryBookIn(t, b, headers);
  const body = await res.text();
  expect(res.status, body).toBe(201);
  return JSON.parse(body) as { id: string; manageToken: string };
}
