/** Real email through SMTP (nodemailer). Calendar parts go as text/calendar with their METHOD. */
import nodemailer from 'nodemailer';
import type { Transport } from './outbox.js';

export function smtpTransport(url: string, from: string): Transport & { close(): void } {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async deliver(m) {
      await transporter.sendMail({
        from,
        to: m.recipient,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        ...(m.ics
          ? { icalEvent: { method: m.icsMethod ?? 'REQUEST', filename: 'visit.ics', content: m.ics } }
          : {}),
      });
    },
    close: () => transporter.close(),
  };
}
