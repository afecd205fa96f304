/** The waiting list: joining, its status page and the offer of a freed time. */
export const waitlistEn = {
  // Waiting list
  'waitlist.link': 'Nothing suitable? Join the waiting list',
  'waitlist.title': 'Join the waiting list',
  'waitlist.lead':
    'If a time becomes free in the dates you choose, we will email you an offer. The first person on the list hears first. We keep the offered time for you for {hours} hours; after that it goes to the next person.',
  'waitlist.from': 'Earliest date',
  'waitlist.to': 'Latest date',
  'waitlist.dateHint': 'For example, {example}.',
  'waitlist.error.from': 'The earliest date must be today or later',
  'waitlist.error.to': 'Enter a latest date on or after the earliest date, within 90 days',
  'waitlist.error.fromMissing': 'Enter the earliest date: month, day and year',
  'waitlist.error.toMissing': 'Enter the latest date: month, day and year',
  'waitlist.error.impossible': 'That date does not exist: check the month, day and year',
  'waitlist.field.email.hint':
    'We send the offer of a free time here, with a link to take it or to leave the list.',
  'waitlist.error.location': 'Choose a clinic',
  'waitlist.submit': 'Join the waiting list',
  'waitlist.joined.title': 'You are on the waiting list',
  'waitlist.joined.body': 'We will email {email} if a time becomes free between {from} and {to}.',
  'waitlist.status.title': 'Your place on the waiting list',
  'waitlist.status.waiting': 'Waiting for a free time.',
  'waitlist.status.offered': 'We have offered you a time. Check your email.',
  'waitlist.status.booked': 'You booked an offered time.',
  'waitlist.status.expired':
    'An offer expired, so your place was given to the next person. You can join again.',
  'waitlist.status.left': 'You left the waiting list.',
  'waitlist.leave': 'Leave the waiting list',
  'waitlist.offer.title': 'A time is free for you',
  'waitlist.offer.body':
    'We are keeping this time for you until {expires}. After that it goes to the next person on the list.',
  'waitlist.offer.book': 'Book this time',
  'waitlist.offer.gone': 'This offer has expired or the time was taken. You can choose another time.',
} as const;
