/** The public surface of src/fhir: what other capabilities and the app may use. */
export { toQuestionnaire, toQuestionnaireResponse, toRiskAssessment } from './questionnaire.js';
export { fhirApi } from './fhir-api.js';
export {
  applyClientsFile,
  clientSchema,
  listClients,
  parseRegistration,
  readClientsFile,
  retireClient,
  saveClient,
  type FhirClient,
} from './smart/clients.js';
export { deleteExpiredFhirCredentials } from './smart/token-endpoint.js';
