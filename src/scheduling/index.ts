/** The public surface of src/scheduling: what other capabilities and the app may use. */
export { schedulingContract } from './api-contract.js';
export { appointmentApi, NO_CONTACT, patientSchema, reachablePatientSchema } from './appointment-api.js';
export { bookingPages } from './booking-pages.js';
export { bookAppointment } from './booking-service.js';
export { commandContext, type CommandContext } from './command-context.js';
export { deleteExpiredIdempotencyKeys } from './booking-store.js';
export { changeVisitStatus, type FrontDeskAction } from './front-desk.js';
export { REFUSAL_CODES, SchedulingRefused, isRefusalCode, type RefusalCode } from './refusals.js';
export { handIntakeToBooking } from './intake-handoff.js';
export { managePages } from './manage-pages.js';
export {
  findAppointment,
  listAppointments,
  listDecisionsDue,
  searchAppointments,
  type StoredAppointment,
} from './scheduling-store.js';
export { type Scheduling } from './scheduling.js';
export { searchSlots } from './slot-search.js';
export { parsePatientQuery, type PatientQuery } from './patient-search.js';
export { isoInZone, type Slot } from './slots.js';
export {
  holdVisitsForDecision,
  keepVisit,
  resendConfirmation,
  restoreVisit,
  staffCancelAppointment,
  staffOfferTime,
  staffRescheduleAppointment,
} from './staff-actions.js';
export { APPOINTMENT_STATUSES, decideVisitAction, type VisitAction } from './visit-status.js';
export { waitlistApi } from './waitlist-api.js';
export { waitlistPages } from './waitlist-pages.js';
export { listOpenEntries, type WaitlistEntry } from './waitlist-store.js';
export { expireOffers, joinWaitlist, MAX_WAIT_DAYS } from './waitlist.js';
export { closeEntriesOfRetired, closeRetiredWaitlistEntries, openEntriesNaming } from './waitlist-retired.js';
export { outdatedVisitMessages } from './visit-messages.js';
export { queueDueReminders, reminderSweep } from './reminders.js';
export { correctPatientContact, findPatient, visitsOfPatient, type PatientRecord } from './patients.js';
