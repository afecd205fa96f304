import { bearerToken } from '../platform/http/request-context.js';
import { requestCommandContext } from './command-context.js';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../platform/http/app-env.js';
import { NotFound } from '../platform/http/problem.js';
import { parseBody, readJson } from '../platform/http/json-body.js';
import { patientSchema } from './appointment-api.js';
import type { Scheduling } from './scheduling.js';
import { joinWaitlist, readEntry, waitlistUrl } from './waitlist.js';

export const joinSchema = z.strictObject({
  visitType: z.string().min(1, 'is required'),
  location: z.string().min(1, 'is required'),
  provider: z.string().optional(),
  from: z.string().min(1, 'is required'),
  to: z.string().min(1, 'is required'),
  patient: patientSchema,
  language: z.enum(['en', 'es']).default('en'),
});

export function waitlistApi(s: Scheduling): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.post('/waitlist', async (c) => {
    const body = parseBody(joinSchema, await readJson(c));
    const { id, token } = await joinWaitlist(requestCommandContext(c, s, 'api-client'), body);
    c.header('Location', `/api/v1/waitlist/${id}`);
    return c.json(
      { id, status: 'waiting', token, url: waitlistUrl(s.publicUrl, body.language, `/waitlist/${token}`) },
      201,
    );
  });
  /** The entry's status, for its holder (the token is the only key). */
  api.get('/waitlist/:id', async (c) => {
    const token = bearerToken(c);
    const entry = token
      ? await readEntry(requestCommandContext(c, s, 'api-client'), token, c.req.param('id'))
      : undefined;
    if (!entry)
      throw new NotFound('There is no waiting-list entry with this id, or the token does not match it.');
    return c.json({
      id: entry.id,
      status: entry.status,
      from: entry.earliest,
      to: entry.latest,
      offerExpiresAt: entry.offerExpiresAt?.toISOString() ?? null,
    });
  });
  return api;
}
