/**
 * The machine's own ceiling for a format: the same documents extracted by N bare loops in N separate
 * processes (no pool, no journal, no parent work), with the V8 settings the pool gives its workers,
 * timed together. How far N such processes beat one is as much as a pool of N workers can gain on
 * this machine; the difference between these rows and the runBatch rows is the pool's own cost.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { PeakMemorySampler } from '../src/run/memory.js';
import { backgroundThreadFlags, youngGenerationFlags } from '../src/run/pool.js';
import type { Timing } from './reference.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'ceiling-child.js');

function loop(paths: string[], coresShared: boolean): Promise<void> {
  return new Promise((resolveLoop, rejectLoop) => {
    const flags = [`--max-old-space-size=${DEFAULT_LIMITS.workerHeapMb}`, ...youngGenerationFlags(DEFAULT_LIMITS.workerMemoryMb), ...backgroundThreadFlags(coresShared)];
    // Detached like the pool's workers: a process in a session of its own is also a scheduling group
    // of its own (Linux autogroup), which on a host busy with other sessions gets it a larger share of
    // the CPU; a reference loop left in the bench's session would lose that share and the comparison.
    const child = spawn(process.execPath, [...flags, CHILD], { stdio: ['pipe', 'ignore', 'inherit'], detached: true });
    child.on('error', rejectLoop);
    child.on('exit', (code) => (code === 0 ? resolveLoop() : rejectLoop(new Error(`ceiling loop exited with ${code}`))));
    child.stdin.end(JSON.stringify(paths));
  });
}

export async function ceilingTiming(paths: string[], processes: number): Promise<Timing> {
  const sampler = new PeakMemorySampler(100).start();
  const started = Date.now();
  const shares = Array.from({ length: processes }, (_, i) => paths.filter((_, j) => j % processes === i));
  await Promise.all(shares.map((share) => loop(share, processes >= availableParallelism())));
  return { documents: paths.length, failed: 0, elapsedMs: Date.now() - started, peakRssBytes: sampler.stop() };
}
