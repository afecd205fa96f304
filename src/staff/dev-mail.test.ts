import { afterAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/support/test-app.js';
import { bookViaApi } from '../../test/support/api.js';
import { createStaff, signedIn } from '../../test/support/staff.js';
import { FormClient } from '../../test/support/form-client.js';
import { createWorldApp, oneClinician } from '../../test/support/world.js';

// One clinician working 08:00 to 12:00 on weekdays in Arizona (UTC-7), with one visit type:
// room for two bookings on Tuesday morning, each putting a confirmation in the outbox.
const {
  clinic,
  doctor,
  visitTypes: [visit],
  network,
} = oneClinician();
const NOW = new Date('2026-11-30T14:00:00Z');
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

/** An app in the given mode, a booking in its outbox, and its administrator's outbox page. */
async function outboxIn(config: Record<string, string>) {
  const t = await createWorldApp(network, { now: () => NOW, config });
  apps.push(t);
  await createStaff(t, []);
  const res = await bookViaApi(t, {
    visitType: visit!.slug,
    location: clinic.slug,
    provider: doctor.slug,
    start: '2026-12-01T09:00:00-07:00',
  });
  const token = (await res.json()).manageToken as string;
  const admin = await signedIn(t, 'admin@example.com');
  return { token, html: await (await admin.client.get('/staff/outbox')).text() };
}

describe('the development mail viewer', () => {
  it('in development without SMTP, shows each message whole with its links to follow', async () => {
    const { token, html } = await outboxIn({ NODE_ENV: 'development' });
    expect(html).toContain('Development mail viewer');
    expect(html).toMatch(new RegExp(`<a href="http://[^"]+/appointments/manage/${token}">`));
  });

  it('with SMTP configured, or in production, hides the private links as before', async () => {
    const withSmtp = await outboxIn({ NODE_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:9' });
    expect(withSmtp.html).not.toContain(withSmtp.token);
    expect(withSmtp.html).toContain('/appointments/manage/[private link]');
    expect(withSmtp.html).not.toContain('Development mail viewer');
    const test = await outboxIn({});
    expect(test.html).not.toContain(test.token);
  });

  it('lists failed messages first', async () => {
    const t = await createWorldApp(network, { now: () => NOW });
    apps.push(t);
    await createStaff(t, []);
    for (const start of ['2026-12-01T09:00:00-07:00', '2026-12-01T10:00:00-07:00'])
      await bookViaApi(t, {
        visitType: visit!.slug,
        location: clinic.slug,
        provider: doctor.slug,
        start,
      });
    // The older confirmation failed; the newer one is still pending.
    await t.db.query(
      "UPDATE outbox_messages SET status = 'failed', last_error = 'mailbox unavailable' WHERE id = (SELECT id FROM outbox_messages WHERE kind = 'appointment-confirmation' ORDER BY created_at LIMIT 1)",
    );
    const admin = await signedIn(t, 'admin@example.com');
    const html = await (await admin.client.get('/staff/outbox')).text();
    const statuses = [...html.matchAll(/<summary>[^·]*· [\w-]+ · (\w+) ·/g)].map((m) => m[1]);
    expect(statuses[0]).toBe('Failed');
    expect(statuses.slice(1)).not.toContain('Failed');

    // Only the failed ones, then "Send again": back in the queue, audited, with the admin told.
    const failed = await (await admin.client.get('/staff/outbox?status=failed')).text();
    expect([...failed.matchAll(/<summary>/g)]).toHaveLength(1);
    const action = /action="(\/staff\/outbox\/[0-9a-f-]+\/resend)"/.exec(failed)![1]!;
    const resent = await admin.client.post(action, { _csrf: admin.csrf });
    expect(FormClient.location(resent)).toBe('/staff/outbox?done=resent');
    const [row] = await t.db.query<{ status: string; attempts: number; last_error: string | null }>(
      "SELECT status, attempts, last_error FROM outbox_messages WHERE kind = 'appointment-confirmation' ORDER BY created_at LIMIT 1",
    );
    expect(row).toEqual({ status: 'pending', attempts: 0, last_error: null });
    const [event] = await t.db.query<{ outcome: string }>(
      "SELECT outcome FROM audit_events WHERE action = 'resend' AND actor_type = 'staff'",
    );
    expect(event!.outcome).toBe('success');
    // Sent again once only: a second click finds nothing failed.
    await admin.client.post(action, { _csrf: admin.csrf });
    expect((await admin.client.get('/staff/outbox?status=nonsense')).status).toBe(422);
  });
});
