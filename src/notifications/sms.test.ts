import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import {
  aClinic,
  aClinician,
  aNetwork,
  aVisitType,
  createWorldApp,
  weekdays,
} from '../../test/support/world.js';
import { createLogger } from '../platform/logging/logger.js';
import { dispatchDueMessages, logTransport } from './outbox.js';
import { normalizePhone, smsGatewayTransport } from './sms.js';
import { outdatedVisitMessages, queueDueReminders } from '../scheduling/index.js';

// An Arizona clinic (UTC-7 all year) with a clinician there 08:00 to 16:00 on weekdays, and a
// 20-minute follow-up with two hours' notice whose name says what it is for (pain), which a text
// message may not.
const clinic = aClinic({ timeZone: 'America/Phoenix' });
const doctor = aClinician({ schedule: weekdays(clinic, '08:00', '16:00') });
const followUp = aVisitType({
  providers: [doctor],
  name: { en: 'Back pain follow-up', es: 'Seguimiento del dolor de espalda' },
  durationMinutes: 20,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  horizonDays: 90,
});
const network = aNetwork({ clinics: [clinic], clinicians: [doctor], visitTypes: [followUp] });

let clock = new Date('2026-11-30T14:00:00Z'); // Monday 07:00 in Arizona
let t: TestApp;
let gateway: Server;
let gatewayUrl: string;
const received: { to: string; body: string; auth: string | undefined }[] = [];
const logger = createLogger('silent');

beforeAll(async () => {
  t = await createWorldApp(network, {
    now: () => clock,
    config: { SMS_GATEWAY_URL: 'http://127.0.0.1:9/unused', SMS_GATEWAY_TOKEN: 'gateway-secret-token' },
  });
  gateway = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({ ...JSON.parse(data), auth: req.headers.authorization });
      res.writeHead(202).end('{}');
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/messages`;
});
afterAll(async () => {
  await new Promise((r) => gateway.close(r));
  await t.close();
});

// As the delivery job does: queue the reminders due by now, then send what is due.
const deliver = async () => {
  await queueDueReminders(t.scheduling, clock);
  return dispatchDueMessages(
    t.db,
    { email: logTransport(logger), sms: smsGatewayTransport(gatewayUrl, 'gateway-secret-token') },
    logger,
    { now: clock, isOutdated: outdatedVisitMessages },
  );
};

const book = (start: string, sms: boolean, phone = '(480) 555-0177', givenName = 'Sol') =>
  t.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      visitType: followUp.slug,
      location: clinic.slug,
      provider: doctor.slug,
      start,
      smsReminders: sms,
      patient: {
        givenName,
        familyName: 'Texto',
        birthDate: '1990-05-05',
        email: 'sol@example.com',
        phone,
      },
    }),
  });

describe('SMS reminders through an HTTP gateway', () => {
  it('sends an SMS reminder only when the patient asked for it, to the normalised number, with STOP advice', async () => {
    const r1 = await book('2026-12-03T09:00:00-07:00', true);
    expect(r1.status, await r1.clone().text()).toBe(201);
    // Someone else at the next hour, who did not ask for text messages.
    await book('2026-12-03T10:00:00-07:00', false, '(480) 555-0199', 'Luna');
    clock = new Date(Date.parse('2026-12-01T09:00:00-07:00'));
    await deliver();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: '+14805550177', auth: 'Bearer gateway-secret-token' });
    expect(received[0]!.body).toContain('Reply STOP');
    expect(received[0]!.body).not.toMatch(/pain|Texto/);
  });

  it('keeps to one SMS a day and three a week per number', async () => {
    // Three more visits for the same number, reminders due within the same week.
    for (const day of ['04', '07', '09', '10']) await book(`2026-12-${day}T11:00:00-07:00`, true);
    for (const at of [
      '2026-12-01T12:00:00-07:00',
      '2026-12-02T11:00:00-07:00',
      '2026-12-05T11:00:00-07:00',
      '2026-12-07T11:00:00-07:00',
      '2026-12-08T11:00:00-07:00',
    ]) {
      clock = new Date(Date.parse(at));
      await deliver();
    }
    const toNumber = received.filter((r) => r.to === '+14805550177');
    const sentAt = await t.db.query<{ sent_at: Date }>(
      "SELECT sent_at FROM outbox_messages WHERE channel = 'sms' AND status = 'sent' AND recipient = '+14805550177' ORDER BY sent_at",
    );
    expect(toNumber.length).toBe(sentAt.length);
    for (let i = 1; i < sentAt.length; i++) {
      expect(sentAt[i]!.sent_at.getTime() - sentAt[i - 1]!.sent_at.getTime()).toBeGreaterThanOrEqual(
        86_400_000,
      );
    }
    for (const row of sentAt) {
      const week = sentAt.filter(
        (x) =>
          x.sent_at.getTime() <= row.sent_at.getTime() &&
          x.sent_at.getTime() > row.sent_at.getTime() - 7 * 86_400_000,
      );
      expect(week.length).toBeLessThanOrEqual(3);
    }
    const skipped = await t.db.query<{ last_error: string }>(
      "SELECT last_error FROM outbox_messages WHERE channel = 'sms' AND status = 'skipped'",
    );
    expect(skipped.some((s) => /limit/.test(s.last_error))).toBe(true);
  });

  it('STOP from the gateway opts the number out; START opts it back in', async () => {
    const inbound = (body: string, token = 'gateway-secret-token') =>
      t.request('/api/v1/sms/inbound', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ from: '480-555-0177', body }),
      });
    expect((await inbound('STOP', 'wrong-token-123')).status).toBe(404);
    expect(await (await inbound(' stop ')).json()).toEqual({ result: 'opted-out' });
    const before = received.length;
    await book('2026-12-21T09:00:00-07:00', true);
    clock = new Date(Date.parse('2026-12-20T09:00:00-07:00'));
    await deliver();
    expect(received.length).toBe(before);
    expect(await (await inbound('START')).json()).toEqual({ result: 'opted-in' });
  });

  it('normalises US numbers to E.164', () => {
    expect(normalizePhone('(480) 555-0177')).toBe('+14805550177');
    expect(normalizePhone('1 480 555 0177')).toBe('+14805550177');
    expect(normalizePhone('+44 20 7946 0000')).toBe('+442079460000');
  });
});
