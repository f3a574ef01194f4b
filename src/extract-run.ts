/**
 * One `extract` run: every input (an archive as the reports inside it) through the pipeline (in worker processes, journalled so a killed run
 * resumes), then the year-to-year rules over the whole run, then every record to every writer in input
 * order, and the run summary. Used by the CLI and callable from Node.
 */
import { mkdir, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORT_EXTENSIONS, type InputItem } from './sources/inputs.js';
import { unpackArchives } from './sources/archives.js';
import { resolveLimits } from './limits.js';
import type { ReportRecord } from './schemas/record.js';
import { WRITERS } from './writers/index.js';
import { RUN_RULES } from './checks/run-rules.js';
import { writeYearChecks } from './writers/year-checks-csv.js';
import { writeCodebook } from './datasets/codebook.js';
import { countRecord, newSummary, tooLongForExcel, type RunSummary } from './run-summary.js';
import { runBatch, type BatchOptions, type BatchProgress } from './run/batch.js';
import { readJournal } from './run/journal.js';
import { atomicWrite } from './util/atomic.js';
import { lockOutput } from './run/out-lock.js';
import { beginStaging, finishPublication, publishStaged, stagingDir } from './run/publish.js';
import { recordFailsRun, type FailOn, type IgnoreFinding } from './run/fail-on.js';
import { isUnreviewed, readReviews, reviewKey } from './reviews/store.js';

export interface ExtractRunOptions {
  outDir: string;
  missing?: string[];
  /** Worker processes (default: one per core; 0 parses in this process). */
  workers?: number;
  limits?: BatchOptions['limits'];
  /** After each document; `progress.record` is parsed only when read. */
  onProgress?: (progress: BatchProgress) => void;
  /** Outcomes that make the run count as failing (summary.failing): see src/run/fail-on.ts. */
  failOn?: readonly FailOn[];
  /** Stops starting documents (Ctrl-C): those done are journalled, no dataset is written, and re-running resumes. */
  signal?: AbortSignal;
}

export class OutputNotWritableError extends Error {}

export async function runExtract(items: InputItem[], options: ExtractRunOptions): Promise<RunSummary> {
  const { outDir } = options;
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
  } catch (err) {
    throw new OutputNotWritableError(`output folder ${outDir} is not writable: ${(err as Error).message}`);
  }
  const release = await lockOutput(outDir);
  try {
    // A publication an earlier run committed but did not finish (it crashed mid-rename) is completed first.
    await finishPublication(outDir);
    // Archives (zip, rar, 7z) become the reports inside them, written to a temporary folder for the run.
    const archives = await unpackArchives(items, resolveLimits(options.limits ?? {}), REPORT_EXTENSIONS);
    // Ctrl-C twice ends the process at once: its members go with it.
    process.once('exit', archives.cleanUp);
    try {
      return await runLocked(archives.items, options);
    } finally {
      process.removeListener('exit', archives.cleanUp);
      archives.cleanUp();
    }
  } finally {
    await release();
  }
}

async function runLocked(items: InputItem[], options: ExtractRunOptions): Promise<RunSummary> {
  const { outDir } = options;
  const summary = newSummary(options.missing);
  const started = Date.now();
  const batch = await runBatch(items, {
    outDir,
    workers: options.workers,
    limits: options.limits,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  if (batch.aborted) {
    summary.aborted = true;
    return summary;
  }

  await writeDatasets(outDir, summary, options.failOn);
  summary.finished_at = new Date().toISOString();
  summary.seconds = (Date.now() - started) / 1000;
  summary.resumed = batch.resumed;
  summary.peak_rss_mb = Math.round(batch.peakRssBytes / 2 ** 20);
  await publishDatasets(outDir, summary);
  return summary;
}

/** summary.json beside the staged datasets, then the whole set published at once (src/run/publish.ts). */
export async function publishDatasets(outDir: string, summary: RunSummary): Promise<void> {
  await atomicWrite(join(stagingDir(outDir), 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  await publishStaged(outDir);
}

/**
 * The journal of <outDir> (complete or not) to the datasets, staged in <outDir>/.nianbao/staging until
 * `publishDatasets` publishes them with summary.json as one set: the run-level rules over the whole run,
 * every record to every writer in input order, each counted into the summary. A local run and a queue
 * run (src/queue/collect.ts, which fills the same journal from Redis) both end here, so they write the
 * same bytes.
 */
export async function writeDatasets(outDir: string, summary: RunSummary, failOn?: readonly FailOn[]): Promise<void> {
  // The run-level rules (src/checks/run-rules.ts) read the journal in one or two passes first;
  // a copy of bytes already seen is checked once, under its first input.
  const rules = RUN_RULES.map((make) => make());
  for await (const record of readJournal(outDir)) if (!record.duplicate_of) for (const rule of rules) rule.scan(record);
  const gathering = rules.filter((rule) => rule.gather && (rule.needsGather?.() ?? true));
  if (gathering.length) for await (const record of readJournal(outDir)) if (!record.duplicate_of) for (const rule of gathering) rule.gather!(record);
  const results = rules.map((rule) => rule.finish());
  const yearChecks = results.flatMap((r) => r.yearChecks ?? []);

  // A finding a reviewer has decided (confirmed or dismissed in reviews.ndjson) no longer fails the run.
  const reviews = failOn?.length ? await readReviews(outDir) : undefined;
  const decided: IgnoreFinding | undefined = reviews && ((r, f) => !isUnreviewed(reviews.get(reviewKey(r.sha256, f.rule, f.cells))));

  // Pass 2: the records, with their year findings, to every dataset.
  const stage = await beginStaging(outDir);
  const writers = WRITERS.map((make) => make());
  for (const w of writers) await w.open(stage, outDir);
  try {
    for await (const record of readJournal(outDir)) {
      const extra = record.duplicate_of ? [] : results.flatMap((r) => r.findings.get(record.report_id) ?? []);
      const full = extra.length ? { ...record, findings: [...record.findings, ...extra] } : record;
      for (const w of writers) await w.write(full);
      countRecord(summary, full);
      if (failOn?.length && recordFailsRun(full, failOn, decided)) summary.failing = (summary.failing ?? 0) + 1;
    }
    for (const w of writers) await w.close({ yearChecks });
  } catch (err) {
    for (const w of writers) await w.abort();
    throw err;
  }
  await writeYearChecks(stage, yearChecks);
  await writeCodebook(stage, writers);
  summary.too_long_for_excel = tooLongForExcel(writers);
}
