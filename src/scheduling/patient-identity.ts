/**
 * Is this the same person as a stored patient? Only on a strong match: the same birth date, the
 * same email or the same phone number, and the same given and family names compared without
 * accents, case or extra spaces ("José  Pérez" is "jose perez"). A partial match (same name and
 * birth date but a different email and phone) is a different record: people are never merged
 * on a guess. Pure; the store finds the candidates by birth date.
 */
import { fold } from './patient-search.js';

export interface PersonDetails {
  givenName: string;
  familyName: string;
  birthDate: string;
  /** At least one of email and phone is set (the patients table checks it). */
  email: string | null;
  phone: string | null;
}

export function normalizeName(name: string): string {
  return fold(name)
    .replace(/[\s-]+/g, ' ')
    .trim();
}

const digits = (phone: string | null) => (phone ?? '').replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
const lower = (email: string | null) => email?.trim().toLowerCase() ?? '';

export function samePerson(a: PersonDetails, b: PersonDetails): boolean {
  if (a.birthDate !== b.birthDate) return false;
  if (normalizeName(a.givenName) !== normalizeName(b.givenName)) return false;
  if (normalizeName(a.familyName) !== normalizeName(b.familyName)) return false;
  // A missing contact matches nothing: two people without email are not the same by that.
  const sameEmail = lower(a.email) !== '' && lower(a.email) === lower(b.email);
  const samePhone = digits(a.phone).length >= 7 && digits(a.phone) === digits(b.phone);
  return sameEmail || samePhone;
}
