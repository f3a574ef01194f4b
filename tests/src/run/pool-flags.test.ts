import { describe, expect, it } from 'vitest';
import { backgroundThreadFlags, youngGenerationFlags } from '../../../src/run/pool.js';

describe('worker V8 flags', () => {
  it('give workers a semi-space of a sixteenth of the RSS cap, between V8 default (16 MiB) and 64 MiB', () => {
    expect(youngGenerationFlags(512)).toEqual(['--max-semi-space-size=32']);
    expect(youngGenerationFlags(768)).toEqual(['--max-semi-space-size=48']);
    expect(youngGenerationFlags(4096)).toEqual(['--max-semi-space-size=64']);
    // Small caps (tests, tight limits) keep V8's own young generation.
    expect(youngGenerationFlags(256)).toEqual([]);
    expect(youngGenerationFlags(64)).toEqual([]);
  });

  it('collect garbage on the main thread only when every core has a worker', () => {
    expect(backgroundThreadFlags(true)).toEqual(['--v8-pool-size=1', '--single-threaded-gc']);
    expect(backgroundThreadFlags(false)).toEqual(['--v8-pool-size=1']);
  });
});
