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
  'home.title': 'Back pain care in the Phoenix area',
  'home.lead':
    'Find out what your back pain needs, get a plan you can follow at home, and book a visit with the right clinician at one of our four clinics.',
  'home.start.heading': 'Is your back pain serious?',
  'home.start.body':
    'Our self-check asks about the warning signs first, then tells you what to do: call 911, see a doctor today, book a visit, or care for yourself at home. It takes about five minutes.',
  'home.start.button': 'Start the back pain self-check',
  'home.book.heading': 'Book a visit',
  'home.book.body':
    'Choose a clinic, a clinician and a time that suits you. You can change or cancel it later.',
  'home.book.button': 'Book a visit',
  'home.clinics.heading': 'Find a clinic',
  'home.clinics.body': 'Four clinics in {cities}, all in Arizona time.',
  'home.clinics.link': 'See all clinics',
  'home.offer.heading': 'What we offer',
  'home.offer.pain': 'Pain management with a specialist, including Dr. Ben Evans in Scottsdale.',
  'home.offer.internal': 'Internal medicine for adults: everyday problems, long-term conditions, check-ups.',
  'home.offer.sameDay': 'Same-day back pain visits when you need to see someone today.',
  'home.offer.spanish': 'Care in English and Spanish.',
  'home.guides.heading': 'Health guides',

  // Clinics
  'clinics.title': 'Our clinics',
  'clinics.lead': 'All clinics are in Arizona, which does not change its clocks. Times are Arizona time.',
  'clinics.address': 'Address',
  'clinics.phone': 'Phone',
  'clinics.hours': 'Opening hours',
  'clinics.closed': 'Closed',
  'clinics.otherDays': 'Other days: closed',
  'clinics.providers': 'Clinicians at this clinic',
  'clinics.visitTypes': 'Visits you can book here',
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
  'guides.lead': 'Clear, practical guides written by our team. They do not replace a visit with a clinician.',
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
} as const;

export type Messages = { readonly [K in keyof typeof en]: string };
