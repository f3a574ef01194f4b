/**
 * Columns a report adds to the template's tables: a 序号 column of row numbers before the labels, a 备注
 * column of remarks after the values. Neither is the template's: a row number read as a value shifts
 * the row by one, a remark (无, —, 已办结) reads as one more value. They are taken out of the block's
 * grid before its rows are read.
 */
import type { TableCell } from '../../extractors/model.js';
import { labelCore } from './labels.js';

/** Header words of a row-number column. */
const SERIAL_HEADER = new Set(['序号', '编号', '序', '行次', '栏次', '项次']);
/** Header words of a remarks column. */
const REMARKS_HEADER = new Set(['备注', '说明', '备注说明']);
/** Row numbers a first column must print, counting up by one, to be told as one without its header. */
const MIN_SERIAL_RUN = 3;

/** What a block's extra columns are, so a continuation block of the same width can follow it. */
export interface ExtraColumns {
  width: number;
  drop: number[];
}

const origins = (rows: TableCell[][], col: number): TableCell[] => rows.map((r) => r[col]).filter((c): c is TableCell => !!c && !c.spanned);
const headed = (rows: TableCell[][], col: number, words: Set<string>): boolean => origins(rows, col).some((c) => words.has(labelCore(c.text)));
const isInteger = (text: string): boolean => /^\d{1,3}$/.test(text.trim());

/**
 * The first column holds row numbers: its header says so, or (a continuation with no header) it
 * prints at least MIN_SERIAL_RUN numbers counting up by one, each before a label, and nothing else but
 * blanks and cells merged across into the labels (a group heading spanning the table).
 */
function serialColumn(rows: TableCell[][]): boolean {
  if (!rows.length || rows[0].length < 3) return false;
  const spansAcross = (r: TableCell[]) => !!r[1]?.spanned && r[1].text === r[0].text;
  const numbered = rows.filter((r) => !r[0].spanned && isInteger(r[0].text));
  const other = rows.filter((r) => !r[0].spanned && !isInteger(r[0].text) && r[0].text.trim() !== '' && !spansAcross(r) && !SERIAL_HEADER.has(labelCore(r[0].text)));
  if (!numbered.length || other.length) return false;
  if (headed(rows, 0, SERIAL_HEADER)) return true;
  // The label may be a group's, merged down over the rows (三、本年度办理结果 continued on a new page).
  const beforeLabel = (r: TableCell[]) => !!r[1] && r[1].text.trim() !== '' && !isInteger(r[1].text);
  if (numbered.length < MIN_SERIAL_RUN || !numbered.every(beforeLabel)) return false;
  return numbered.every((r, i) => i === 0 || Number(r[0].text) === Number(numbered[i - 1][0].text) + 1);
}

/** The last column is the report's remarks: its header says 备注. */
function remarksColumn(rows: TableCell[][]): boolean {
  const last = (rows[0]?.length ?? 0) - 1;
  return last >= 2 && headed(rows, last, REMARKS_HEADER);
}

/** A continuation's first column prints nothing but row numbers and blanks. */
const serialLike = (rows: TableCell[][]): boolean => origins(rows, 0).every((c) => isInteger(c.text) || c.text.trim() === '');
/** A continuation's last column prints no number (remarks are words or nothing). */
const remarksLike = (rows: TableCell[][], col: number): boolean => origins(rows, col).every((c) => !/\d/.test(c.text));

/** The grid without column `col`; a cell merged across it keeps its text in the next column it covers. */
function withoutColumn(rows: TableCell[][], col: number): TableCell[][] {
  return rows.map((row) => {
    const out = row.filter((_, i) => i !== col);
    const gone = row[col];
    const next = out[col];
    if (gone && next && !gone.spanned && next.spanned && next.text === gone.text) {
      const { spanned: _spanned, ...origin } = next;
      out[col] = origin;
    }
    return out;
  });
}

/**
 * The block's grid without its extra columns, and what was dropped. A block with no header of its own
 * and the width of the block before it (a table continued over a page) drops what that one dropped.
 */
export function templateColumns(rows: TableCell[][], before?: ExtraColumns): { rows: TableCell[][]; extra?: ExtraColumns } {
  const width = rows[0]?.length ?? 0;
  const drop: number[] = [];
  if (remarksColumn(rows)) drop.push(width - 1);
  if (serialColumn(rows)) drop.push(0);
  if (!drop.length && before && before.width === width) drop.push(...before.drop.filter((col) => (col === 0 ? serialLike(rows) : remarksLike(rows, col))));
  if (!drop.length) return { rows };
  let out = rows;
  for (const col of drop) out = withoutColumn(out, col); // the last column first: indices stay valid
  return { rows: out, extra: { width, drop } };
}
