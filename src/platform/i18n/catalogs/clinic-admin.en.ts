/** Staff roles by reach, clinic managers, and creating and retiring clinics, providers and visit types (English). */
export const clinicAdminEn = {
  'staff.role.clinic-manager': 'clinic manager',
  'admin.access.rolesHint':
    'A network administrator reaches every clinic, including clinics added later, and runs the whole network. A clinic manager runs the clinics ticked below: their days, opening hours, closures and providers’ time off.',
  'admin.access.clinicsHint': 'Not needed for a network administrator, who reaches every clinic.',
  'admin.staff.allClinics': 'All clinics',
  'admin.timeOff.err.otherClinics':
    'This time off falls on {n} booked visits at clinics you do not manage. Ask a network administrator to add it.',
  'admin.retire.title': 'Retire {name}',
  'admin.retire.hint':
    '{name} will disappear from the public pages, search, booking and FHIR. Its past visits, the audit trail and patients’ links keep working, and you can re-activate it from the list. Anyone on its waiting list is taken off it and told.',
  'admin.retire.button': 'Retire',
  'admin.retire.retired': 'Retired',
  'admin.retire.reactivate': 'Re-activate',
  'admin.retire.back': 'Back to the list',
  'admin.retire.conflictTitle': '{n} visits are still to come',
  'admin.retire.conflictLead':
    'These visits are booked with {name}. To retire it now, cancel them: each patient gets a message. Or go back and move them first from each visit’s page.',
  'admin.retire.changed': 'The visits changed since this page was shown. Check them again.',
  'admin.retire.cancel': 'Cancel these visits and retire',
  'admin.retire.cancelHint': 'Each patient is told that their visit is cancelled.',
  'admin.retire.notNow': 'Do not retire it now',
  'admin.retire.partialTitle': 'Retired, but some visits are still booked',
  'admin.retire.partial':
    '{n} visits could not be cancelled (checked in or already started). Deal with them from the schedule.',
  'admin.retire.waitingTitle': 'People are waiting for it on the waiting list: {n}',
  'admin.retire.waitingLead':
    'These people are on the waiting list for {name}. Once it is retired it can never offer them a time, so retiring takes them off the list.',
  'admin.retire.waitingHeading': 'On its waiting list: {n}',
  'admin.retire.waitingHint':
    'Each one is taken off the waiting list and told, by email or text message, how to book another time, join the list again or call us.',
  'admin.retire.closeWaiting': 'Take them off the waiting list and retire',
  'admin.retire.closeWaitingHint': 'Nothing is booked with it, so no visit is cancelled.',
  'admin.create.slug': 'Short name for web addresses',
  'admin.create.slugHint':
    'Lower-case letters, numbers and single hyphens, like “north-tempe”. It appears in web addresses and cannot be changed later.',
  'admin.create.err.slug':
    'Enter a short name of lower-case letters, numbers and single hyphens, like “north-tempe”',
  'admin.create.err.slugReserved': '“new” cannot be used as a short name; choose another',
  'admin.create.err.slugTaken': 'The short name “{slug}” is already used by {name}; choose another',
  'admin.clinics.add': 'Add a clinic',
  'admin.clinic.timeZone': 'Time zone',
  'admin.clinic.timeZoneHint': 'The clinic’s time zone, like America/Phoenix.',
  'admin.clinic.err.timeZone': 'Enter a time zone like America/Phoenix',
  'admin.clinic.create': 'Add the clinic',
  'admin.providers.add': 'Add a provider',
  'admin.provider.specialty': 'Specialty',
  'admin.provider.languages': 'Languages spoken',
  'admin.provider.err.specialty': 'Choose the specialty',
  'admin.provider.err.languages': 'Choose at least one language',
  'admin.provider.create': 'Add the provider',
  'admin.visitTypes.add': 'Add a visit type',
  'admin.visitType.create': 'Add the visit type',
  'admin.status': 'Status',
  'admin.active': 'Active',
} as const;
