/**
 * What a front-desk user typed to find a patient, as they type it: a name (accents and case do
 * not matter: "martinez" finds "Martínez"), a date of birth (YYYY-MM-DD or MM/DD/YYYY), an email
 * address, or a phone number (any punctuation; the digits are compared). Pure.
 */
import { Temporal } from 'temporal-polyfill';

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

function realDate(y: string, m: string, d: string): string | undefined {
  try {
    return Temporal.PlainDate.from({ year: +y, month: +m, day: +d }, { overflow: 'reject' }).toString();
  } catch {
    return undefined;
  }
}

export function parsePatientQuery(input: string): PatientQuery | undefined {
  const q = input.trim();
  if (q.length < 2) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  if (iso || us) {
    const date = iso ? realDate(iso[1]!, iso[2]!, iso[3]!) : realDate(us![3]!, us![1]!, us![2]!);
    return date ? { kind: 'birthDate', date } : undefined;
  }
  if (q.includes('@')) return { kind: 'email', email: q.toLowerCase() };
  const digits = q.replace(/\D/g, '');
  if (/^[\d\s().+-]+$/.test(q) && digits.length >= 4) return { kind: 'phone', digits };
  return { kind: 'name', folded: fold(q) };
}
