/**
 * The pool against the bare loops in pairs run in turn (pool, bare loops, pool, bare loops, …). On a
 * machine shared with other work the load drifts over the minutes between the bench's single pool
 * row and its single bare-loops row, by more than the few percent the pool's target is about; two
 * runs seconds apart see nearly the same load, so the ratio is taken pair by pair and the median of
 * the pairs is the figure to quote.
 */
import { join } from 'node:path';
import { runBatch } from '../src/run/batch.js';
import { ceilingTiming } from './ceiling.js';
import { cpuMsSoFar } from './cpu.js';

export interface PoolPair {
  /** The pool's throughput over the bare loops' (documents per wall-clock second). */
  throughput: number;
  /** The bare loops' CPU per document over the pool's (parent and workers). */
  cpu: number;
}

export async function poolAgainstBareLoops(paths: string[], processes: number, outDir: string, pairs: number): Promise<PoolPair[]> {
  const found: PoolPair[] = [];
  for (let i = 0; i < pairs; i++) {
    let cpuBefore = cpuMsSoFar();
    // A fresh output folder each time: a journal left by an earlier run would be resumed, not parsed.
    const pool = await runBatch(
      paths.map((path) => ({ path, source: path })),
      { outDir: join(outDir, `pair-${i}`), workers: processes },
    );
    const poolCpuMs = cpuMsSoFar() - cpuBefore;
    cpuBefore = cpuMsSoFar();
    const bare = await ceilingTiming(paths, processes);
    const bareCpuMs = cpuMsSoFar() - cpuBefore;
    found.push({ throughput: bare.elapsedMs / pool.elapsedMs, cpu: bareCpuMs / poolCpuMs });
  }
  return found;
}

/** The middle value (the upper middle of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
