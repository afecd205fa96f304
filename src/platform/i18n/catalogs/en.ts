import { adminEn } from './admin.en.js';
import { clinicAdminEn } from './clinic-admin.en.js';
import { selfCheckEn } from './selfcheck.en.js';
import { staffEn } from './staff.en.js';
import { accountsEn } from './accounts.en.js';
import { refusalsEn } from './refusals.en.js';
import { bookingTimesEn } from './booking-times.en.js';
import { visitPageEn } from './visit-page.en.js';
import { waitlistClosedEn } from './waitlist-closed.en.js';

/** English messages: the source of every key. Keep keys grouped by page. */
export const en = {
  // Layout
  'layout.skip': 'Skip to main content',
  'layout.nav.label': 'Main menu',
  'layout.nav.home': 'Home',
  'layout.nav.guides': 'Health guides',
  'layout.nav.selfCheck': 'Back pain self-check',
  'layout.nav.clinics': 'Clinics',
  'layout.nav.book': 'Book a visit',
  'layout.language.label': 'Language',
  'layout.language.switch': 'Español',
  'layout.footer.emergency': 'In an emergency, call 911.',
  'layout.footer.emergencyDetail':
    'Carepath is not an emergency service. If you think your life or someone else’s is in danger, call 911 now.',
  'layout.footer.clinics': 'Our clinics',
  'layout.footer.demo': 'Demonstration network: addresses and phone numbers are examples, not real clinics.',
  'layout.footer.privacy': 'Nothing on this site is sent to other companies: no trackers, no advertising.',

  // Home
  'home.title': 'Back pain care in {area}',
  'home.titleNoArea': 'Back pain care near you',
  'home.lead':
    'Find out what your back pain needs, get a plan you can follow at home, and book a visit with the right doctor or nurse practitioner at one of our clinics.',
  'home.start.heading': 'Is your back pain serious?',
  'home.start.body':
    'Our self-check asks about the warning signs first, then tells you what to do: call 911, see a doctor today, book a visit, or care for yourself at home. It takes about five minutes.',
  'home.start.button': 'Start the back pain self-check',
  'home.book.heading': 'Book a visit',
  'home.book.body':
    'Choose a clinic, a clinician and a time that suits you. You can change or cancel it later.',
  'home.book.button': 'Book a visit',
  'home.clinics.heading': 'Find a clinic',
  'home.clinics.body': 'Clinics in {cities}.',
  'home.clinics.link': 'See all clinics',
  'home.offer.heading': 'What we offer',
  'home.offer.pain': 'Pain management with a specialist.',
  'home.offer.internal': 'Internal medicine for adults: everyday problems, long-term conditions, check-ups.',
  'home.offer.sameDay': 'Same-day back pain visits when you need to see someone today.',
  'home.offer.spanish': 'Care in English and Spanish.',
  'home.guides.heading': 'Health guides',

  // Clinics
  'clinics.title': 'Our clinics',
  'clinics.zip.label': 'Your ZIP code',
  'clinics.zip.hint': 'We show the nearest clinics first. Your ZIP code is not stored.',
  'clinics.zip.button': 'Find the nearest',
  'clinics.zip.errorFormat': 'Enter a 5-digit ZIP code, like 85251',
  'clinics.zip.errorUnknown': 'We do not know the ZIP code {zip}. Check it and try again.',
  'clinics.zip.nearest': 'Nearest to ZIP code {zip} first.',
  'clinics.zip.miles': '{miles} miles away',
  'times.all': 'All times are {zone}.',
  'times.each': 'Times are each clinic’s own local time.',
  'clinics.address': 'Address',
  'clinics.phone': 'Phone',
  'clinics.hours': 'Opening hours',
  'clinics.closed': 'Closed',
  'clinics.otherDays': 'Other days: closed',
  'clinics.providers': 'Clinicians at this clinic',
  'clinics.status.open': 'Open now until {closes}',
  'clinics.status.later': 'Opens today at {opens}, until {closes}',
  'clinics.status.next': 'Closed for the rest of today. Opens {day} at {opens}',
  'clinics.status.closed': 'Closed for the rest of today',
  'clinics.visitTypes': 'Visits you can book here',
  'clinics.directionsLink': 'Directions to {clinic} in your maps app',
  'clinics.directions': 'Getting there',
  'clinics.book': 'Book at {clinic}',
  'clinics.call': 'Call {phone}',
  'clinics.view': 'Clinic details',
  'clinics.demo': 'Demo data',
  'clinics.minutes': '{minutes} minutes',
  'clinics.worksOn': '{days} at {clinic}',

  // Providers
  'providers.title': 'Our clinicians',
  'providers.specialty.pain-management': 'Pain management',
  'providers.specialty.internal-medicine': 'Internal medicine',
  'providers.languages': 'Languages',
  'providers.where': 'Where and when',
  'providers.visitTypes': 'Visits offered',
  'providers.book': 'Book with {name}',
  'providers.language.en': 'English',
  'providers.language.es': 'Spanish',

  // Guides
  'guides.title': 'Health guides',
  'guides.lead':
    'Clear, practical guides written by our team. They do not replace a visit with a doctor or nurse practitioner.',
  'guides.related': 'Related guides',
  'guides.reviewed': 'Last reviewed {date}.',
  'guides.sources': 'Based on',
  'guides.next.heading': 'What you can do next',
  'guides.next.selfCheck': 'Take the back pain self-check',
  'guides.next.book': 'Book a visit',
  'guides.next.clinics': 'Find a clinic',
  'guides.read': 'Read the guide',

  // Errors
  'error.notFound.title': 'Page not found',
  'error.notFound.body': 'We could not find that page. If you typed the address, check it is correct.',
  'error.notFound.home': 'Go to the home page',
  'error.server.title': 'Sorry, something went wrong',
  'error.server.body':
    'We could not show this page. Please try again in a few minutes. If you need medical help now, call your clinic, and in an emergency call 911.',
  'error.reference': 'Reference: {id}',
  // Self-check
  'sc.start.title': 'Back pain self-check',
  'sc.start.lead': 'Answer a few questions about your back pain and find out what to do next.',
  'sc.start.what': 'What happens',
  'sc.start.step1': 'First we ask about warning signs that need help straight away.',
  'sc.start.step2': 'Then we ask about your pain, your health and how you are feeling.',
  'sc.start.step3': 'You get a result with the reasons, a self-care plan you can print, and the next step.',
  'sc.start.time':
    'Most people finish in 2 to 5 minutes: we only ask what matters for your answers so far. Your answers are kept private and are deleted after {days} days.',
  'sc.start.notDiagnosis':
    'This self-check does not give a diagnosis. It is for adults and young people aged 16 and over.',
  'sc.start.emergency': 'If you feel very unwell or think it is an emergency, do not wait: call 911 now.',
  'sc.start.button': 'Start now',
  'sc.start.resume': 'You have a self-check in progress.',
  'sc.start.resumeLink': 'Continue where you left off',
  'sc.start.restart': 'Start again',
  'sc.start.expired':
    'Your answers were deleted because you did not continue for a while. Please start again.',
  'sc.signoff.pending':
    'Self-check version {version} (its questions and rules): waiting for approval by a licensed doctor.',
  'sc.signoff.approved':
    'Self-check version {version} (its questions and rules), approved by {clinician} on {date}.',
  'sc.back': 'Back',
  'sc.continue': 'Continue',
  'sc.progress': 'Question {n} of about {total}',
  'sc.yes': 'Yes',
  'sc.no': 'No',
  'sc.scale': '0 means {min}. 10 means {max}.',
  'sc.errorSummary': 'There is a problem',
  'sc.errorPrefix': 'Error:',
  'sc.error.missing.boolean': 'Select yes or no',
  'sc.error.missing.choice': 'Select one answer',
  'sc.error.missing.integer': 'Enter a number',
  'sc.error.integer': 'Enter a whole number, using digits, like 5',
  'sc.error.range': 'Enter a number from {min} to {max}',
  'sc.error.choice': 'Select one of the answers shown',
  'sc.check.title': 'Check your answers',
  'sc.check.lead': 'Look over your answers before you see your result.',
  'sc.check.change': 'Change',
  'sc.check.changeHidden': 'your answer to: {question}',
  'sc.check.submit': 'See my result',
  'sc.check.notAnswered': 'Not answered',

  // Result
  'result.title.emergency': 'Call 911 now',
  'result.title.urgent': 'See a doctor today',
  'result.title.appointment': 'Book a visit in the next few days',
  'result.title.self-care': 'You can look after your back at home',
  'result.lead.emergency':
    'Your answers include signs that need emergency care now. Call 911, or go to the nearest emergency department. Do not drive yourself.',
  'result.lead.urgent':
    'Your answers include signs that a doctor should check today. Do not wait for it to pass.',
  'result.lead.appointment':
    'Your answers suggest a doctor or nurse practitioner should see you in the next few days. Nothing you told us needs emergency care right now.',
  'result.lead.self-care':
    'Nothing you told us needs emergency care right now, and you can start caring for your back at home. Most back pain like this gets better within a few days to weeks.',
  'result.call911': 'Call 911',
  'result.tell.heading': 'What to tell them',
  'result.tell.intro':
    'Say that you have back pain and describe the warning signs listed under “Why we said this” below. Also tell them:',
  'result.tell.age': 'your age, any medicines you take, and when the pain started.',
  'result.urgent.call': 'Call one of our clinics now and say you need to be seen today:',
  'result.urgent.openToday': 'Today {hours}',
  'result.urgent.closedToday': 'Closed today',
  'result.urgent.fallback':
    'If none of our clinics can see you today, go to an urgent care center. If you get worse, or notice any emergency sign, call 911.',
  'result.book.button': 'Book a visit',
  'result.book.intake':
    'When you book from this page, your answers go with the booking, so the doctor or nurse practitioner can read them before your visit.',
  'result.book.phone': 'You can also call a clinic to book.',
  'result.reasons.heading': 'Why we said this',
  'result.reasons.none': 'None of your answers were warning signs.',
  'result.reasons.also': 'Also noted',
  'result.scores.heading': 'Your scores',
  'result.scores.peg': 'Pain, enjoyment and activity (PEG): {score} out of 10',
  'result.scores.startBack':
    'STarT Back: {total} out of 9 (emotional part {psychosocial} out of 5), {risk} risk',
  'result.scores.risk.low': 'low',
  'result.scores.risk.medium': 'medium',
  'result.scores.risk.high': 'high',
  'result.scores.none': 'You did not answer the scored questions.',
  'result.plan.heading': 'Your self-care plan',
  'result.plan.print': 'Print your self-care plan',
  'result.plan.meanwhile': 'Until your visit, this plan can help.',
  'result.checkin.heading': 'Check in with us in a few days',
  'result.checkin.body':
    'From {date} we will ask how your back is doing. If it is not getting better, we will help you book a visit.',
  'result.checkin.link': 'Check in now',
  'result.checkin.email.label': 'Email address (optional)',
  'result.checkin.email.hint':
    'We will email you a reminder with your check-in link. We use it for nothing else.',
  'result.checkin.email.button': 'Email me a reminder',
  'result.checkin.email.saved': 'Thank you. We will email you a reminder on {date}.',
  'result.checkin.email.invalid': 'Enter an email address in the correct format, like name@example.com',
  'result.keep.heading': 'Keep this page',
  'result.keep.body':
    'This page has its own private address. Bookmark it to come back to your result and check-in. Do not share it: anyone with the address can read your answers.',
  'result.history.heading': 'Your check-ins',
  'result.history.item': '{date}: {improving}. Result: {result}.',
  'result.expires': 'Your answers will be deleted on {date}.',
  'result.disposition.emergency': 'call 911',
  'result.disposition.urgent': 'see a doctor today',
  'result.disposition.appointment': 'book a visit',
  'result.disposition.self-care': 'self-care at home',
  'result.improving.better': 'getting better',
  'result.improving.same': 'about the same',
  'result.improving.worse': 'getting worse',
  'result.notFound.title': 'We cannot find this result',
  'result.notFound.body':
    'The link may be wrong, or the result was deleted after {days} days. You can take the self-check again.',
  'result.again': 'Take the self-check again',
  'plan.title': 'Self-care plan for your back',
  'plan.made': 'Made on {date} from your self-check answers.',
  'plan.printHint': 'Use your browser’s Print command to print this page.',
  'plan.backToResult': 'Back to your result',

  // Check-in
  'checkin.title': 'How is your back now?',
  'checkin.lead': 'It has been {days} since your self-check.',
  'checkin.days.one': '1 day',
  'checkin.days.other': '{n} days',
  'checkin.days.zero': 'less than a day',
  'checkin.error.improving': 'Select whether your back is getting better, the same or worse',
  'checkin.submit': 'Send my check-in',
  'checkin.done.title': 'Thank you for checking in',
  // Mail
  'mail.checkin.subject': 'Time to check in: {network}',
  'mail.checkin.body':
    'Hello. You asked us to remind you to check in a few days after your self-check. Please tell us how you are doing at your private link: {link}\n\nIn an emergency, call 911.',
  // Booking
  'book.title': 'Book a visit',
  'book.lead': 'Choose the kind of visit, a clinic and a clinician, then pick a time.',
  'book.visitType': 'What kind of visit do you need?',
  'book.location': 'Clinic',
  'book.location.any': 'Any clinic',
  'book.provider': 'Clinician',
  'book.provider.any': 'Any clinician',
  'book.find': 'Show available times',
  'book.intake':
    'Your self-check answers will be sent with this booking so the doctor or nurse practitioner can read them before your visit.',
  'book.urgent':
    'Your self-check said to see a doctor today. Today’s free times at all our clinics are shown first. If there are none, call a clinic or go to an urgent care center.',
  'book.error.visitType': 'Select the kind of visit you need',
  'book.error.combination':
    'This clinician does not offer this kind of visit at this clinic. Choose “Any clinician” or another clinic.',
  'book.details.title': 'Your details',
  'book.details.chosen': 'Your visit',
  'book.details.changeTime': 'Choose another time',
  'book.field.givenName': 'First name',
  'book.field.familyName': 'Last name',
  'book.field.birthDate': 'Date of birth',
  'book.field.email': 'Email address',
  'book.field.email.hint': 'We send your confirmation and the link to change or cancel your visit here.',
  'book.field.phone': 'Phone number',
  'book.error.givenName': 'Enter your first name',
  'book.error.familyName': 'Enter your last name',
  'book.error.birthDate': 'Enter your date of birth: month, day and year',
  'book.error.email': 'Enter an email address in the correct format, like name@example.com',
  'book.error.phone': 'Enter a phone number, like (480) 555-0100',
  'book.check.title': 'Check your booking',
  'book.check.confirm': 'Confirm booking',
  'book.check.changeDetails': 'Change your details',
  'book.taken': 'Sorry, that time has just been taken. Please choose another time.',
  'book.row.when': 'When',
  'book.row.where': 'Where',
  'book.row.who': 'Clinician',
  'book.row.what': 'Visit',
  'book.row.name': 'Name',
  'book.row.birthDate': 'Date of birth',
  'book.row.contact': 'Contact',
  'book.whenValue': '{day}, {time} ({zone})',
  'book.emergency':
    'Your self-check result says to call 911. Please call 911 now instead of booking a visit.',

  // Managing a visit
  'manage.title': 'Your visit',
  'manage.booked': 'Your visit is booked',
  'manage.rescheduled': 'Your visit has been moved',
  'manage.cancelled.title': 'Your visit has been cancelled',
  'manage.cancelled.body': 'We have freed the time for someone else. You can book a new visit at any time.',
  'manage.status.booked': 'Booked',
  'manage.status.checked-in': 'Checked in',
  'manage.status.no-show': 'Missed',
  'manage.status.cancelled': 'Cancelled',
  'manage.status.completed': 'Completed',
  'manage.status': 'Status',
  'manage.calendar': 'Add to your calendar (.ics file)',
  'manage.directions': 'How to get there',
  'manage.keep': 'This page has a private address: keep it to change or cancel your visit. Do not share it.',
  'manage.change': 'Change the time',
  'manage.cancel': 'Cancel this visit',
  'manage.cancel.title': 'Are you sure you want to cancel?',
  'manage.cancel.body': 'If you cancel, the time goes to someone else.',
  'manage.cancel.confirm': 'Yes, cancel my visit',
  'manage.cancel.keep': 'No, keep my visit',
  'manage.reschedule.title': 'Choose a new time',
  'manage.reschedule.confirmTitle': 'Move your visit?',
  'manage.reschedule.confirm': 'Yes, move my visit',
  'manage.past':
    'This visit is in the past or no longer booked, so it cannot be changed here. Please call the clinic.',
  'manage.notFound.title': 'We cannot find this visit',
  'manage.notFound.body': 'The link may be wrong or out of date. Please call your clinic if you need help.',
  'manage.print': 'Print this page to bring it with you.',
  'result.urgent.book': 'See today’s free times',
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
  'mail.waitlist.subject': 'A visit time is free: {network}',
  'mail.waitlist.body':
    'Hello {name}. A time you were waiting for is free: {when} at {clinic}. We are keeping it for you until {expires}. To book it, use this link: {link}\n\nIn an emergency, call 911.',
  'mail.appointment.confirmation.subject': 'Your visit is booked: {when}',
  'mail.appointment.confirmation.body':
    'Hello {name}. Your visit with {provider} is booked for {when} ({zone}) at {clinic}, {address}. To change or cancel it, use your private link: {link}',
  'mail.appointment.rescheduled.subject': 'Your visit has moved: {when}',
  'mail.appointment.rescheduled.body':
    'Hello {name}. Your visit has moved: it is now with {provider} on {when} ({zone}) at {clinic}, {address}. To change or cancel it, use your private link: {link}',
  'mail.appointment.cancelled.subject': 'Your visit has been cancelled',
  'mail.appointment.cancelled.body':
    'Hello {name}. Your visit on {when} at {clinic} has been cancelled. You can book a new visit at any time: {bookLink}',
  'mail.appointment.reminder.subject': 'Reminder: your visit on {when}',
  'mail.appointment.reminder.body':
    'Hello {name}. This is a reminder of your visit with {provider} on {when} ({zone}) at {clinic}, {address}. To change or cancel it, use your private link: {link}',
  'mail.footer': 'In an emergency, call 911. Please do not reply to this email; call your clinic at {phone}.',
  'mail.calendarTitle': 'Visit at {clinic}',
  'sms.reminder':
    '{network}: reminder of your visit {when} at {clinic}. Change or cancel: {link} Reply STOP to stop texts.',
  // Sent instead of the emails when a patient gave no email address (booked by phone or by API).
  'sms.confirmation':
    '{network}: your visit is booked for {when} ({zone}) at {clinic}, {address}. Change or cancel: {link}',
  'sms.rescheduled':
    '{network}: your visit has moved to {when} ({zone}) with {provider} at {clinic}, {address}. Change or cancel: {link}',
  'sms.cancelled': '{network}: your visit on {when} at {clinic} is cancelled. To book again: {bookLink}',
  'sms.waitlistOffer':
    '{network}: a visit time is free, {when} at {clinic}. We keep it for you until {expires}: {link}',
  'error.request.title': 'We could not do that',
  'error.tooMany.body':
    'There were too many booking attempts from your connection in the last minute. Wait a minute, then try again, or call one of our clinics.',
  'error.tooLarge.body':
    'What was sent is far longer than any form here allows, so nothing was saved. Go back, shorten it, and try again.',
  'error.request.body':
    'Something in the request was not valid or has changed meanwhile. Please go back and try again.',
  'book.today.heading': 'Free times today at all our clinics',
  'book.today.none':
    'There are no free times left today at our clinics. Call a clinic, or go to an urgent care center today. If you get worse, call 911.',
  'book.field.sms': 'Also send me text message reminders',
  'book.field.sms.hint': 'To the phone number above, at most one a day. Reply STOP to stop them.',
  'book.row.sms': 'Text reminders',
  ...selfCheckEn,
  ...staffEn,
  ...accountsEn,
  ...refusalsEn,
  ...bookingTimesEn,
  ...visitPageEn,
  ...adminEn,
  ...clinicAdminEn,
  ...waitlistClosedEn,
} as const;

export type Messages = { readonly [K in keyof typeof en]: string };
