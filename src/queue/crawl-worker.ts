/**
 * The crawl side of `nianbao worker`: takes frontier jobs of every crawl run in Redis and fetches each
 * through the local crawler's own unit (fetchEntry: robots.txt, the guarded agent, retries, storage,
 * metadata, link discovery), with politeness held in Redis across all workers (host-gate.ts).
 *
 * A job whose host is busy (another worker's request, or its delay not over) goes back to the queue,
 * delayed until about when the host is free, so one slow host never holds a worker. Each result is
 * committed before the links it revealed are enqueued: a worker killed at any point leaves either no
 * result (the job, its BullMQ lock lapsed, is fetched again) or a result whose links are enqueued again
 * when the job is retaken (no fetch: the committed result is reused).
 */
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PrivateNetworkAllowance } from '../crawl/address-guard.js';
import { fetchEntry, type EntryDeps } from '../crawl/fetch-entry.js';
import { resolveOptions, type ResolvedCrawlOptions } from '../crawl/options.js';
import { openFetchSession, type FetchSession } from '../crawl/session.js';
import type { FrontierEntry } from '../crawl/store.js';
import { connectionOptions, quietErrors } from './connection.js';
import {
  commitResult, crawlQueueName, getCrawlRun, getResult, listCrawlRuns, redisRobotsMemory, takeFetchBudget, urlJobId,
  type CrawlJobData, type CrawlResult, type CrawlRunInfo,
} from './crawl-runs.js';
import { RedisHostGate } from './host-gate.js';
import { QUEUE_PREFIX } from './runs.js';

export interface CrawlWorkerOptions {
  url: string;
  /** The BullMQ job lock and the host lock: a dead worker's job and host are free again after this long. */
  lockMs: number;
  maxStalls: number;
  /**
   * Private addresses this worker may fetch. A run asking for them gets at most this (default none): whoever
   * can write to Redis must not be able to point the workers at their own network.
   */
  allowPrivateNetwork: PrivateNetworkAllowance;
  onJob?: (event: 'start' | 'done', runId: string, url: string, result?: CrawlResult) => void;
  onWarning?: (message: string) => void;
  /** The crawler's log lines (retries, refusals), as `crawl -v` prints them; default silent. */
  log?: (line: string) => void;
}

/** The crawl job options: kept after they end (the status counts them), retried on a thrown bug. */
export const CRAWL_JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false } as const;

interface Listening {
  worker: Worker<CrawlJobData, void, 'crawl'>;
  queue: Queue<CrawlJobData, void, 'crawl'>;
  session: FetchSession;
}

/** Adds frontier entries as jobs; entries already in the run (any state) are left alone. */
export async function enqueueEntries(queue: Queue<CrawlJobData, void, 'crawl'>, entries: FrontierEntry[]): Promise<void> {
  if (entries.length) await queue.addBulk(entries.map((entry) => ({ name: 'crawl' as const, data: { entry }, opts: { ...CRAWL_JOB_OPTIONS, jobId: urlJobId(entry.url) } })));
}

export function openCrawlQueue(url: string, runId: string): Queue<CrawlJobData, void, 'crawl'> {
  return quietErrors(new Queue<CrawlJobData, void, 'crawl'>(crawlQueueName(runId), { connection: connectionOptions(url), prefix: QUEUE_PREFIX }));
}

export class CrawlRunListener {
  private readonly listening = new Map<string, Listening>();
  private readonly gate: RedisHostGate;

  constructor(
    private readonly redis: Redis,
    private readonly options: CrawlWorkerOptions,
  ) {
    this.gate = new RedisHostGate(redis, options.lockMs);
  }

  /** Starts on runs new in the registry, stops on removed ones. */
  async refresh(): Promise<void> {
    const ids = await listCrawlRuns(this.redis);
    for (const id of ids) {
      if (this.listening.has(id)) continue;
      const run = await getCrawlRun(this.redis, id);
      if (run) this.listen(run);
    }
    for (const [id, listening] of this.listening) {
      if (!ids.includes(id)) {
        this.listening.delete(id);
        await this.stop(listening);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.listening.values()].map((l) => this.stop(l)));
    this.listening.clear();
  }

  private async stop(listening: Listening): Promise<void> {
    await listening.worker.close();
    await listening.queue.close();
    await listening.session.close();
  }

  private listen(run: CrawlRunInfo): void {
    const options = this.runOptions(run);
    const scheduler = this.gate.turnsFor(options.perHostDelayMs);
    const session = openFetchSession(options, scheduler, redisRobotsMemory(this.redis, run.id));
    const deps: EntryDeps = {
      options,
      scheduler,
      resources: { resource: async (url) => (await getResult(this.redis, run.id, url))?.row ?? undefined },
      robots: session.robots,
      fetchContext: session.fetchContext,
      retryPolicy: session.retryPolicy,
      now: () => new Date().toISOString(),
    };
    const queue = openCrawlQueue(this.options.url, run.id);
    const worker = new Worker<CrawlJobData, void, 'crawl'>(
      crawlQueueName(run.id),
      async (job, token) => this.process(run.id, job, token, deps, queue),
      {
        connection: connectionOptions(this.options.url),
        prefix: QUEUE_PREFIX,
        // Jobs in hand per worker: hosts crawled side by side (each host one request at a time, over all workers).
        concurrency: options.hostParallelism,
        lockDuration: this.options.lockMs,
        stalledInterval: Math.max(1000, Math.floor(this.options.lockMs / 2)),
        maxStalledCount: this.options.maxStalls,
      },
    );
    worker.on('error', (err) => this.options.onWarning?.(`crawl run ${run.id}: ${err.message}`));
    this.listening.set(run.id, { worker, queue, session });
  }

  /** The run's options as its crawl was started with, private networks narrowed to what this worker allows. */
  private runOptions(run: CrawlRunInfo): ResolvedCrawlOptions {
    const asked = run.options.allowPrivateNetwork ?? false;
    const mine = this.options.allowPrivateNetwork;
    let allowed: PrivateNetworkAllowance = false;
    if (asked !== false && (asked === true || asked.length) && mine !== false) allowed = mine === true ? asked : mine;
    if (asked !== false && allowed === false) this.options.onWarning?.(`crawl run ${run.id} asks for private addresses; this worker refuses them (start it with --allow-private-network to allow)`);
    return resolveOptions({ ...run.options, outDir: run.outDir, allowPrivateNetwork: allowed, log: (line) => this.options.log?.(`crawl ${run.id}: ${line}`) });
  }

  private async process(runId: string, job: Job<CrawlJobData, void, 'crawl'>, token: string | undefined, deps: EntryDeps, queue: Queue<CrawlJobData, void, 'crawl'>): Promise<void> {
    const { entry } = job.data;
    // Retaken after its worker died between commit and enqueue: enqueue what it revealed, fetch nothing.
    const committed = await getResult(this.redis, runId, entry.url);
    if (committed) return enqueueEntries(queue, committed.discovered);

    const host = new URL(entry.url).host;
    const wait = await this.gate.tryAcquire(host);
    if (wait > 0) {
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    const result = await this.gate.hold(host, async (): Promise<CrawlResult> => {
      const { maxPages, maxTotalBytes } = deps.options;
      if (!(await takeFetchBudget(this.redis, runId, maxPages, maxTotalBytes))) {
        return { entry, state: 'pending', bytes: 0, row: null, discovered: [] };
      }
      this.options.onJob?.('start', runId, entry.url);
      const outcome = await fetchEntry(entry, deps);
      const fetched: CrawlResult = { entry, state: outcome.state, bytes: outcome.bytes, row: outcome.row, discovered: outcome.discovered };
      // Committed while the host is held: the next request to it starts after this one's fetched_at.
      await commitResult(this.redis, runId, fetched);
      return fetched;
    });
    if (result.state === 'pending') await commitResult(this.redis, runId, result);
    await enqueueEntries(queue, result.discovered);
    this.options.onJob?.('done', runId, entry.url, result);
  }
}
