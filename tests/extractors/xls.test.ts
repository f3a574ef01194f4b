import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectReader } from '../../extractors/detect.js';
import { oleReader } from '../../extractors/ole.js';
import { oleContent, oleStreamNames } from '../../extractors/ole/directory.js';
import { extractBytes } from '../../src/pipeline.js';
import { loadTruths } from '../corpus/truth.js';
import { hasLibreOffice } from '../helpers/libreoffice.js';

const XLS = readFileSync('tests/fixtures/xlsx/pingtan-2023-tables.xls');
const DOC = readFileSync('tests/fixtures/doc/minzheng-2023.doc');
const truth = loadTruths(['real']).find((t) => t.id === 'pingtan-2023-page')!;

describe('legacy Excel (.xls) and WPS Spreadsheets (.et) workbooks', () => {
  it('are told from Word files by the streams in their OLE2 directory, whatever their name', () => {
    expect(oleStreamNames(XLS)).toEqual(['Root Entry', 'Workbook', '\x01CompObj', '\x01Ole', '\x05SummaryInformation', '\x05DocumentSummaryInformation']);
    expect(oleStreamNames(DOC)).toContain('WordDocument');
    expect(oleContent(XLS, 'report.doc')).toBe('workbook');
    expect(oleContent(DOC, 'tables.xls')).toBe('word');
    expect(detectReader(XLS, 'download.jsp')?.format).toBe('xls');
    expect(detectReader(DOC, 'tables.et')?.format).toBe('doc');
  });

  it('fall back to the name when the directory lies beyond the bytes seen', () => {
    const headerOnly = XLS.subarray(0, 512);
    expect(oleStreamNames(headerOnly)).toEqual([]);
    expect(oleContent(headerOnly, '统计表.et')).toBe('workbook');
    expect(oleContent(headerOnly, '统计表.XLS')).toBe('workbook');
    expect(oleContent(headerOnly, 'report.wps')).toBe('word');
  });

  it('survive a directory chain that loops back on itself', () => {
    const looped = Buffer.from(XLS);
    const directorySector = looped.readUInt32LE(0x30);
    const fatSector = looped.readUInt32LE(0x4c);
    looped.writeUInt32LE(directorySector, (fatSector + 1) * 512 + directorySector * 4);
    const names = oleStreamNames(looped);
    expect(names.length).toBe(1024 * 4); // the first sector's four entries, until the bound on directory sectors
    expect(oleContent(looped, undefined)).toBe('workbook');
  });

  it.runIf(hasLibreOffice)('are read through LibreOffice into the truth cells of the report they hold, under an .xls or an .et name', async () => {
    for (const name of ['pingtan-2023-tables.xls', 'pingtan-2023-tables.et']) {
      const record = await extractBytes(XLS, name);
      expect(record).toMatchObject({ format: 'xls', status: 'ok', agency: truth.agency, year: truth.year, layout: truth.layout });
      for (const [key, value] of Object.entries(truth.cells)) expect(record.cells[key], `${name} ${key}`).toBe(value);
      expect(record.messages.map((m) => m.code)).toContain('converted-by-libreoffice');
    }
  }, 120_000);

  it.runIf(hasLibreOffice)('are read as workbooks by the Word reader too, when only the whole file shows the Workbook stream', async () => {
    const doc = await oleReader.read(XLS, { name: 'tables.doc' });
    expect(doc.format).toBe('xls');
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(3);
  }, 120_000);

  it.runIf(!hasLibreOffice)('fail with a reason that says what to install when LibreOffice is missing', async () => {
    const record = await extractBytes(XLS, 'pingtan-2023-tables.xls');
    expect(record).toMatchObject({ status: 'failed', format: 'xls' });
    expect(record.error).toMatch(/^legacy-excel-unsupported: .*install LibreOffice Calc/);
  });
});

describe('the committed .xlsx fixture', () => {
  it('reads into the truth cells of the report page it was built from', async () => {
    const record = await extractBytes(readFileSync('tests/fixtures/xlsx/pingtan-2023-tables.xlsx'), 'tables.xlsx');
    expect(record).toMatchObject({ format: 'xlsx', status: 'ok', agency: truth.agency, year: truth.year });
    for (const [key, value] of Object.entries(truth.cells)) expect(record.cells[key], key).toBe(value);
  });
});
