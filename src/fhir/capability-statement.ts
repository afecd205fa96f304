/**
 * What the FHIR endpoint implements, exactly: read and search of the availability resources,
 * SMART Scheduling Links' $bulk-publish (public), and, with a SMART Backend Services token,
 * $book, Appointment read/search/cancel, Patient read and QuestionnaireResponse search. Kept
 * beside the routes (fhir-availability-api.ts, fhir-patient-api.ts): a resource or parameter
 * added there is added here.
 */
import { TOKEN_PATH } from './smart/token-endpoint.js';

const search = (name: string, type: string, documentation: string) => ({ name, type, documentation });

export function capabilityStatement(publicUrl: string) {
  const resource = (type: string, searchParam: ReturnType<typeof search>[]) => ({
    type,
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    searchParam,
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-29',
    kind: 'instance',
    software: { name: 'Carepath' },
    implementation: { description: 'Carepath FHIR R4 endpoint', url: `${publicUrl}/fhir` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Public availability: no token needed (SMART Scheduling Links manifest at $bulk-publish). ' +
          'Appointments, patients and intakes: a SMART Backend Services token with system scopes.',
        security: {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${publicUrl}${TOKEN_PATH}` }],
            },
          ],
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          description: 'Public reads need no token; see /fhir/.well-known/smart-configuration for the rest.',
        },
        resource: [
          resource('Location', []),
          resource('Practitioner', [search('name', 'string', 'Part of the name as shown.')]),
          resource('PractitionerRole', [
            search('practitioner', 'reference', 'Practitioner/{id}.'),
            search('location', 'reference', 'Location/{id}.'),
            search('specialty', 'token', 'pain-management or internal-medicine.'),
          ]),
          resource('HealthcareService', []),
          resource('Schedule', [search('actor', 'reference', 'Location/{id} or Practitioner/{id}.')]),
          resource('Slot', [
            search('schedule', 'reference', 'Schedule/{id}.'),
            search('start', 'date', 'ge, gt, le, lt or eq; at most 31 days; default: the next 7 days.'),
            search('status', 'token', 'Only free slots are published.'),
            search('service-type', 'token', 'A visit type code.'),
          ]),
          {
            type: 'Appointment',
            interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'patch' }],
            searchParam: [
              search('date', 'date', 'ge/gt and le/lt, at most 93 days apart (or search by patient).'),
              search('patient', 'reference', 'Patient/{id}.'),
              search('practitioner', 'reference', 'Practitioner/{id}.'),
              search('location', 'reference', 'Location/{id}.'),
            ],
            operation: [
              {
                name: 'book',
                definition: `${publicUrl}/fhir/OperationDefinition/Appointment-book`,
                documentation:
                  'Parameters with appointment (status proposed, one slot) and patient. Honours Idempotency-Key.',
              },
            ],
          },
          { type: 'Patient', interaction: [{ code: 'read' }] },
          resource('Questionnaire', [
            search('url', 'uri', 'The pathway canonical URL.'),
            search('version', 'token', 'A pathway version, e.g. 1.1.0.'),
          ]),
          {
            type: 'QuestionnaireResponse',
            interaction: [{ code: 'search-type' }],
            searchParam: [search('subject', 'reference', 'Patient/{id}: the intakes of their bookings.')],
          },
        ],
        operation: [
          {
            name: 'bulk-publish',
            definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/bulk-publish',
            documentation:
              'SMART Scheduling Links manifest: Location, Schedule and weekly Slot ndjson files.',
          },
        ],
      },
    ],
  };
}
