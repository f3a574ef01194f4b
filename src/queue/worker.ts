/**
 * `nianbao worker`: takes crawl jobs (crawl-worker.ts) and extract jobs of every run in Redis and parses each in the same isolated
 * worker-process pool, under the same limits, as a local run (src/run/pool.ts through batch.ts's
 * parse, crash retry included). BullMQ holds a lock on each job while it runs; a worker killed mid-job
 * stops renewing it, and after lockMs another worker takes the job again (stalled-job detection).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type Job } from 'bullmq';
import { WorkerPool } from '../run/pool.js';
import { parse } from '../run/batch.js';
import { settingsHash } from '../run/settings.js';
import type { Limits } from '../limits.js';
import { connect, connectionOptions, quietErrors } from './connection.js';
import { getRun, listRuns, queueName, QUEUE_PREFIX, type RunInfo } from './runs.js';
import { jobPath, preparedFromJob, type ExtractJobData, type ExtractJobResult } from './job.js';
import { CrawlRunListener, type CrawlWorkerOptions } from './crawl-worker.js';

export interface QueueWorkerOptions {
  url: string;
  /** Worker processes in this machine's pool (default: one per core). */
  workers: number;
  /** How long a job stays locked to a worker that stopped answering before it is taken again, ms. */
  lockMs?: number;
  /** Times a job may lose its worker (killed, machine gone) before it ends failed. */
  maxStalls?: number;
  /** How often the run registry is read for new runs, ms. */
  pollMs?: number;
  /** Fork this script instead of the compiled worker (tests). */
  workerEntry?: string;
  signal?: AbortSignal;
  /** A job taken ('start') or finished ('done'), for logs and tests. */
  onJob?: (event: 'start' | 'done', runId: string, data: ExtractJobData, result?: ExtractJobResult) => void;
  /** Crawl jobs: private addresses this worker may fetch (default none), and one call per URL taken/done. */
  crawl?: Pick<CrawlWorkerOptions, 'allowPrivateNetwork' | 'onJob' | 'log'>;
  /** Something this worker will not do (a run enqueued with other settings). */
  onWarning?: (message: string) => void;
}

export const DEFAULT_LOCK_MS = 30_000;
export const DEFAULT_MAX_STALLS = 2;

export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  const redis = await connect(options.url);
  const pools = new Map<string, WorkerPool>();
  const listening = new Map<string, Worker<ExtractJobData, ExtractJobResult, 'extract'>>();
  const skipped = new Set<string>();
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
  const crawls = new CrawlRunListener(redis, {
    url: options.url,
    lockMs,
    maxStalls: options.maxStalls ?? DEFAULT_MAX_STALLS,
    allowPrivateNetwork: options.crawl?.allowPrivateNetwork ?? false,
    onJob: options.crawl?.onJob,
    log: options.crawl?.log,
    onWarning: options.onWarning,
  });

  const poolFor = (limits: Limits): WorkerPool => {
    const id = JSON.stringify(limits);
    let pool = pools.get(id);
    if (!pool) {
      pool = new WorkerPool({ size: options.workers, workerMemoryMb: limits.workerMemoryMb, workerHeapMb: limits.workerHeapMb, documentTimeoutMs: limits.documentTimeoutMs, workerEntry: options.workerEntry });
      pool.warm();
      pools.set(id, pool);
    }
    return pool;
  };

  const listen = async (run: RunInfo): Promise<void> => {
    // Records depend on the extractor version and the limits: a worker of another version would write different ones.
    const mine = await settingsHash(run.limits);
    if (mine !== run.settingsHash) {
      skipped.add(run.id);
      options.onWarning?.(`run ${run.id} skipped: enqueued with settings ${run.settingsHash}, this worker's version gives ${mine}`);
      return;
    }
    const pool = poolFor(run.limits);
    const worker = new Worker<ExtractJobData, ExtractJobResult, 'extract'>(
      queueName(run.id),
      async (job: Job<ExtractJobData, ExtractJobResult, 'extract'>) => {
        options.onJob?.('start', run.id, job.data);
        const result = await runJob(job.data, pool, run.limits);
        options.onJob?.('done', run.id, job.data, result);
        return result;
      },
      {
        connection: connectionOptions(options.url),
        prefix: QUEUE_PREFIX,
        // One job in hand per worker process: a machine that dies takes down (and delays) only the
        // documents it was parsing, so an innocent document rarely shares a poison one's stalls.
        concurrency: options.workers,
        lockDuration: lockMs,
        stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
        maxStalledCount: options.maxStalls ?? DEFAULT_MAX_STALLS,
      },
    );
    worker.on('error', (err) => options.onWarning?.(`run ${run.id}: ${err.message}`));
    listening.set(run.id, worker);
  };

  const refresh = async (): Promise<void> => {
    const ids = await listRuns(redis);
    for (const id of ids) {
      if (listening.has(id) || skipped.has(id)) continue;
      const run = await getRun(redis, id);
      if (run) await listen(run);
    }
    // A removed run: stop listening to its queue.
    for (const [id, worker] of listening) {
      if (!ids.includes(id)) {
        listening.delete(id);
        await worker.close();
      }
    }
  };

  try {
    while (!options.signal?.aborted) {
      await refresh().catch((err: Error) => options.onWarning?.(`reading the run registry: ${err.message}`));
      await crawls.refresh().catch((err: Error) => options.onWarning?.(`reading the crawl registry: ${err.message}`));
      await sleep(options.pollMs ?? 500, options.signal);
    }
  } finally {
    // Jobs in hand finish and are recorded; none is left locked.
    await Promise.all([...listening.values()].map((w) => w.close()));
    await crawls.close();
    await Promise.all([...pools.values()].map((p) => p.close()));
    redis.disconnect();
  }
}

/** One job to its record: the bytes into a temporary file named like the input, then the pool. */
async function runJob(data: ExtractJobData, pool: WorkerPool, limits: Limits): Promise<ExtractJobResult> {
  let dir: string | undefined;
  let path = jobPath(data);
  try {
    if (data.bytes !== undefined) {
      dir = await mkdtemp(join(tmpdir(), 'nianbao-job-'));
      path = join(dir, data.name);
      await writeFile(path, Buffer.from(data.bytes, 'base64'));
    }
    const finished = await parse(preparedFromJob(data, path), pool, limits);
    return { json: finished.json, status: finished.status, error: finished.error, elapsedMs: finished.elapsedMs ?? 0 };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolveSleep) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolveSleep();
    }
    signal?.addEventListener('abort', done);
  });
}
