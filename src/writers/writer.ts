import type { ReportRecord } from '../schemas/record.js';

/** An output dataset: opened once per run, given every record in input order, closed at the end. */
export interface Writer {
  /** File name inside the output folder. */
  file: string;
  open(dir: string): Promise<void>;
  write(record: ReportRecord): Promise<void>;
  close(): Promise<void>;
  /** Drops the partial file (the run failed before close). */
  abort(): Promise<void>;
}

export type WriterFactory = () => Writer;
