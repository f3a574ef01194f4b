/**
 * Export tables as one XLSX workbook (exceljs): a sheet per preset with the header row frozen, an
 * autofilter, number formats by kind (counts with thousands separators, shares as percentages), each
 * header's definition as its cell note, and a last sheet of definitions and sources. Every text cell is
 * neutralised against formula injection, as in the CSVs.
 */
import { neutraliseFormula } from '../writers/formula.js';
import { atomicWrite } from '../util/atomic.js';
import { EXCEL_MAX_ROWS } from '../limits.js';

/** A table longer than a worksheet: Excel would refuse the file, so none is written. */
export class TooManyRowsError extends Error {}
import { definition, header, type ExportColumn, type ExportTable, type Lang } from './table.js';

const NUMBER_FORMAT: Record<ExportColumn['kind'], string | undefined> = {
  text: undefined,
  integer: '0',
  count: '#,##0',
  amount: '#,##0.00',
  share: '0.0%',
};

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string, taken: Set<string>) => {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
  taken.add(name);
  return name;
};

export interface XlsxSources {
  /** Where the figures come from (the run folder) and when the run was made. */
  outDir: string;
  generatedAt: string;
}

export async function writeExportXlsx(tables: ExportTable[], lang: Lang, path: string, sources: XlsxSources): Promise<void> {
  for (const t of tables) {
    if (t.rows.length + 1 > EXCEL_MAX_ROWS) {
      throw new TooManyRowsError(`the ${t.preset} table has ${t.rows.length} rows, more than a worksheet holds (${EXCEL_MAX_ROWS - 1} below the header): use --format csv, nianbao.sqlite or parquet/`);
    }
  }
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'nianbao';
  const taken = new Set<string>();
  for (const t of tables) {
    const sheet = book.addWorksheet(sheetName(lang === 'zh' ? t.title_zh : t.title_en, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = t.columns.map((c) => ({
      header: header(c, lang),
      key: c.id,
      width: c.kind === 'text' ? 28 : Math.min(Math.max(header(c, lang).length * (lang === 'zh' ? 2 : 1) + 2, 10), 30),
      style: NUMBER_FORMAT[c.kind] ? { numFmt: NUMBER_FORMAT[c.kind] } : {},
    }));
    t.columns.forEach((c, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      cell.note = definition(c, lang);
      cell.font = { bold: true };
    });
    for (const row of t.rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  }
  const defs = book.addWorksheet(sheetName(lang === 'zh' ? '定义与来源' : 'Definitions and sources', taken));
  defs.columns = (lang === 'zh' ? ['工作表', '列', '定义', '编号'] : ['sheet', 'column', 'definition', 'id']).map((h, i) => ({ header: h, width: [24, 30, 80, 40][i] }));
  defs.getRow(1).font = { bold: true };
  defs.views = [{ state: 'frozen', ySplit: 1 }];
  tables.forEach((t, i) => {
    const sheet = [...taken][i];
    for (const c of t.columns) defs.addRow([sheet, header(c, lang), definition(c, lang), c.id].map(neutraliseFormula));
  });
  defs.addRow([]);
  const note = lang === 'zh'
    ? ['来源', `nianbao 从 ${sources.outDir} 的 reports.ndjson 生成，${sources.generatedAt}；单元格编号与标签见 codebook.csv，模板见《政府信息公开工作年度报告》格式（2021 年版、2019 年版）。空白表示原文未印或未找到，不是 0。`]
    : ['sources', `made by nianbao from reports.ndjson in ${sources.outDir}, ${sources.generatedAt}; cell keys and labels in codebook.csv, after the national report templates (2021 and 2019). Blank means not printed or not found, never 0.`];
  defs.addRow(note.map(neutraliseFormula));
  await atomicWrite(path, new Uint8Array(await book.xlsx.writeBuffer()));
}
