import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../platform/db/database.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { NotFound } from '../platform/http/problem.js';
import { parseBody, readJson } from '../platform/http/json-body.js';
import { handleInboundSms } from './sms.js';

const inbound = z.strictObject({ from: z.string().min(3).max(32), body: z.string().max(1600) });

/** Replies from patients, posted by the SMS gateway with its token. STOP opts a number out. */
export function smsApi(db: Database, gatewayToken: string | undefined): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.post('/sms/inbound', async (c) => {
    const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '');
    const expected = Buffer.from(gatewayToken ?? '');
    if (!gatewayToken || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new NotFound('There is no API endpoint at this path.');
    }
    const body = parseBody(inbound, await readJson(c));
    return c.json({ result: await handleInboundSms(db, body.from, body.body) });
  });
  return api;
}
