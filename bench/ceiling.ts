/**
 * The machine's own ceiling for a format: the same documents extracted by N bare loops in N separate
 * processes (no pool, no journal, no parent work), timed together. How far N such processes beat
 * one is as much as any pool of N workers can gain on this machine: the rest of the runBatch rows'
 * difference is the pool's own cost.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PeakMemorySampler } from '../src/run/memory.js';
import type { Timing } from './reference.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'ceiling-child.js');

function loop(paths: string[]): Promise<void> {
  return new Promise((resolveLoop, rejectLoop) => {
    const child = spawn(process.execPath, [CHILD], { stdio: ['pipe', 'ignore', 'inherit'] });
    child.on('error', rejectLoop);
    child.on('exit', (code) => (code === 0 ? resolveLoop() : rejectLoop(new Error(`ceiling loop exited with ${code}`))));
    child.stdin.end(JSON.stringify(paths));
  });
}

export async function ceilingTiming(paths: string[], processes: number): Promise<Timing> {
  const sampler = new PeakMemorySampler(100).start();
  const started = Date.now();
  const shares = Array.from({ length: processes }, (_, i) => paths.filter((_, j) => j % processes === i));
  await Promise.all(shares.map(loop));
  return { documents: paths.length, failed: 0, elapsedMs: Date.now() - started, peakRssBytes: sampler.stop() };
}
