/** `nianbao queue status` and `queue remove`: what each run in Redis holds (extract and crawl runs), and forgetting a run. */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { connect, connectionOptions, quietErrors } from './connection.js';
import { forgetRun, getRun, listRuns, queueName, QUEUE_PREFIX } from './runs.js';
import { runCounts, type RunCounts } from './collect.js';
import { crawlQueueName, fetchesStarted, forgetCrawlRun, getCrawlRun, isCrawlRun, listCrawlRuns } from './crawl-runs.js';

export interface RunStatus extends RunCounts {
  kind: 'extract' | 'crawl';
  /** For a crawl run, total is its seeds and outDir its folder. */
  run: { id: string; created: string; sealed: boolean; total: number; outDir?: string };
  /** Crawl runs: fetches started so far. */
  fetches?: number;
}

async function counts(url: string, name: string): Promise<RunCounts> {
  const queue = quietErrors(new Queue(name, { connection: connectionOptions(url), prefix: QUEUE_PREFIX }));
  try {
    return await runCounts(queue);
  } finally {
    await queue.close();
  }
}

async function extractStatus(redis: Redis, url: string, id: string): Promise<RunStatus | undefined> {
  const run = await getRun(redis, id);
  return run && { kind: 'extract', run, ...(await counts(url, queueName(id))) };
}

async function crawlStatus(redis: Redis, url: string, id: string): Promise<RunStatus | undefined> {
  const run = await getCrawlRun(redis, id);
  if (!run) return undefined;
  const { options, ...rest } = run;
  return { kind: 'crawl', run: { ...rest, total: options.seeds.length }, ...(await counts(url, crawlQueueName(id))), fetches: await fetchesStarted(redis, id) };
}

export async function queueStatus(url: string, runId?: string): Promise<RunStatus[]> {
  const redis = await connect(url);
  try {
    const out: RunStatus[] = [];
    const extracts = runId ? [runId] : await listRuns(redis);
    for (const id of extracts) {
      const status = await extractStatus(redis, url, id);
      if (status) out.push(status);
    }
    const crawls = runId ? [runId] : await listCrawlRuns(redis);
    for (const id of crawls) {
      const status = await crawlStatus(redis, url, id);
      if (status) out.push(status);
    }
    return out.sort((a, b) => a.run.created.localeCompare(b.run.created));
  } finally {
    redis.disconnect();
  }
}

function stateOf(s: RunStatus): string {
  const busy = s.waiting + s.active + s.delayed > 0;
  if (s.kind === 'crawl') {
    if (!s.run.sealed) return 'starting (or interrupted: repeat the crawl command)';
    return busy ? `crawling (${s.fetches ?? 0} fetched)` : `finished (${s.fetches ?? 0} fetched): collect, or the crawl command, writes ${s.run.outDir ?? 'the folder'}`;
  }
  if (!s.run.sealed) return 'enqueuing (or interrupted: repeat the enqueuing command)';
  return busy ? 'running' : 'finished: collect';
}

export function formatStatus(statuses: RunStatus[]): string {
  if (!statuses.length) return 'no runs in this queue';
  const rows = [['kind', 'run', 'created', 'inputs', 'waiting', 'active', 'done', 'failed', 'state']];
  for (const s of statuses) {
    rows.push([s.kind, s.run.id, s.run.created, s.run.sealed ? String(s.run.total) : '…', String(s.waiting + s.delayed), String(s.active), String(s.completed), String(s.failed), stateOf(s)]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n');
}

/** Removes a run: its jobs, their records (a crawl's results; its folder stays) and its registry entries. */
export async function removeRun(url: string, runId: string): Promise<void> {
  const redis = await connect(url);
  try {
    const crawl = await isCrawlRun(redis, runId);
    const queue = quietErrors(new Queue(crawl ? crawlQueueName(runId) : queueName(runId), { connection: connectionOptions(url), prefix: QUEUE_PREFIX }));
    try {
      await queue.obliterate({ force: true });
      if (crawl) await forgetCrawlRun(redis, runId);
      else await forgetRun(redis, runId);
    } finally {
      await queue.close();
    }
  } finally {
    redis.disconnect();
  }
}
