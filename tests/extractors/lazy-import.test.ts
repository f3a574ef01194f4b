import { describe, expect, it } from 'vitest';
import { lazyImport } from '../../extractors/lazy-import.js';

describe('lazyImport', () => {
  it('loads on the first call only, and every call gets the same module', async () => {
    let loads = 0;
    const load = lazyImport(async () => ({ n: ++loads }));
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('tries again after a failed load', async () => {
    let calls = 0;
    const load = lazyImport(async () => {
      calls++;
      if (calls === 1) throw new Error('not there yet');
      return 'module';
    });
    await expect(load()).rejects.toThrow('not there yet');
    expect(await load()).toBe('module');
    expect(await load()).toBe('module');
    expect(calls).toBe(2);
  });
});
