/** The directory part of the API contract (OpenAPI 3.1): clinics, clinicians and visit types. */
import { json, langQuery, problems, zo as z, type ApiContract } from '../platform/http/openapi.js';

const locationSchema = z
  .object({
    slug: z.string().openapi({ example: 'scottsdale' }),
    name: z.string(),
    timeZone: z.string(),
    address: z.object({
      street: z.string(),
      city: z.string(),
      region: z.string(),
      postalCode: z.string(),
      country: z.string(),
    }),
    phone: z.string(),
    position: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    hours: z.array(
      z.object({
        weekday: z.number().int().openapi({ description: '1 = Monday … 7 = Sunday' }),
        day: z.string(),
        opens: z.string(),
        closes: z.string(),
      }),
    ),
    directions: z.string(),
    demo: z.boolean().openapi({ description: 'Demonstration data, not a real clinic.' }),
  })
  .openapi('Location');

const providerSchema = z
  .object({
    slug: z.string().openapi({ example: 'ben-evans' }),
    name: z.string(),
    credentials: z.string().nullable(),
    specialty: z.string(),
    languages: z.array(z.string()),
    locations: z.array(z.string()),
    visitTypes: z.array(z.string()),
    bio: z.string(),
    schedule: z.array(
      z.object({
        location: z.string(),
        weekday: z.number().int(),
        starts: z.string(),
        ends: z.string(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
      }),
    ),
    demo: z.boolean(),
  })
  .openapi('Provider');

const visitTypeSchema = z
  .object({
    slug: z.string().openapi({ example: 'new-patient-pain-consultation' }),
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    bufferMinutes: z.number().int(),
    minNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    providers: z.array(z.string()),
  })
  .openapi('VisitType');

const slugParam = (example: string) => z.object({ slug: z.string().openapi({ example }) });

export const directoryContract: ApiContract = (r) => {
  const list = (path: string, summary: string, key: string, schema: z.ZodType, query = langQuery) =>
    r.registerPath({
      method: 'get',
      path,
      tags: ['Directory'],
      summary,
      request: { query },
      responses: { 200: json(summary, z.object({ [key]: z.array(schema) })) },
    });
  const one = (path: string, summary: string, schema: z.ZodType, example: string) =>
    r.registerPath({
      method: 'get',
      path,
      tags: ['Directory'],
      summary,
      request: { params: slugParam(example), query: langQuery },
      responses: { 200: json(summary, schema), ...problems(404) },
    });
  list('/locations', 'The clinics', 'locations', locationSchema);
  one('/locations/{slug}', 'One clinic', locationSchema, 'scottsdale');
  list(
    '/providers',
    'The clinicians',
    'providers',
    providerSchema,
    langQuery.extend({
      location: z.string().optional().openapi({ description: 'Only those who work at this clinic (slug).' }),
    }),
  );
  one('/providers/{slug}', 'One clinician', providerSchema, 'ben-evans');
  list('/visit-types', 'The visit types', 'visitTypes', visitTypeSchema);
  one('/visit-types/{slug}', 'One visit type', visitTypeSchema, 'new-patient-pain-consultation');
};
