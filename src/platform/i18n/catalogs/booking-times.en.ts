/** Choosing a time: the week's days with their counts, and one day's times (booking and moving). */
export const bookingTimesEn = {
  'book.times.heading': 'Available times',
  'book.times.none':
    'There are no free times in the next {days} days for this choice. Try another clinic or clinician, join the waiting list, or call us.',
  'book.times.earlier': 'Earlier times',
  'book.times.later': 'Later times',
  'book.times.next': 'The next available time is {when}.',
  'book.times.with': 'with {provider} at {clinic}',
  'book.times.choose': 'Choose {time} on {day} with {provider} at {clinic}',
  'book.days.label': 'Choose a day',
  'book.days.count': '{n} times',
  'book.days.one': '1 time',
  'book.days.none': 'No times',
  'book.days.showing': 'Times on {day}',
  'book.zip.label': 'Your ZIP code (optional)',
  'book.zip.hint': 'With any clinic, the nearest clinics come first. Your ZIP code is not stored.',
  'book.zip.miles': '{miles} miles away',
  'book.speaks.label': 'Only clinicians who speak Spanish',
  'book.language.notice':
    '{provider} does not speak English. An interpreter joins your visit by phone at no cost; tell the clinic when you arrive.',
  'book.dob.month': 'Month',
  'book.dob.day': 'Day',
  'book.dob.year': 'Year',
  'book.dob.hint': 'For example, 4 27 1980.',
  'book.error.birthDateImpossible': 'That date does not exist: check the month, day and year',
  'book.error.birthDateFuture': 'Your date of birth must be in the past',
  'book.duplicate.found': 'You may already have a visit like this booked with us.',
  'book.duplicate.check':
    'Check the confirmation email we sent you: its link changes or cancels that visit. Book another only if you need both.',
  'book.duplicate.confirm': 'Yes, book another visit',
} as const;
