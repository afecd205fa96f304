/**
 * SMS through a configurable HTTP gateway: POST {to, body} as JSON with a bearer token. Limits
 * for healthcare reminders: at most one SMS a day and three a week per number, none after STOP.
 */
import type { Queryable } from '../platform/db/database.js';
import type { Delivery, Transport } from './outbox.js';

/** US numbers to E.164: 10 digits get +1; anything else keeps its digits with a +. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return `+${digits}`;
}

export function smsGatewayTransport(
  url: string,
  token: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Transport {
  return {
    name: 'sms',
    async deliver(m: Delivery) {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: m.recipient, body: m.text, reference: m.messageId }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export const SMS_LIMITS = { perDay: 1, perWeek: 3 };

/** Why an SMS to this number may not go now, if it may not. */
export async function smsBlocked(db: Queryable, phone: string, now: Date): Promise<string | undefined> {
  const [row] = await db.query<{ opted_out: boolean; day: number; week: number }>(
    `SELECT EXISTS (SELECT 1 FROM sms_opt_outs WHERE phone = $1) AS opted_out,
       count(*) FILTER (WHERE sent_at > $2)::int AS day,
       count(*) FILTER (WHERE sent_at > $3)::int AS week
     FROM outbox_messages WHERE channel = 'sms' AND status = 'sent' AND recipient = $1`,
    [phone, new Date(now.getTime() - 86_400_000), new Date(now.getTime() - 7 * 86_400_000)],
  );
  if (row?.opted_out) return 'the number opted out (STOP)';
  if ((row?.day ?? 0) >= SMS_LIMITS.perDay) return 'daily SMS limit reached';
  if ((row?.week ?? 0) >= SMS_LIMITS.perWeek) return 'weekly SMS limit reached';
  return undefined;
}

const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const START_WORDS = new Set(['START', 'UNSTOP', 'YES']);

/** An inbound message from the gateway: STOP opts the number out, START opts it back in. */
export async function handleInboundSms(
  db: Queryable,
  from: string,
  body: string,
): Promise<'opted-out' | 'opted-in' | 'ignored'> {
  const word = body.trim().toUpperCase();
  const phone = normalizePhone(from);
  if (STOP_WORDS.has(word)) {
    await db.query('INSERT INTO sms_opt_outs (phone) VALUES ($1) ON CONFLICT (phone) DO NOTHING', [phone]);
    return 'opted-out';
  }
  if (START_WORDS.has(word)) {
    await db.query('DELETE FROM sms_opt_outs WHERE phone = $1', [phone]);
    return 'opted-in';
  }
  return 'ignored';
}
