/** The public surface of src/audit: what other capabilities and the app may use. */
export {
  listAuditEvents,
  recordAudit,
  recordAuditOfEach,
  type AuditEvent,
  type AuditFilter,
} from './audit.js';
export { scheduleAuditSealing, sealAuditEvents, verifyAuditChain } from './audit-chain.js';
