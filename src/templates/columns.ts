/**
 * Which printed column is which template column. Values are read in their printed order unless the
 * table's own header says otherwise: when every template column's label stands in one header cell
 * above a distinct grid column, and the data rows have values in exactly those grid columns, the
 * header decides. Flattened or ragged tables, whose grid columns mean nothing, keep the printed order.
 *
 * A header may also name fewer columns than the template's, as agencies simplify table 三: a column of
 * 法人或其他组织 left out, its five printed as one (their sum, under that heading), or 总计 left out.
 * When the header names at least two template columns, each above one grid column of its own, and every
 * data row prints values in exactly those columns (and the one sum column, if any), the columns the
 * header does not name are not printed: their cells are not found, never filled from a neighbour.
 */
import { LEGAL_PERSON_GROUP, type ColumnDef } from './ids.js';
import { labelCore, lcs } from './labels.js';
import type { DocRow, ValueCell } from './rows.js';

/** Rows above the first data row that can hold the header (three levels at most, plus a title row). */
const HEADER_ROWS = 5;

/** Headings that group template columns; above a single grid column, that column prints the group's sum. */
const SUM_HEADINGS = new Set([LEGAL_PERSON_GROUP.label, '法人或者其他组织', '法人和其他组织', '法人及其他组织'].map(labelCore));

/** The ideographs of a text, in order of code point: its words whatever their order or the marks between them. */
const ideographs = (text: string): string => (text.match(/\p{Script=Han}/gu) ?? []).sort().join('');
const SUM_HEADING_IDEOGRAPHS = new Set([...SUM_HEADINGS].map(ideographs));

/**
 * Is a header cell the group's heading: as printed, or as OCR reads a heading its cell wraps over two
 * lines (法人或其他组“IN织, 法人或其他组-AAA织, 法或其人他组织: the line's last character set apart by
 * junk, or the lines interleaved) — every ideograph of the heading and no other. Its column's values are
 * the group's sum, written to no cell: the row's 自然人 and 总计 must confirm them.
 */
const isSumHeading = (core: string): boolean => SUM_HEADINGS.has(core) || SUM_HEADING_IDEOGRAPHS.has(ideographs(core));

/** Template columns a partial header must name for its columns to be read by it. */
const MIN_NAMED = 2;

/**
 * How to read a table's rows by its header. 'grid': for each template column, the grid column it is
 * printed in (undefined: the table does not print it), and a grid column printing a group's sum
 * (法人或其他组织 printed as one column). 'named': a text table's header, whose cells stand in no grid,
 * names some of the template's columns: each row prints exactly those, in the template's order, with the
 * group's sum column where the group stands when the header names the group and none of its columns.
 */
export type ColumnPlan =
  | { kind: 'grid'; gridColumns: (number | undefined)[]; sumColumn?: number; inPart?: number[] }
  | { kind: 'named'; printed: boolean[]; sumAt?: number };

/** Which template column each of a row's values is read as (SUM_COLUMN: the group's sum, read by no cell). */
export const SUM_COLUMN = -1;

export interface PlannedRow {
  columns: number[];
  values: ValueCell[];
}

function headerRows(rows: DocRow[], firstData: DocRow): DocRow[] {
  return rows.filter((r) => r.block === firstData.block && r.index < firstData.index && r.index >= firstData.index - HEADER_ROWS);
}

export function planColumns(rows: DocRow[], firstData: DocRow, columns: ColumnDef[]): ColumnPlan | undefined {
  const header = headerRows(rows, firstData);
  // A cell merged across columns counts once, where it starts (a spreadsheet repeats it into each).
  const copy = (row: DocRow, i: number) => i > 0 && !!row.cells[i]?.spanned && row.cells[i - 1].text === row.cells[i].text;
  // Does the header cell at (r, i), merged across the grid columns after it, stand over other headings
  // (法人或其他组织 over 科研机构 …): it groups columns, it is no column of its own.
  const groups = (r: number, i: number) => {
    let end = i;
    while (copy(header[r], end + 1)) end++;
    const text = header[r].cells[i].text;
    return header.slice(r + 1).some((row) => row.cells.slice(i, end + 1).some((c) => c.text.trim() !== '' && c.text !== text));
  };
  const gridAbove = (matches: (text: string) => boolean, single = false): Set<number> => {
    const found = new Set<number>();
    // single: only a heading standing over no other (a column of its own, a group's sum).
    header.forEach((row, r) => row.cells.forEach((c, i) => !copy(row, i) && matches(labelCore(c.text)) && !(single && groups(r, i)) && found.add(i)));
    return found;
  };
  const gridColumns: (number | undefined)[] = [];
  for (const column of columns) {
    const want = labelCore(column.label);
    const found = gridAbove((text) => text === want);
    if (found.size > 1) return undefined;
    gridColumns.push(found.size ? [...found][0] : undefined);
  }
  nameByWholeLabel(header, columns, gridColumns, copy);
  const named = gridColumns.filter((c): c is number => c !== undefined);
  if (new Set(named).size !== named.length) return undefined;
  if (named.length === columns.length) return { kind: 'grid', gridColumns };
  // One column named whole is enough only beside the group's sum heading and a heading OCR read in part
  // (然人 | 法人或其他组织 | 总计: 自 of 自然人 lost): the column named in part is read in doubt.
  if (named.length < MIN_NAMED - 1) return undefined;
  const sums = [...gridAbove(isSumHeading, true)].filter((c) => !named.includes(c));
  if (named.length < MIN_NAMED && sums.length !== 1) return undefined;
  const sum = sums.length === 1 ? { sumColumn: sums[0] } : {};
  const inPart = nameByPart(header, columns, gridColumns, copy, sums);
  if (named.length + inPart.length < MIN_NAMED) return undefined;
  // Named in part, a table printing every column is read in printed order as any other (the plan is only
  // for a header that leaves columns out).
  const complete = !gridColumns.includes(undefined);
  if (complete) inPart.forEach((c) => (gridColumns[c] = undefined));
  return { kind: 'grid', gridColumns, ...sum, ...(inPart.length && !complete ? { inPart } : {}) };
}

/** Characters OCR may read about a heading (a stray mark taken for 人, the ruling's end for 的). */
const STRAY_CHARACTERS = 2;

/**
 * A heading OCR read with stray characters about it (人“科研机构的 for 科研机构) names its column when it
 * holds that column's label whole, no other column's label, and at most STRAY_CHARACTERS more — or
 * exactly the label's ideographs in another order (公社会“”益组织: the lines of a wrapped heading
 * interleaved), as isSumHeading reads the group's heading — and no
 * header cell names that column exactly. Only cells OCR read: a text header's words are its own. The
 * plan must still fit every row (each prints a value under exactly the columns it places).
 */
function nameByWholeLabel(header: DocRow[], columns: ColumnDef[], gridColumns: (number | undefined)[], copy: (row: DocRow, i: number) => boolean): void {
  const cores = columns.map((c) => labelCore(c.label));
  columns.forEach((_, c) => {
    if (gridColumns[c] !== undefined) return;
    const found = new Set<number>();
    for (const row of header) {
      row.cells.forEach((cell, i) => {
        if (copy(row, i) || cell.prov?.origin !== 'ocr' || gridColumns.includes(i)) return;
        const text = labelCore(cell.text);
        const whole = text.includes(cores[c]) && text.length <= cores[c].length + STRAY_CHARACTERS;
        if (text === cores[c] || !(whole || ideographs(text) === ideographs(cores[c]))) return;
        if (cores.some((other, o) => o !== c && text.includes(other))) return;
        found.add(i);
      });
    }
    if (found.size === 1) gridColumns[c] = [...found][0];
  });
}

/** Does a sorted string of characters hold every character of another (with multiplicity)? */
function containsAll(sorted: string, part: string): boolean {
  let i = 0;
  for (const ch of sorted) if (i < part.length && ch === part[i]) i++;
  return i === part.length;
}

/** Characters in order a heading read in part must share with a column's label. */
const MIN_PART = 2;

/**
 * Headings OCR read only in part (社会公7282“IN for 社会公益组织, AF机构 for 科研机构), in a header that
 * leaves columns out: a cell naming no column, standing between the grid columns of the named columns
 * before and after a column in the template's order, names that column when it shares MIN_PART characters
 * in order with its label and fewer with every other column's that could stand there. Which of the
 * columns of 法人或其他组织 a value is in no identity tells (their sums hold whichever way they are
 * swapped): the cells of such a column stay in doubt (heading-in-part). The template columns named so.
 */
function nameByPart(header: DocRow[], columns: ColumnDef[], gridColumns: (number | undefined)[], copy: (row: DocRow, i: number) => boolean, sums: number[]): number[] {
  const cores = columns.map((c) => labelCore(c.label));
  const inPart: number[] = [];
  // The grid columns a template column may stand in: after the named column before it, before the one after it.
  const between = (c: number, g: number) => {
    const before = gridColumns.slice(0, c).filter((x): x is number => x !== undefined);
    const after = gridColumns.slice(c + 1).filter((x): x is number => x !== undefined);
    return before.every((x) => x < g) && after.every((x) => x > g);
  };
  const cells = new Map<number, string>();
  for (const row of header) {
    row.cells.forEach((cell, g) => {
      if (copy(row, g) || cell.prov?.origin !== 'ocr' || gridColumns.includes(g) || sums.includes(g) || copy(row, g + 1)) return;
      const text = labelCore(cell.text);
      // Not the group's heading (with more words), nor a cell holding a label whole (nameByWholeLabel's).
      const group = [...SUM_HEADING_IDEOGRAPHS].some((h) => containsAll(ideographs(text), h));
      // A heading merged down the header's rows repeats its text into each: one heading still.
      if (text && !group && !cores.some((core) => text.includes(core))) cells.set(g, !cells.has(g) || cells.get(g) === text ? text : '');
    });
  }
  const open = () => columns.flatMap((_, c) => (gridColumns[c] === undefined ? [c] : []));
  for (const [g, text] of [...cells].sort((a, b) => a[0] - b[0])) {
    if (!text) continue;
    // A heading, not a caption or note (at most twice its label's length, junk and all).
    const fits = open().filter((c) => between(c, g) && text.length <= 2 * cores[c].length).map((c) => ({ c, shared: lcs(text, cores[c]) }));
    const best = Math.max(0, ...fits.map((f) => f.shared));
    const at = fits.filter((f) => f.shared === best);
    if (best < MIN_PART || at.length !== 1) continue;
    gridColumns[at[0].c] = g;
    inPart.push(at[0].c);
  }
  return inPart;
}

/**
 * The columns a text table's header names, when fewer than the template's: every header cell's words
 * (split at spaces) are matched against the column labels, each label found once, whole or in two
 * pieces. The group's heading with none of its columns named stands for their sum, printed between the
 * columns before and after the group.
 */
export function namedColumns(rows: DocRow[], firstData: DocRow, columns: ColumnDef[]): ColumnPlan | undefined {
  // A text line's words may stand in one cell (a space-separated header line read as a label).
  const words = headerRows(rows, firstData).flatMap((r) => r.cells.flatMap((c) => c.text.split(/\s+/).map(labelCore)));
  const printed = columns.map((c) => names(words, labelCore(c.label)));
  const count = printed.filter(Boolean).length;
  if (count === columns.length || count < MIN_NAMED) return undefined;
  const grouped = columns.flatMap((c, i) => (LEGAL_PERSON_GROUP.columns.includes(c.id) ? [i] : []));
  const sumNamed = [...SUM_HEADINGS].some((h) => names(words, h)) && grouped.length > 0 && grouped.every((i) => !printed[i]);
  return { kind: 'named', printed, ...(sumNamed ? { sumAt: grouped[0] } : {}) };
}

/**
 * Do the header's words name a label: one word is it, or (no word being it) two words in order make it
 * — a layout text cuts a label its cell wraps (社会公 … 益组织, 法律服务 … 机构) into pieces on its lines.
 */
function names(words: string[], label: string): boolean {
  const whole = words.filter((w) => w === label).length;
  if (whole) return whole === 1;
  return words.some((w, i) => w && label.startsWith(w) && words.slice(i + 1).includes(label.slice(w.length)));
}

/** Does the plan leave template columns unprinted? */
export const isPartial = (plan: ColumnPlan): boolean => (plan.kind === 'grid' ? plan.gridColumns.some((c) => c === undefined) : true);

/**
 * The row's values by the plan and the template column each is read as, or undefined when the row does
 * not fit it. A grid plan fits a row that prints a value under every column it places; a partial one
 * only a row whose every value stands in a column the header names (a value anywhere else says the
 * header does not describe the row). A named plan fits a row that prints exactly its columns' count.
 */
export function rowByPlan(plan: ColumnPlan, values: ValueCell[], count: (values: ValueCell[], n: number) => number): PlannedRow | undefined {
  if (plan.kind === 'named') {
    const columns = plan.printed.flatMap((p, i) => (i === plan.sumAt ? [SUM_COLUMN] : []).concat(p ? [i] : []));
    return count(values, columns.length) === columns.length ? { columns, values } : undefined;
  }
  const byCol = new Map(values.map((v) => [v.col, v]));
  const placed = plan.gridColumns.flatMap((grid, column) => (grid === undefined ? [] : [{ grid, column }]));
  if (plan.sumColumn !== undefined) placed.push({ grid: plan.sumColumn, column: SUM_COLUMN });
  placed.sort((a, b) => (isPartial(plan) ? a.grid - b.grid : 0));
  if (placed.some((p) => !byCol.has(p.grid))) return undefined;
  if (isPartial(plan)) {
    const planned = new Set(placed.map((p) => p.grid));
    if (values.some((v) => !planned.has(v.col) && v.raw.trim() !== '')) return undefined;
  }
  return { columns: placed.map((p) => p.column), values: placed.map((p) => byCol.get(p.grid)!) };
}

export function isPrintedOrder(plan: ColumnPlan): boolean {
  if (plan.kind === 'named') return true;
  const named = plan.gridColumns.filter((c): c is number => c !== undefined);
  return named.every((c, i) => i === 0 || c > named[i - 1]);
}
