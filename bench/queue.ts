/**
 * The queue section of the bench (`--queue`): the same documents through Redis — enqueue, N
 * `nianbao worker` processes of one pool worker each, collect into a fresh folder — timed from the
 * first enqueue to the written datasets, worker start-up included as runBatch's is.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enqueueRun } from '../src/queue/enqueue.js';
import { collectRun } from '../src/queue/collect.js';
import { PeakMemorySampler } from '../src/run/memory.js';
import { startRedis } from './redis-server.js';

const cli = fileURLToPath(new URL('../../bin/nianbao.js', import.meta.url));

export interface QueueTiming {
  documents: number;
  failed: number;
  elapsedMs: number;
  peakRssBytes: number;
}

export async function queueTiming(paths: string[], workerProcesses: number, outDir: string): Promise<QueueTiming> {
  const redis = await startRedis();
  const sampler = new PeakMemorySampler(100).start();
  const started = Date.now();
  const workers = Array.from({ length: workerProcesses }, () => spawn(process.execPath, [cli, 'worker', '--queue', redis.url, '--workers', '1'], { stdio: 'ignore' }));
  const exited = workers.map((w) => new Promise<void>((r) => w.once('exit', () => r())));
  try {
    await enqueueRun(paths.map((path) => ({ path, source: path })), { url: redis.url, runId: 'bench' });
    const summary = await collectRun({ url: redis.url, runId: 'bench', outDir: join(outDir), pollMs: 100 });
    const elapsedMs = Date.now() - started;
    return { documents: paths.length, failed: summary.failed, elapsedMs, peakRssBytes: sampler.stop() };
  } finally {
    for (const w of workers) w.kill('SIGINT');
    await Promise.all(exited);
    sampler.stop();
    await redis.stop();
  }
}
