/**
 * Library API of the crawler: `crawl(options)` runs (or resumes) a crawl into `options.outDir` and
 * returns a summary. Output: files/<sha256><ext>, manifest.ndjson, coverage.csv, crawl.sqlite.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createAddressPolicy } from './address-guard.js';
import { buildCoverage, COVERAGE_FILE, writeCoverage } from './coverage.js';
import { runLoop, type StopReason } from './crawler.js';
import { fetchUrl, parseHttpUrl, type FetchContext } from './fetcher.js';
import { createGuardedAgent } from './http-agent.js';
import { MANIFEST_FILE, writeManifest } from './manifest.js';
import { resolveOptions, type CrawlOptions } from './options.js';
import { createProgress, type CrawlStats } from './progress.js';
import { realSleep, withRetries, type RetryPolicy } from './retry.js';
import { RobotsCache, type RobotsLoader } from './robots.js';
import { HostScheduler } from './host-scheduler.js';
import { CrawlStore } from './store.js';
import { removeStaleTempFiles } from './storage.js';
import { CRAWL_DEFAULTS } from './defaults.js';
import { HttpStatusError, toCrawlError } from './errors.js';

export type { CrawlOptions } from './options.js';
export { CRAWL_DEFAULTS } from './defaults.js';
export { ManifestEntry, readManifest } from './manifest.js';

export interface CrawlSummary {
  outDir: string;
  runId: number;
  /** True when this call continued a run that had been interrupted. */
  resumed: boolean;
  stoppedBy: StopReason;
  /** Requests sent by this call, robots.txt and retries included. */
  requests: number;
  pages: number;
  files: number;
  notModified: number;
  bytes: number;
  errors: number;
  errorsByCode: Record<string, number>;
  /** Rows in manifest.ndjson (all runs). */
  manifestRows: number;
  coverage: { found: number; missing: number; late: number };
  manifestPath: string;
  coveragePath: string;
}

/** Regenerating the manifest after each fetch would be quadratic; once a second keeps it fresh enough. */
const MANIFEST_REFRESH_MS = 1_000;

export async function crawl(input: CrawlOptions): Promise<CrawlSummary> {
  const options = resolveOptions({ ...input, seeds: input.seeds.map((seed) => parseHttpUrl(seed).href) });
  await mkdir(join(options.outDir, 'files'), { recursive: true });
  await removeStaleTempFiles(options.outDir);
  const store = new CrawlStore(options.outDir);
  const policy = createAddressPolicy(options.allowPrivateNetwork);
  const dispatcher = createGuardedAgent(policy, options.connectTimeoutMs, options.perHostConcurrency, options.resolve);
  const stats: CrawlStats = { pages: 0, files: 0, bytes: 0, errors: 0, notModified: 0, requests: 0 };
  const scheduler = new HostScheduler({
    perHostConcurrency: options.perHostConcurrency,
    perHostDelayMs: options.perHostDelayMs,
    hostParallelism: options.hostParallelism,
    sleep: options.sleep ?? realSleep,
  });
  const fetchContext: FetchContext = { dispatcher, policy, limits: options, onRequest: () => stats.requests++ };
  const retryPolicy: RetryPolicy = { maxRetries: options.maxRetries, baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.retryMaxDelayMs };
  const progress = createProgress(options.progress);
  const now = () => new Date().toISOString();

  try {
    const { runId, resumed } = store.beginOrResumeRun(now());
    const robots = new RobotsCache(
      rememberedRobotsLoader(store, runId, async (robotsUrl) => {
        await scheduler.turn(new URL(robotsUrl).host);
        const deadline = Date.now() + options.urlBudgetMs;
        return withRetries(() => fetchUrl({ url: robotsUrl, userAgent: options.userAgent, deadline }, fetchContext), retryPolicy, {
          sleep: options.sleep,
          budgetLeftMs: () => deadline - Date.now(),
        });
      }),
      CRAWL_DEFAULTS.robotsAgentToken,
    );
    // A killed run left the manifest as of its last refresh: bring it up to the database first.
    await writeManifest(options.outDir, store.manifestRows());
    store.enqueue(
      runId,
      options.seeds.map((seed) => ({ url: seed, kind: 'list' as const, depth: 0, seed, referrer: null, linkText: null, parentUrl: null, parentSha256: null })),
    );
    let lastManifestWrite = Date.now();
    let manifestWrite = Promise.resolve();
    const result = await runLoop(runId, { options, store, scheduler, robots, fetchContext, retryPolicy, now }, stats, {
      onOutcome: () => {
        const totals = store.runTotals(runId);
        progress.update(stats, totals.finished, totals.finished + totals.pending, scheduler.queueSizes());
        if (Date.now() - lastManifestWrite < MANIFEST_REFRESH_MS) return;
        lastManifestWrite = Date.now();
        const rows = store.manifestRows();
        manifestWrite = manifestWrite.then(() => writeManifest(options.outDir, rows)).catch((err: Error) => options.log(`manifest: ${err.message}`));
      },
    });
    await manifestWrite;
    store.finishRun(runId, now());
    const rows = store.manifestRows();
    await writeManifest(options.outDir, rows);
    const coverage = buildCoverage(rows, { seeds: options.seeds, years: options.years, reportPattern: options.reportPattern });
    await writeCoverage(options.outDir, coverage);
    return {
      outDir: options.outDir,
      runId,
      resumed,
      stoppedBy: result.stoppedBy,
      requests: stats.requests,
      pages: stats.pages,
      files: stats.files,
      notModified: stats.notModified,
      bytes: stats.bytes,
      errors: stats.errors,
      errorsByCode: result.errorsByCode,
      manifestRows: rows.length,
      coverage: {
        found: coverage.filter((row) => row.status === 'found').length,
        missing: coverage.filter((row) => row.status === 'missing').length,
        late: coverage.filter((row) => row.on_time === 'no').length,
      },
      manifestPath: join(options.outDir, MANIFEST_FILE),
      coveragePath: join(options.outDir, COVERAGE_FILE),
    };
  } finally {
    progress.stop();
    store.close();
    await dispatcher.close();
  }
}

/** robots.txt answers (2xx and 4xx) are kept per run in the store: a resumed run does not ask again. */
function rememberedRobotsLoader(store: CrawlStore, runId: number, fetchRobots: RobotsLoader): RobotsLoader {
  return async (robotsUrl) => {
    const remembered = store.robotsFile(runId, robotsUrl);
    if (remembered && remembered.status >= 400) throw new HttpStatusError(remembered.status, robotsUrl);
    if (remembered) return remembered;
    try {
      const fetched = await fetchRobots(robotsUrl);
      store.saveRobotsFile(runId, robotsUrl, fetched.status, fetched.body);
      return fetched;
    } catch (err) {
      const error = toCrawlError(err);
      if (error.status !== undefined && error.status >= 400 && error.status < 500) store.saveRobotsFile(runId, robotsUrl, error.status, Buffer.alloc(0));
      throw error;
    }
  };
}
