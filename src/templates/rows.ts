/**
 * The document's table rows as the mapper sees them: a label (the row's text cells) and the values
 * after it. Rows of all table blocks form one stream, so a table split over several blocks (page
 * breaks, a portal that cut one table in two) maps like one table.
 */
import type { Block, Provenance, TableCell } from '../../extractors/model.js';
import { readCell, type CellReading } from './numbers.js';
import { templateColumns, type ExtraColumns } from './extra-columns.js';
import { withoutStrayColumns } from './stray-columns.js';

export interface ValueCell {
  /** Grid column of the cell in its table block (to line values up with header labels). */
  col: number;
  raw: string;
  reading: CellReading;
  prov?: Provenance;
  /** Grid columns this cell also covers to its right (a merged value cell): those columns print nothing of their own. */
  spanAfter?: number;
  /** Why the reader is not sure of the cell's text (a spreadsheet formula with no cached value). */
  doubt?: string;
}

export interface DocRow {
  /** Position in the stream of all table rows of the document. */
  index: number;
  /** Index of the table block in the document's blocks. */
  block: number;
  label: string;
  /** The label from the row's own cells only (not the group labels a rowspan repeats into it). */
  ownLabel: string;
  values: ValueCell[];
  cells: TableCell[];
}

export function tableRows(blocks: Block[]): DocRow[] {
  const rows: DocRow[] = [];
  let extra: ExtraColumns | undefined;
  // The grids of the table blocks just before, while they are as wide as this one: the table continued.
  let run: TableCell[][] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'table' || block.glued) return;
    const grid = templateColumns(block.rows, extra);
    extra = grid.extra;
    const width = grid.rows[0]?.length ?? 0;
    if (run[0]?.length !== width) run = [];
    const cells = withoutStrayColumns(grid.rows, run);
    run = [...run, ...grid.rows];
    // Each cell read once: the block's value column and every row's label and values use the same readings.
    const readings = cells.map((row) => row.map((c) => readCell(c.text)));
    const start = valueStart(cells, readings);
    const labels = labelColumns(cells, readings, start);
    cells.forEach((row, r) => rows.push(docRow(row, blockIndex, rows.length, start, readings[r], labels)));
  });
  return rows;
}

/**
 * The grid column where a table block's values begin: where most of its rows with several values
 * print their first one. A value is a number or a blank spelled out (/, —, 无): a small table whose one
 * row of numbers starts with text (规章 | 不适用 | 0 | 0) is told by its row of printed blanks. Undefined
 * when no row has several values (a flattened or ragged table).
 */
function valueStart(rows: TableCell[][], readings: CellReading[][]): number | undefined {
  const counts = new Map<number, number>();
  for (const [r, cells] of rows.entries()) {
    let first = -1;
    let numbers = 0;
    cells.forEach((c, i) => {
      if (c.spanned) return;
      const kind = readings[r][i].kind;
      if (kind !== 'number' && !(kind === 'blank' && c.text.trim())) return;
      numbers++;
      if (first < 0) first = i;
    });
    if (numbers >= 2) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [col, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && col < best)) best = col;
  return best;
}

/** The grid columns before the block's value column where some row prints its label's text: the block's label columns. */
function labelColumns(rows: TableCell[][], readings: CellReading[][], start: number | undefined): ReadonlySet<number> {
  const columns = new Set<number>();
  if (start === undefined) return columns;
  rows.forEach((cells, r) => cells.slice(0, start).forEach((c, i) => {
    if (!c.spanned && readings[r][i].kind === 'text') columns.add(i);
  }));
  return columns;
}

/**
 * `start`: the grid column where the block's values begin. Text printed there or further right in a
 * row that has numbers (不适用, 见附件, a stray 四) is a value that cannot be read, never part of the label.
 */
export function docRow(cells: TableCell[], block: number, index: number, start?: number, readings: CellReading[] = cells.map((c) => readCell(c.text)), labels: ReadonlySet<number> = new Set()): DocRow {
  // The label ends at the last text cell before the first number: a garbled value further right
  // (OCR reading 8 as B) is an unreadable value in its column, not part of the label.
  const firstNumber = readings.findIndex((r) => r.kind === 'number');
  // Where the block's values begin, a row whose label stands before that column reads its values from
  // there: text in a value column (不适用) is an unreadable value, an empty label cell is not a value.
  // A row printing nothing before that column (its label cell read empty: a scan lost the label's ink, or
  // OCR saw none) has no value there either: its empty label cell is not a blank value before its first.
  const labelEmpty = start !== undefined && start > 0 && cells.slice(0, start).every((c) => c.text.trim() === '');
  const zone = start !== undefined && start > 0 && (labelEmpty || readings.slice(0, start).some((r) => r.kind === 'text')) ? start : undefined;
  // Only text that reads like a value (不适用, 见附件, 四, =1+1) is a value there; an item label (1.属于…)
  // in that column means this row's label is wider than the block's usual one.
  const labelLike = (i: number) => readings[i].kind === 'text' && !cells[i].spanned && !valueLikeText(cells[i].text);
  const zoneText = zone === undefined ? [] : readings.slice(zone, firstNumber < 0 ? readings.length : firstNumber).map((_, i) => zone + i);
  // A row of printed blanks alone (- - - - - -) has no number to say where its values begin: its blank
  // markers do, when only empty cells stand between its label and the block's value column — those are
  // the label area every other row leaves empty there (a sub-label column), not a blank value before its first.
  const lastLabelText = readings.slice(0, zone ?? 0).reduce((last, r, i) => (r.kind === 'text' ? i : last), -1);
  const blanksFromZone =
    zone !== undefined &&
    zoneText.some((i) => readings[i].kind === 'blank' && cells[i].text.trim() !== '') &&
    cells.slice(lastLabelText + 1, zone).every((c) => !c.spanned && c.text.trim() === '');
  const byZone =
    zone !== undefined &&
    !zoneText.some(labelLike) &&
    (firstNumber < 0 ? zoneText.some((i) => readings[i].kind === 'text' && !cells[i].spanned) || blanksFromZone : firstNumber >= zone);
  // OCR reads the vertical text of a merged label cell (（三）不予公开) as junk that may look like a
  // number (-2); with an item label (1.属于国家秘密) after it and before the block's value column, it is
  // the label area, and the values begin where the block's do.
  const junkNumber =
    zone !== undefined &&
    firstNumber >= 0 &&
    firstNumber < zone &&
    cells.slice(firstNumber, zone).every((c, k) => readings[firstNumber + k].kind !== 'number' || c.prov?.origin === 'ocr') &&
    readings.slice(firstNumber + 1, zone).some((_, k) => labelLike(firstNumber + 1 + k));
  // A block whose values begin in its first column has no label column (table 四's groups): value-like
  // text before a row's first number there (不适用 | 1 | 0 | 0 | 2) is an unreadable value, not a label.
  const noLabelColumn = start === 0 && firstNumber > 0 && readings.slice(0, firstNumber).every((r, i) => r.kind !== 'text' || (!cells[i].spanned && valueLikeText(cells[i].text)));
  const numbering = numberingAlone(cells, readings, firstNumber, start, labels);
  const labelEnd = byZone || junkNumber ? zone! : noLabelColumn ? 0 : numbering ? firstNumber + 1 : firstNumber < 0 ? readings.length : firstNumber;
  // The numbering a spreadsheet read as a number is the label's, as printed (8.): see numberingAlone.
  const isNumbering = (i: number) => numbering && i === firstNumber;
  const isLabelText = (i: number) => readings[i].kind === 'text' || isNumbering(i);
  let lastText = -1;
  for (let i = 0; i < labelEnd; i++) if (isLabelText(i)) lastText = i;
  const labelParts: string[] = [];
  const ownParts: string[] = [];
  for (let i = 0; i <= lastText; i++) {
    const text = isNumbering(i) ? `${cells[i].text.trim()}.` : cells[i].text.trim();
    if (isLabelText(i) && text && labelParts[labelParts.length - 1] !== text) {
      labelParts.push(text);
      if (!cells[i].spanned) ownParts.push(text);
    }
  }
  const values: ValueCell[] = [];
  for (let i = byZone || junkNumber ? Math.max(zone!, lastText + 1) : numbering ? start! : lastText + 1; i < cells.length; i++) {
    if (cells[i].absent) continue; // padding of a ragged row: nothing was printed there
    if (cells[i].spanned) {
      // A cell merged down from the row above (a header's 总计 over a row short of cells: a PDF's grid
      // has no ruling where the row drew no cell) at the row's end is no cell of this row, and says
      // nothing of where its lost values were: a row packs its cells to the left.
      if (cells[i].text !== cells[i - 1]?.text && cells.slice(i).every((c) => c.spanned || c.absent)) break;
      // A merged value cell counts once; the columns it covers are remembered as printing nothing.
      const last = values[values.length - 1];
      if (last) last.spanAfter = (last.spanAfter ?? 0) + 1;
      continue;
    }
    values.push({ col: i, raw: cells[i].text, reading: readings[i], prov: cells[i].prov, ...(cells[i].doubt ? { doubt: cells[i].doubt } : {}) });
  }
  // A row whose grid ends before its table's (a ragged row: cells missing from it) had its cells pushed
  // left by the ones it lost: a merged value cell stands where they pushed it (25.1 over 采购项目数量 and
  // half of 采购总金额), so what it covers says nothing of where the row's columns are.
  if (cells[cells.length - 1]?.absent) for (const v of values) delete v.spanAfter;
  return { index, block, label: labelParts.join(' '), ownLabel: ownParts.join(' '), values, cells };
}

/**
 * An item's numbering printed alone on its label's first line (8. of a label wrapped 8. · 属于行政 ·
 * 查询事项, each line a row of the sheet) that a spreadsheet read as the number 8: a bare number of one or
 * two digits in one of the block's label columns other than its first (`labels`: where other rows print
 * their labels' text; the item column after the group's), with nothing before it and nothing between it
 * and the block's value column, in a row that prints a value in every column from there to its end. The
 * row's values fill its columns without it, so it is the label's, never a value pushing the others right.
 * (A row of values alone, table 四's 72 64 …, starts in the block's first column: never numbering.)
 */
function numberingAlone(cells: TableCell[], readings: CellReading[], firstNumber: number, start: number | undefined, labels: ReadonlySet<number>): boolean {
  if (start === undefined || firstNumber < 1 || firstNumber >= start || !labels.has(firstNumber)) return false;
  if (cells[firstNumber].spanned || !/^[1-9]\d?$/.test(cells[firstNumber].text.trim())) return false;
  if (!cells.slice(0, firstNumber).every((c) => c.spanned || c.text.trim() === '')) return false;
  if (!cells.slice(firstNumber + 1, start).every((c) => !c.spanned && c.text.trim() === '')) return false;
  const own = cells.map((c, i) => i).slice(start).filter((i) => !cells[i].spanned);
  return own.length >= 2 && own.every((i) => !cells[i].absent && cells[i].text.trim() !== '' && (readings[i].kind === 'number' || readings[i].kind === 'blank'));
}

/** Values up to the last one that is not blank (padding of ragged rows is not data). */
export function meaningfulValueCount(row: DocRow): number {
  let n = 0;
  row.values.forEach((v, i) => {
    if (v.reading.kind !== 'blank') n = i + 1;
  });
  return n;
}

/** Words of the templates' column headers (总计, 数据1 from a converter, 本年制发件数, 自然人): a header cell, not a value. */
const HEADER_WORD = /总计|合计|小计|数据\s*\d|件数|数量|金额|自然人|法人|企业|机构|组织|结果|维持|纠正|审结|起诉|项目|内容/;

/**
 * Text a value cell may hold instead of a number: short, not numbered like a row label (also with the
 * numbering's closing bracket lost: （一予以公开), not a column header.
 */
function valueLikeText(text: string): boolean {
  const t = text.trim();
  return t.length <= 6 && !/^(?:\d+\s*[.、．]|[（(][一二三四五六七八九十\d]+(?:[)）]|\p{Script=Han})|[一二三四五六七八九十]+、)/u.test(t) && !HEADER_WORD.test(t);
}
