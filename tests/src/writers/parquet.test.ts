/**
 * The Parquet writer on records made here, read back with DuckDB: row groups over many records, types
 * as the codebook says, nothing left behind by a killed run or an aborted one.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetDataset } from '../../../src/writers/parquet.js';
import type { ReportRecord } from '../../../src/schemas/record.js';

function record(i: number): ReportRecord {
  return {
    report_id: `r${i}`, source: `${i}.txt`, sha256: 'a'.repeat(64), format: 'txt', status: 'ok', agency: '某局', year: 2000 + (i % 20),
    layout: { proactive: 'none', requests: '2021', appeals: 'none' },
    cells: { 'requests.new_received.total': i, 'requests.granted.total': i % 3 ? null : i / 2 },
    cell_details: {}, findings: [], sections: [], prose: {}, legacy_stats: [], messages: [],
  };
}

describe('the Parquet writer', () => {
  it('writes many records in row groups that DuckDB reads back whole and typed, and clears a killed run’s temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-parquet-'));
    mkdirSync(join(dir, 'parquet'));
    const leftover = join(dir, 'parquet', '.cells.parquet.tmp-123-0badf00d');
    writeFileSync(leftover, 'half a file');
    const w = parquetDataset();
    await w.open(dir);
    expect(existsSync(leftover)).toBe(false);
    const n = 120_000; // more than one row group of cells and of reports
    for (let i = 0; i < n; i++) await w.write(record(i));
    await w.close({ yearChecks: [] });
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const cells = join(dir, 'parquet/cells.parquet');
    const sums = await c.runAndReadAll(`SELECT count(*) AS n, sum(value) AS total, count(value) AS printed FROM read_parquet('${cells}')`);
    const expectedTotal = Array.from({ length: n }, (_, i) => i + (i % 3 ? 0 : i / 2)).reduce((a, b) => a + b, 0);
    expect(sums.getRowObjectsJson()).toEqual([{ n: String(2 * n), total: expectedTotal, printed: String(n + n / 3) }]);
    const groups = await c.runAndReadAll(`SELECT count(DISTINCT row_group_id) AS g FROM parquet_metadata('${cells}')`);
    expect(Number(groups.getRowObjectsJson()[0].g)).toBeGreaterThan(1);
    const years = await c.runAndReadAll(`SELECT typeof(year) AS t, min(year) AS lo, max(year) AS hi FROM read_parquet('${join(dir, 'parquet/reports.parquet')}') GROUP BY 1`);
    expect(years.getRowObjectsJson()).toEqual([{ t: 'BIGINT', lo: '2000', hi: '2019' }]);
    c.closeSync();
    db.closeSync();
  }, 120_000);

  it('leaves no file behind when aborted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-parquet-'));
    const w = parquetDataset();
    await w.open(dir);
    await w.write(record(1));
    await w.abort();
    expect(readdirSync(join(dir, 'parquet'))).toEqual([]);
  });
});
