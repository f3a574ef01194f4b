import { describe, expect, it } from 'vitest';
import { limitConcurrency } from '../../../src/run/limit.js';

/** A task that waits until released, recording when it started. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolveGate) => (open = resolveGate));
  return { promise, open };
}

describe('limitConcurrency', () => {
  it('runs at most N tasks at once, starting them in the order they were handed over', async () => {
    const run = limitConcurrency(2);
    const started: number[] = [];
    let active = 0;
    let most = 0;
    const gates = Array.from({ length: 6 }, () => gate());
    const results = gates.map((g, i) =>
      run(async () => {
        started.push(i);
        active++;
        most = Math.max(most, active);
        await g.promise;
        active--;
        return i * 10;
      }),
    );
    // The first two start at once (synchronously, as p-queue started them), the rest wait.
    expect(started).toEqual([0, 1]);
    gates[1].open();
    await results[1];
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('passes a rejection or a synchronous throw to its caller and goes on with the next tasks', async () => {
    const run = limitConcurrency(1);
    const failing = run(async () => {
      throw new Error('rejected');
    });
    const throwing = run((() => {
      throw new Error('thrown');
    }) as () => Promise<never>);
    const after = run(async () => 'after');
    await expect(failing).rejects.toThrow('rejected');
    await expect(throwing).rejects.toThrow('thrown');
    await expect(after).resolves.toBe('after');
  });

  it('refuses a concurrency under one', () => {
    expect(() => limitConcurrency(0)).toThrow(RangeError);
  });
});
