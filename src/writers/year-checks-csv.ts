import { join } from 'node:path';
import { atomicWrite } from '../util/atomic.js';
import { BOM, csvLines, type CsvValue } from './csv-writer.js';
import type { YearCheck } from '../checks/cross-year/index.js';

const COLUMNS: Array<keyof YearCheck> = [
  'rule', 'agency', 'year', 'previous_year', 'where', 'expected', 'actual', 'status', 'message',
  'report_id', 'source', 'previous_report_id', 'previous_source',
];

/** year_checks.csv: every pair of consecutive years checked, passed, failed or skipped (UTF-8 with BOM). */
export async function writeYearChecks(dir: string, checks: YearCheck[]): Promise<void> {
  const rows: CsvValue[][] = [COLUMNS, ...checks.map((c) => COLUMNS.map((k) => c[k]))];
  await atomicWrite(join(dir, 'year_checks.csv'), BOM + csvLines(rows));
}
