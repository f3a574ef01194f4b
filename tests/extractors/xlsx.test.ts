import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectReader } from '../../extractors/detect.js';
import { UnreadableDocumentError, type DocumentModel, type TableBlock } from '../../extractors/model.js';
import { xlsxReader } from '../../extractors/xlsx.js';
import { openZip } from '../../extractors/docx/zip.js';
import { writeStoredZip } from '../../extractors/docx/write-zip.js';
import { numberText } from '../../extractors/xlsx/cell-text.js';
import { extractBytes, recordFromDocument } from '../../src/pipeline.js';
import type { ReportRecord } from '../../src/schemas/record.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { loadTruths, type Truth } from '../corpus/truth.js';
import { storedZip } from '../fixtures/docx/build-docx.js';
import { buildWorkbook, readReport, type ReportParts, type WorkbookOptions } from '../fixtures/xlsx/build-workbook.js';

/** A 2021-format report from DOCX and from a portal page, and a 2019-format one from its page. */
const REPORTS = ['pingtan-2024-docx', 'pingtan-2023-page', 'shanghai-govoffice-2019'];

interface Source {
  truth: Truth;
  parts: ReportParts;
  doc: DocumentModel;
  record: ReportRecord;
}
const sources = new Map<string, Source>();

beforeAll(async () => {
  const truths = loadTruths();
  for (const id of REPORTS) {
    const truth = truths.find((t) => t.id === id)!;
    const { doc, parts } = await readReport(truth.path);
    sources.set(id, { truth, parts, doc, record: recordFromDocument(doc, truth.path, readFileSync(truth.path)) });
  }
});

const findingsOf = (r: ReportRecord) => r.findings.map((f) => ({ rule: f.rule, where: f.where, expected: f.expected, actual: f.actual }));
const grid = (t: TableBlock) => t.rows.map((row) => row.map((c) => ({ text: c.text, spanned: c.spanned === true })));
const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');

/** `code: message` of the reader's refusal, or undefined when it reads the bytes. */
async function refusal(bytes: Buffer): Promise<string | undefined> {
  try {
    await xlsxReader.read(bytes, {});
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    return `${(err as UnreadableDocumentError).code}: ${(err as Error).message}`;
  }
}

/** The workbook with one part's XML rewritten (a stored zip, like the reader's own repackaging). */
async function withPart(bytes: Buffer, name: string, rewrite: (xml: string) => string): Promise<Buffer> {
  const zip = await openZip(bytes, undefined, 'xlsx');
  const entries = [];
  for (const part of zip.parts.keys()) {
    const data = (await zip.read(part))!;
    entries.push({ name: part, data: part === name ? Buffer.from(rewrite(data.toString('utf8'))) : data });
  }
  zip.close();
  return writeStoredZip(entries);
}

const LAYOUTS: Array<[string, WorkbookOptions]> = [
  ['one sheet per table, under a merged title, every third number stored as text', { layout: 'sheet-per-table', title: true, numberAsText: (n) => n % 3 === 0 }],
  ['all tables on one sheet with their captions, blank rows between them and a note under them', { layout: 'one-sheet', title: true, numberAsText: (n) => n % 2 === 1 }],
  ['all tables on one sheet with no blank row between them', { layout: 'one-sheet', title: true, gap: 0 }],
];

describe('statistics workbooks (.xlsx) built from real reports', () => {
  for (const id of REPORTS) {
    for (const [how, options] of LAYOUTS) {
      it(`read ${id} laid out as ${how} into exactly its truth cells, layout, agency and year, and the same cells and findings as the report itself`, async () => {
        const { truth, parts, record: original } = sources.get(id)!;
        const record = await extractBytes(await buildWorkbook(parts, options), `${id}.xlsx`);
        expect(record).toMatchObject({ format: 'xlsx', status: 'ok', agency: truth.agency, year: truth.year, layout: truth.layout });
        for (const [key, value] of Object.entries(truth.cells)) expect(record.cells[key], key).toBe(value);
        expect(record.cells).toEqual(original.cells);
        expect(findingsOf(record)).toEqual(findingsOf(original));
      });
    }
  }

  it('give each sheet of a sheet-per-table workbook the grid of the report table it holds, merged headers expanded and marked spanned', async () => {
    for (const id of REPORTS) {
      const { parts, doc: original } = sources.get(id)!;
      const doc = await xlsxReader.read(await buildWorkbook(parts, { layout: 'sheet-per-table', title: true, numberAsText: (n) => n % 3 === 0 }), {});
      expect(tables(doc).map(grid), id).toEqual(tables(original).map(grid));
    }
    const doc = await xlsxReader.read(await buildWorkbook(sources.get('pingtan-2024-docx')!.parts, { layout: 'sheet-per-table' }), {});
    const license = tables(doc)[0]!.rows.find((row) => row[0]!.text === '行政许可')!;
    expect(license).toEqual([{ text: '行政许可' }, { text: '4529' }, { text: '4529', spanned: true }, { text: '4529', spanned: true }]);
  });

  it('turn the merged title into the heading naming agency and year, and named sheets into headings', async () => {
    const doc = await xlsxReader.read(await buildWorkbook(sources.get('pingtan-2024-docx')!.parts, { layout: 'sheet-per-table', title: true }), {});
    expect(doc.blocks.filter((b) => b.kind !== 'table')).toEqual([
      { kind: 'heading', text: '平潭综合实验区2024年政府信息公开工作年度报告', level: 1 },
      { kind: 'heading', text: '二、主动公开政府信息情况', level: 2 },
      { kind: 'heading', text: '三、收到和处理政府信息公开申请情况', level: 2 },
      { kind: 'heading', text: '四、政府信息公开行政复议、行政诉讼情况', level: 2 },
    ]);
  });

  it('take agency and year from the workbook properties when no cell names them', async () => {
    const { parts, truth } = sources.get('shanghai-govoffice-2019')!;
    const record = await extractBytes(await buildWorkbook(parts, { layout: 'sheet-per-table', propertiesTitle: parts.title }), 'tables.xlsx');
    expect(record).toMatchObject({ status: 'ok', agency: truth.agency, year: truth.year });
  });
});

describe('formulas in a workbook', () => {
  // The requests table's 一、本年新收 total (grid row 3, column 9) as SUM of the six applicant columns.
  const formula = (cached: boolean) => ({ table: 1, row: 3, col: 9, from: 3, cached });

  it('are read as their cached value, with nothing in doubt', async () => {
    const { parts, truth } = sources.get('pingtan-2024-docx')!;
    const bytes = await buildWorkbook(parts, { layout: 'sheet-per-table', title: true, formula: formula(true) });
    const record = await extractBytes(bytes, 'tables.xlsx');
    expect(record.cells['requests.new_received.total']).toBe(218);
    for (const [key, value] of Object.entries(truth.cells)) expect(record.cells[key], key).toBe(value);
    expect(record.messages.map((m) => m.code)).not.toContain('formula-without-value');
  });

  it('saved without a cached value leave the cell empty, marked in doubt, with a message naming sheet and cell', async () => {
    const { parts, truth } = sources.get('pingtan-2024-docx')!;
    const bytes = await buildWorkbook(parts, { layout: 'sheet-per-table', title: true, formula: formula(false) });
    const doc = await xlsxReader.read(bytes, {});
    expect(tables(doc)[1]!.rows[3]![9]).toEqual({ text: '', doubt: 'formula-without-value' });
    expect(doc.messages).toEqual([
      { code: 'formula-without-value', message: '三、收到和处理政府信息公开申请情况!J4: the formula =SUM(D4:I4) was saved without its computed value; the cell is read as empty' },
    ]);
    const record = await extractBytes(bytes, 'tables.xlsx');
    expect(record.cells['requests.new_received.total']).toBeNull();
    expect(record.cell_details['requests.new_received.total'].doubt).toBe('formula-without-value');
    // Not read, so no identity is failed on it as if the report printed a blank.
    expect(record.findings.filter((f) => f.cells.includes('requests.new_received.total') && f.rule !== 'completeness')).toEqual([]);
    for (const [key, value] of Object.entries(truth.cells)) if (key !== 'requests.new_received.total') expect(record.cells[key], key).toBe(value);
  });
});

describe('shared formulas', () => {
  it('are read as their cached value, and one without a value is left empty with its message', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表一');
    sheet.addRow(['行政许可', 1, 2, { formula: 'B1+C1', result: 3, shareType: 'shared', ref: 'D1:D3' }]);
    sheet.addRow(['行政处罚', 4, 5, { sharedFormula: 'D1', result: 9 }]);
    sheet.addRow(['行政强制', 6, 7, { sharedFormula: 'D1' } as ExcelJS.CellSharedFormulaValue]);
    const doc = await xlsxReader.read(Buffer.from(await workbook.xlsx.writeBuffer()), {});
    expect(tables(doc)[0]!.rows.map((r) => r[3])).toEqual([{ text: '3' }, { text: '9' }, { text: '', doubt: 'formula-without-value' }]);
    expect(doc.messages).toEqual([{ code: 'formula-without-value', message: '表一!D3: the formula shared from D1 was saved without its computed value; the cell is read as empty' }]);
  });
});

describe('cell values', () => {
  it('are written as the number stored, without the floating-point noise of a sum', () => {
    expect(numberText(18651.060000000001)).toBe('18651.06');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(4529)).toBe('4529');
    expect(numberText(-3)).toBe('-3');
  });

  it('are read from rich text, cached errors and dates as a reader of the sheet sees them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow([{ richText: [{ text: '行政' }, { text: '许可', font: { bold: true } }] }, 12, { formula: '1/0', result: { error: '#DIV/0!' } }, new Date(Date.UTC(2024, 0, 20))]);
    sheet.addRow(['行政处罚', 3, 4, 5]);
    const doc = await xlsxReader.read(Buffer.from(await workbook.xlsx.writeBuffer()), {});
    expect(grid(tables(doc)[0]!)[0]!.map((c) => c.text)).toEqual(['行政许可', '12', '#DIV/0!', '2024-01-20']);
  });

  it('are read from a sheet with a picture, a hyperlink, a comment and an Excel table, which are left out', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表一');
    sheet.addRows([[{ text: '行政许可', hyperlink: 'http://example.org/' }, 1, 2], ['行政处罚', 3, 4]]);
    sheet.getCell('B2').note = '含补录';
    sheet.addTable({ name: 'T1', ref: 'A5', columns: [{ name: '项目' }, { name: '数量' }], rows: [['行政强制', 5]] });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    sheet.addImage(workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'E1:F2');
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect([...(await openZip(bytes, undefined, 'xlsx')).parts.keys()].filter((n) => /media|drawing/.test(n)).length).toBeGreaterThan(0);
    const doc = await xlsxReader.read(bytes, {});
    expect(tables(doc).map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([
      [['行政许可', '1', '2'], ['行政处罚', '3', '4']],
      [['项目', '数量'], ['行政强制', '5']],
    ]);
  });

  it('skip hidden sheets and say so', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表一').addRows([['行政许可', 1, 2], ['行政处罚', 3, 4]]);
    const hidden = workbook.addWorksheet('旧数据', { state: 'hidden' });
    hidden.addRows([['行政许可', 9, 9], ['行政处罚', 9, 9]]);
    const doc = await xlsxReader.read(Buffer.from(await workbook.xlsx.writeBuffer()), {});
    expect(tables(doc).map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([[['行政许可', '1', '2'], ['行政处罚', '3', '4']]]);
    expect(doc.messages).toEqual([{ code: 'hidden-sheet-skipped', message: 'sheet 旧数据 is hidden and was not read' }]);
  });

  it('are left out in hidden rows and columns, as a reader of the sheet sees it, a merge with a hidden top-left cell kept once', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表一');
    sheet.addRows([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '校验'],
      ['规章', 1, 2, 3, 'OK'],
      ['行政规范性文件（上年）', 9, 9, 9, 'OK'],
      ['行政规范性文件', 4, 5, 6, 'OK'],
      ['行政许可', 7, null, null, null],
    ]);
    sheet.getRow(3).hidden = true;
    sheet.getColumn(5).hidden = true;
    sheet.getColumn(2).hidden = true;
    sheet.mergeCells('B5:D5');
    const doc = await xlsxReader.read(Buffer.from(await workbook.xlsx.writeBuffer()), {});
    expect(tables(doc)[0]!.rows).toEqual([
      [{ text: '信息内容' }, { text: '本年废止件数' }, { text: '现行有效件数' }],
      [{ text: '规章' }, { text: '2' }, { text: '3' }],
      [{ text: '行政规范性文件' }, { text: '5' }, { text: '6' }],
      [{ text: '行政许可' }, { text: '7' }, { text: '7', spanned: true }],
    ]);
    expect(doc.messages).toEqual([{ code: 'hidden-cells-skipped', message: 'sheet 表一: hidden rows and columns 3, B, E were not read' }]);
  });

  it('come from worksheet parts whatever the workbook calls them', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表一').addRows([['行政许可', 1, 2], ['行政处罚', 3, 4]]);
    const original = Buffer.from(await workbook.xlsx.writeBuffer());
    const zip = await openZip(original, undefined, 'xlsx');
    const entries = [];
    for (const name of zip.parts.keys()) {
      const data = (await zip.read(name))!;
      const renamed = name === 'xl/worksheets/sheet1.xml' ? 'xl/worksheets/data.xml' : name;
      entries.push({ name: renamed, data: name === 'xl/_rels/workbook.xml.rels' ? Buffer.from(data.toString().replace('worksheets/sheet1.xml', 'worksheets/data.xml')) : data });
    }
    zip.close();
    const doc = await xlsxReader.read(writeStoredZip(entries), {});
    expect(tables(doc)[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([['行政许可', '1', '2'], ['行政处罚', '3', '4']]);
  });
});

describe('recognising a workbook', () => {
  it('goes by the bytes: an .xlsx under another name is read as a workbook, a DOCX is not', async () => {
    const bytes = await buildWorkbook(sources.get('pingtan-2024-docx')!.parts, { layout: 'one-sheet' });
    expect(detectReader(bytes, 'download.jsp')?.format).toBe('xlsx');
    expect(detectReader(readFileSync('samples/minzheng-2023.docx'), 'report.xlsx')?.format).toBe('docx');
  });
});

describe('the XLSX reader on damaged and hostile files', () => {
  let small: Buffer;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表一').addRows([['平潭综合实验区2024年政府信息公开工作年度报告'], ['行政许可', 1, 2]]);
    small = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  it('refuses a truncated workbook with corrupt-xlsx', async () => {
    expect(await refusal(small.subarray(0, Math.floor(small.length / 2)))).toMatch(/^corrupt-xlsx: the XLSX zip is damaged or truncated/);
  });

  it('refuses a zip without xl/workbook.xml with not-xlsx', async () => {
    expect(await refusal(storedZip([{ name: 'xl/styles.xml', data: Buffer.from('<styleSheet/>') }]))).toMatch(/^not-xlsx: /);
  });

  it('refuses an Excel binary workbook (.xlsb) saying so', async () => {
    const xlsb = storedZip([{ name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) }, { name: 'xl/worksheets/sheet1.bin', data: Buffer.alloc(8) }]);
    expect(detectReader(xlsb, 'tables.xlsb')?.format).toBe('xlsx');
    expect(await refusal(xlsb)).toBe('xlsb-unsupported: an Excel binary workbook (.xlsb): not read; save it as .xlsx');
  });

  it('refuses a sheet declaring a 1000× compression ratio (zip bomb) before inflating it', async () => {
    const zeros = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    const bomb = storedZip(
      [
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8 },
      ],
      { 'xl/worksheets/sheet1.xml': { compressed: zeros.length, uncompressed: 64 * 1024 * 1024 } },
    );
    expect(await refusal(bomb)).toMatch(/^too-large: the XLSX zip exceeds a limit: .*compresses/);
  });

  it('refuses a part that inflates past the size it declares', async () => {
    const data = deflateRawSync(Buffer.alloc(200_000, 0x20));
    const liar = storedZip(
      [
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/sharedStrings.xml', data, method: 8 },
      ],
      { 'xl/sharedStrings.xml': { compressed: data.length, uncompressed: 1000 } },
    );
    expect(await refusal(liar)).toMatch(/^corrupt-xlsx: the XLSX zip is damaged or truncated: .*sharedStrings/);
  });

  it('refuses shared strings beyond maxXlsxXmlBytes before the library parses them', async () => {
    const filler = `<si><t>${'政府信息公开'.repeat(1000)}</t></si>`.repeat(Math.ceil(DEFAULT_LIMITS.maxXlsxXmlBytes / 18_000) + 1);
    const big = await withPart(small, 'xl/sharedStrings.xml', (xml) => xml.replace('</sst>', `${filler}</sst>`));
    expect(await refusal(big)).toMatch(/^too-large: the workbook's sheets, strings and styles hold \d+ bytes of XML, more than maxXlsxXmlBytes/);
  });

  it('refuses a part declaring a DTD (entity expansion) with corrupt-xlsx', async () => {
    const dtd = await withPart(small, 'xl/sharedStrings.xml', (xml) => xml.replace('?>', '?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'));
    expect(await refusal(dtd)).toBe('corrupt-xlsx: xl/sharedStrings.xml declares a DTD, which no spreadsheet program writes (entity expansion)');
  });

  it('refuses a sheet nested deeper than any real one with too-deep', async () => {
    const deep = await withPart(small, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</worksheet>', `${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</worksheet>`));
    expect(await refusal(deep)).toMatch(/^too-deep: xl\/worksheets\/sheet1.xml nests more than/);
  });

  it('refuses a merged range over the whole sheet before the library expands it', async () => {
    const huge = await withPart(small, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>|(?=<pageMargins)/, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    expect(await refusal(huge)).toMatch(/^too-large: the worksheets store or merge more than/);
  });

  it('refuses a column range past Excel\'s last column', async () => {
    const wide = await withPart(small, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData', '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData'));
    expect(await refusal(wide)).toBe("corrupt-xlsx: a column range reaches column 2000000000, past Excel's last column (16384)");
  });

  it('refuses a sheet whose text lies so far apart that its grid would exceed maxTableCells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表一');
    sheet.getCell('A1').value = '行政许可';
    sheet.getCell('ZZ1000').value = 1;
    expect(1000 * 702).toBeGreaterThan(DEFAULT_LIMITS.maxTableCells);
    expect(await refusal(Buffer.from(await workbook.xlsx.writeBuffer()))).toMatch(/^too-large: sheet 表一 spans 1000 × 702 cells/);
  });

  it('counts maxTableCells over all sheets together', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ['表一', '表二']) {
      const sheet = workbook.addWorksheet(name);
      sheet.getCell('A1').value = '行政许可';
      sheet.getCell('CV300').value = 1; // 300 rows × 100 columns: 30,000 cells each
    }
    expect(300 * 100).toBeLessThan(DEFAULT_LIMITS.maxTableCells);
    expect(2 * 300 * 100).toBeGreaterThan(DEFAULT_LIMITS.maxTableCells);
    expect(await refusal(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe(`too-large: sheet 表二 spans 300 × 100 cells, more than the ${DEFAULT_LIMITS.maxTableCells - 30_000} left of maxTableCells`);
  });
});
