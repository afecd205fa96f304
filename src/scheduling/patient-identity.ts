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
  email: string;
  phone: string;
}

export function normalizeName(name: string): string {
  return fold(name)
    .replace(/[\s-]+/g, ' ')
    .trim();
}

const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

export function samePerson(a: PersonDetails, b: PersonDetails): boolean {
  if (a.birthDate !== b.birthDate) return false;
  if (normalizeName(a.givenName) !== normalizeName(b.givenName)) return false;
  if (normalizeName(a.familyName) !== normalizeName(b.familyName)) return false;
  const sameEmail = a.email.trim().toLowerCase() === b.email.trim().toLowerCase();
  const samePhone = digits(a.phone).length >= 7 && digits(a.phone) === digits(b.phone);
  return sameEmail || samePhone;
}
