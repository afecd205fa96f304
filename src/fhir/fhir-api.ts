/**
 * The whole FHIR R4 endpoint under /fhir: public availability (no token), SMART Backend
 * Services discovery and token endpoint, the patient API (with a token), and an
 * OperationOutcome for any other path.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/app-env.js';
import { fhirAvailabilityApi, type AvailabilityApiDeps } from './fhir-availability-api.js';
import { fhirPatientApi, type PatientApiDeps } from './fhir-patient-api.js';
import { fhirQuestionnaireApi } from './fhir-questionnaire-api.js';
import { operationOutcome } from './operation-outcome.js';
import { tokenEndpoint } from './smart/token-endpoint.js';

export function fhirApi(
  deps: AvailabilityApiDeps & PatientApiDeps & Parameters<typeof fhirQuestionnaireApi>[0],
): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.route('/', fhirAvailabilityApi(deps));
  api.route('/', fhirQuestionnaireApi(deps));
  api.route('/', tokenEndpoint(deps));
  api.route('/', fhirPatientApi(deps));
  api.all('*', (c) =>
    c.body(
      JSON.stringify(
        operationOutcome(
          'not-supported',
          `${c.req.method} ${c.req.path} is not part of this FHIR API; see /fhir/metadata.`,
        ),
      ),
      404,
      { 'content-type': 'application/fhir+json; charset=utf-8' },
    ),
  );
  return api;
}
