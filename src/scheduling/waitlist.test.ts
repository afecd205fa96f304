import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';
import { expireOffers } from './waitlist.js';

// Two Arizona clinics (UTC-7 all year): one where the clinician works, 08:00 to 16:00 on
// weekdays (so a 13:00 visit exists), and another where people wait too, whom a time freed at
// the first must not reach. A 20-minute visit with a 10-minute buffer and two hours' notice, so
// a time freed half an hour ahead is inside the notice.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const otherClinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const visit = aVisitType({
  providers: [doctor],
  durationMinutes: 20,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
});
const network = aNetwork({ clinics: [clinic, otherClinic], clinicians: [doctor], visitTypes: [visit] });

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
beforeAll(async () => {
  t = await createWorldApp(network, { now: () => clock });
});
afterAll(async () => {
  await t.close();
});

const person = (givenName: string) => ({
  givenName,
  familyName: 'Waiting',
  birthDate: '1970-02-02',
  email: `${givenName.toLowerCase()}@example.com`,
  phone: '480 555 0102',
});
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
    body: JSON.stringify(body),
  });

async function join(name: string, location = clinic.slug, from = '2026-12-01', to = '2026-12-10') {
  const res = await post('/api/v1/waitlist', {
    visitType: visit.slug,
    location,
    from,
    to,
    patient: person(name),
  });
  expect(res.status).toBe(201);
  return res.json();
}

async function offers() {
  return t.db.query<{ given_name: string; status: string }>(
    'SELECT p.given_name, w.status FROM waitlist_entries w JOIN patients p ON p.id = w.patient_id ORDER BY w.seq',
  );
}

describe('the waiting list', () => {
  it('names each invalid field when joining', async () => {
    const res = await post('/api/v1/waitlist', {
      visitType: visit.slug,
      location: 'mars',
      from: '2026-11-01',
      to: '2027-06-01',
      patient: person('Bad'),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors.map((e: any) => e.field).sort()).toEqual(['from', 'location', 'to']);
  });

  it('offers a cancelled time to the earliest matching patient, with an email in the outbox', async () => {
    const first = await join('Alba');
    await join('Bruno');
    await join('Carmen', otherClinic.slug);
    const booked = await (
      await post('/api/v1/appointments', {
        visitType: visit.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: '2026-12-02T09:00:00-07:00',
        patient: person('Dora'),
      })
    ).json();
    const cancel = await t.request(`/api/v1/appointments/${booked.id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${booked.manageToken}` },
    });
    expect(cancel.status).toBe(200);
    expect((await offers()).map((o) => `${o.given_name}:${o.status}`)).toEqual([
      'Alba:offered',
      'Bruno:waiting',
      'Carmen:waiting',
    ]);
    const [mail] = await t.db.query<{ recipient: string; text_body: string }>(
      "SELECT recipient, text_body FROM outbox_messages WHERE kind = 'waitlist-offer'",
    );
    expect(mail!.recipient).toBe('alba@example.com');
    expect(mail!.text_body).toMatch(/\/waitlist\/offer\/[\w-]{43}/);
    const status = await (
      await t.request(`/api/v1/waitlist/${first.id}`, { headers: { authorization: `Bearer ${first.token}` } })
    ).json();
    expect(status.status).toBe('offered');
  });

  it('books the offered time from the offer link', async () => {
    const [mail] = await t.db.query<{ text_body: string }>(
      "SELECT text_body FROM outbox_messages WHERE kind = 'waitlist-offer' AND recipient = 'alba@example.com'",
    );
    const link = /\/waitlist\/offer\/[\w-]{43}/.exec(mail!.text_body)![0];
    const client = new FormClient(t);
    expect(await (await client.get(link)).text()).toContain('A time is free for you');
    const res = await client.post(link);
    expect(FormClient.location(res)).toMatch(/^\/appointments\/manage\/[\w-]{43}\?booked=1$/);
    expect((await offers())[0]!.status).toBe('booked');
    const again = await client.get(link);
    expect(again.status).toBe(410);
  });

  it('passes an expired offer to the next patient', async () => {
    const booked = await (
      await post('/api/v1/appointments', {
        visitType: visit.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: '2026-12-03T09:00:00-07:00',
        patient: person('Eva'),
      })
    ).json();
    await t.request(`/api/v1/appointments/${booked.id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${booked.manageToken}` },
    });
    expect((await offers()).map((o) => o.status)).toEqual(['booked', 'offered', 'waiting']);
    const later = await join('Fer');
    clock = new Date(clock.getTime() + 3 * 3600_000);
    expect(await expireOffers(t.scheduling, clock)).toBe(1);
    expect((await offers()).map((o) => `${o.given_name}:${o.status}`)).toEqual([
      'Alba:booked',
      'Bruno:expired',
      'Carmen:waiting',
      'Fer:offered',
    ]);
    expect(later.id).toBeTruthy();
  });

  it('does not offer a freed time that time off now overlaps, even when it starts after the visit begins', async () => {
    const gil = await join('Gil', clinic.slug, '2026-12-04', '2026-12-04');
    const booked = await (
      await post('/api/v1/appointments', {
        visitType: visit.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: '2026-12-04T09:00:00-07:00',
        patient: person('Hana'),
      })
    ).json();
    expect(booked.id).toBeTruthy();
    // The clinician is off from 09:15: the 09:00 visit is cut into, though its start is not inside.
    await t.db.query(
      `INSERT INTO provider_time_off (provider_id, starts_at, ends_at, note)
       SELECT id, '2026-12-04T09:15:00-07:00', '2026-12-04T12:00:00-07:00', 'test' FROM providers WHERE slug = $1`,
      [doctor.slug],
    );
    await t.request(`/api/v1/appointments/${booked.id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${booked.manageToken}` },
    });
    const status = await (
      await t.request(`/api/v1/waitlist/${gil.id}`, { headers: { authorization: `Bearer ${gil.token}` } })
    ).json();
    expect(status.status).toBe('waiting');
  });

  it('does not offer a time freed inside the notice period, which its taker could not book', async () => {
    const ivo = await join('Ivo', clinic.slug, '2026-12-07', '2026-12-07');
    const booked = await (
      await post('/api/v1/appointments', {
        visitType: visit.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: '2026-12-07T10:00:00-07:00',
        patient: person('Juno'),
      })
    ).json();
    expect(booked.id).toBeTruthy();
    const saved = clock;
    clock = new Date('2026-12-07T09:30:00-07:00'); // half an hour before: inside the notice
    try {
      const cancel = await t.request(`/api/v1/appointments/${booked.id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${booked.manageToken}` },
      });
      expect(cancel.status).toBe(200);
      const status = await (
        await t.request(`/api/v1/waitlist/${ivo.id}`, { headers: { authorization: `Bearer ${ivo.token}` } })
      ).json();
      expect(status.status).toBe('waiting');
      const [held] = await t.db.query(
        "SELECT 1 FROM appointments WHERE status = 'held' AND starts_at = '2026-12-07T10:00:00-07:00'",
      );
      expect(held).toBeUndefined();
    } finally {
      clock = saved;
    }
  });

  it('joins and leaves from the pages', async () => {
    const client = new FormClient(t);
    const form = await (
      await client.get(`/book/waitlist?visitType=${visit.slug}&location=${otherClinic.slug}`)
    ).text();
    expect(form).toContain('Join the waiting list');
    const bad = await client.post('/book/waitlist', {
      visitType: visit.slug,
      location: otherClinic.slug,
      from: '2026-12-05',
      to: '2026-12-01',
      givenName: 'Gil',
      familyName: 'W',
      birthDate: '1970-01-01',
      email: 'gil@example.com',
      phone: '480 555 0103',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter a latest date on or after the earliest date');
    const ok = await client.post('/book/waitlist', {
      visitType: visit.slug,
      location: otherClinic.slug,
      from: '2026-12-01',
      to: '2026-12-05',
      givenName: 'Gil',
      familyName: 'W',
      birthDate: '1970-01-01',
      email: 'gil@example.com',
      phone: '480 555 0103',
    });
    const page = FormClient.location(ok);
    const joined = await (await client.get(page)).text();
    expect(joined).toContain('You are on the waiting list');
    // It says what the person waits for, in words.
    expect(joined).toContain('What you are waiting for');
    expect(joined).toContain(visit.name.en);
    expect(joined).toContain(otherClinic.name);
    expect(joined).toContain('Any clinician');
    expect(joined).toContain('From December 1, 2026 to December 5, 2026');
    const spanish = await (await client.get(`/es${page}`)).text();
    expect(spanish).toContain('Lo que está esperando');
    expect(spanish).toContain('Del 1 de diciembre de 2026 al 5 de diciembre de 2026');
    await client.post(page.replace('?joined=1', '/leave'));
    expect(await (await client.get(page.replace('?joined=1', ''))).text()).toContain(
      'You left the waiting list',
    );
  });
});

describe('the waiting list knows people', () => {
  it('someone already booked who joins the waiting list keeps one patient record', async () => {
    const ines = { ...person('Ines'), birthDate: '1959-09-09' };
    const booked = await (
      await post('/api/v1/appointments', {
        visitType: visit.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start: '2026-12-09T09:00:00-07:00',
        patient: ines,
      })
    ).json();
    const entry = await (
      await post('/api/v1/waitlist', {
        visitType: visit.slug,
        location: clinic.slug,
        from: '2026-12-10',
        to: '2026-12-11',
        patient: { ...ines, givenName: 'INÉS' },
      })
    ).json();
    const [row] = await t.db.query<{ same: boolean }>(
      `SELECT (SELECT patient_id FROM appointments WHERE id = $1) = (SELECT patient_id FROM waitlist_entries WHERE id = $2) AS same`,
      [booked.id, entry.id],
    );
    expect(row!.same).toBe(true);
  });
});

describe('an offer holds its time', () => {
  const book = (start: string, name: string) =>
    post('/api/v1/appointments', {
      visitType: visit.slug,
      location: clinic.slug,
      provider: doctor.slug,
      start,
      patient: person(name),
    });
  const cancel = (booked: { id: string; manageToken: string }) =>
    t.request(`/api/v1/appointments/${booked.id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${booked.manageToken}` },
    });
  const freeTimes = async (day: string) => {
    const res = await t.request(
      `/api/v1/slots?visitType=${visit.slug}&location=${clinic.slug}&provider=${doctor.slug}&from=${day}&to=${day}`,
    );
    return ((await res.json()).slots as { start: string }[]).map((s) => s.start.slice(11, 16));
  };
  const offerLink = async (email: string) => {
    const [mail] = await t.db.query<{ text_body: string }>(
      "SELECT text_body FROM outbox_messages WHERE kind = 'waitlist-offer' AND recipient = $1 ORDER BY created_at DESC LIMIT 1",
      [email],
    );
    return /\/waitlist\/offer\/[\w-]{43}/.exec(mail!.text_body)![0];
  };

  it('keeps an offered time from anyone else until the offered patient books it', async () => {
    clock = new Date('2026-12-14T14:00:00Z');
    await join('Jon', clinic.slug, '2026-12-16', '2026-12-16');
    const booked = await (await book('2026-12-16T10:00:00-07:00', 'Kim')).json();
    expect((await cancel(booked)).status).toBe(200);
    // Offered to Jon: the time is not free to the public, and a booking for it is refused.
    expect(await freeTimes('2026-12-16')).not.toContain('10:00');
    const other = await book('2026-12-16T10:00:00-07:00', 'Lea');
    expect(other.status).toBe(409);
    // Nor can a booked visit be moved onto it.
    const mover = await (await book('2026-12-16T13:00:00-07:00', 'Max')).json();
    const move = await post(
      `/api/v1/appointments/${mover.id}/reschedule`,
      { start: '2026-12-16T10:00:00-07:00' },
      { authorization: `Bearer ${mover.manageToken}` },
    );
    expect(move.status).toBe(409);
    // Jon takes it.
    const client = new FormClient(t);
    const res = await client.post(await offerLink('jon@example.com'));
    expect(FormClient.location(res)).toMatch(/^\/appointments\/manage\/[\w-]{43}\?booked=1$/);
    const rows = await t.db.query<{ status: string; given_name: string }>(
      `SELECT a.status, p.given_name FROM appointments a JOIN patients p ON p.id = a.patient_id
       WHERE a.starts_at = '2026-12-16T10:00:00-07:00' ORDER BY a.created_at`,
    );
    expect(rows.map((r) => `${r.given_name}:${r.status}`)).toEqual(['Kim:cancelled', 'Jon:booked']);
  });

  it('frees the held time when the offer expires with nobody else waiting', async () => {
    clock = new Date('2026-12-14T14:00:00Z');
    const noa = await join('Noa', clinic.slug, '2026-12-17', '2026-12-17');
    const booked = await (await book('2026-12-17T10:00:00-07:00', 'Oto')).json();
    await cancel(booked);
    expect(await freeTimes('2026-12-17')).not.toContain('10:00');
    // The offer lapses: the time is free again at once, before housekeeping runs.
    clock = new Date(clock.getTime() + 3 * 3600_000);
    expect(await freeTimes('2026-12-17')).toContain('10:00');
    expect((await book('2026-12-17T10:00:00-07:00', 'Pia')).status).toBe(201);
    // Housekeeping then closes the offer (the lapsed hold went when Pia booked).
    await expireOffers(t.scheduling, clock);
    const status = await (
      await t.request(`/api/v1/waitlist/${noa.id}`, { headers: { authorization: `Bearer ${noa.token}` } })
    ).json();
    expect(status.status).toBe('expired');
    expect(await t.db.query("SELECT 1 FROM appointments WHERE status = 'held'")).toEqual([]);
  });

  it('frees the held time when the patient leaves the list instead', async () => {
    clock = new Date('2026-12-14T14:00:00Z');
    const quim = await join('Quim', clinic.slug, '2026-12-18', '2026-12-18');
    const booked = await (await book('2026-12-18T10:00:00-07:00', 'Rut')).json();
    await cancel(booked);
    expect(await freeTimes('2026-12-18')).not.toContain('10:00');
    const client = new FormClient(t);
    await client.post(`/waitlist/${quim.token}/leave`);
    expect(await freeTimes('2026-12-18')).toContain('10:00');
    expect(await t.db.query("SELECT 1 FROM appointments WHERE status = 'held'")).toEqual([]);
  });
});

describe('reading an entry', () => {
  it("records reading an entry with another entry's token as a denied read of the entry asked for", async () => {
    const mine = await join('Tomas', clinic.slug, '2026-12-20', '2026-12-30');
    const theirs = await join('Ursula', clinic.slug, '2026-12-20', '2026-12-30');
    const res = await t.request(`/api/v1/waitlist/${theirs.id}`, {
      headers: { authorization: `Bearer ${mine.token}` },
    });
    expect(res.status).toBe(404);
    const events = await t.db.query<{ entity_id: string; outcome: string }>(
      "SELECT entity_id, outcome FROM audit_events WHERE entity_type = 'waitlist-entry' AND action = 'read' AND entity_id IN ($1, $2)",
      [mine.id, theirs.id],
    );
    expect(events).toEqual([{ entity_id: theirs.id, outcome: 'denied' }]);
  });
});
