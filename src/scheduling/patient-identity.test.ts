import { describe, expect, it } from 'vitest';
import { normalizeName, samePerson } from './patient-identity.js';

const rosa = {
  givenName: 'Rosa',
  familyName: 'Pérez',
  birthDate: '1980-04-02',
  email: 'rosa@example.com',
  phone: '(480) 555-0100',
};

describe('patient identity', () => {
  it('compares names without accents, case or extra spaces', () => {
    expect(normalizeName('  José   PÉREZ-López ')).toBe('jose perez lopez');
  });

  it('is the same person with the same birth date, names and email or phone', () => {
    expect(samePerson(rosa, { ...rosa, familyName: 'perez', email: 'ROSA@example.com ' })).toBe(true);
    expect(samePerson(rosa, { ...rosa, email: 'new@example.com', phone: '+1 480 555 0100' })).toBe(true);
  });

  it('never merges on a partial match', () => {
    expect(samePerson(rosa, { ...rosa, email: 'other@example.com', phone: '602 555 0199' })).toBe(false);
    expect(samePerson(rosa, { ...rosa, birthDate: '1980-04-03' })).toBe(false);
    expect(samePerson(rosa, { ...rosa, givenName: 'Rosalía' })).toBe(false);
  });
});
