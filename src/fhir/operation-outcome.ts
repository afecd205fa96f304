/** An R4 OperationOutcome with one error issue: the FHIR endpoints' error body. */
export function operationOutcome(code: string, diagnostics: string) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics }],
  };
}
