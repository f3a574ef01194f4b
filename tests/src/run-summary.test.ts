import { describe, expect, it } from 'vitest';
import { formatSummary, newSummary, tooLongForExcel } from '../../src/run-summary.js';
import type { Writer } from '../../src/writers/writer.js';

const writer = (file: string, rows?: number): Writer => ({
  file, rows: rows === undefined ? undefined : () => rows,
  open: async () => {}, write: async () => {}, close: async () => {}, abort: async () => {},
});

describe('the run summary', () => {
  it('names a CSV whose rows and header pass the 1,048,576 rows of a worksheet, and points to SQLite and Parquet', () => {
    const long = tooLongForExcel([writer('cells.csv', 1_048_576), writer('wide.csv', 1_048_575), writer('nianbao.sqlite')]);
    expect(long).toEqual([{ file: 'cells.csv', rows: 1_048_576 }]);
    const text = formatSummary({ ...newSummary(), too_long_for_excel: long }, 'out');
    expect(text).toContain('cells.csv has 1,048,576 rows: Excel and WPS show only the first 1,048,575; use nianbao.sqlite or parquet/ for the whole table');
    expect(formatSummary(newSummary(), 'out')).not.toContain('Excel');
  });
});
