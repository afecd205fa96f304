/**
 * The front desk's live day: counts, each patient's phone, a late flag, arrival and how long ago,
 * a "see a doctor today" intake standing out, a "now" line between past and coming visits, a
 * clinician filter, and a refresh (automatic with JavaScript, a link without) only on the day.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_CARE } from '../../test/support/answers.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import type { TestApp } from '../../test/support/test-app.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// One clinic in Arizona (UTC-7 all year) with two clinicians working mornings; visits of 30
// minutes bookable at short notice, so the test can book the morning it looks at.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const ada = aClinician({ displayName: 'Dr. Ada Early', schedule: weekdays(clinic, '08:00', '12:00') });
const bo = aClinician({ displayName: 'Dr. Bo Later', schedule: weekdays(clinic, '08:00', '12:00') });
const visit = aVisitType({ providers: [ada, bo], minNoticeMinutes: 0 });

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Phoenix
let t: TestApp;
const ids: Record<string, string> = {};
const day = `/staff?location=${clinic.slug}&date=2026-11-30`;

const post = (path: string, body: unknown) =>
  t.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
const book = async (name: string, provider: string, time: string, intake?: { id: string; token: string }) => {
  const res = await post('/api/v1/appointments', {
    visitType: visit.slug,
    location: clinic.slug,
    provider,
    start: `2026-11-30T${time}:00-07:00`,
    patient: {
      givenName: name,
      familyName: 'Day',
      birthDate: '1970-01-01',
      email: `${name.toLowerCase()}@example.com`,
      phone: '(602) 555-0142',
    },
    ...(intake ? { assessmentId: intake.id, assessmentToken: intake.token } : {}),
  });
  expect(res.status).toBe(201);
  ids[name] = ((await res.json()) as { id: string }).id;
};

beforeAll(async () => {
  t = await createWorldApp(aNetwork({ clinics: [clinic], clinicians: [ada, bo], visitTypes: [visit] }), {
    now: () => clock,
  });
  await createStaff(t, [{ email: 'desk@example.com', role: 'front-desk', locations: [clinic.slug] }]);
  // A fever with back pain: the self-check says to see a doctor today.
  const urgent = (await (
    await post('/api/v1/assessments', { pathway: 'low-back-pain', answers: { ...SELF_CARE, fever: true } })
  ).json()) as { id: string; token: string; disposition: string };
  expect(urgent.disposition).toBe('urgent');
  await book('Late', ada.slug, '09:00');
  await book('Early', ada.slug, '09:30');
  await book('Urgent', bo.slug, '10:00', urgent);
  await book('Plain', bo.slug, '11:00');
});
afterAll(async () => {
  await t.close();
});

describe("the front desk's day", () => {
  it('shows counts, phones, late and arrived patients, the urgent intake and where now is', async () => {
    clock = new Date('2026-11-30T16:05:00Z'); // 09:05
    const desk = await signedIn(t, 'desk@example.com');
    const checkIn = await desk.client.post(`/staff/appointments/${ids.Early}/check-in`, {
      _csrf: desk.csrf,
      status: 'booked',
      back: day,
    });
    expect(checkIn.headers.get('location')).toContain('done=checked-in');
    clock = new Date('2026-11-30T16:12:00Z'); // 09:12
    const again = await signedIn(t, 'desk@example.com');
    const html = await (await again.client.get(day)).text();
    // The counts as they read (each count sits in a span that keeps it on one line).
    expect(html.replace(/<\/?span[^>]*>/g, '')).toContain(
      '4 visits: 3 booked, 1 checked in, 0 no-shows, 0 cancelled',
    );
    expect(html).toContain('href="tel:6025550142"');
    const late = html.indexOf('Late 12 min');
    const now = html.search(/Now, 9:12\sAM/);
    const arrived = html.search(/arrived 9:05\sAM, 7 min ago/);
    expect(late).toBeGreaterThan(0);
    // Past visits, then the now line, then the visit that starts at 09:30 (checked in early).
    expect(now).toBeGreaterThan(late);
    expect(arrived).toBeGreaterThan(now);
    expect(html.match(/See a doctor today/g)).toHaveLength(1);
    expect(html).toContain('class="row-urgent"');
    // Refreshing itself today, with a link for pages without JavaScript.
    expect(html).toContain('data-refresh="60"');
    expect(html).toMatch(/The page refreshes itself every minute\. <a href="[^"]+">Refresh<\/a>/);
  });

  it('narrows to one clinician, and audits only the visits it shows', async () => {
    const desk = await signedIn(t, 'desk@example.com');
    const [{ last }] = (await t.db.query('SELECT COALESCE(max(id), 0)::int AS last FROM audit_events')) as [
      { last: number },
    ];
    const html = await (await desk.client.get(`${day}&provider=${bo.slug}`)).text();
    expect(html).toContain('2 visits');
    expect(html).toContain('Day, Urgent');
    expect(html).not.toContain('Day, Late');
    expect(html).toMatch(new RegExp(`<option value="${bo.slug}" selected`));
    const listed = await t.db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_events WHERE id > $1 AND action = 'list' ORDER BY id",
      [last],
    );
    expect(listed.map((e) => e.entity_id).sort()).toEqual([ids.Urgent, ids.Plain].sort());
    // The day pager keeps the filter.
    expect(html).toContain(`provider=${bo.slug}`);
  });

  it('is a plain list on another day: no now line, no late flags, no refresh', async () => {
    clock = new Date('2026-12-01T18:00:00Z'); // the next day, 11:00
    const html = await (await (await signedIn(t, 'desk@example.com')).client.get(day)).text();
    expect(html).toContain('4 visits');
    expect(html).not.toContain('Late ');
    expect(html).not.toContain('Now, ');
    expect(html).not.toContain('data-refresh');
  });
});
