/**
 * Library API of the crawler: `crawl(options)` runs (or resumes) a crawl into `options.outDir` and
 * returns a summary. Output: files/<sha256><ext>, manifest.ndjson, coverage.csv, crawl.sqlite.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCoverage, COVERAGE_FILE, writeCoverage } from './coverage.js';
import { runLoop, type StopReason } from './crawler.js';
import { MANIFEST_FILE, writeManifest } from './manifest.js';
import { resolveOptions, type CrawlOptions } from './options.js';
import { parseHttpUrl } from './fetcher.js';
import { realSleep } from './retry.js';
import { openFetchSession } from './session.js';
import { createProgress, type CrawlStats } from './progress.js';
import { HostScheduler } from './host-scheduler.js';
import { CrawlStore } from './store.js';
import { removeStaleTempFiles } from './storage.js';

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
  const stats: CrawlStats = { pages: 0, files: 0, bytes: 0, errors: 0, notModified: 0, requests: 0 };
  const scheduler = new HostScheduler({
    perHostConcurrency: options.perHostConcurrency,
    perHostDelayMs: options.perHostDelayMs,
    hostParallelism: options.hostParallelism,
    sleep: options.sleep ?? realSleep,
  });
  let runId = 0;
  const session = openFetchSession(
    options,
    scheduler,
    { robotsFile: (url) => store.robotsFile(runId, url), saveRobotsFile: (url, status, body) => store.saveRobotsFile(runId, url, status, body) },
    () => stats.requests++,
  );
  const progress = createProgress(options.progress);
  const now = () => new Date().toISOString();

  try {
    const begun = store.beginOrResumeRun(now());
    runId = begun.runId;
    const resumed = begun.resumed;
    // A killed run left the manifest as of its last refresh: bring it up to the database first.
    await writeManifest(options.outDir, store.manifestRows());
    store.enqueue(
      runId,
      options.seeds.map((seed) => ({ url: seed, kind: 'list' as const, depth: 0, seed, referrer: null, linkText: null, parentUrl: null, parentSha256: null })),
    );
    let lastManifestWrite = Date.now();
    let manifestWrite = Promise.resolve();
    const result = await runLoop(runId, { options, store, resources: store, scheduler, ...session, now }, stats, {
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
    await session.close();
  }
}
