/**
 * Outgoing mail. Messages are first written to the outbox table (in the transaction of the
 * change that causes them; the dedupe key makes a second enqueue a no-op), then delivered by a
 * job. Until SMTP arrives (notifications issue), delivery writes a log line without the
 * recipient or content and marks the message sent; developers read it in the outbox table.
 */
import type { Queryable } from '../db/database.js';
import type { Locale } from '../i18n/i18n.js';
import type { Logger } from '../logging/logger.js';

export interface OutgoingMessage {
  dedupeKey: string;
  kind: string;
  recipient: string;
  language: Locale;
  subject: string;
  text: string;
  html: string;
  notBefore?: Date;
}

export async function enqueueMessage(db: Queryable, m: OutgoingMessage): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO outbox_messages (dedupe_key, kind, recipient, language, subject, text_body, html_body, not_before)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, now()))
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [m.dedupeKey, m.kind, m.recipient, m.language, m.subject, m.text, m.html, m.notBefore ?? null],
  );
  return rows[0]?.id ?? null;
}

export interface Transport {
  readonly name: string;
  deliver(message: {
    id: string;
    kind: string;
    recipient: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<void>;
}

export function logTransport(logger: Logger): Transport {
  return {
    name: 'log',
    async deliver(m) {
      logger.info({ messageId: m.id, kind: m.kind }, 'mail written to the outbox (no SMTP configured)');
    },
  };
}

/** Delivers due messages, optionally only those whose key starts with `prefix`. Returns how many were sent. */
export async function deliverDueMessages(db: Queryable, transport: Transport, prefix = '', now = new Date()) {
  const due = await db.query<{
    id: string;
    kind: string;
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string;
  }>(
    `SELECT id, kind, recipient, subject, text_body, html_body FROM outbox_messages
     WHERE status = 'pending' AND not_before <= $1 AND dedupe_key LIKE $2 ORDER BY created_at LIMIT 100`,
    [now, `${prefix}%`],
  );
  let sent = 0;
  for (const m of due) {
    try {
      await transport.deliver({
        id: m.id,
        kind: m.kind,
        recipient: m.recipient,
        subject: m.subject,
        text: m.text_body,
        html: m.html_body,
      });
      await db.query(
        "UPDATE outbox_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1",
        [m.id],
      );
      sent++;
    } catch (error) {
      await db.query('UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
        m.id,
        (error as Error).message.slice(0, 500),
      ]);
    }
  }
  return sent;
}
