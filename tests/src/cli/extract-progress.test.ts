/** extract's progress off a terminal: a line every few seconds with rate and ETA, none with --quiet. */
import { describe, expect, it } from 'vitest';
import { createExtractProgress, PROGRESS_LINE_SECONDS, progressLine } from '../../../src/cli/extract-progress.js';
import type { BatchProgress } from '../../../src/run/batch.js';

const step = (done: number, status: BatchProgress['status'] = 'ok'): BatchProgress => ({ done, total: 10, status, source: `d${done}.pdf`, resumed: false, record: { error: 'x' } as BatchProgress['record'] });

describe('extract progress when stderr is not a terminal', () => {
  it('writes a line with done, rate, ETA and failures every few seconds, and one at the end', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = createExtractProgress(10, { isTTY: false, write: (l) => lines.push(l), now: () => clock });
    for (let done = 1; done <= 10; done++) {
      clock += 1000; // one document a second
      progress.update(step(done, done === 3 ? 'failed' : 'ok'));
    }
    progress.stop();
    expect(PROGRESS_LINE_SECONDS).toBe(5);
    expect(lines).toEqual(['extract: 5/10 (50%), 1.0 docs/s, ETA 5 s, 1 failed', 'extract: 10/10 (100%), 1.0 docs/s, 1 failed']);
  });

  it('adds a line per document with --verbose and says nothing with --quiet or --json', () => {
    const verbose: string[] = [];
    const v = createExtractProgress(10, { isTTY: false, verbose: true, write: (l) => verbose.push(l), now: () => 0 });
    v.update(step(1, 'failed'));
    expect(verbose[0]).toBe('failed  d1.pdf: x');
    for (const flags of [{ quiet: true }, { json: true }]) {
      const lines: string[] = [];
      const p = createExtractProgress(10, { ...flags, isTTY: false, write: (l) => lines.push(l), now: () => 1e9 });
      p.update(step(10));
      expect(lines).toEqual([]);
      expect(p.done).toBe(10);
    }
  });

  it('states ETA in seconds, minutes or hours', () => {
    expect(progressLine(1, 1000, 0.5, 0)).toBe('extract: 1/1000 (0%), 0.5 docs/s, ETA 33 min');
  });
});
