/**
 * Tables whose every cell stands on a line of its own, rows not parted — what a crawler's text of a page
 * holds when it joins the page's strings with line breaks (BeautifulSoup's get_text('\n') and the like):
 *
 *   一、本年新收政府信息公开申请数量 / 821 / 35 / 0 / … / 三、本年度办理结果 / （一）予以公开 / 258 / …
 *
 * A row is the lines of its label followed by its run of values; the label is the line just before the
 * run, with the lines before it that its numbering shows to be its group (三、… before （一）…) or the
 * first part of a label wrapped over lines (（二）部分公开（区分处理的， before 不计其他情形）). The
 * other lines between two runs, after the last heading or prose line, are a header row (自然人 … 总计).
 * The rows are written back as the DOCX flattening prints them (a cell per line after a tab, a blank line
 * after each row), which the text reader reads as tables (tab-table.ts); the other lines stay as they were.
 */
import { isValueToken } from '../value-token.js';
import { NUMBERING_START, isPageNumberLine, isSectionHeading } from './lines.js';

/** Lone values a text must hold before its lines are read as cells: table 三 alone prints 175. */
const MIN_VALUE_LINES = 20;
/** Lines of one row's label at most: its group, and its own label wrapped over two lines. */
const MAX_LABEL_LINES = 4;
/** A header cell is short; a longer line is prose or a heading, and ends the header row above a table. */
const MAX_HEADER_CELL_CHARS = 40;
/** Items (1. 2. …), the groups they stand under (（三）), and those groups' own group (三、). */
const ITEM_START = /^\d{1,2}[.、．](?!\d)/;
const SUBGROUP_START = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
const GROUP_START = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])/;

/** Lines of text followed by values a text may hold per lone value before it is a layout text, not cells a line. */
const LAYOUT_SHARE = 4;

/** A line of text with a value after it (一、本年新收… 821 35): a row as a layout text prints it. */
function printsValuesAfterText(line: string): boolean {
  const parts = line.trim().split(/[\s\u3000]+/);
  return parts.length >= 2 && isValueToken(parts[parts.length - 1]) && !isValueToken(parts[0]);
}

const isValueLine = (line: string): boolean => {
  const text = line.trim();
  // One token: a line of several numbers (1 1 1 … 件) folds into one, and is not a cell.
  return text !== '' && !/[\s\u3000]/.test(text) && !isPageNumberLine(text) && isValueToken(text);
};

/** Does the text print its tables a cell per line? Then its lines, rewritten as the DOCX flattening prints tables. */
export function cellLinesAsTabTables(read: string[]): string[] | undefined {
  // A DOCX flattening whose rows a blank line ends is read as it is (tab-table.ts); one that lost its
  // blank lines is a cell per line, its tabs the flattening's mark.
  if (read.some((l, i) => l.startsWith('\t') && read[i + 1] === '')) return undefined;
  const lines = read.map((l) => (l.startsWith('\t') ? l.slice(1) : l));
  const lone = lines.filter(isValueLine).length;
  // A layout text (pdftotext) prints its values after their labels, and a value alone on a line only
  // where a label wrapped: such lines are not a table's cells.
  if (lone < MIN_VALUE_LINES || lines.filter(printsValuesAfterText).length * LAYOUT_SHARE > lone) return undefined;
  const out: string[] = [];
  const runs = cellRuns(lines);
  const emptyCells = printsEmptyCells(lines, runs) || partsRowsOfEmptyCells(lines, runs);
  // Lines waiting for a run of values: the label (and header) lines of the next row, or text.
  let pending: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const run = runs.get(i);
    const row = run && (run.values > 0 ? true : emptyCells && emptyRow(run, [...runs.values()]));
    if (!row) {
      if (lines[i].trim() !== '') pending.push(lines[i].trim());
      i = run?.end ?? i + 1;
      continue;
    }
    const values: string[] = [];
    // Where the text prints its empty cells as empty lines, they are the row's cells (written as empty tab lines).
    for (; i < run.end; i++) if (lines[i].trim() !== '' || emptyCells) values.push(lines[i].trim());
    const label = labelLines(pending);
    const before = pending.slice(0, pending.length - label.length);
    const header = headerLines(before);
    out.push(...before.slice(0, before.length - header.length));
    if (header.length) out.push(...header.map((c) => `\t${c}`), '');
    out.push(...[...label, ...values].map((c) => `\t${c}`), '');
    pending = [];
  }
  out.push(...pending);
  return out;
}

/** A run of lone values and empty lines: its first line, the line after it, how many values it holds. */
interface CellRun {
  start: number;
  end: number;
  values: number;
  /** It follows a line of text (a label) and a line of text follows it, its last line a value. */
  closed: boolean;
  /** Its lines up to the next line of text (its trailing empty lines too), and whether it follows a line of text. */
  span: number;
  afterText: boolean;
  /** An empty line stands between two of its values. */
  inner: boolean;
}

/**
 * The runs of cell lines, by their first line: each maximal run of value lines and empty lines holding a
 * value, and, after a line of text, a run of empty lines alone (a row whose every cell is empty, where
 * the text prints them so).
 */
function cellRuns(lines: string[]): Map<number, CellRun> {
  const runs = new Map<number, CellRun>();
  const isText = (k: number) => k >= 0 && k < lines.length && lines[k].trim() !== '' && !isValueLine(lines[k]);
  for (let i = 0; i < lines.length; ) {
    if (isText(i) || (lines[i].trim() === '' && !isText(i - 1))) {
      i++;
      continue;
    }
    const start = i;
    let values = 0;
    while (i < lines.length && !isText(i)) if (lines[i++].trim() !== '') values++;
    // A run of values ends at its last value; the empty lines after it start the next run only after text.
    let end = i;
    if (values > 0 && !isText(end)) while (end > start && lines[end - 1].trim() === '') end--;
    const inner = lines.slice(start, end).some((l) => l.trim() === '');
    runs.set(start, { start, end, values, closed: values > 0 && isText(start - 1) && isText(end) && isValueLine(lines[end - 1]), span: i - start, afterText: isText(start - 1), inner });
    i = Math.max(end, start + 1);
  }
  return runs;
}

/** Closed runs with an empty line among their values a text must hold before its empty lines are cells. */
const MIN_EMPTY_CELL_ROWS = 2;

/**
 * Does the text print a blank cell as an empty line, its rows not parted? Then runs between two labels
 * hold empty lines among their values (821 · 35 · ∅ · ∅ · 2 · 1 · 859 before the next row's label). A text
 * that parts its rows by blank lines ends every run with one, so no run of values is closed by a label.
 */
function printsEmptyCells(lines: string[], runs: Map<number, CellRun>): boolean {
  let evidence = 0;
  for (const run of runs.values()) {
    if (run.closed && lines.slice(run.start, run.end).some((l) => l.trim() === '')) evidence++;
  }
  return evidence >= MIN_EMPTY_CELL_ROWS;
}

/** Rows printing an empty line among their values, in tables whose rows are all as long, a text must hold. */
const MIN_PARTED_EMPTY_CELL_ROWS = 2;

/**
 * Does the text print a blank cell as an empty line and part its rows by one blank line? Then the rows of
 * a table span as many lines each, label to label: their cells and the one blank line after them
 * (258 · 12 · ∅ · ∅ · 1 · 1 · ∅ · ∅ before the next row's label, as 821 · 35 · ∅ · ∅ · 2 · 1 · 859 · ∅ before
 * it). Where it does, each run of a table (runs that only label lines part) whose every run is as long holds
 * its cells and that blank line, the last: its end is set there (the run's empty lines are then its cells).
 * A table whose rows are not all as long (a row after two blank lines), or of one row, keeps its values
 * alone, as before.
 */
function partsRowsOfEmptyCells(lines: string[], runs: Map<number, CellRun>): boolean {
  const all = [...runs.values()].filter((r) => r.afterText && r.span >= 2 && lines[r.start + r.span - 1].trim() === '');
  // The tables: runs that only label lines part, each table's rows all as long as each other.
  const tables: CellRun[][] = [];
  all.forEach((r, k) => (k > 0 && labelGap(lines, all[k - 1], r) ? tables[tables.length - 1].push(r) : tables.push([r])));
  const even = tables.filter((t) => t.length >= 2 && t.every((r) => r.span === t[0].span));
  if (even.flat().filter((r) => r.values > 0 && r.inner).length < MIN_PARTED_EMPTY_CELL_ROWS) return false;
  // No run of values ends right at a label: a text that parts its rows does so after every row.
  if ([...runs.values()].some((r) => r.closed)) return false;
  for (const r of even.flat()) r.end = r.start + r.span - 1;
  return true;
}

/** Only label lines (at most MAX_LABEL_LINES, no empty line) stand between two runs. */
function labelGap(lines: string[], a: CellRun, b: CellRun): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  const gap = lines.slice(first.start + first.span, second.start);
  return gap.length >= 1 && gap.length <= MAX_LABEL_LINES && gap.every((l) => l.trim() !== '' && !isValueLine(l));
}

/**
 * A run of empty lines alone after a label is a row of empty cells when it holds as many lines as the
 * nearest run of values before or after it (the rows of one table print as many lines each).
 */
function emptyRow(run: CellRun, all: CellRun[]): boolean {
  const length = run.end - run.start;
  if (length < 2) return false;
  const valued = all.filter((r) => r.values > 0);
  const before = valued.filter((r) => r.start < run.start).at(-1);
  const after = valued.find((r) => r.start > run.start);
  return [before, after].some((r) => r !== undefined && r.end - r.start === length);
}

/** The lines of a row's label at the end of `lines`: the last line, with its group or its wrapped first part. */
function labelLines(lines: string[]): string[] {
  if (!lines.length) return [];
  const label = [lines[lines.length - 1]];
  for (let k = lines.length - 2; k >= 0 && label.length < MAX_LABEL_LINES; k--) {
    const first = label[0];
    const previous = lines[k];
    const wrappedStart = !NUMBERING_START.test(first) && NUMBERING_START.test(previous) && previous.length >= first.length;
    const group = (ITEM_START.test(first) || SUBGROUP_START.test(first)) && GROUP_START.test(previous);
    if (!wrappedStart && !group) break;
    label.unshift(previous);
  }
  return label;
}

/** The header cells at the end of `lines`: short lines after the last heading or line of prose. */
function headerLines(lines: string[]): string[] {
  let k = lines.length;
  while (k > 0 && lines[k - 1].length <= MAX_HEADER_CELL_CHARS && !isSectionHeading(lines[k - 1])) k--;
  return lines.slice(k);
}
