/**
 * Outgoing mail. Messages are first written to the outbox table (in the transaction of the
 * change that causes them; the dedupe key makes a second enqueue a no-op), then delivered by a
 * job. Until SMTP arrives (notifications issue), delivery writes a log line without the
 * recipient or content and marks the message sent; developers read it in the outbox table.
 */
import type { Queryable } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n/i18n.js';
import type { Logger } from '../platform/logging/logger.js';
import { smsBlocked } from './sms.js';

export interface OutgoingMessage {
  dedupeKey: string;
  kind: string;
  recipient: string;
  language: Locale;
  subject: string;
  text: string;
  html: string;
  notBefore?: Date;
  /** Messages about a visit: sent only while the visit still has this sequence and is booked. */
  appointmentId?: string;
  appointmentSequence?: number;
  ics?: string;
  icsMethod?: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** email (default) or sms; an SMS goes to a phone number in recipient. */
  channel?: 'email' | 'sms';
}

export async function enqueueMessage(db: Queryable, m: OutgoingMessage): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO outbox_messages (dedupe_key, kind, recipient, language, subject, text_body, html_body, not_before,
       appointment_id, appointment_sequence, ics, ics_method, channel)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, now()), $9, $10, $11, $12, $13)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      m.dedupeKey,
      m.kind,
      m.recipient,
      m.language,
      m.subject,
      m.text,
      m.html,
      m.notBefore ?? null,
      m.appointmentId ?? null,
      m.appointmentSequence ?? null,
      m.ics ?? null,
      m.icsMethod ?? null,
      m.channel ?? 'email',
    ],
  );
  return rows[0]?.id ?? null;
}

/** The same as rows for a JSON array parameter (used inside the one-statement booking insert). */
export function messagesAsJson(messages: OutgoingMessage[]): string {
  return JSON.stringify(
    messages.map((m) => ({
      dedupe_key: m.dedupeKey,
      kind: m.kind,
      recipient: m.recipient,
      language: m.language,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html,
      not_before: (m.notBefore ?? null)?.toISOString() ?? null,
      appointment_sequence: m.appointmentSequence ?? null,
      ics: m.ics ?? null,
      ics_method: m.icsMethod ?? null,
      channel: m.channel ?? 'email',
    })),
  );
}

export interface Delivery {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per message: a re-send after a crash carries the same Message-ID. */
  messageId: string;
  ics: string | null;
  icsMethod: string | null;
}

export interface Transport {
  readonly name: string;
  deliver(message: Delivery): Promise<void>;
}

export function logTransport(logger: Logger): Transport {
  return {
    name: 'log',
    async deliver(m) {
      logger.info(
        { messageId: m.messageId, kind: m.kind },
        'mail kept in the outbox (no SMTP_URL configured)',
      );
    },
  };
}

/** A queued message about a visit: which visit, at which of its versions (sequence). */
export interface VisitMessageRef {
  id: string;
  kind: string;
  appointmentId: string;
  appointmentSequence: number | null;
}

/**
 * Which of these messages no longer apply (`skip`), and which must wait (`hold`: a reminder for a
 * visit that staff still have to decide about). Scheduling owns visits and their rules, so it
 * supplies this (scheduling's outdatedVisitMessages); without one, everything is sent.
 */
export type OutdatedCheck = (
  db: Queryable,
  messages: VisitMessageRef[],
  now: Date,
) => Promise<{ skip: Set<string>; hold: Set<string> }>;

/** A held message is looked at again after this long. */
export const HOLD_RETRY_MS = 15 * 60_000;

export interface DispatchOptions {
  now?: Date;
  /** Skips messages about visits that changed since they were queued (see OutdatedCheck). */
  isOutdated?: OutdatedCheck;
  /** Only messages whose dedupe key starts with this. */
  prefix?: string;
  limit?: number;
  /**
   * A message whose claim has not been renewed for this long (its worker died) is claimed again.
   * A live worker renews its claims every heartbeatMs while it sends, so a slow SMTP server does
   * not make a second worker send the same message.
   */
  staleAfterMs?: number;
  heartbeatMs?: number;
  maxAttempts?: number;
}

/** Claims go stale after a minute without a heartbeat; workers beat every 15 seconds. */
export const CLAIM_STALE_MS = 60_000;
export const CLAIM_HEARTBEAT_MS = 15_000;
export const DISPATCH_BATCH = 50;

/** Where each channel's messages go; an SMS without a gateway is skipped. */
export interface Channels {
  email: Transport;
  sms?: Transport;
}

interface ClaimedRow {
  id: string;
  channel: 'email' | 'sms';
  dedupe_key: string;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
  ics: string | null;
  ics_method: string | null;
  appointment_id: string | null;
  appointment_sequence: number | null;
}

/** Retry after 1, 5, 15, 60 minutes, then every 4 hours. */
export function backoffMs(attempts: number): number {
  return [60_000, 300_000, 900_000, 3_600_000][attempts - 1] ?? 4 * 3_600_000;
}

/**
 * Sends what is due. Rows are claimed with SKIP LOCKED, so several workers never take the same
 * message; a claim not renewed for staleAfterMs (its worker died) is taken again. Messages about a
 * visit that has since moved or been cancelled are skipped, not sent.
 */
export async function dispatchDueMessages(
  db: Queryable,
  channels: Transport | Channels,
  logger: Logger,
  options: DispatchOptions = {},
) {
  const byChannel: Channels = 'deliver' in channels ? { email: channels } : channels;
  const now = options.now ?? new Date();
  const stale = new Date(now.getTime() - (options.staleAfterMs ?? CLAIM_STALE_MS));
  const claimed = await db.query<ClaimedRow>(
    `WITH due AS (
       SELECT id FROM outbox_messages
       WHERE ((status = 'pending' AND not_before <= $1) OR (status = 'sending' AND claimed_at < $2))
         AND dedupe_key LIKE $3
       ORDER BY not_before LIMIT $4 FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE outbox_messages m SET status = 'sending', claimed_at = $1 FROM due WHERE m.id = due.id
       RETURNING m.*
     )
     SELECT c.id, c.channel, c.dedupe_key, c.kind, c.recipient, c.subject, c.text_body, c.html_body, c.attempts, c.ics, c.ics_method,
       c.appointment_id, c.appointment_sequence
     FROM claimed c`,
    [now, stale, `${(options.prefix ?? '').replace(/[\\%_]/g, '\\$&')}%`, options.limit ?? DISPATCH_BATCH],
  );
  const result = { claimed: claimed.length, sent: 0, failed: 0, skipped: 0, retried: 0, held: 0 };
  if (claimed.length === 0) return result;
  // The heartbeat: while this batch is being sent, its claims stay fresh (on the batch's clock).
  const started = performance.now();
  const ids = claimed.map((m) => m.id);
  const heartbeat = setInterval(() => {
    const at = new Date(now.getTime() + (performance.now() - started));
    db.query("UPDATE outbox_messages SET claimed_at = $2 WHERE id = ANY($1) AND status = 'sending'", [
      ids,
      at,
    ]).catch((error: Error) => logger.warn({ err: error }, 'outbox heartbeat failed'));
  }, options.heartbeatMs ?? CLAIM_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    await sendClaimed(db, claimed, byChannel, logger, options, now, result);
  } finally {
    clearInterval(heartbeat);
  }
  return result;
}

async function sendClaimed(
  db: Queryable,
  claimed: ClaimedRow[],
  byChannel: Channels,
  logger: Logger,
  options: DispatchOptions,
  now: Date,
  result: { sent: number; failed: number; skipped: number; retried: number; held: number },
) {
  const aboutVisits = claimed.flatMap((m) =>
    m.appointment_id === null
      ? []
      : [
          {
            id: m.id,
            kind: m.kind,
            appointmentId: m.appointment_id,
            appointmentSequence: m.appointment_sequence,
          },
        ],
  );
  const { skip, hold } =
    options.isOutdated && aboutVisits.length
      ? await options.isOutdated(db, aboutVisits, now)
      : { skip: new Set<string>(), hold: new Set<string>() };
  for (const m of claimed) {
    if (skip.has(m.id)) {
      await db.query("UPDATE outbox_messages SET status = 'skipped' WHERE id = $1", [m.id]);
      result.skipped++;
      continue;
    }
    if (hold.has(m.id)) {
      // Not sent and not dropped: back in the queue until the decision is made.
      await db.query("UPDATE outbox_messages SET status = 'pending', not_before = $2 WHERE id = $1", [
        m.id,
        new Date(now.getTime() + HOLD_RETRY_MS),
      ]);
      result.held++;
      continue;
    }
    const messageId = `<${m.dedupe_key.replace(/[^A-Za-z0-9.-]/g, '.')}@carepath>`;
    const transport = byChannel[m.channel];
    const blocked = !transport
      ? `no ${m.channel} transport configured`
      : m.channel === 'sms'
        ? await smsBlocked(db, m.recipient, now)
        : undefined;
    if (blocked || !transport) {
      await db.query("UPDATE outbox_messages SET status = 'skipped', last_error = $2 WHERE id = $1", [
        m.id,
        blocked,
      ]);
      logger.info({ messageId, kind: m.kind, channel: m.channel, reason: blocked }, 'message skipped');
      result.skipped++;
      continue;
    }
    try {
      await transport.deliver({
        id: m.id,
        kind: m.kind,
        recipient: m.recipient,
        subject: m.subject,
        text: m.text_body,
        html: m.html_body,
        messageId,
        ics: m.ics,
        icsMethod: m.ics_method,
      });
      await db.query(
        "UPDATE outbox_messages SET status = 'sent', sent_at = $2, attempts = attempts + 1 WHERE id = $1",
        [m.id, now],
      );
      logger.info({ messageId, kind: m.kind, transport: transport.name }, 'message sent');
      result.sent++;
    } catch (error) {
      const attempts = m.attempts + 1;
      const failed = attempts >= (options.maxAttempts ?? 8);
      await db.query(
        `UPDATE outbox_messages SET attempts = $2, last_error = $3, status = $4, not_before = $5 WHERE id = $1`,
        [
          m.id,
          attempts,
          String((error as Error).message).slice(0, 500),
          failed ? 'failed' : 'pending',
          new Date(now.getTime() + backoffMs(attempts)),
        ],
      );
      logger.warn(
        { messageId, kind: m.kind, attempts, failed },
        failed ? 'message failed permanently' : 'message will be retried',
      );
      if (failed) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

/** The outbox at a glance (for metrics): messages waiting, how long the oldest due one waits, failures. */
export async function outboxStats(db: Queryable, now: Date) {
  const [row] = await db.query<{ pending: number; oldest: number | null; failed: number }>(
    `SELECT count(*) FILTER (WHERE status IN ('pending', 'sending') AND not_before <= $1)::int AS pending,
       extract(epoch FROM $1 - min(not_before) FILTER (WHERE status IN ('pending', 'sending') AND not_before <= $1))::float8 AS oldest,
       count(*) FILTER (WHERE status = 'failed')::int AS failed
     FROM outbox_messages`,
    [now],
  );
  return { due: row?.pending ?? 0, oldestDueSeconds: Number(row?.oldest ?? 0), failed: row?.failed ?? 0 };
}
