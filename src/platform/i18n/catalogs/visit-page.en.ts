/** A visit's own page (its private link): what the patient needs to know before going. */
export const visitPageEn = {
  'visit.reference': 'Reference',
  'visit.emailedTo': 'We sent a confirmation to {email}.',
  'visit.bring.heading': 'What to bring',
  'visit.bring.id': 'A photo ID',
  'visit.bring.insurance': 'Your insurance card, if you have one',
  'visit.bring.medicines': 'A list of the medicines you take, with their doses',
  'visit.arrive': 'Please arrive 15 minutes before your visit to check in.',
  'visit.printButton': 'Print this page',
  'visit.printHeader': '{network} · {clinic}',
  'visit.phoneLabel': 'Clinic phone',
  'waitlist.for.heading': 'What you are waiting for',
  'waitlist.for.visit': 'Visit',
  'waitlist.for.clinic': 'Clinic',
  'waitlist.for.clinician': 'Clinician',
  'waitlist.for.dates': 'Dates',
  'waitlist.for.range': 'From {from} to {to}',
  // Moving a visit (reschedule-pages.tsx).
  'manage.reschedule.now': 'Booked now',
  'manage.reschedule.changeSummary': 'Change clinician, clinic or visit type',
  'manage.reschedule.show': 'Show times',
  'manage.reschedule.intakeKept':
    'Your self-check answers stay with this visit, so it can change only to the visit types listed here.',
  'manage.reschedule.error.visitType': 'Choose one of the visit types in the list',
  'manage.reschedule.before': 'Your visit now',
  'manage.reschedule.after': 'Your visit after the change',
} as const;
