import type { Context } from 'hono';
import { actorOf, bearerToken } from '../platform/http/request-context.js';
import { parseBody, readJson } from '../platform/http/json-body.js';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../platform/http/app-env.js';
import { NotFound } from '../platform/http/problem.js';
import { isLocale, negotiateLocale, type Locale } from '../platform/i18n/i18n.js';
import { toQuestionnaire, toQuestionnaireResponse, toRiskAssessment } from '../fhir/index.js';
import {
  createAssessment,
  currentDisposition,
  deployedPathway,
  pathwayOf,
  readAssessment,
  recordCheckIn,
  type Triage,
} from './assessment-service.js';
import { assessmentJson, checkInJson } from './assessment-json.js';

export const createBody = z.strictObject({
  pathway: z.string().min(1),
  answers: z.record(z.string(), z.unknown()),
  language: z.enum(['en', 'es']).default('en'),
});

export const checkInBody = z.strictObject({
  improving: z.enum(['better', 'same', 'worse']),
  newSigns: z.array(z.string()).default([]),
});

const NOT_FOUND = 'There is no assessment with this id, or the token does not match it.';

export function assessmentApi(triage: Triage, publicUrl: string): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const lang = (c: Context, fallback: Locale = 'en'): Locale =>
    isLocale(c.req.query('lang'))
      ? (c.req.query('lang') as Locale)
      : c.req.header('accept-language')
        ? negotiateLocale(undefined, c.req.header('accept-language'))
        : fallback;

  api.post('/assessments', async (c) => {
    const body = parseBody(createBody, await readJson(c));
    const { token, assessment } = await createAssessment(
      triage,
      { pathwayId: body.pathway, answers: body.answers, language: body.language, source: 'api' },
      actorOf(c, 'api-client'),
    );
    c.header('Location', `/api/v1/assessments/${assessment.id}`);
    const p = deployedPathway(triage, assessment.pathwayId);
    return c.json(assessmentJson(assessment, p, body.language, publicUrl, token), 201);
  });

  api.get('/assessments/:id', async (c) => {
    const found = await readAssessment(triage, c.req.param('id'), bearerToken(c), actorOf(c, 'api-client'));
    if (!found) throw new NotFound(NOT_FOUND);
    const l = isLocale(c.req.query('lang')) ? (c.req.query('lang') as Locale) : found.assessment.language;
    return c.json({
      ...assessmentJson(found.assessment, deployedPathway(triage, found.assessment.pathwayId), l, publicUrl),
      checkIns: found.checkIns.map((x) => checkInJson(x, l)),
      currentDisposition: currentDisposition(found.assessment, found.checkIns),
    });
  });

  api.get('/assessments/:id/fhir', async (c) => {
    const found = await readAssessment(triage, c.req.param('id'), bearerToken(c), actorOf(c, 'api-client'));
    if (!found) throw new NotFound(NOT_FOUND);
    const p = pathwayOf(triage, found.assessment);
    const risk = toRiskAssessment(found.assessment);
    c.header('Content-Type', 'application/fhir+json; charset=utf-8');
    return c.body(
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        timestamp: new Date().toISOString(),
        entry: [toQuestionnaireResponse(p, found.assessment), ...(risk ? [risk] : [])].map((resource) => ({
          fullUrl: `urn:uuid:${resource.id}`,
          resource,
        })),
      }),
    );
  });

  api.post('/assessments/:id/check-ins', async (c) => {
    const found = await readAssessment(triage, c.req.param('id'), bearerToken(c), actorOf(c, 'api-client'));
    if (!found) throw new NotFound(NOT_FOUND);
    const body = parseBody(checkInBody, await readJson(c));
    const checkIn = await recordCheckIn(triage, found.assessment, body, actorOf(c, 'api-client'));
    // A check-in has no address of its own: it is read with its self-check.
    c.header('Location', `/api/v1/assessments/${found.assessment.id}`);
    return c.json(checkInJson(checkIn, lang(c, found.assessment.language)), 201);
  });

  api.get('/pathways', (c) =>
    c.json({
      pathways: triage.pathways.ids().map((id) => {
        const p = deployedPathway(triage, id)!;
        return { id: p.id, version: p.version, title: p.title[lang(c)], signOff: p.signOff };
      }),
    }),
  );

  api.get('/pathways/:id', (c) => {
    const p = deployedPathway(triage, c.req.param('id'));
    if (!p) throw new NotFound('There is no pathway with this id.');
    return c.json(p);
  });

  api.get('/pathways/:id/fhir', (c) => {
    const p = deployedPathway(triage, c.req.param('id'));
    if (!p) throw new NotFound('There is no pathway with this id.');
    c.header('Content-Type', 'application/fhir+json; charset=utf-8');
    return c.body(JSON.stringify(toQuestionnaire(p)));
  });

  return api;
}
