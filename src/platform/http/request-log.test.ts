import { describe, expect, it } from 'vitest';
import { redactedError } from './request-log.js';

describe('errors as the log gets them', () => {
  it('replaces token-like runs in the message and the stack', () => {
    const token = 'Zx9_'.repeat(11);
    const logged = redactedError(new Error(`invalid input syntax for type uuid: "${token}"`));
    expect(JSON.stringify(logged)).not.toContain(token);
    expect(logged.message).toBe('invalid input syntax for type uuid: ":token"');
    expect(logged.type).toBe('Error');
  });
});
