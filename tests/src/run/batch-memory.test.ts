import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchProgress } from '../../../src/run/batch.js';
import { tempDir } from './helpers.js';

const faultWorker = fileURLToPath(new URL('../../fixtures/run/fault-worker.mjs', import.meta.url));

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('runBatch memory', () => {
  it('holds no finished record once it is journalled, and reads one back when asked for', async () => {
    const dir = tempDir('batch-memory');
    const count = 60;
    const inputs = Array.from({ length: count }, (_, i) => {
      const path = join(dir, `big-${i}.txt`);
      writeFileSync(path, `document ${i}`);
      return { path, source: `big-${i}` };
    });
    const progress: BatchProgress[] = [];
    let heldBytes = 0;
    const summary = await runBatch(inputs, {
      outDir: join(dir, 'out'),
      workers: 1,
      workerEntry: faultWorker,
      onProgress: (p) => {
        progress.push(p);
        if (p.done < count) return;
        // The last document: every record is journalled and, unless held, garbage. Two collections: on a
        // loaded machine one left buffers whose finalisers had not yet run (a run once measured over 20 MiB).
        gc();
        gc();
        heldBytes = process.memoryUsage().arrayBuffers;
      },
    });
    expect(summary.ok).toBe(count);
    // 60 records of 1 MiB each: held, they were over 60 MiB (65.8 measured); released, a few at most remain.
    expect(heldBytes).toBeLessThan(30 * 1024 * 1024);
    const first = progress[0].record as unknown as { source: string; pad: string };
    expect([first.source, first.pad.length]).toEqual([progress[0].source, 1 << 20]);
  });
});
