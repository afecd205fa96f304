/**
 * The self-check part of the API contract (OpenAPI 3.1): pathways, assessments (a self-check's
 * answers and its disposition) and check-ins. FHIR views are documented by their resource type.
 */
import {
  json,
  jsonBody,
  langQuery,
  privateToken,
  problems,
  zo as z,
  type ApiContract,
} from '../platform/http/openapi.js';
import { checkInBody, createBody } from './assessment-api.js';

const disposition = z.enum(['emergency', 'urgent', 'appointment', 'self-care']);
const reasonSchema = z.object({
  linkId: z.string(),
  rule: z.string(),
  disposition,
  text: z.string(),
  notice: z.string().optional(),
});

const assessmentSchema = z
  .object({
    id: z.string().uuid(),
    token: z
      .string()
      .optional()
      .openapi({ description: 'Only in the answer that created it: the private token.' }),
    pathway: z.object({
      id: z.string(),
      version: z.string(),
      signOff: z
        .object({
          clinician: z.string(),
          credentials: z.string(),
          date: z.string(),
          status: z.string(),
          note: z.string(),
        })
        .optional(),
    }),
    language: z.enum(['en', 'es']),
    disposition,
    reasons: z.array(reasonSchema),
    scores: z.record(z.string(), z.unknown()),
    complete: z.boolean(),
    createdAt: z.string(),
    expiresAt: z.string(),
    checkIn: z.object({ dueAt: z.string() }).nullable(),
    links: z.object({ result: z.string() }).optional(),
  })
  .openapi('Assessment');

const checkInSchema = z
  .object({
    id: z.string().uuid(),
    improving: z.enum(['better', 'same', 'worse']),
    newSigns: z.array(z.string()),
    disposition,
    reasons: z.array(reasonSchema),
    createdAt: z.string(),
  })
  .openapi('CheckIn');

const fhirResource = (resourceType: string) =>
  z
    .looseObject({ resourceType: z.literal(resourceType) })
    .openapi({ description: `A FHIR R4 ${resourceType}.` });
const fhirJson = (description: string, resourceType: string) => ({
  description,
  content: { 'application/fhir+json': { schema: fhirResource(resourceType) } },
});
const assessmentId = z.object({ id: z.string().uuid() });
const pathwayId = z.object({ id: z.string().openapi({ example: 'low-back-pain' }) });

export const triageContract: ApiContract = (r) => {
  r.registerPath({
    method: 'get',
    path: '/pathways',
    tags: ['Self-check'],
    summary: 'The self-check pathways',
    request: { query: langQuery },
    responses: {
      200: json(
        'Each pathway’s id, version, title and clinical sign-off.',
        z.object({
          pathways: z.array(
            z.object({ id: z.string(), version: z.string(), title: z.string(), signOff: z.looseObject({}) }),
          ),
        }),
      ),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/pathways/{id}',
    tags: ['Self-check'],
    summary: 'One pathway: its questions and rules',
    request: { params: pathwayId },
    responses: {
      200: json(
        'The pathway as deployed (its ids and dispositions are a public interface).',
        z.looseObject({
          id: z.string(),
          version: z.string(),
          items: z.array(z.looseObject({ linkId: z.string() })),
        }),
      ),
      ...problems(404),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/pathways/{id}/fhir',
    tags: ['Self-check'],
    summary: 'One pathway as a FHIR Questionnaire',
    request: { params: pathwayId },
    responses: { 200: fhirJson('The Questionnaire.', 'Questionnaire'), ...problems(404) },
  });
  r.registerPath({
    method: 'post',
    path: '/assessments',
    tags: ['Self-check'],
    summary: 'Run a self-check',
    description:
      'Scores the answers against the pathway and returns the disposition with its reasons. Emergency questions come first: any emergency answer gives `emergency`.',
    request: {
      body: jsonBody(createBody, {
        pathway: 'low-back-pain',
        language: 'en',
        answers: {
          'bladder-bowel-change': false,
          'saddle-numbness': false,
          'leg-weakness': 'none',
          'chest-pain': false,
          'sciatica-both-legs': false,
          'major-trauma': false,
          'collapse-or-pulsation': false,
          fever: false,
          'infection-risk': false,
          'cancer-history': false,
          'leg-numbness': false,
          'upper-back-pain': false,
          'back-lump': false,
          age: 34,
          'analgesic-over-limit': false,
          pregnant: false,
          'weight-loss': false,
          'night-pain': false,
          'minor-injury': false,
          'osteoporosis-or-steroids': false,
          'duration-days': 1,
          improving: 'better',
          'pain-score': 5,
          'first-episode': false,
          'inflammatory-pattern': false,
          scoliosis: false,
          'nsaid-caution': false,
          'liver-or-alcohol': false,
        },
      }),
    },
    responses: {
      201: json(
        'The result, with its private token (shown only here). `Location` names it.',
        assessmentSchema,
        z.object({ Location: z.string() }),
      ),
      ...problems(400, 415, 422),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/assessments/{id}',
    tags: ['Self-check'],
    summary: 'Read a self-check result',
    security: privateToken,
    request: { params: assessmentId, query: langQuery },
    responses: {
      200: json(
        'The result, its check-ins and the disposition now.',
        assessmentSchema.extend({ checkIns: z.array(checkInSchema), currentDisposition: disposition }),
      ),
      ...problems(404),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/assessments/{id}/fhir',
    tags: ['Self-check'],
    summary: 'A self-check result as FHIR',
    description:
      'A collection Bundle: the QuestionnaireResponse and, where there is one, the RiskAssessment.',
    security: privateToken,
    request: { params: assessmentId },
    responses: { 200: fhirJson('The Bundle.', 'Bundle'), ...problems(404) },
  });
  r.registerPath({
    method: 'post',
    path: '/assessments/{id}/check-ins',
    tags: ['Self-check'],
    summary: 'Record a check-in',
    description:
      'How the pain is going a few days later; new warning signs can raise the disposition. Only a self-care result has a check-in, from its `checkIn.dueAt` on (409 `no_check_in` or `too_early_to_check_in` otherwise).',
    security: privateToken,
    request: { params: assessmentId, body: jsonBody(checkInBody, { improving: 'same', newSigns: [] }) },
    responses: {
      201: json(
        'The check-in and its disposition. `Location` names its self-check, which lists it.',
        checkInSchema,
        z.object({ Location: z.string() }),
      ),
      ...problems(400, 404, 409, 415, 422),
    },
  });
};
