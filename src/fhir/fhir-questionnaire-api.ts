/**
 * The self-check pathways as FHIR Questionnaires, one per version (public: a questionnaire holds
 * no patient data). Ids are "<pathway>-<version>" (e.g. low-back-pain-1.1.0); a booking's intake
 * (QuestionnaireResponse) points at its Questionnaire by canonical URL and version.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/app-env.js';
import type { Pathway } from '../triage/index.js';
import { operationOutcome } from './operation-outcome.js';
import { toQuestionnaire } from './questionnaire.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function fhirQuestionnaireApi(deps: { pathways: () => Pathway[]; publicUrl: string }): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const all = () => deps.pathways().map((p) => ({ ...toQuestionnaire(p), id: `${p.id}-${p.version}` }));
  const send = (body: unknown, status: 200 | 404 = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': FHIR_JSON, 'cache-control': 'public, max-age=300' },
    });

  api.get('/Questionnaire', (c) => {
    const { url, version } = c.req.query();
    const found = all().filter(
      (q) => (!url || q.url === url.split('|')[0]) && (!version || q.version === version),
    );
    return send({
      resourceType: 'Bundle',
      type: 'searchset',
      total: found.length,
      link: [{ relation: 'self', url: `${deps.publicUrl}${c.req.path}${new URL(c.req.url).search}` }],
      entry: found.map((q) => ({
        fullUrl: `${deps.publicUrl}/fhir/Questionnaire/${q.id}`,
        resource: q,
        search: { mode: 'match' },
      })),
    });
  });

  api.get('/Questionnaire/:id', (c) => {
    const q = all().find((x) => x.id === c.req.param('id'));
    return q
      ? send(q)
      : send(operationOutcome('not-found', `There is no Questionnaire/${c.req.param('id')}.`), 404);
  });
  return api;
}
