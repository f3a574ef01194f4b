/**
 * The reports of a run's reports.ndjson as agency-years: one report stands for each agency and year
 * (the choice the SQLite view agency_year makes too), with its headline figures.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ReportRecord } from '../schemas/record.js';
import { betterReport, figuresOf } from '../datasets/headline.js';

export interface AgencyYear {
  agency: string;
  year: number;
  record: ReportRecord;
  /** Reports of the run for this agency and year (the chosen one included). */
  reports: number;
  figures: Record<string, number | null>;
}

export class NoReportsError extends Error {}

/** Every record of OUT/reports.ndjson, in input order. */
export async function* readReports(outDir: string): AsyncIterable<ReportRecord> {
  const path = join(outDir, 'reports.ndjson');
  const stream = createReadStream(path, 'utf8');
  const opened = new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  try {
    await opened;
  } catch (err) {
    throw new NoReportsError(`no reports.ndjson in ${outDir} (run nianbao extract --out ${outDir} first): ${(err as Error).message}`);
  }
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (line.trim()) yield ReportRecord.parse(JSON.parse(line));
  }
}

export async function agencyYears(outDir: string): Promise<AgencyYear[]> {
  const chosen = new Map<string, AgencyYear>();
  for await (const record of readReports(outDir)) {
    if (record.status === 'failed' || !record.agency || record.year === undefined) continue;
    const k = `${record.agency}\u0000${record.year}`;
    const have = chosen.get(k);
    const candidate = { status: record.status, cellCount: Object.keys(record.cells).length };
    if (!have) chosen.set(k, { agency: record.agency, year: record.year, record, reports: 1, figures: figuresOf(record.cells) });
    else {
      have.reports++;
      if (betterReport(candidate, { status: have.record.status, cellCount: Object.keys(have.record.cells).length })) {
        Object.assign(have, { record, figures: figuresOf(record.cells) });
      }
    }
  }
  return [...chosen.values()].sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.year - b.year);
}
