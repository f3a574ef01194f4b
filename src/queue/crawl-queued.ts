/**
 * `nianbao crawl … --queue`: the crawl's frontier goes to Redis (its seeds as the first jobs) and
 * `nianbao worker` processes on any machine fetch it; this command then waits and keeps the crawl folder
 * up to date (crawl-collect.ts), or with --detach leaves that to `nianbao collect`. The same command
 * again resumes the run: same folder, same run id, and the jobs already there are kept.
 */
import { resolve } from 'node:path';
import type { CrawlSummary } from '../crawl/index.js';
import { parseHttpUrl } from '../crawl/fetcher.js';
import { resolveOptions, type CrawlOptions } from '../crawl/options.js';
import { connect } from './connection.js';
import { collectCrawl } from './crawl-collect.js';
import { beginCrawlRun, seedEntry, sealCrawlRun, type StoredCrawlOptions } from './crawl-runs.js';
import { enqueueEntries, openCrawlQueue } from './crawl-worker.js';
import { checkRunId, defaultRunId } from './runs.js';

export interface QueuedCrawlOptions {
  url: string;
  runId?: string;
  /** Enqueue the seeds and return; `nianbao collect --run ID` writes the folder later. */
  detach?: boolean;
  signal?: AbortSignal;
  onStarted?: (runId: string) => void;
}

export async function runQueuedCrawl(input: CrawlOptions, queued: QueuedCrawlOptions): Promise<CrawlSummary | undefined> {
  const outDir = resolve(input.outDir);
  const { log: _log, sleep: _sleep, resolve: _resolve, progress: _progress, outDir: _out, ...rest } = input;
  const stored: StoredCrawlOptions = { ...rest, seeds: input.seeds.map((seed) => parseHttpUrl(seed).href) };
  resolveOptions({ ...stored, outDir }); // the same checks as a local crawl, before anything is enqueued
  const runId = checkRunId(queued.runId ?? defaultRunId(outDir));
  const redis = await connect(queued.url);
  const queue = openCrawlQueue(queued.url, runId);
  try {
    await beginCrawlRun(redis, runId, outDir, stored);
    await enqueueEntries(queue, stored.seeds.map(seedEntry));
    await sealCrawlRun(redis, runId);
  } finally {
    await queue.close();
    redis.disconnect();
  }
  queued.onStarted?.(runId);
  if (queued.detach) return undefined;
  return collectCrawl({ url: queued.url, runId, outDir, signal: queued.signal });
}
