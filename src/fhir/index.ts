/** The public surface of src/fhir: what other capabilities and the app may use. */
export { toQuestionnaire, toQuestionnaireResponse, toRiskAssessment } from './questionnaire.js';
export { fhirAvailabilityApi } from './fhir-availability-api.js';
