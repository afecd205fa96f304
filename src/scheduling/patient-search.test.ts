import { describe, expect, it } from 'vitest';
import { fold, parsePatientQuery } from './patient-search.js';

describe('what the front desk types to find a patient', () => {
  it('reads names without accents or case, dates in two forms, emails and phone numbers', () => {
    expect(parsePatientQuery('Martínez')).toEqual({ kind: 'name', folded: 'martinez' });
    expect(parsePatientQuery('  NÚÑEZ ')).toEqual({ kind: 'name', folded: 'nunez' });
    expect(parsePatientQuery('1944-04-14')).toEqual({ kind: 'birthDate', date: '1944-04-14' });
    expect(parsePatientQuery('4/14/1944')).toEqual({ kind: 'birthDate', date: '1944-04-14' });
    expect(parsePatientQuery('02/30/1980')).toBeUndefined();
    expect(parsePatientQuery('Rosa@Example.com')).toEqual({ kind: 'email', email: 'rosa@example.com' });
    expect(parsePatientQuery('(480) 555-0144')).toEqual({ kind: 'phone', digits: '4805550144' });
    expect(parsePatientQuery('a')).toBeUndefined();
    expect(fold('José Pérez')).toBe('jose perez');
  });
});
