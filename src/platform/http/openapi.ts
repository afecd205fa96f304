/**
 * The JSON API's published contract: an OpenAPI 3.1 document generated from the same zod schemas
 * that validate the requests (never written by hand). Each capability registers its own
 * operations (its `*-api-contract.ts`); this module holds what they share: the problem+json
 * shape, the private-token security scheme, the Idempotency-Key header, and the document itself.
 * See docs/decisions/0019-openapi-contract.md.
 */
import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
} from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// `.openapi({ example })` on the schemas that only document (parameters, responses).
extendZodWithOpenApi(z);

export { OpenAPIRegistry, z as zo };

/** One capability's operations, registered on the shared registry. */
export type ApiContract = (registry: OpenAPIRegistry) => void;

/** The private token a booking, self-check or waiting-list entry returns: the only key to it. */
export const PRIVATE_TOKEN = 'privateToken';
export const privateToken = [{ [PRIVATE_TOKEN]: [] }];

const fieldError = z.object({ field: z.string(), detail: z.string() });

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().openapi({
      description:
        'A stable code for programs: `invalid_request`, `not_found`, `slot_taken`, `visit_changed`, `idempotency_key_required`, `rate_limited`, …',
    }),
    errors: z
      .array(fieldError)
      .optional()
      .openapi({ description: 'With `invalid_request`: each field in error and what is wrong with it.' }),
  })
  .openapi('Problem');

const PROBLEM_TEXT: Record<number, string> = {
  400: 'The request is not JSON, or not a JSON object.',
  404: 'Nothing with this id, or the token does not match it (the two look the same).',
  409: 'The domain refused the change (`code` says why: the time was taken, the visit changed or started, …).',
  413: 'The body is larger than the API accepts.',
  415: 'The body is not `application/json`.',
  422: 'A field is missing or invalid; `errors` names each one.',
  428: 'The `Idempotency-Key` header is missing.',
  429: 'Too many requests from this address; retry after `Retry-After` seconds.',
};

/** The problem answers an operation can give, by status. */
export function problems(...statuses: number[]): Record<string, ResponseConfig> {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: PROBLEM_TEXT[status] ?? 'A problem.',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    ]),
  );
}

/** A JSON answer with its schema. */
export function json(
  description: string,
  schema: z.ZodType,
  headers?: ResponseConfig['headers'],
): ResponseConfig {
  return { description, content: { 'application/json': { schema } }, ...(headers ? { headers } : {}) };
}

/** A JSON request body with its schema and the example the contract test sends. */
export function jsonBody(schema: z.ZodType, example: unknown) {
  return { required: true, content: { 'application/json': { schema, example } } };
}

export const idempotencyKeyHeader = z.object({
  'Idempotency-Key': z.string().min(8).max(200).openapi({
    description:
      'A new random value (a UUID) per booking. A retry with the same key and body gets the first answer again and books nothing more.',
    example: '5b0c7f0e-6a3a-4a5e-9a39-5f1d3c2b8a10',
  }),
});

/** Optional `?lang=en|es` for the texts of an answer. */
export const langQuery = z.object({
  lang: z
    .enum(['en', 'es'])
    .optional()
    .openapi({ description: 'Language of the texts (else Accept-Language).' }),
});

export function buildOpenApiDocument(contracts: ApiContract[], serverUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', PRIVATE_TOKEN, {
    type: 'http',
    scheme: 'bearer',
    description:
      'The private token returned when the record was created (`manageToken` of a booking, `token` of a self-check or waiting-list entry). It is the only key: keep it like a password.',
  });
  for (const contract of contracts) contract(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Carepath API',
      version: '1',
      description:
        'Booking, the self-check and the clinic directory for programs. Errors are problem+json (RFC 9457) with a stable `code`. FHIR R4 is served separately under `/fhir` (its CapabilityStatement is `/fhir/metadata`).',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
