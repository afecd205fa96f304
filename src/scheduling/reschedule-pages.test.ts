import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { postJson } from '../../test/support/api.js';
import { SELF_CARE } from '../../test/support/answers.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';

// Two Arizona clinics (UTC-7 all year, named "Arizona time" as the network names the zone). The
// visits are booked at the home clinic with an English-only clinician working 08:00 to 16:00 on
// weekdays; a colleague, English-only too, offers the same visit types but works only at the
// other clinic; a Spanish-speaking clinician there offers only the walk-in and general visits.
const home = aClinic({ timeZone: 'America/Phoenix' });
const otherClinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({
  displayName: 'Dr. Hal Home',
  languages: ['en'],
  schedule: weekdays(home, '08:00', '16:00'),
});
const colleague = aClinician({
  displayName: 'Dr. Cora Away',
  languages: ['en'],
  schedule: weekdays(otherClinic, '08:00', '16:00'),
});
const spanishDoctor = aClinician({
  displayName: 'Dr. Sol Hablante',
  languages: ['en', 'es'],
  schedule: weekdays(otherClinic, '08:00', '16:00'),
});
// A 45-minute consultation (one an hour with its buffer) and a 20-minute follow-up, both with two
// hours' notice; a same-day walk-in visit; a general visit. A self-check leads to the walk-in
// (same day) or the consultation, so a visit booked from one may move only between those two.
const consultation = aVisitType({
  providers: [doctor, colleague],
  name: { en: 'Consultation', es: 'Consulta' },
  durationMinutes: 45,
  bufferMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
const followUp = aVisitType({
  providers: [doctor, colleague],
  name: { en: 'Follow-up visit', es: 'Consulta de seguimiento' },
  durationMinutes: 20,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
const walkIn = aVisitType({
  providers: [doctor, colleague, spanishDoctor],
  durationMinutes: 30,
  minNoticeMinutes: 30,
  horizonDays: 30,
});
const generalVisit = aVisitType({ providers: [spanishDoctor], durationMinutes: 30, minNoticeMinutes: 120 });
const network = aNetwork({
  clinics: [home, otherClinic],
  clinicians: [doctor, colleague, spanishDoctor],
  visitTypes: [consultation, followUp, walkIn, generalVisit],
  selfCheckVisitTypes: { sameDay: walkIn, visit: consultation },
});
network.network.timeZoneNames = { 'America/Phoenix': { en: 'Arizona time', es: 'hora de Arizona' } };

// Monday 30 November 2026, 07:00 in Arizona.
const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

/** A visit booked through the API; its private page's path (English or Spanish) and its id. */
async function booked(
  start: string,
  extra: { visitType?: string; assessmentId?: string; assessmentToken?: string; language?: 'en' | 'es' } = {},
) {
  const res = await postJson(t, '/api/v1/appointments', {
    visitType: extra.visitType ?? consultation.slug,
    location: home.slug,
    provider: doctor.slug,
    start,
    language: extra.language ?? 'en',
    patient: {
      givenName: 'Mo',
      familyName: 'Mover',
      birthDate: '1975-03-03',
      email: 'mo@example.com',
      phone: '4805550111',
    },
    ...(extra.assessmentId
      ? { assessmentId: extra.assessmentId, assessmentToken: extra.assessmentToken }
      : {}),
  });
  expect(res.status).toBe(201);
  const body = await res.json();
  return { id: body.id as string, token: body.manageToken as string, page: new URL(body.manageUrl).pathname };
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unescape = (s: string) => s.replace(/&amp;/g, '&');
const firstTime = (html: string) => unescape(/class="time-link" href="([^"]+)"/.exec(html)![1]!);
const hiddenFields = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]),
  );
const readVisit = async (v: { id: string; token: string }) =>
  (
    await t.request(`/api/v1/appointments/${v.id}`, { headers: { authorization: `Bearer ${v.token}` } })
  ).json();

describe('moving a visit to another clinician, clinic or visit type', () => {
  it('moves a visit to another clinician at another clinic, naming both before confirming', async () => {
    const v = await booked('2026-12-08T09:00:00-07:00');
    const client = new FormClient(t);
    const first = await (await client.get(`${v.page}/reschedule`)).text();
    expect(first).toContain('Booked now');
    expect(first).toContain('Change clinician, clinic or visit type');
    expect(first).not.toMatch(/<details[^>]*open/); // nothing changed yet: the form stays folded
    // Only clinicians who offer the visit's type are offered (the consultation: two of three).
    const offered = [...first.matchAll(/<option value="([\w-]+)"[^>]*>Dr\.[^<]*– /g)].map((m) => m[1]);
    expect(offered.sort()).toEqual([doctor.slug, colleague.slug].sort());
    // The colleague, at any clinic.
    const list = await client.get(
      `${v.page}/reschedule?change=1&visitType=${consultation.slug}&location=&provider=${colleague.slug}`,
    );
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toMatch(/<details[^>]*open/);
    expect(html).not.toContain(`${doctor.displayName}</h`); // only the colleague's times are listed
    const href = firstTime(html);
    expect(href).toContain(`provider=${colleague.slug}`);
    const confirm = await (await client.get(href)).text();
    expect(confirm).toContain('Your visit now');
    expect(confirm).toContain('Your visit after the change');
    expect(confirm).toContain(colleague.displayName);
    expect(confirm).toContain('Arizona time');
    const moved = await client.post(`${v.page}/reschedule/confirm`, hiddenFields(confirm));
    expect(FormClient.location(moved)).toBe(`${v.page}?moved=1`);
    const after = await readVisit(v);
    expect(after.provider).toBe(colleague.slug);
    expect(after.location).toBe(otherClinic.slug); // the colleague never works at the home clinic
    expect(after.start).toBe(new URL(href, 'http://x').searchParams.get('start'));
    const page = await (await client.get(`${v.page}?moved=1`)).text();
    expect(page).toContain('Your visit has been moved');
    expect(page).toContain(colleague.displayName);
    expect(page).toContain('google.com/maps/dir/?api=1&amp;destination='); // directions to the new clinic
    // The audit event names what changed besides the time (slugs only).
    const [event] = await t.db.query<{ detail: Record<string, string> }>(
      `SELECT detail FROM audit_events WHERE entity_id = $1 AND action = 'reschedule'`,
      [v.id],
    );
    expect(event!.detail).toMatchObject({ provider: colleague.slug, location: otherClinic.slug });
    // The move's email names the new clinician, clinic and zone.
    const [notice] = await t.db.query<{ text_body: string }>(
      "SELECT text_body FROM outbox_messages WHERE appointment_id = $1 AND kind = 'appointment-rescheduled'",
      [v.id],
    );
    expect(notice!.text_body).toMatch(
      new RegExp(
        `now with ${escaped(colleague.displayName)} on .* \\(Arizona time\\) at ${escaped(otherClinic.name)}`,
      ),
    );
  });

  it('changes the visit type of a visit booked without a self-check', async () => {
    const v = await booked('2026-12-08T11:00:00-07:00');
    const client = new FormClient(t);
    const html = await (
      await client.get(
        `${v.page}/reschedule?change=1&visitType=${followUp.slug}&location=${home.slug}&provider=${doctor.slug}`,
      )
    ).text();
    const confirm = await (await client.get(firstTime(html))).text();
    expect(confirm).toContain('Follow-up visit (20 minutes)');
    await client.post(`${v.page}/reschedule/confirm`, hiddenFields(confirm));
    const after = await readVisit(v);
    expect(after.visitType).toBe(followUp.slug);
    expect(Date.parse(after.end) - Date.parse(after.start)).toBe(20 * 60_000);
  });

  it('keeps a self-check visit among the self-check visit types, with its intake, in Spanish', async () => {
    const a = await (
      await postJson(t, '/api/v1/assessments', { pathway: 'low-back-pain', answers: SELF_CARE })
    ).json();
    const v = await booked('2026-12-09T09:00:00-07:00', {
      assessmentId: a.id,
      assessmentToken: a.token,
      language: 'es',
    });
    expect(v.page).toMatch(/^\/es\//);
    const client = new FormClient(t);
    const html = await (await client.get(`${v.page}/reschedule`)).text();
    expect(html).toContain('Sus respuestas de la autoevaluación siguen con esta cita');
    const options = [...html.matchAll(/<option value="([\w-]+)"[^>]*>[^<]*\(\d+ min/g)].map((m) => m[1]);
    expect(options.sort()).toEqual([walkIn.slug, consultation.slug].sort());
    // A crafted link or form with another visit type is refused and changes nothing, though the
    // time asked for (Thursday 09:00 with the Spanish-speaking clinician) is free.
    const wrong = await client.get(`${v.page}/reschedule?change=1&visitType=${generalVisit.slug}`);
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Elija uno de los tipos de consulta de la lista');
    const refused = await client.post(`${v.page}/reschedule/confirm`, {
      start: '2026-12-10T09:00:00-07:00',
      visitType: generalVisit.slug,
      location: otherClinic.slug,
      provider: spanishDoctor.slug,
    });
    expect(FormClient.location(refused)).toContain('taken=1');
    expect((await readVisit(v)).visitType).toBe(consultation.slug);
    const api = await postJson(
      t,
      `/api/v1/appointments/${v.id}/reschedule`,
      {
        start: '2026-12-10T09:00:00-07:00',
        visitType: generalVisit.slug,
        location: otherClinic.slug,
        provider: spanishDoctor.slug,
      },
      { authorization: `Bearer ${v.token}` },
    );
    expect(api.status).toBe(422);
    expect((await api.json()).errors[0].field).toBe('visitType');
    // The same-day visit type is allowed, at another clinic and with a Spanish-speaking doctor.
    const list = await (
      await client.get(
        `${v.page}/reschedule?change=1&visitType=${walkIn.slug}&location=&provider=${spanishDoctor.slug}`,
      )
    ).text();
    const confirm = await (await client.get(firstTime(list))).text();
    expect(confirm).toContain(spanishDoctor.displayName);
    expect(confirm).not.toContain('no habla español');
    await client.post(`${v.page}/reschedule/confirm`, hiddenFields(confirm));
    const after = await readVisit(v);
    expect(after).toMatchObject({
      visitType: walkIn.slug,
      provider: spanishDoctor.slug,
      assessmentId: a.id,
    });
  });

  it('names a clinician who does not work at the chosen clinic, and warns about the language', async () => {
    const v = await booked('2026-12-08T13:00:00-07:00', { language: 'es' });
    const client = new FormClient(t);
    const wrong = await client.get(
      `${v.page}/reschedule?change=1&visitType=${consultation.slug}&location=${otherClinic.slug}&provider=${doctor.slug}`,
    );
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('error-summary');
    expect(html).not.toContain('class="time-link"');
    // The clinician speaks English only: the Spanish confirmation says an interpreter joins.
    const list = await (await client.get(`${v.page}/reschedule`)).text();
    const confirm = await (await client.get(firstTime(list))).text();
    expect(confirm).toContain('intérprete');
  });

  it('never echoes a posted non-slug into the redirect address', async () => {
    const v = await booked('2026-12-08T15:00:00-07:00');
    const client = new FormClient(t);
    const res = await client.post(`${v.page}/reschedule/confirm`, {
      start: '2026-12-09T10:00:00-07:00',
      visitType: 'x'.repeat(5000),
      provider: `${doctor.slug}\r\nSet-Cookie: a=b`,
    });
    expect(res.status).toBe(303);
    const location = FormClient.location(res);
    expect(location.length).toBeLessThan(300);
    expect(location).not.toContain('xxxx');
    expect(location).not.toContain('Set-Cookie');
    expect((await readVisit(v)).start).toBe('2026-12-08T15:00:00-07:00'); // not moved
  });

  it('moves the visit through the API to another clinician, keeping the rest', async () => {
    const v = await booked('2026-12-08T14:00:00-07:00');
    const slots = await (
      await t.request(
        `/api/v1/slots?visitType=${consultation.slug}&provider=${colleague.slug}&from=2026-12-11&to=2026-12-11`,
      )
    ).json();
    const to = slots.slots[0];
    const res = await postJson(
      t,
      `/api/v1/appointments/${v.id}/reschedule`,
      {
        start: to.start,
        location: to.location,
        provider: colleague.slug,
      },
      { authorization: `Bearer ${v.token}` },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      provider: colleague.slug,
      location: to.location,
      start: to.start,
    });
  });
});
