/**
 * Waiting-list entries whose clinic, provider or visit type is retired could never be offered a
 * time. Retiring lists them beside the visits to come; retiring closes them (an offer's held time
 * is released) and tells each patient in their language how to book, join again or call; entries
 * for anyone else stay open. Entries left open by earlier retirements are closed by housekeeping.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRetiredWaitlistEntries } from '../../scheduling/index.js';
import { createStaff, signedIn } from '../../../test/support/staff.js';
import type { TestApp } from '../../../test/support/test-app.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  bookIn,
  createWorldApp,
  weekdays,
} from '../../../test/support/world.js';

const north = aClinic({ phone: '(480) 555-0101' });
const south = aClinic({ phone: '(480) 555-0202' });
const ana = aClinician({ schedule: weekdays(north, '08:00', '12:00') });
const ben = aClinician({ schedule: weekdays(north, '13:00', '17:00') });
const cruz = aClinician({ schedule: weekdays(south, '08:00', '16:00') });
const consult = aVisitType({ providers: [ana, ben, cruz], minNoticeMinutes: 30 });
const checkup = aVisitType({ providers: [ana], minNoticeMinutes: 30 });
const world = aNetwork({
  clinics: [north, south],
  clinicians: [ana, ben, cruz],
  visitTypes: [consult, checkup],
});

const clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createWorldApp(world, { now: () => clock });
  await createStaff(t, []);
  admin = await signedIn(t, 'admin@example.com');
});
afterAll(async () => {
  await t.close();
});

/** Joins online (an email address); the entry's id and private token. */
async function join(
  givenName: string,
  o: { location: string; visitType?: string; provider?: string; language?: 'en' | 'es' },
) {
  const res = await t.request('/api/v1/waitlist', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      visitType: o.visitType ?? consult.slug,
      location: o.location,
      ...(o.provider ? { provider: o.provider } : {}),
      from: '2026-12-01',
      to: '2026-12-20',
      language: o.language ?? 'en',
      patient: {
        givenName,
        familyName: 'Waiting',
        birthDate: '1970-02-02',
        email: `${givenName.toLowerCase()}@example.com`,
        phone: '480 555 0177',
      },
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string };
}

const statusOf = async (id: string) =>
  (await t.db.query<{ status: string }>('SELECT status FROM waitlist_entries WHERE id = $1', [id]))[0]!
    .status;
const messagesTo = (recipient: string) =>
  t.db.query<{ kind: string; language: string; subject: string; text_body: string }>(
    "SELECT kind, language, subject, text_body FROM outbox_messages WHERE recipient = $1 AND kind LIKE 'waitlist-closed%'",
    [recipient],
  );
const lastEvent = async () =>
  (await t.db.query<{ n: number }>('SELECT COALESCE(max(id), 0)::int AS n FROM audit_events'))[0]!.n;
const eventsSince = (mark: number) =>
  t.db.query<{
    action: string;
    entity_type: string;
    actor_type: string;
    detail: Record<string, unknown> | null;
  }>('SELECT action, entity_type, actor_type, detail FROM audit_events WHERE id > $1 ORDER BY id', [mark]);
const seenOn = (page: string) => [...page.matchAll(/name="seen" value="([^"]+)"/g)].map((m) => m[1]!);

describe('retiring with people on the waiting list', () => {
  it('a provider: lists who waits for them, then closes those entries and tells each patient; entries for any provider stay open (never moved to another provider)', async () => {
    const ines = await join('Ines', { location: north.slug, provider: ben.slug, language: 'es' });
    const anyone = await join('Otto', { location: north.slug });
    // A caller added by the desk with only a phone number: told by text message, in Spanish.
    const desk = await admin.client.post('/staff/waitlist/new', {
      _csrf: admin.csrf,
      location: north.slug,
      visitType: consult.slug,
      provider: ben.slug,
      from: '2026-12-01',
      to: '2026-12-15',
      givenName: 'Paco',
      familyName: 'Telefono',
      birthDate: '1949-09-09',
      email: '',
      phone: '(602) 555-0149',
      language: 'es',
    });
    expect(desk.status).toBe(303);

    const retire = `/staff/admin/providers/${ben.slug}/retire`;
    const mark = await lastEvent();
    const ask = await admin.client.post(retire, { _csrf: admin.csrf });
    expect(ask.status).toBe(409);
    const page = await ask.text();
    expect(page).toContain('People are waiting for it on the waiting list: 2');
    expect(page).toContain('Ines Waiting');
    expect(page).toContain('Paco Telefono');
    expect(page).not.toContain('Otto');
    expect(page).toContain('Take them off the waiting list and retire');
    expect((await eventsSince(mark)).map((e) => `${e.action} ${e.entity_type}`)).toEqual([
      'list waitlist-entry',
      'list waitlist-entry',
    ]);
    expect((await t.directory.get()).providers.map((p) => p.slug)).toContain(ben.slug);

    const mark2 = await lastEvent();
    const done = await admin.client.post(retire, {
      _csrf: admin.csrf,
      decision: 'cancel',
      seen: seenOn(page),
    });
    expect(done.status).toBe(303);
    expect((await t.directory.get()).providers.map((p) => p.slug)).not.toContain(ben.slug);
    expect(await statusOf(ines.id)).toBe('closed');
    expect(await statusOf(anyone.id)).toBe('waiting');
    const events = await eventsSince(mark2);
    expect(events.map((e) => `${e.action} ${e.entity_type} ${e.actor_type}`)).toEqual([
      'close waitlist-entry staff',
      'close waitlist-entry staff',
      'retire provider staff',
    ]);
    expect(events[0]!.detail).toEqual({ retired: 'provider' });
    expect(events[2]!.detail).toMatchObject({ waitlistClosed: 2 });

    const [mail] = await messagesTo('ines@example.com');
    expect(mail).toMatchObject({ kind: 'waitlist-closed', language: 'es' });
    expect(mail!.subject).toContain('Ya no está en la lista de espera');
    expect(mail!.text_body).toContain(`${ben.displayName} ya no atiende pacientes`);
    expect(mail!.text_body).toContain('/es/book');
    expect(mail!.text_body).toContain(`O llame a ${north.name} al ${north.phone}`);
    const [sms] = await t.db.query<{ channel: string; text_body: string }>(
      "SELECT channel, text_body FROM outbox_messages WHERE kind = 'waitlist-closed-sms'",
    );
    expect(sms!.channel).toBe('sms');
    expect(sms!.text_body).toContain('ya no está en la lista de espera');

    // The patient's own page says so, with the way to book.
    const status = await (await t.request(`/es/waitlist/${ines.token}`)).text();
    expect(status).toContain('Ya no está en esta lista de espera');
    expect(status).toContain('href="/es/book"');
    const api = await t.request(`/api/v1/waitlist/${ines.id}`, {
      headers: { authorization: `Bearer ${ines.token}` },
    });
    expect(((await api.json()) as { status: string }).status).toBe('closed');
  });

  it('a clinic: its waiting list is shown beside the visits to come; an open offer’s held time is released, and the message points to the other clinics rather than the closed one’s phone', async () => {
    const lola = await join('Lola', { location: south.slug });
    // The desk offers Lola a time: it is held for her.
    const offer = await admin.client.post(`/staff/waitlist/${lola.id}/offer`, {
      _csrf: admin.csrf,
      slot: `${cruz.slug}|2026-12-02T10:00:00-07:00`,
    });
    expect(offer.status).toBe(303);
    expect(await statusOf(lola.id)).toBe('offered');
    const vera = await bookIn(t, {
      visitType: consult,
      clinic: south,
      clinician: cruz,
      start: '2026-12-03T09:00:00-07:00',
      patient: { givenName: 'Vera' },
    });

    const retire = `/staff/admin/clinics/${south.slug}/retire`;
    const ask = await admin.client.post(retire, { _csrf: admin.csrf });
    expect(ask.status).toBe(409);
    const page = await ask.text();
    expect(page).toContain('1 visits are still to come');
    expect(page).toContain('On its waiting list: 1');
    expect(page).toContain('Lola Waiting');
    expect(seenOn(page).sort()).toEqual([vera.id, lola.id].sort());

    // A decision about the visits alone is not a decision about the waiting list: asked again.
    const partial = await admin.client.post(retire, {
      _csrf: admin.csrf,
      decision: 'cancel',
      seen: [vera.id],
    });
    expect(partial.status).toBe(409);
    expect(await partial.text()).toContain('changed since this page was shown');
    expect(await statusOf(lola.id)).toBe('offered');

    const done = await admin.client.post(retire, {
      _csrf: admin.csrf,
      decision: 'cancel',
      seen: seenOn(page),
    });
    expect(done.status).toBe(303);
    expect(await statusOf(lola.id)).toBe('closed');
    const held = await t.db.query("SELECT 1 FROM appointments WHERE held_for = $1 AND status = 'held'", [
      lola.id,
    ]);
    expect(held).toHaveLength(0);
    const [visit] = await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [
      vera.id,
    ]);
    expect(visit!.status).toBe('cancelled');
    const [mail] = await messagesTo('lola@example.com');
    expect(mail!.text_body).toContain(`${south.name} no longer takes appointments`);
    expect(mail!.text_body).toContain('Our clinics’ phone numbers are on that page.');
    expect(mail!.text_body).not.toContain(south.phone);
  });

  it('without anyone waiting or booked, retiring is done at once, as before', async () => {
    const mark = await lastEvent();
    const res = await admin.client.post(`/staff/admin/visit-types/${checkup.slug}/retire`, {
      _csrf: admin.csrf,
    });
    expect(res.status).toBe(303);
    expect((await eventsSince(mark)).map((e) => e.action)).toEqual(['retire']);
    await admin.client.post(`/staff/admin/visit-types/${checkup.slug}/reactivate`, { _csrf: admin.csrf });
  });

  it('entries left open by a retirement made before closing existed are closed by housekeeping, as the system', async () => {
    const mia = await join('Mia', { location: north.slug, visitType: checkup.slug });
    // Retired behind the product's back, the way older retirements left their entries.
    await t.db.query('UPDATE visit_types SET retired_at = now() WHERE slug = $1', [checkup.slug]);
    t.directory.invalidate();
    const mark = await lastEvent();
    expect(await closeRetiredWaitlistEntries(t.scheduling, clock)).toBe(1);
    expect(await statusOf(mia.id)).toBe('closed');
    expect((await eventsSince(mark)).map((e) => `${e.action} ${e.actor_type} ${e.detail?.retired}`)).toEqual([
      'close system visit-type',
    ]);
    const [mail] = await messagesTo('mia@example.com');
    expect(mail!.text_body).toContain('we no longer offer this kind of visit');
    // Nothing left to close: a second run does nothing.
    expect(await closeRetiredWaitlistEntries(t.scheduling, clock)).toBe(0);
  });
});
