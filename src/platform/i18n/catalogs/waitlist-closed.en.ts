/** A waiting-list entry closed because its clinic, provider or visit type was retired (English). */
export const waitlistClosedEn = {
  'waitlist.status.closed':
    'We took you off this waiting list because what you were waiting for is no longer offered. You can book another time or join the waiting list again, or call us.',
  'waitlist.closed.location': '{clinic} no longer takes appointments',
  'waitlist.closed.provider': '{provider} no longer sees patients with us',
  'waitlist.closed.visit-type': 'we no longer offer this kind of visit',
  'mail.waitlistClosed.subject': 'You are off the waiting list: {network}',
  'mail.waitlistClosed.body':
    'Hello {name}. We have taken you off the waiting list for {visit} at {clinic} ({from} to {to}), because {reason}. We will not send you offers for it. To book another time, or to join the waiting list again, go to {link}. {call}\n\nIn an emergency, call 911.',
  'mail.waitlistClosed.call': 'Or call {clinic} at {phone}.',
  'mail.waitlistClosed.callClinics': 'Our clinics’ phone numbers are on that page.',
  'sms.waitlistClosed':
    '{network}: you are off the waiting list for {visit} at {clinic}: {reason}. To book or join again: {link}',
} as const;
