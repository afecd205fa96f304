/** The public surface of src/triage: what other capabilities and the app may use. */
export { assessmentApi } from './assessment-api.js';
export { triageContract } from './api-contract.js';
export {
  CHECK_IN_QUEUE,
  currentDisposition,
  pathwayOf,
  readAssessment,
  readAssessmentByToken,
  type Triage,
} from './assessment-service.js';
export { dispositionsOf, findAssessment, listCheckIns } from './assessment-store.js';
export { type Answers, type Scores } from './engine.js';
export { loadPathways, type Condition, type Item, type Pathway, type Text } from './pathway.js';
export { resultPages } from './result-pages.js';
export { selfCheckPages } from './self-check-pages.js';
export { registerTriageJobs, triageCleanup } from './triage-jobs.js';
