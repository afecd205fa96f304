import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.js';

describe('staff passwords', () => {
  it('refuses short, common and our own documentation’s placeholder passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('Password1234')).toMatch(/too common/);
    expect(passwordProblem('a long passphrase')).toMatch(/too common/);
    expect(passwordProblem('<your own long passphrase>')).toMatch(/too common/);
    expect(passwordProblem('mesquite lantern orbit 7')).toBeUndefined();
  });
});
