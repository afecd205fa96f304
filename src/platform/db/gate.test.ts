import { describe, expect, it } from 'vitest';
import { Gate, ServiceBusy } from './gate.js';

const later = () => {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
};

describe('Gate', () => {
  it('lets `slots` through at once and the rest in order as each leaves', async () => {
    const gate = new Gate(2);
    const order: number[] = [];
    const holds = [later(), later(), later()];
    const runs = holds.map((h, i) =>
      gate.run(async () => {
        order.push(i);
        await h.p;
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([0, 1]);
    holds[0]!.open();
    await runs[0];
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([0, 1, 2]);
    holds[1]!.open();
    holds[2]!.open();
    await Promise.all(runs);
  });

  it('answers ServiceBusy (503) when the queue is full or the wait is too long', async () => {
    const gate = new Gate(1, 1, 30);
    const hold = later();
    const first = gate.run(() => hold.p);
    const second = gate.run(async () => 'second');
    await expect(gate.run(async () => 'third')).rejects.toBeInstanceOf(ServiceBusy);
    await expect(second).rejects.toMatchObject({ status: 503 });
    hold.open();
    await first;
    expect(await gate.run(async () => 'free again')).toBe('free again');
  });
});
