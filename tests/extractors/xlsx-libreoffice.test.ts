/**
 * Report pages as a spreadsheet program saves them: each corpus HTML page opened in LibreOffice Calc
 * and saved as XLSX (prose and all tables on one sheet, on one shared column grid, merges everywhere,
 * blank values merged over several columns). Read back, they must give the same cells as the page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';
import { loadTruths } from '../corpus/truth.js';
import { convertWithOffice } from '../../tools/variety/render/office.js';
import { hasLibreOffice } from '../helpers/libreoffice.js';

const PAGES = loadTruths().filter((t) => t.format === 'html' && Object.keys(t.cells).length > 0);
let dir = '';

beforeAll(async () => {
  if (!hasLibreOffice) return;
  dir = mkdtempSync(join(tmpdir(), 'nianbao-calc-'));
  await convertWithOffice(PAGES.map((t) => t.path), 'xlsx', dir);
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(hasLibreOffice)('report pages saved as workbooks by LibreOffice Calc', () => {
  it('cover the HTML pages of the corpus that have truth cells', () => {
    expect(PAGES.map((t) => t.id).sort()).toEqual(expect.arrayContaining(['pingtan-2023-page', 'shanghai-govoffice-2019']));
  });

  for (const truth of PAGES) {
    it(`read ${truth.id} into exactly its truth cells, agency, year and layout, and the same cells as the page`, async () => {
      const xlsx = readFileSync(join(dir, basename(truth.path).replace(/\.html?$/, '.xlsx')));
      const record = await extractBytes(xlsx, `${truth.id}.xlsx`);
      const page = await extractBytes(readFileSync(truth.path), truth.path);
      expect(record).toMatchObject({ format: 'xlsx', status: 'ok', agency: truth.agency, year: truth.year, layout: truth.layout });
      for (const [key, value] of Object.entries(truth.cells)) expect(record.cells[key], key).toBe(value);
      expect(record.cells).toEqual(page.cells);
    });
  }
});
