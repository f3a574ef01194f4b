/**
 * One `extract` run: every input through the pipeline (in worker processes, journalled so a killed run
 * resumes), then the year-to-year rules over the whole run, then every record to every writer in input
 * order, and the run summary. Used by the CLI and callable from Node.
 */
import { mkdir, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputItem } from './sources/inputs.js';
import type { ReportRecord } from './schemas/record.js';
import { WRITERS } from './writers/index.js';
import { writeYearChecks } from './writers/year-checks-csv.js';
import { countRecord, newSummary, type RunSummary } from './run-summary.js';
import { runBatch, type BatchOptions, type BatchProgress } from './run/batch.js';
import { readJournal } from './run/journal.js';
import { atomicWrite } from './run/atomic.js';
import { yearFacts, type YearFacts } from './checks/cross-year/facts.js';
import { normaliseAgency } from './structure/agency.js';
import { runYearChecks } from './checks/cross-year/index.js';
import { attachmentChecks, type ReportCells } from './checks/cross-report/attachment.js';

export interface ExtractRunOptions {
  outDir: string;
  missing?: string[];
  /** Worker processes (default: one per core; 0 parses in this process). */
  workers?: number;
  limits?: BatchOptions['limits'];
  /** After each document; `progress.record` is parsed only when read. */
  onProgress?: (progress: BatchProgress) => void;
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
  const summary = newSummary(options.missing);
  const started = Date.now();
  const batch = await runBatch(items, {
    outDir,
    workers: options.workers,
    limits: options.limits,
    onProgress: options.onProgress,
  });

  await writeDatasets(outDir, summary);
  summary.finished_at = new Date().toISOString();
  summary.seconds = (Date.now() - started) / 1000;
  summary.resumed = batch.resumed;
  summary.peak_rss_mb = Math.round(batch.peakRssBytes / 2 ** 20);
  await atomicWrite(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

/**
 * The journal of <outDir> (complete or not) to the datasets: the year-to-year and cross-report rules
 * over the whole run, every record to every writer in input order, each counted into the summary.
 * A local run and a queue run (src/queue/collect.ts, which fills the same journal from Redis) both
 * end here, so they write the same bytes.
 */
export async function writeDatasets(outDir: string, summary: RunSummary): Promise<void> {
  // Pass 1 over the journal: the few numbers the year rules need, and which crawled attachments have
  // their report page in the run.
  const facts: YearFacts[] = [];
  const pageUrls = new Set<string>();
  for await (const record of readJournal(outDir)) {
    const f = yearFacts(record, normaliseAgency);
    if (f) facts.push(f);
    if (record.parent_url) pageUrls.add(record.parent_url);
  }
  const years = runYearChecks(facts);
  // Pass 1b: the cells of just those pages and attachments, to cross-check them.
  const pairs: ReportCells[] = [];
  if (pageUrls.size) {
    for await (const r of readJournal(outDir)) {
      if (r.parent_url || (r.source_url && pageUrls.has(r.source_url))) pairs.push({ report_id: r.report_id, source: r.source, source_url: r.source_url, parent_url: r.parent_url, cells: r.cells, cell_details: r.cell_details });
    }
  }
  const crossChecks = attachmentChecks(pairs);

  // Pass 2: the records, with their year findings, to every dataset.
  const writers = WRITERS.map((make) => make());
  for (const w of writers) await w.open(outDir);
  try {
    for await (const record of readJournal(outDir)) {
      const extra = [...(years.findings.get(record.report_id) ?? []), ...(crossChecks.get(record.report_id) ?? [])];
      const full = extra.length ? { ...record, findings: [...record.findings, ...extra] } : record;
      for (const w of writers) await w.write(full);
      countRecord(summary, full);
    }
    for (const w of writers) await w.close();
  } catch (err) {
    for (const w of writers) await w.abort();
    throw err;
  }
  await writeYearChecks(outDir, years.checks);
}
