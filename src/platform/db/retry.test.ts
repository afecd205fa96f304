import { describe, expect, it } from 'vitest';
import { retryOnDeadlock } from './database.js';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('retryOnDeadlock', () => {
  it('runs the work again after a deadlock or serialization failure and returns its answer', async () => {
    const codes = ['40P01', '40001'];
    let calls = 0;
    const answer = await retryOnDeadlock(async () => {
      calls++;
      const code = codes.shift();
      if (code) throw pgError(code);
      return 'booked';
    });
    expect(answer).toBe('booked');
    expect(calls).toBe(3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      retryOnDeadlock(async () => {
        calls++;
        throw pgError('23P01');
      }),
    ).rejects.toMatchObject({ code: '23P01' });
    expect(calls).toBe(1);
  });

  it('gives up after the last attempt with the database error', async () => {
    let calls = 0;
    await expect(
      retryOnDeadlock(async () => {
        calls++;
        throw pgError('40P01');
      }, 3),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(calls).toBe(3);
  });
});
