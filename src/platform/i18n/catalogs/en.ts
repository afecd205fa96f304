import { selfCheckPagesEn } from './self-check-pages.en.js';
import { bookingEn } from './booking.en.js';
import { waitlistEn } from './waitlist.en.js';
import { messagesEn } from './messages.en.js';
import { adminEn } from './admin.en.js';
import { clinicAdminEn } from './clinic-admin.en.js';
import { selfCheckEn } from './selfcheck.en.js';
import { staffEn } from './staff.en.js';
import { accountsEn } from './accounts.en.js';
import { refusalsEn } from './refusals.en.js';
import { bookingTimesEn } from './booking-times.en.js';
import { visitPageEn } from './visit-page.en.js';
import { waitlistClosedEn } from './waitlist-closed.en.js';

/**
 * English messages: the source of every key. The site's frame, home, clinics, clinicians, guides
 * and error pages are here; every other area has its own pair of files (area.en.ts, whose keys
 * its area.es.ts must all give), merged below. Keep keys grouped by page.
 */
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
  'error.request.title': 'We could not do that',
  'error.tooMany.body':
    'There were too many booking attempts from your connection in the last minute. Wait a minute, then try again, or call one of our clinics.',
  'error.tooLarge.body':
    'What was sent is far longer than any form here allows, so nothing was saved. Go back, shorten it, and try again.',
  'error.request.body':
    'Something in the request was not valid or has changed meanwhile. Please go back and try again.',
  ...selfCheckPagesEn,
  ...bookingEn,
  ...waitlistEn,
  ...messagesEn,
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
