/** Reading a JSON request body for the API: malformed JSON is a 400, a schema miss a 422 naming each field. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldErrorsFromZod, HttpProblem, ValidationFailed } from './problem.js';

export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'The request body is not valid JSON.');
  }
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationFailed(fieldErrorsFromZod(parsed.error.issues));
  return parsed.data;
}
