/**
 * An export table as CSV for Excel and WPS (UTF-8 with BOM, CRLF; csvLines quotes and neutralises
 * text a spreadsheet would run as a formula), shares rounded to four decimals; its definitions go to a
 * second CSV beside it.
 */
import { atomicWrite } from '../util/atomic.js';
import { BOM, csvLines, type CsvValue } from '../writers/csv-writer.js';
import { definition, header, type ExportTable, type Lang } from './table.js';

const cell = (v: string | number | null, kind: string): CsvValue => (typeof v === 'number' && kind === 'share' ? Math.round(v * 10_000) / 10_000 : v);

export async function writeExportCsv(table: ExportTable, lang: Lang, path: string, definitionsPath: string): Promise<void> {
  const rows = table.rows.map((r) => r.map((v, i) => cell(v, table.columns[i].kind)));
  await atomicWrite(path, BOM + csvLines([table.columns.map((c) => header(c, lang)), ...rows]));
  const head = lang === 'zh' ? ['列', '定义', '编号'] : ['column', 'definition', 'id'];
  await atomicWrite(definitionsPath, BOM + csvLines([head, ...table.columns.map((c) => [header(c, lang), definition(c, lang), c.id])]));
}
