import { join } from 'node:path';
import { atomicWrite } from '../util/atomic.js';
import { BOM, csvLines, type CsvValue } from './csv-writer.js';
import type { YearCheck } from '../checks/cross-year/index.js';
import { YEAR_CHECKS_TABLE } from '../datasets/tables.js';

const COLUMNS: ReadonlyArray<keyof YearCheck> = YEAR_CHECKS_TABLE.columns;

/** year_checks.csv: every pair of consecutive years checked, passed, failed or skipped (UTF-8 with BOM). */
export async function writeYearChecks(dir: string, checks: YearCheck[]): Promise<void> {
  const rows: CsvValue[][] = [[...COLUMNS], ...checks.map((c) => COLUMNS.map((k) => c[k]))];
  await atomicWrite(join(dir, 'year_checks.csv'), BOM + csvLines(rows));
}
