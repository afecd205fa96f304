import { expect } from 'vitest';
import { FormClient } from './form-client.js';

/**
 * Walks the web self-check as a person would: the given answers, otherwise "no", a choice's
 * first option, the lowest point of a scale, age 30 and 2 for other numbers. Returns where it
 * ended: the "check your answers" page, or a result (an emergency ends it at once).
 */
export async function walkSelfCheck(client: FormClient, prefix: string, overrides: Record<string, string>) {
  let res = await client.post(`${prefix}/self-check/start`);
  for (let guard = 0; guard < 60; guard++) {
    const at = FormClient.location(res);
    const match = /\/self-check\/q\/([a-z0-9-]+)/.exec(at);
    if (!match) return at;
    const page = await (await client.get(at)).text();
    const linkId = match[1]!;
    const isNumber = page.includes('inputmode="numeric"');
    const firstChoice = /name="answer" type="radio" value="([^"]+)"/.exec(page)?.[1];
    const defaults: Record<string, string> = { age: '30' };
    const answer =
      overrides[linkId] ?? defaults[linkId] ?? (isNumber ? '2' : firstChoice === 'yes' ? 'no' : firstChoice!);
    res = await client.post(at, { answer });
    expect(res.status, `${linkId}: ${answer}`).toBe(303);
  }
  throw new Error('the self-check never ended');
}

/** Walks to the end and submits "check your answers" if it is reached: the result's path. */
export async function selfCheckResult(client: FormClient, prefix: string, overrides: Record<string, string>) {
  const end = await walkSelfCheck(client, prefix, overrides);
  return end.endsWith('/self-check/check') ? FormClient.location(await client.post(end)) : end;
}
