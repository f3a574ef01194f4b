import type { ReportRecord } from '../schemas/record.js';
import type { YearCheck } from '../checks/cross-year/index.js';

/** What a run knows only across all its records, handed to every writer as it closes. */
export interface RunResults {
  yearChecks: YearCheck[];
}

/** An output dataset: opened once per run, given every record in input order, closed at the end. */
export interface Writer {
  /** File (or folder) name inside the output folder. */
  file: string;
  /** The columns of a CSV dataset (the codebook describes them). */
  columns?: readonly string[];
  /** Data rows written so far (CSV datasets: checked against a spreadsheet's row limit). */
  rows?: () => number;
  /**
   * `dir`: where to write (the run's staging folder, published as a set at the end); `outDir`: the
   * output folder itself, where reviews.ndjson and an earlier run's datasets are read from (default `dir`).
   */
  open(dir: string, outDir?: string): Promise<void>;
  write(record: ReportRecord): Promise<void>;
  close(results?: RunResults): Promise<void>;
  /** Drops the partial file (the run failed before close). */
  abort(): Promise<void>;
}

export type WriterFactory = () => Writer;
