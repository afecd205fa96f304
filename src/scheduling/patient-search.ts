/**
 * What a front-desk user typed to find a patient, as they type it: a name (accents and case do
 * not matter: "martinez" finds "Martínez"), a date of birth (YYYY-MM-DD or MM/DD/YYYY), an email
 * address, or a phone number (any punctuation; the digits are compared). Pure.
 */
import { parseTypedDate } from '../platform/i18n/format.js';

export type PatientQuery =
  | { kind: 'name'; folded: string }
  | { kind: 'birthDate'; date: string }
  | { kind: 'email'; email: string }
  | { kind: 'phone'; digits: string };

/** Lower case without accents: the form names are compared in (SQL: FOLD_SQL). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const ACCENTED = 'áàäâãåéèëêíìïîóòöôõúùüûñçý';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuuncy';
/** SQL for fold() of a column (Spanish and common Latin accents). */
export const FOLD_SQL = (column: string) => `translate(lower(${column}), '${ACCENTED}', '${PLAIN}')`;

export function parsePatientQuery(input: string): PatientQuery | undefined {
  const q = input.trim();
  if (q.length < 2) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(q)) {
    const date = parseTypedDate(q);
    return date ? { kind: 'birthDate', date } : undefined;
  }
  if (q.includes('@')) return { kind: 'email', email: q.toLowerCase() };
  const digits = q.replace(/\D/g, '');
  if (/^[\d\s().+-]+$/.test(q) && digits.length >= 4) return { kind: 'phone', digits };
  return { kind: 'name', folded: fold(q) };
}
