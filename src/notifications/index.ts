/** The public surface of src/notifications: what other capabilities and the app may use. */
export {
  appointmentMessages,
  appointmentReminders,
  textToHtml,
  type AppointmentEvent,
} from './appointment-messages.js';
export { OUTBOX_QUEUE, outboxKick, registerOutboxJobs } from './outbox-jobs.js';
export {
  dispatchDueMessages,
  enqueueMessage,
  logTransport,
  messagesAsJson,
  outboxStats,
  type Channels,
  type OutgoingMessage,
  type OutdatedCheck,
  type Transport,
  type VisitMessageRef,
} from './outbox.js';
export { smsApi } from './sms-api.js';
export { normalizePhone, smsGatewayTransport } from './sms.js';
export { smtpTransport } from './smtp.js';
