import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { SCREEN_CLEAR, SELF_CARE } from '../../test/support/answers.js';
import { auditEventsFor } from '../audit/audit.js';
import { hashToken, newToken } from '../platform/tokens.js';
import { insertAssessment } from './assessment-store.js';
import { assessAnswers } from './engine.js';
import { loadPathways } from './pathway.js';

const catalog = loadPathways();

let t: TestApp;
/** The app's clock: the check-in opens only when due, so tests move time forward. */
let clock = Date.now();
beforeAll(async () => {
  t = await createTestApp({ jobs: true, now: () => new Date(clock) });
});
afterAll(async () => {
  await t.close();
});

const post = (body: unknown, path = '/api/v1/assessments', headers: Record<string, string> = {}) =>
  t.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe('POST /api/v1/assessments', () => {
  it('stores the assessment and answers 201 with id, token, pathway, disposition, reasons and scores', async () => {
    const res = await post({
      pathway: 'low-back-pain',
      answers: { ...SELF_CARE, 'weight-loss': true, 'peg-pain': 6, 'peg-enjoyment': 4, 'peg-activity': 5 },
      language: 'es',
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      pathway: { id: 'low-back-pain', version: '1.1.0' },
      disposition: 'appointment',
      scores: { peg: { score: 5 } },
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.reasons).toEqual([
      expect.objectContaining({
        linkId: 'weight-loss',
        disposition: 'appointment',
        text: expect.stringMatching(/peso/i),
      }),
    ]);
    expect(res.headers.get('location')).toBe(`/api/v1/assessments/${body.id}`);
    expect(body.pathway.signOff).toMatchObject({ status: 'pending' });
  });

  it('gives each of the four dispositions', async () => {
    const cases = [
      [{ ...SCREEN_CLEAR, 'major-trauma': true }, 'emergency'],
      [{ ...SELF_CARE, fever: true }, 'urgent'],
      [{ ...SELF_CARE, scoliosis: true }, 'appointment'],
      [SELF_CARE, 'self-care'],
    ] as const;
    for (const [answers, disposition] of cases) {
      const body = await (await post({ pathway: 'low-back-pain', answers })).json();
      expect(body.disposition).toBe(disposition);
    }
  });

  it('scores STarT Back with total, subscale and risk', async () => {
    const sbst = {
      'sbst-1': true,
      'sbst-2': false,
      'sbst-3': false,
      'sbst-4': false,
      'sbst-5': true,
      'sbst-6': true,
      'sbst-7': true,
      'sbst-8': false,
      'sbst-9': 'extremely',
    };
    const body = await (await post({ pathway: 'low-back-pain', answers: { ...SELF_CARE, ...sbst } })).json();
    expect(body.scores.startBack).toMatchObject({ total: 5, psychosocial: 4, risk: 'high' });
    expect(body.disposition).toBe('appointment');
  });

  it('schedules the check-in at 72 hours into the episode (day 1 of pain: in 48 hours) as a pg-boss job', async () => {
    const before = clock;
    const body = await (await post({ pathway: 'low-back-pain', answers: SELF_CARE })).json();
    const due = new Date(body.checkIn.dueAt).getTime();
    expect(due - before).toBeGreaterThanOrEqual(48 * 3600_000 - 1000);
    expect(due - before).toBeLessThan(48 * 3600_000 + 60_000);
    const [job] = await t.db.query<{ name: string; start_after: Date; data: { assessmentId: string } }>(
      "SELECT name, start_after, data FROM pgboss.job WHERE data->>'assessmentId' = $1",
      [body.id],
    );
    expect(job).toMatchObject({ name: 'self-check-check-in', data: { assessmentId: body.id } });
    expect(Math.abs(job!.start_after.getTime() - due)).toBeLessThan(1000);
  });

  it('names every invalid field in a 422 problem and stores nothing', async () => {
    const assessments = await count('assessments');
    const audits = await count('audit_events');
    const { 'major-trauma': _missing, fever: _fever, ...rest } = SELF_CARE;
    const res = await post({
      pathway: 'low-back-pain',
      answers: { ...rest, 'shoe-size': 9, age: 'forty', 'pain-score': 11 },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem.errors.map((e: any) => e.field).sort()).toEqual([
      'answers.age',
      'answers.fever',
      'answers.major-trauma',
      'answers.pain-score',
      'answers.shoe-size',
    ]);
    expect(problem.detail).toContain('answers.shoe-size');
    // 1.0.0 counted unanswered items as "no"; 1.1.0 names each one.
    expect(problem.errors.find((e: any) => e.field === 'answers.fever').detail).toBe('is required');
    expect(await count('assessments')).toBe(assessments);
    expect(await count('audit_events')).toBe(audits);
  });

  it('rejects an unknown pathway, a bad language, extra fields and a body that is not JSON', async () => {
    const r1 = await post({ pathway: 'migraine', answers: SCREEN_CLEAR });
    expect(r1.status).toBe(422);
    expect((await r1.json()).errors[0].field).toBe('pathway');
    const r2 = await post({ pathway: 'low-back-pain', answers: SCREEN_CLEAR, language: 'fr', extra: 1 });
    expect((await r2.json()).errors.map((e: any) => e.field).sort()).toEqual(['(body)', 'language']);
    const r3 = await t.request('/api/v1/assessments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"pathway":',
    });
    expect(r3.status).toBe(400);
  });
});

describe('GET /api/v1/assessments/{id}', () => {
  it('needs the token; without it, with a wrong one or another assessment’s, 404 like a missing id', async () => {
    const a = await (await post({ pathway: 'low-back-pain', answers: SELF_CARE })).json();
    const b = await (await post({ pathway: 'low-back-pain', answers: SELF_CARE })).json();
    const ok = await t.request(`/api/v1/assessments/${a.id}`, {
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ id: a.id, disposition: 'self-care', checkIns: [] });
    expect(body.token).toBeUndefined();

    const missing = await t.request('/api/v1/assessments/00000000-0000-4000-8000-000000000000', {
      headers: { authorization: `Bearer ${a.token}` },
    });
    const missingBody = await missing.json();
    for (const headers of [
      {},
      { authorization: 'Bearer nope' },
      { authorization: `Bearer ${b.token}` },
    ] as Record<string, string>[]) {
      const res = await t.request(`/api/v1/assessments/${a.id}`, { headers });
      expect(res.status).toBe(404);
      const denied = await res.json();
      expect({ ...denied, instance: undefined }).toEqual({ ...missingBody, instance: undefined });
    }
    const events = await auditEventsFor(t.db, 'assessment', a.id);
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'create:success',
      'read:success',
      'read:denied',
      'read:denied',
      'read:denied',
    ]);
  });

  it('exports the answers as a FHIR QuestionnaireResponse and STarT Back as a RiskAssessment', async () => {
    const answers = {
      ...SELF_CARE,
      'sbst-1': true,
      'sbst-2': true,
      'sbst-3': true,
      'sbst-4': true,
      'sbst-5': false,
      'sbst-6': false,
      'sbst-7': false,
      'sbst-8': false,
      'sbst-9': 'slightly',
    };
    const a = await (await post({ pathway: 'low-back-pain', answers })).json();
    const res = await t.request(`/api/v1/assessments/${a.id}/fhir`, {
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(res.headers.get('content-type')).toContain('application/fhir+json');
    const bundle = await res.json();
    const [qr, risk] = bundle.entry.map((e: any) => e.resource);
    expect(qr.resourceType).toBe('QuestionnaireResponse');
    expect(qr.questionnaire).toContain('low-back-pain|1.1.0');
    expect(qr.item.find((i: any) => i.linkId === 'leg-weakness').answer[0].valueCoding.code).toBe('none');
    expect(qr.item.find((i: any) => i.linkId === 'age').answer[0].valueInteger).toBe(34);
    expect(risk).toMatchObject({
      resourceType: 'RiskAssessment',
      prediction: [{ qualitativeRisk: { text: 'medium' } }],
    });
  });
});

describe('check-ins through the API', () => {
  it('"same" after a self-care result gives an appointment; a new red flag gives its disposition; history is kept', async () => {
    const a = await (await post({ pathway: 'low-back-pain', answers: SELF_CARE })).json();
    const auth = { authorization: `Bearer ${a.token}` };
    const early = await post({ improving: 'same' }, `/api/v1/assessments/${a.id}/check-ins`, auth);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'too_early_to_check_in', dueAt: a.checkIn.dueAt });
    clock = new Date(a.checkIn.dueAt).getTime();
    const same = await post({ improving: 'same' }, `/api/v1/assessments/${a.id}/check-ins`, auth);
    expect(same.status).toBe(201);
    expect(await same.json()).toMatchObject({
      disposition: 'appointment',
      reasons: [expect.objectContaining({ linkId: 'improving' })],
    });
    clock += 60_000; // check-ins are listed in the order they were made
    const better = await (
      await post({ improving: 'better' }, `/api/v1/assessments/${a.id}/check-ins`, auth)
    ).json();
    clock += 60_000;
    expect(better.disposition).toBe('self-care');
    const flag = await (
      await post({ improving: 'better', newSigns: ['saddle'] }, `/api/v1/assessments/${a.id}/check-ins`, auth)
    ).json();
    expect(flag.disposition).toBe('emergency');
    const bad = await post(
      { improving: 'fine', newSigns: ['tired'] },
      `/api/v1/assessments/${a.id}/check-ins`,
      auth,
    );
    expect(bad.status).toBe(422);
    const history = await (await t.request(`/api/v1/assessments/${a.id}`, { headers: auth })).json();
    expect(history.checkIns.map((c: any) => c.disposition)).toEqual([
      'appointment',
      'self-care',
      'emergency',
    ]);
  });
});

describe('check-ins are for self-care results only', () => {
  it('an appointment result has no check-in: 409 no_check_in, nothing stored', async () => {
    const a = await (
      await post({ pathway: 'low-back-pain', answers: { ...SELF_CARE, scoliosis: true } })
    ).json();
    expect(a.checkIn).toBeNull();
    const res = await post({ improving: 'same' }, `/api/v1/assessments/${a.id}/check-ins`, {
      authorization: `Bearer ${a.token}`,
    });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('no_check_in');
    expect(await count(`assessment_check_ins WHERE assessment_id = '${a.id}'`)).toBe(0);
  });
});

describe('pathways', () => {
  it('GET /api/v1/pathways/low-back-pain returns the definition with its sign-off', async () => {
    const p = await (await t.request('/api/v1/pathways/low-back-pain')).json();
    expect(p).toMatchObject({ id: 'low-back-pain', version: '1.1.0', signOff: { status: 'pending' } });
    expect(p.items.length).toBeGreaterThan(30);
  });

  it('GET /api/v1/pathways/low-back-pain/fhir returns a FHIR Questionnaire with every item', async () => {
    const q = await (await t.request('/api/v1/pathways/low-back-pain/fhir')).json();
    expect(q).toMatchObject({ resourceType: 'Questionnaire', version: '1.1.0', status: 'draft' });
    const linkIds = q.item.flatMap((i: any) =>
      i.type === 'group' ? i.item.map((x: any) => x.linkId) : [i.linkId],
    );
    expect(linkIds).toContain('saddle-numbness');
    expect(linkIds).toContain('sbst-9');
    const screen = q.item.find((i: any) => i.linkId === 'bladder-bowel-change');
    expect(screen.required).toBe(true);
    expect(screen._text.extension[0].extension[1].valueString).toMatch(/orinar|intestin/i);
    expect((await t.request('/api/v1/pathways/nope/fhir')).status).toBe(404);
  });

  it('leaves STarT Back out when it is switched off', async () => {
    const off = await createTestApp({ config: { CAREPATH_START_BACK: 'false' } });
    try {
      const p = await (await off.request('/api/v1/pathways/low-back-pain')).json();
      expect(p.items.some((i: any) => i.linkId.startsWith('sbst'))).toBe(false);
      const res = await off.request('/api/v1/assessments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pathway: 'low-back-pain', answers: { ...SELF_CARE, 'sbst-1': true } }),
      });
      expect(res.status).toBe(422);
    } finally {
      await off.close();
    }
  });
});

describe('health data stays out of the logs', () => {
  it('logs no answers, tokens or reasons', async () => {
    const a = await (
      await post({ pathway: 'low-back-pain', answers: { ...SELF_CARE, 'cancer-history': true } })
    ).json();
    await t.request(`/api/v1/assessments/${a.id}`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(t.logs.text).not.toContain(a.token);
    expect(t.logs.text).not.toContain('cancer');
  });
});

describe('results made under 1.0.0', () => {
  it('keep their version: they display, export and check in with 1.0.0', async () => {
    const token = newToken();
    const created = new Date(clock);
    // 1.0.0 counted unanswered items as "no", so a screen-only result was valid then.
    const answers = {
      'bladder-bowel-change': false,
      'saddle-numbness': false,
      'leg-weakness': 'none',
      'sciatica-both-legs': false,
      'major-trauma': false,
      'collapse-or-pulsation': false,
      'duration-days': 1,
      improving: 'better',
    } as const;
    const old = catalog.version('low-back-pain', '1.0.0')!;
    const result = assessAnswers(old, answers);
    const id = await insertAssessment(t.db, {
      tokenHash: hashToken(token),
      pathwayId: 'low-back-pain',
      pathwayVersion: '1.0.0',
      language: 'en',
      answers,
      disposition: result.disposition,
      reasons: result.reasons,
      scores: result.scores,
      complete: result.complete,
      source: 'web',
      checkInDueAt: new Date(created.getTime() + 48 * 3600_000),
      createdAt: created,
      expiresAt: new Date(created.getTime() + 90 * 86_400_000),
    });
    const auth = { authorization: `Bearer ${token}` };
    const got = await (await t.request(`/api/v1/assessments/${id}`, { headers: auth })).json();
    expect(got).toMatchObject({
      pathway: { id: 'low-back-pain', version: '1.0.0' },
      disposition: 'self-care',
    });
    const page = await (await t.request(`/self-check/r/${token}`)).text();
    expect(page).toContain('<h1>You can look after your back at home</h1>');
    expect(page).toContain('Self-check version 1.0.0');
    const fhir = await (await t.request(`/api/v1/assessments/${id}/fhir`, { headers: auth })).json();
    expect(fhir.entry[0].resource.questionnaire).toContain('low-back-pain|1.0.0');
    clock = created.getTime() + 49 * 3600_000;
    const checkIn = await post({ improving: 'better' }, `/api/v1/assessments/${id}/check-ins`, auth);
    expect(checkIn.status).toBe(201);
    expect((await checkIn.json()).disposition).toBe('self-care');
  });
});
