import { describe, expect, it } from 'vitest';
import { formatScope, grantScopes, parseScope, parseScopes, permits } from './scopes.js';

const scopes = (text: string) => parseScopes(text).scopes;

describe('SMART system scopes', () => {
  it('reads v2 scopes, and v1 .read/.write/.* as their v2 equivalents', () => {
    expect(formatScope(parseScope('system/Appointment.rs')!)).toBe('system/Appointment.rs');
    expect(formatScope(parseScope('system/Appointment.read')!)).toBe('system/Appointment.rs');
    expect(formatScope(parseScope('system/Appointment.write')!)).toBe('system/Appointment.cud');
    expect(formatScope(parseScope('system/*.*')!)).toBe('system/*.cruds');
  });

  it('refuses what is not a system scope, or v2 letters out of order or repeated', () => {
    for (const bad of [
      'patient/Appointment.rs',
      'system/Appointment.sr',
      'system/Appointment.rr',
      'openid',
      'system/appointment.rs',
      'system/Appointment.rs?x=1',
    ])
      expect(parseScope(bad), bad).toBeUndefined();
    expect(parseScopes('system/Slot.rs launch').unknown).toEqual(['launch']);
  });

  it('permits by resource type and letter, with * for any type', () => {
    const s = scopes('system/Appointment.rs system/*.r');
    expect(permits(s, 'Appointment', 's')).toBe(true);
    expect(permits(s, 'Patient', 'r')).toBe(true);
    expect(permits(s, 'Patient', 's')).toBe(false);
    expect(permits(s, 'Appointment', 'c')).toBe(false);
  });

  it('grants each requested scope narrowed to what the client is registered for', () => {
    const allowed = scopes('system/Appointment.rs system/Patient.r');
    const fmt = (g: ReturnType<typeof grantScopes>) => g.map(formatScope);
    expect(fmt(grantScopes(scopes('system/Appointment.cruds'), allowed))).toEqual(['system/Appointment.rs']);
    expect(fmt(grantScopes(scopes('system/*.read'), allowed))).toEqual([
      'system/Appointment.rs',
      'system/Patient.r',
    ]);
    expect(fmt(grantScopes(scopes('system/Slot.rs'), allowed))).toEqual([]);
    expect(fmt(grantScopes([], allowed))).toEqual(['system/Appointment.rs', 'system/Patient.r']);
  });
});
