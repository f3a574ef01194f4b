/**
 * A crawl run in Redis into its crawl folder: every committed result goes into crawl.sqlite through the
 * local crawl's own store (CrawlStore.record, one transaction each, the links it revealed included),
 * and manifest.ndjson and coverage.csv are written from it as a local crawl writes them — refreshed
 * while the run goes on, final once no job is left. The files are already there: workers store them in
 * the run's folder (the same path on every machine).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildCoverage, COVERAGE_FILE, writeCoverage } from '../crawl/coverage.js';
import type { CrawlSummary } from '../crawl/index.js';
import { MANIFEST_FILE, writeManifest } from '../crawl/manifest.js';
import { resolveOptions } from '../crawl/options.js';
import { CrawlStore } from '../crawl/store.js';
import { CollectInterruptedError, RunNotFoundError, runCounts, type RunCounts } from './collect.js';
import { connect } from './connection.js';
import { getRun, listRuns } from './runs.js';
import { fetchesStarted, getCrawlRun, isCrawlRun, listCrawlRuns, resultsSince, seedEntry, type CrawlResult, type CrawlRunInfo } from './crawl-runs.js';
import { openCrawlQueue } from './crawl-worker.js';

export interface CrawlCollectOptions {
  url: string;
  runId: string;
  /** Default: the folder the run was started with. */
  outDir?: string;
  pollMs?: number;
  /** Ctrl-C: the folder is brought up to date and CollectInterruptedError thrown; the run goes on in Redis. */
  signal?: AbortSignal;
  onWaiting?: (counts: RunCounts, run: CrawlRunInfo) => void;
}

const MANIFEST_REFRESH_MS = 1_000;

export async function collectCrawl(options: CrawlCollectOptions): Promise<CrawlSummary> {
  const redis = await connect(options.url);
  const queue = openCrawlQueue(options.url, options.runId);
  let store: CrawlStore | undefined;
  try {
    let run = await getCrawlRun(redis, options.runId);
    if (!run) throw new RunNotFoundError(`no crawl run ${options.runId} in this queue (see \`nianbao queue status\`)`);
    const outDir = resolve(options.outDir ?? run.outDir);
    await mkdir(join(outDir, 'files'), { recursive: true });
    store = new CrawlStore(outDir);
    const { runId: storeRun, resumed } = store.beginOrResumeRun(new Date().toISOString());
    const seeds = run.options.seeds;
    store.enqueue(storeRun, seeds.map(seedEntry));

    const results = new Map<string, CrawlResult>();
    let offset = 0;
    const drain = async (): Promise<void> => {
      for (;;) {
        const page = await resultsSince(redis, options.runId, offset);
        if (!page.results.length) return;
        offset = page.next;
        for (const result of page.results) {
          store!.enqueue(storeRun, [result.entry]);
          if (result.row) store!.record(storeRun, result.row, result.state, result.bytes, result.discovered);
          results.set(result.entry.url, result);
        }
      }
    };
    let lastWrite = 0;
    for (;;) {
      await drain();
      run = (await getCrawlRun(redis, options.runId)) ?? run;
      const counts = await runCounts(queue);
      if (run.sealed && counts.waiting + counts.active + counts.delayed === 0) break;
      if (Date.now() - lastWrite >= MANIFEST_REFRESH_MS) {
        await writeManifest(outDir, store.manifestRows());
        lastWrite = Date.now();
      }
      if (options.signal?.aborted) {
        throw new CollectInterruptedError(`crawl run ${options.runId} goes on in Redis; ${join(outDir, MANIFEST_FILE)} holds what was fetched so far: run the same command to wait again`);
      }
      options.onWaiting?.(counts, run);
      await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
    }
    await drain();
    // Jobs that ended failed (a bug thrown three times, or workers lost under them too often): marked so, as the local crawl does.
    for (const job of await queue.getFailed()) {
      const entry = job.data.entry;
      store.enqueue(storeRun, [entry]);
      if (!results.has(entry.url)) store.mark(storeRun, entry.url, 'failed');
    }
    store.finishRun(storeRun, new Date().toISOString());
    const rows = store.manifestRows();
    await writeManifest(outDir, rows);
    const coverage = buildCoverage(rows, { seeds, years: run.options.years, reportPattern: resolveOptions({ ...run.options, outDir }).reportPattern });
    await writeCoverage(outDir, coverage);
    return summarise(outDir, storeRun, resumed, [...results.values()], rows.length, coverage, await fetchesStarted(redis, options.runId), run);
  } finally {
    store?.close();
    await queue.close();
    redis.disconnect();
  }
}

function summarise(
  outDir: string, runId: number, resumed: boolean, results: CrawlResult[], manifestRows: number,
  coverage: ReturnType<typeof buildCoverage>, fetches: number, run: CrawlRunInfo,
): CrawlSummary {
  const errorsByCode: Record<string, number> = {};
  let pages = 0, files = 0, bytes = 0, errors = 0, pending = 0;
  for (const { row, bytes: size } of results) {
    if (!row) pending++;
    else if (row.error) {
      errors++;
      errorsByCode[row.error] = (errorsByCode[row.error] ?? 0) + 1;
    } else if (row.kind === 'attachment') files++;
    else pages++;
    bytes += size;
  }
  const maxBytes = run.options.maxTotalBytes;
  return {
    outDir,
    runId,
    resumed,
    stoppedBy: pending === 0 ? 'frontier-empty' : maxBytes !== undefined && bytes >= maxBytes ? 'max-total-bytes' : 'max-pages',
    requests: fetches,
    pages,
    files,
    notModified: 0,
    bytes,
    errors,
    errorsByCode,
    manifestRows,
    coverage: {
      found: coverage.filter((row) => row.status === 'found').length,
      missing: coverage.filter((row) => row.status === 'missing').length,
      late: coverage.filter((row) => row.on_time === 'no').length,
    },
    manifestPath: join(outDir, MANIFEST_FILE),
    coveragePath: join(outDir, COVERAGE_FILE),
  };
}

/**
 * `nianbao collect`: a crawl run named by --run, or the newest run when it is a crawl, is collected
 * here; undefined when the run is an extract run (or unknown: the extract side says so).
 */
export async function collectCrawlIfCrawlRun(options: Omit<CrawlCollectOptions, 'runId'> & { runId?: string }): Promise<CrawlSummary | undefined> {
  const redis = await connect(options.url);
  let runId: string | undefined;
  try {
    if (options.runId) runId = (await isCrawlRun(redis, options.runId)) ? options.runId : undefined;
    else {
      const [crawls, extracts] = [await listCrawlRuns(redis), await listRuns(redis)];
      const newestCrawl = crawls.at(-1);
      const crawlCreated = newestCrawl ? (await getCrawlRun(redis, newestCrawl))?.created : undefined;
      const extractCreated = extracts.length ? (await getRun(redis, extracts[extracts.length - 1]))?.created : undefined;
      if (newestCrawl && (!extractCreated || (crawlCreated ?? '') > extractCreated)) runId = newestCrawl;
    }
  } finally {
    redis.disconnect();
  }
  return runId ? collectCrawl({ ...options, runId }) : undefined;
}
