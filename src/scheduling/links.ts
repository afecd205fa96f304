import type { Locale } from '../platform/i18n/i18n.js';

/** The private link to a visit, in the patient's language. */
export function manageUrl(publicUrl: string, token: string, language: Locale = 'en') {
  return `${publicUrl}${language === 'es' ? '/es' : ''}/appointments/manage/${token}`;
}

export function bookUrl(publicUrl: string, language: Locale = 'en') {
  return `${publicUrl}${language === 'es' ? '/es' : ''}/book`;
}

/**
 * A clinic's public page: the link a calendar event carries. Calendars copy events to the cloud,
 * so events never carry the private link to the visit (that stays in the email).
 */
export function clinicUrl(publicUrl: string, clinicSlug: string, language: Locale = 'en') {
  return `${publicUrl}${language === 'es' ? '/es' : ''}/clinics/${clinicSlug}`;
}
