/**
 * The staff audit walk's world and machinery. The walk is test/staff-audit-walk.test.ts (with the
 * refusals); the steps it takes, in order, are in test/audit-walk/.
 *
 * The world is a "loaded Monday" of the demo network: a front desk and a provider at Scottsdale,
 * Tempe's front desk and its clinic manager, and an administrator, all signed in; a planted patient
 * with visits today, tomorrow, later in the week and last Friday, on the waiting list, with a
 * message that could not be sent; a provider's working hours to change. It stays on the demo
 * network on purpose: its counts (a day's and a week's visits, a search's matches, a provider's
 * visits still to come) and its refusals across clinics are stated against the demo's clinics,
 * providers and working hours, and converting it means deriving each of them again.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app.js';
import { SELF_CARE } from './answers.js';
import { createStaff, signedIn } from './staff.js';
import type { FormClient } from './form-client.js';

export let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
export let t: TestApp;
export type Who = 'admin' | 'desk' | 'evans' | 'tempe' | 'manager';
export const clients = {} as Record<Who, { client: FormClient; csrf: string }>;
export const ids: Record<string, string> = {};

export const PLANTED = {
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

/** The loaded Monday, built before the walk and closed after it. */
export function useLoadedMonday() {
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
}

export interface Step {
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

export const get = (
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
export const send = (
  route: string,
  as: Who,
  path: () => string,
  form: () => Record<string, string | string[]>,
  status: number,
  events: number,
  health = false,
): Step => ({ route: `POST ${route}`, as, path, form, status, events, health });

/** The records the outbox page shows: its newest 100 messages' visits, or the message itself. */
export const outboxRecords = async () =>
  (
    await t.db.query<{ n: number }>(
      `SELECT count(DISTINCT coalesce(appointment_id, id))::int AS n
       FROM (SELECT id, appointment_id FROM outbox_messages ORDER BY created_at DESC LIMIT 100) m`,
    )
  )[0]!.n;

/** A request that must be refused, as one of the signed-in users. */
export interface Denial {
  as: Who;
  route: string;
  path: string;
  form?: Record<string, string>;
}
export const record = (route: string, path: string, form?: Record<string, string>) => ({ route, path, form });

/**
 * The walk: a step for every registered staff route (or a reason it is walked elsewhere), each
 * step in order, then each refusal; then the request ids and the logs.
 */
export function walkEveryStaffRoute({
  steps,
  denials,
  elsewhere,
}: {
  steps: Step[];
  denials: Denial[];
  elsewhere: Set<string>;
}) {
  describe('every staff route and its audit events', () => {
    it('has a step for every registered staff route', () => {
      const registered = t.app.routes
        .filter((r) => r.method === 'GET' || r.method === 'POST')
        .filter(
          (r) => r.path === '/staff' || r.path.startsWith('/staff/') || r.path === '/api/v1/audit-events',
        )
        .map((r) => `${r.method} ${r.path}`);
      const walked = new Set([...steps.map((s) => s.route), ...elsewhere]);
      expect(registered.filter((r) => !walked.has(r))).toEqual([]);
    });

    for (const step of steps) {
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
      for (const denial of denials) {
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
      expect(row!.total).toBeGreaterThan(steps.length);
      expect(row!.missing).toBe(0);
    });

    it('kept the planted patient out of the logs', () => {
      expect(t.logs.lines.length).toBeGreaterThan(steps.length);
      expect(t.logs.text).not.toMatch(/Zelda|Plantedpatient|zelda\.planted|1944-04-14|555 0144/);
    });
  });
}
