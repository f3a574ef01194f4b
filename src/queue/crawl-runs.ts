/**
 * The crawl runs in Redis: a crawl's frontier is a BullMQ queue (one job per canonical URL: the job id
 * is made from the URL, so a link found twice, or a seed given again on resume, is one job), and its
 * results live beside it until written into the crawl folder.
 *
 *   nianbao:crawls                   sorted set of crawl run ids by creation time
 *   nianbao:crawl:<id>               hash: created, outDir, options (JSON), optionsHash, sealed, seeds
 *   nianbao:crawl:<id>:results       hash url → CrawlResult JSON (what the local crawl commits to crawl.sqlite)
 *   nianbao:crawl:<id>:done          list of urls in commit order (a parent always before what it revealed)
 *   nianbao:crawl:<id>:robots        hash robots.txt url → {status, body} (one fetch per run, all workers)
 *   nianbao:crawl:<id>:fetches       fetches started (the run's --max-pages)
 *   nianbao:crawl:<id>:bytes         bytes downloaded (the run's --max-bytes)
 *   nianbao:crawl-<id> (BullMQ)      the frontier
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CrawlOptions } from '../crawl/options.js';
import type { FrontierEntry, FrontierState, ResourceRow } from '../crawl/store.js';
import type { RobotsMemory } from '../crawl/session.js';
import { QUEUE_PREFIX } from './runs.js';

const CRAWLS = `${QUEUE_PREFIX}:crawls`;
const key = (id: string, part?: string): string => `${QUEUE_PREFIX}:crawl:${id}${part ? `:${part}` : ''}`;

/** What a crawl run was started with: the crawl's options as JSON (functions left out). */
export type StoredCrawlOptions = Omit<CrawlOptions, 'log' | 'sleep' | 'resolve' | 'progress' | 'outDir'>;

export interface CrawlRunInfo {
  id: string;
  created: string;
  /** Absolute path of the crawl folder: workers store files there (it must be mounted at this path). */
  outDir: string;
  options: StoredCrawlOptions;
  /** True once the seeds are enqueued: until then the run is not finished even with no job left. */
  sealed: boolean;
}

/** What one frontier entry came to: the same four things the local crawl commits in one transaction. */
export interface CrawlResult {
  entry: FrontierEntry;
  state: FrontierState;
  bytes: number;
  /** Null when the entry was not fetched (the run's page or byte budget was spent). */
  row: ResourceRow | null;
  discovered: FrontierEntry[];
}

export interface CrawlJobData {
  entry: FrontierEntry;
}

/** BullMQ queue of a crawl run (BullMQ adds the prefix). */
export function crawlQueueName(id: string): string {
  return `crawl-${id}`;
}

/** The frontier's deduplication: one job id per canonical URL (BullMQ ignores an add under an existing id). */
export function urlJobId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 40);
}

export function seedEntry(seed: string): FrontierEntry {
  return { url: seed, kind: 'list', depth: 0, seed, referrer: null, linkText: null, parentUrl: null, parentSha256: null };
}

function optionsHash(options: StoredCrawlOptions): string {
  const { seeds: _seeds, ...rest } = options;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}

/**
 * Opens a crawl run, or reopens it to resume (same id): its options must be the same ones, as a local
 * crawl resumed with other limits would mix two crawls in one folder.
 */
export async function beginCrawlRun(redis: Redis, id: string, outDir: string, options: StoredCrawlOptions): Promise<void> {
  const hash = optionsHash(options);
  const existing = await redis.hmget(key(id), 'optionsHash', 'outDir', 'created');
  if (existing[0] && existing[0] !== hash) {
    throw new Error(`crawl run ${id} was started with other settings: give another --run, or remove it with \`nianbao queue remove --run ${id}\``);
  }
  if (existing[1] && existing[1] !== outDir) throw new Error(`crawl run ${id} writes to ${existing[1]}, not ${outDir}`);
  const created = existing[2] ?? new Date().toISOString();
  await redis
    .multi()
    .zadd(CRAWLS, 'NX', Date.parse(created), id)
    .hset(key(id), { created, outDir, options: JSON.stringify(options), optionsHash: hash })
    .exec();
}

export async function sealCrawlRun(redis: Redis, id: string): Promise<void> {
  await redis.hset(key(id), 'sealed', '1');
}

export async function getCrawlRun(redis: Redis, id: string): Promise<CrawlRunInfo | undefined> {
  const h = await redis.hgetall(key(id));
  if (!h.options) return undefined;
  return { id, created: h.created, outDir: h.outDir, options: JSON.parse(h.options) as StoredCrawlOptions, sealed: h.sealed === '1' };
}

/** Crawl run ids, oldest first. */
export async function listCrawlRuns(redis: Redis): Promise<string[]> {
  return redis.zrange(CRAWLS, 0, -1);
}

export async function isCrawlRun(redis: Redis, id: string): Promise<boolean> {
  return (await redis.zscore(CRAWLS, id)) !== null;
}

export async function forgetCrawlRun(redis: Redis, id: string): Promise<void> {
  await redis.multi().zrem(CRAWLS, id).del(key(id), key(id, 'results'), key(id, 'done'), key(id, 'robots'), key(id, 'fetches'), key(id, 'bytes')).exec();
}

export async function getResult(redis: Redis, id: string, url: string): Promise<CrawlResult | undefined> {
  const json = await redis.hget(key(id, 'results'), url);
  return json ? (JSON.parse(json) as CrawlResult) : undefined;
}

/** A result, its place in the commit order and its bytes, all or nothing. */
export async function commitResult(redis: Redis, id: string, result: CrawlResult): Promise<void> {
  await redis
    .multi()
    .hset(key(id, 'results'), result.entry.url, JSON.stringify(result))
    .rpush(key(id, 'done'), result.entry.url)
    .incrby(key(id, 'bytes'), result.bytes)
    .exec();
}

/** Results committed since `from` (positions in the commit order), and where to read next. */
export async function resultsSince(redis: Redis, id: string, from: number, page = 1000): Promise<{ results: CrawlResult[]; next: number }> {
  const urls = await redis.lrange(key(id, 'done'), from, from + page - 1);
  if (!urls.length) return { results: [], next: from };
  const values = await redis.hmget(key(id, 'results'), ...urls);
  return { results: values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as CrawlResult), next: from + urls.length };
}

/**
 * Takes one fetch of the run's budget: false when --max-pages fetches were already started, or
 * --max-bytes downloaded (the entry then stays pending, as in a local crawl stopped by a limit).
 */
export async function takeFetchBudget(redis: Redis, id: string, maxPages: number, maxTotalBytes: number): Promise<boolean> {
  const bytes = Number((await redis.get(key(id, 'bytes'))) ?? 0);
  if (bytes >= maxTotalBytes) return false;
  return (await redis.incr(key(id, 'fetches'))) <= maxPages;
}

export async function fetchesStarted(redis: Redis, id: string): Promise<number> {
  return Number((await redis.get(key(id, 'fetches'))) ?? 0);
}

/** robots.txt of a run, shared by all its workers. */
export function redisRobotsMemory(redis: Redis, id: string): RobotsMemory {
  return {
    async robotsFile(url) {
      const json = await redis.hget(key(id, 'robots'), url);
      if (!json) return undefined;
      const { status, body } = JSON.parse(json) as { status: number; body: string };
      return { status, body: Buffer.from(body, 'base64') };
    },
    async saveRobotsFile(url, status, body) {
      await redis.hset(key(id, 'robots'), url, JSON.stringify({ status, body: body.toString('base64') }));
    },
  };
}
