/**
 * `nianbao collect`: waits until a run's jobs have all ended, copies their records from Redis into
 * <out>/.nianbao (the journal and input list a local run keeps there), then writes the datasets through
 * the same function as a local run (writeDatasets): the same records give the same bytes.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { Queue, type Job } from 'bullmq';
import PQueue from 'p-queue';
import { Journal, writeManifest } from '../run/journal.js';
import { refused } from '../run/batch.js';
import { atomicWrite } from '../util/atomic.js';
import { publishDatasets, writeDatasets } from '../extract-run.js';
import { newSummary, type RunSummary } from '../run-summary.js';
import { connect, connectionOptions, quietErrors } from './connection.js';
import { getRun, listRuns, queueName, runInputs, QUEUE_PREFIX, type RunInfo } from './runs.js';
import { jobId, preparedFromJob, type ExtractJobData, type ExtractJobResult } from './job.js';
import type { Redis } from 'ioredis';

export interface CollectOptions {
  url: string;
  /** Default: the newest run. */
  runId?: string;
  outDir: string;
  pollMs?: number;
  signal?: AbortSignal;
  /** While waiting: the run's counts. */
  onWaiting?: (counts: RunCounts, run: RunInfo) => void;
}

export interface RunCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export { RunNotFoundError, CollectInterruptedError } from './url.js';
import { RunNotFoundError, CollectInterruptedError } from './url.js';

export async function collectRun(options: CollectOptions): Promise<RunSummary> {
  const started = Date.now();
  const redis = await connect(options.url);
  try {
    const runId = await resolveRunId(redis, options.runId);
    const queue = quietErrors(new Queue<ExtractJobData, ExtractJobResult, 'extract'>(queueName(runId), { connection: connectionOptions(options.url), prefix: QUEUE_PREFIX }));
    try {
      const run = await waitForRun(redis, queue, runId, options);
      const summary = newSummary(run.missing);
      await mkdir(options.outDir, { recursive: true });
      const inputs = await runInputs(redis, runId);
      const journal = await Journal.open(options.outDir);
      let resumed = 0;
      try {
        const reads = new PQueue({ concurrency: 32 });
        // The first input with a key names its record, as in a local run.
        const firstSource = new Map<string, string>();
        for (const i of inputs) if (!firstSource.has(i.key)) firstSource.set(i.key, i.source);
        await Promise.all(
          [...firstSource].map(([key, source]) =>
            reads.add(async () => {
              if (journal.has(key)) return void resumed++;
              const job = (await queue.getJob(jobId(key))) as Job<ExtractJobData, ExtractJobResult, 'extract'> | undefined;
              const { json, elapsedMs, finishedOn } = jobRecord(job, key, source);
              journal.appendJson({ key, source, elapsedMs, finishedAt: new Date(finishedOn).toISOString() }, json);
            }),
          ),
        );
      } finally {
        journal.close();
      }
      await writeManifest(options.outDir, { settingsHash: run.settingsHash, inputs });
      await writeDatasets(options.outDir, summary);
      summary.finished_at = new Date().toISOString();
      summary.seconds = (Date.now() - started) / 1000;
      summary.resumed = resumed;
      await publishDatasets(options.outDir, summary);
      return summary;
    } finally {
      await queue.close();
    }
  } finally {
    redis.disconnect();
  }
}

async function resolveRunId(redis: Redis, given: string | undefined): Promise<string> {
  if (given) return given;
  const runs = await listRuns(redis);
  if (!runs.length) throw new RunNotFoundError('no run in this queue: enqueue one with `nianbao extract … --queue`');
  return runs[runs.length - 1];
}

/** Until the run is sealed (every input enqueued) and no job is waiting or running. */
async function waitForRun(redis: Redis, queue: Queue<ExtractJobData, ExtractJobResult, 'extract'>, runId: string, options: CollectOptions): Promise<RunInfo> {
  for (;;) {
    const run = await getRun(redis, runId);
    if (!run) throw new RunNotFoundError(`no run ${runId} in this queue (see \`nianbao queue status\`)`);
    const counts = await runCounts(queue);
    if (run.sealed && counts.waiting + counts.active + counts.delayed === 0) return run;
    if (options.signal?.aborted) throw new CollectInterruptedError(`collect of run ${runId} interrupted before the run ended; the run goes on: collect it later`);
    options.onWaiting?.(counts, run);
    await new Promise((r) => setTimeout(r, options.pollMs ?? 1000));
  }
}

export async function runCounts(queue: Queue): Promise<RunCounts> {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed');
  return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0 };
}

/**
 * A job's record: the worker's answer, or — for a job that ended failed in the queue (it threw on every
 * attempt, or its workers died under it too often) — a failed record saying so, as a local run writes
 * one for a document that kills its worker.
 */
function jobRecord(job: Job<ExtractJobData, ExtractJobResult, 'extract'> | undefined, key: string, source: string): { json: string; elapsedMs: number; finishedOn: number } {
  if (!job) {
    const data: ExtractJobData = { key, source, sha256: key.split(':')[0], sizeBytes: 0, format: 'unknown', bytesRead: true, name: '' };
    return { json: JSON.stringify(refused(preparedFromJob(data, ''), 'crash: the job of this document is gone from the queue (removed before collecting?)')), elapsedMs: 0, finishedOn: Date.now() };
  }
  const finishedOn = job.finishedOn ?? Date.now();
  if (job.returnvalue && typeof job.returnvalue.json === 'string') return { json: job.returnvalue.json, elapsedMs: job.returnvalue.elapsedMs, finishedOn };
  const reason = `crash: queue job failed after ${job.attemptsMade} attempt(s): ${job.failedReason ?? 'no reason given'}`;
  return { json: JSON.stringify(refused(preparedFromJob(job.data, ''), reason)), elapsedMs: 0, finishedOn };
}
