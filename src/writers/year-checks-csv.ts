import { FileSink } from './file-sink.js';
import { stringify } from 'csv-stringify/sync';
import type { YearCheck } from '../checks/cross-year/index.js';

const COLUMNS: Array<keyof YearCheck> = [
  'rule', 'agency', 'year', 'previous_year', 'where', 'expected', 'actual', 'status', 'message',
  'report_id', 'source', 'previous_report_id', 'previous_source',
];

/** year_checks.csv: every pair of consecutive years checked, passed, failed or skipped (UTF-8 with BOM). */
export async function writeYearChecks(dir: string, checks: YearCheck[]): Promise<void> {
  const sink = new FileSink();
  await sink.open(dir, 'year_checks.csv');
  const rows = [COLUMNS, ...checks.map((c) => COLUMNS.map((k) => c[k] ?? ''))];
  await sink.write('\ufeff' + stringify(rows as unknown[][], { record_delimiter: 'windows' }));
  await sink.close();
}
