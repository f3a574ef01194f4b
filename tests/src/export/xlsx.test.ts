import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TooManyRowsError, writeExportXlsx } from '../../../src/export/xlsx.js';
import type { ExportTable } from '../../../src/export/table.js';

describe('the XLSX export', () => {
  it('refuses a table longer than a worksheet and writes nothing, pointing to CSV, SQLite and Parquet', async () => {
    const table: ExportTable = {
      preset: 'wide', title_zh: '全部', title_en: 'all',
      columns: [{ id: 'year', zh: '年度', en: 'year', kind: 'integer', definition_zh: '年度', definition_en: 'year' }],
      rows: Array.from({ length: 1_048_576 }, () => [2023]),
    };
    const path = join(mkdtempSync(join(tmpdir(), 'nianbao-xlsx-')), 'big.xlsx');
    const error = await writeExportXlsx([table], 'en', path, { outDir: 'out', generatedAt: 'now' }).catch((e) => e);
    expect(error).toBeInstanceOf(TooManyRowsError);
    expect(error.message).toBe('the wide table has 1048576 rows, more than a worksheet holds (1048575 below the header): use --format csv, nianbao.sqlite or parquet/');
    expect(existsSync(path)).toBe(false);
  });
});
