/**
 * What the FHIR endpoint implements, exactly: read and search of the availability resources,
 * and SMART Scheduling Links' $bulk-publish. Kept beside the routes (fhir-availability-api.ts):
 * a resource or parameter added there is added here.
 */
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
          'Public availability: no token needed. SMART Scheduling Links manifest at $bulk-publish.',
        resource: [
          resource('Location', []),
          resource('Practitioner', [search('name', 'string', 'Part of the name as shown.')]),
          resource('HealthcareService', []),
          resource('Schedule', [search('actor', 'reference', 'Location/{id} or Practitioner/{id}.')]),
          resource('Slot', [
            search('schedule', 'reference', 'Schedule/{id}.'),
            search('start', 'date', 'ge, gt, le, lt or eq; at most 31 days; default: the next 7 days.'),
            search('status', 'token', 'Only free slots are published.'),
            search('service-type', 'token', 'A visit type code.'),
          ]),
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
