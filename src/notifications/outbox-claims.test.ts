/**
 * Delivery claims: a live worker's heartbeat keeps a slow send from being claimed (and sent) again
 * by another worker; a dead worker's claims are taken over after a minute; one job run sends
 * batch after batch until nothing is due.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { createLogger } from '../platform/logging/logger.js';
import {
  CLAIM_STALE_MS,
  dispatchDueMessages,
  enqueueMessage,
  type Delivery,
  type Transport,
} from './outbox.js';
import { deliverUntilEmpty } from './outbox-jobs.js';

const logger = createLogger('silent');
const NOW = new Date('2026-11-30T14:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

let counter = 0;
async function queue(n: number, prefix: string) {
  for (let i = 0; i < n; i++)
    await enqueueMessage(t.db, {
      dedupeKey: `${prefix}:${counter++}`,
      kind: 'test',
      recipient: 'someone@example.com',
      language: 'en',
      subject: 'hello',
      text: 'hello',
      html: '<p>hello</p>',
      notBefore: new Date(NOW.getTime() - 1000),
    });
}
const recording = (delayMs = 0) => {
  const sent: string[] = [];
  const transport: Transport = {
    name: 'recording',
    async deliver(m: Delivery) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      sent.push(m.messageId);
    },
  };
  return { sent, transport };
};

describe('outbox claims', () => {
  it('keeps a slow batch’s claims fresh, so a second worker does not send them again', async () => {
    await queue(3, 'slow');
    const slow = recording(400);
    const other = recording();
    // Worker A sends slowly, beating every 50 ms; its claims go stale after 200 ms without a beat.
    const a = dispatchDueMessages(t.db, slow.transport, logger, {
      now: NOW,
      prefix: 'slow:',
      staleAfterMs: 200,
      heartbeatMs: 50,
    });
    await new Promise((r) => setTimeout(r, 700));
    // Worker B looks 700 ms later on the same clock: without the heartbeat the claims would be stale.
    const b = await dispatchDueMessages(t.db, other.transport, logger, {
      now: new Date(NOW.getTime() + 700),
      prefix: 'slow:',
      staleAfterMs: 200,
    });
    await a;
    expect(b.claimed).toBe(0);
    expect(other.sent).toEqual([]);
    expect(slow.sent).toHaveLength(3);
  });

  it('takes over a dead worker’s claims after a minute without a heartbeat', async () => {
    await queue(1, 'dead');
    await t.db.query(
      "UPDATE outbox_messages SET status = 'sending', claimed_at = $1 WHERE dedupe_key LIKE 'dead:%'",
      [NOW],
    );
    const early = recording();
    expect(
      (
        await dispatchDueMessages(t.db, early.transport, logger, {
          now: new Date(NOW.getTime() + 30_000),
          prefix: 'dead:',
        })
      ).claimed,
    ).toBe(0);
    const late = recording();
    const r = await dispatchDueMessages(t.db, late.transport, logger, {
      now: new Date(NOW.getTime() + CLAIM_STALE_MS + 1000),
      prefix: 'dead:',
    });
    expect(r.sent).toBe(1);
  });

  it('sends batch after batch in one run until nothing is due', async () => {
    const before = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'pending' AND not_before <= $1",
      [NOW],
    );
    await queue(120, 'burst');
    const { sent, transport } = recording();
    const total = await deliverUntilEmpty(
      t.db,
      transport,
      logger,
      async () => ({ skip: new Set<string>(), hold: new Set<string>() }),
      { now: () => NOW },
    );
    expect(total.batches).toBeGreaterThanOrEqual(3);
    expect(sent.length).toBe(120 + before[0]!.n);
    const [left] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_messages WHERE status IN ('pending', 'sending') AND not_before <= $1",
      [NOW],
    );
    expect(left!.n).toBe(0);
  });
});
