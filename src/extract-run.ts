/**
 * One `extract` run: every input through the pipeline, every record to every writer in input order,
 * and the run summary. Used by the CLI and callable from Node.
 */
import { mkdir, writeFile, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFile } from './pipeline.js';
import type { InputItem } from './sources/inputs.js';
import type { ReportRecord } from './schemas/record.js';
import { WRITERS } from './writers/index.js';
import { countRecord, newSummary, type RunSummary } from './run-summary.js';

export interface ExtractRunOptions {
  outDir: string;
  missing?: string[];
  onProgress?: (done: number, total: number, record: ReportRecord) => void;
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
  const writers = WRITERS.map((make) => make());
  for (const w of writers) await w.open(outDir);
  try {
    let done = 0;
    for (const item of items) {
      const record = await extractFile(item.path, { known: item.known });
      record.source = item.source;
      for (const w of writers) await w.write(record);
      countRecord(summary, record);
      options.onProgress?.(++done, items.length, record);
    }
    for (const w of writers) await w.close();
  } catch (err) {
    for (const w of writers) await w.abort();
    throw err;
  }
  summary.finished_at = new Date().toISOString();
  summary.seconds = (Date.now() - started) / 1000;
  await writeFile(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
