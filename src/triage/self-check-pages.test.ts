import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { FormClient } from '../../test/support/form-client.js';
import { walkSelfCheck } from '../../test/support/self-check-walk.js';

let t: TestApp;
let clock = new Date();
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => {
  await t.close();
});

const walk = walkSelfCheck;

describe('the self-check pages', () => {
  it('starts with the emergency screen, one question per page, with a progress indicator and a back link', async () => {
    const client = new FormClient(t);
    const start = await client.get('/self-check');
    expect(await start.text()).toContain('Start now');
    const res = await client.post('/self-check/start');
    expect(FormClient.location(res)).toBe('/self-check/q/bladder-bowel-change');
    const html = await (await client.get('/self-check/q/bladder-bowel-change')).text();
    expect(html).toMatch(/<legend><h1>[^<]+<\/h1><\/legend>/);
    expect(html).toContain('Question 1 of about');
    expect(html).toContain('class="back-link" href="/self-check"');
    expect(html).toContain('type="radio" value="yes"');
  });

  it('shows an error summary naming the problem, with "Error:" in the title, and keeps the answer', async () => {
    const client = new FormClient(t);
    await client.post('/self-check/start');
    const res = await client.post('/self-check/q/bladder-bowel-change', {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<title>Error: /);
    expect(html).toContain('<a href="#answer">Select yes or no</a>');
    // numbers: out of range and not a number
    const path = await walk(client, '', {});
    expect(path).toBe('/self-check/check');
    const age = await client.post('/self-check/q/age?change=1', { answer: '130' });
    expect(await age.text()).toContain('Enter a number from 0 to 120');
    const words = await client.post('/self-check/q/age?change=1', { answer: 'thirty' });
    expect(await words.text()).toContain('value="thirty"');
  });

  it('does not let anyone skip ahead of the emergency screen', async () => {
    const client = new FormClient(t);
    await client.post('/self-check/start');
    const res = await client.get('/self-check/q/pain-score');
    expect(FormClient.location(res)).toBe('/self-check/q/bladder-bowel-change');
    expect((await client.get('/self-check/q/not-a-question')).status).toBe(404);
  });

  it('goes straight to the emergency page on a triggering screen answer, without further questions', async () => {
    const client = new FormClient(t);
    await client.post('/self-check/start');
    await client.post('/self-check/q/bladder-bowel-change', { answer: 'no' });
    const res = await client.post('/self-check/q/saddle-numbness', { answer: 'yes' });
    const result = FormClient.location(res);
    expect(result).toMatch(/^\/self-check\/r\/[A-Za-z0-9_-]{43}$/);
    expect(client.hasCookie('cp_selfcheck')).toBe(false);
    const html = await (await client.get(result)).text();
    expect(html).toContain('Call 911 now');
    expect(html).toContain('href="tel:911"');
    expect(html).toContain('genitals');
    expect(html).not.toContain('Book a visit</a></p>');
  });

  it('walks to "check your answers", changes an answer there, and reaches a self-care result with a plan', async () => {
    const client = new FormClient(t);
    expect(await walk(client, '', { age: '30', 'duration-days': '1', improving: 'better' })).toBe(
      '/self-check/check',
    );
    const check = await (await client.get('/self-check/check')).text();
    expect(check).toContain('Check your answers');
    expect(check).toContain('href="/self-check/q/age?change=1"');
    const changed = await client.post('/self-check/q/age?change=1', { answer: '40' });
    expect(FormClient.location(changed)).toBe('/self-check/check');
    const submitted = await client.post('/self-check/check');
    const result = FormClient.location(submitted);
    const html = await (await client.get(result)).text();
    expect(html).toContain('You can look after your back at home');
    expect(html).toContain('Your self-care plan');
    expect(html).toContain('ibuprofen');
    expect(html).toContain('Check in with us in a few days');
    expect(html).toContain('waiting for approval by a licensed doctor');
    const plan = await (await client.get(`${result}/plan`)).text();
    expect(plan).toContain('Self-care plan for your back');
  });

  it('takes an email for the check-in reminder into the outbox, due at the check-in time', async () => {
    const client = new FormClient(t);
    const result = FormClient.location(
      await client.post('/self-check/check').then(async () => {
        await walk(client, '', { age: '30', 'duration-days': '1', improving: 'better' });
        return client.post('/self-check/check');
      }),
    );
    const bad = await client.post(`${result}/email`, { email: 'not-an-email' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter an email address in the correct format');
    const ok = await client.post(`${result}/email`, { email: 'pat@example.com' });
    expect(ok.status).toBe(303);
    const [message] = await t.db.query<{ recipient: string; not_before: Date; text_body: string }>(
      "SELECT recipient, not_before, text_body FROM outbox_messages WHERE kind = 'self-check-check-in'",
    );
    expect(message!.recipient).toBe('pat@example.com');
    expect(message!.not_before.getTime() - clock.getTime()).toBe(48 * 3600_000);
    expect(message!.text_body).toContain(`${result}/check-in`);
    expect(message!.text_body).not.toMatch(/pain|back pain|dolor/i);
  });

  it('a check-in of "worse" after self-care leads to booking; history is kept on the result', async () => {
    const client = new FormClient(t);
    await walk(client, '', { age: '30', 'duration-days': '1', improving: 'better' });
    const result = FormClient.location(await client.post('/self-check/check'));
    clock = new Date(clock.getTime() + 49 * 3600_000);
    const form = await (await client.get(`${result}/check-in`)).text();
    expect(form).toContain('2 days');
    const missing = await client.post(`${result}/check-in`, {});
    expect(missing.status).toBe(422);
    const done = await client.post(`${result}/check-in`, { improving: 'worse' });
    const outcome = await (await client.get(FormClient.location(done))).text();
    expect(outcome).toContain('Book a visit in the next few days');
    expect(outcome).toContain(`href="${result}/book"`);
    const again = await client.post(`${result}/check-in`, { improving: 'better', signs: ['fever'] });
    const urgent = await (await client.get(FormClient.location(again))).text();
    expect(urgent.match(/<h1>[^<]*<\/h1>/)?.[0]).toBe('<h1>See a doctor today</h1>');
    const page = await (await client.get(result)).text();
    expect(page).toContain('Your check-ins');
    expect(page).toContain('getting worse');
  });

  it('runs in Spanish under /es/ and gives under-16s "see a doctor today"', async () => {
    const client = new FormClient(t);
    expect(await walk(client, '/es', { age: '15' })).toBe('/es/self-check/check');
    const end = FormClient.location(await client.post('/es/self-check/check'));
    expect(end).toMatch(/^\/es\/self-check\/r\//);
    const html = await (await client.get(end)).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Vea a un médico hoy');
    expect(html).toMatch(/16/);
    expect(html).toContain('(480) 555-0174');
  });

  it('sends an expired or missing draft back to the start page', async () => {
    const client = new FormClient(t);
    const res = await client.get('/self-check/q/bladder-bowel-change');
    expect(FormClient.location(res)).toBe('/self-check?expired=1');
  });

  it('gives an unknown result link a 404 page, and never puts answers in a URL', async () => {
    const res = await t.request('/self-check/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('We cannot find this result');
    const client = new FormClient(t);
    await walk(client, '', { 'cancer-history': 'yes' });
    for (const url of client.visited) expect(url).not.toMatch(/[?&](answer|yes|no|cancer)/);
  });

  it('records an audit event for each read and change of a draft or result', async () => {
    const rows = await t.db.query<{ entity_type: string; action: string }>(
      "SELECT entity_type, action FROM audit_events WHERE actor_type = 'patient'",
    );
    const kinds = new Set(rows.map((r) => `${r.entity_type}:${r.action}`));
    for (const k of [
      'questionnaire-draft:create',
      'questionnaire-draft:update',
      'questionnaire-draft:read',
      'assessment:create',
      'assessment:read',
      'assessment:check-in',
      'assessment:update',
    ]) {
      expect(kinds, k).toContain(k);
    }
  });
});
