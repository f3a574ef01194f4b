/**
 * Tables printed without rulings (borderless HTML tables printed to PDF, some WPS layouts), read from
 * text positions alone. Rows are anchored on the lines that carry numbers; the label fragments a
 * narrow label column wraps above and below a row's numbers are gathered to the nearest row; lines
 * with no number (headers, section titles) stay rows of their own. Cells keep page and box.
 */
import type { Block, TableCell } from '../model.js';
import type { PositionedText } from './items.js';
import type { TextLine } from './lines.js';
import { boxOf, unionBox, type Box } from './geometry.js';
import { BLANK_MARKERS, foldValueText, isValueToken } from '../value-token.js';
import { NUMBERING_START, isSectionHeading } from '../txt/lines.js';
import { placeUnderHeader, type Carried } from './stream-columns.js';
import type { Span } from '../txt/header-columns.js';

/** The words of the header the last rows of a table stand under: the table's rows on the next page go on under it. */
export type HeaderWords = Span[];

const NUMBER_RUN = /^[\d.,]+$/;
/** Gap (in font sizes) that separates two text cells rather than two words. */
const CELL_GAP = 1.2;
/** A number starts a new cell at any visible gap (in font sizes) from what precedes it. */
const NUMBER_GAP = 0.3;
/** Runs of one baseline this close (in font sizes) are one piece of text cut by the PDF's producer. */
const TOUCHING_GAP = 0.15;
/** Lines with this many numbers, or a label and one number, anchor a table row. */
const MIN_TABULAR_LINES = 3;
/** How far (in line heights) a label fragment may sit from the numbers of its row. */
const LABEL_REACH = 1.6;
/**
 * Short text lines just above the first row are the table's header, up to a section heading: table
 * 四's header stacked in a narrow layout (行政复议 行政诉讼 · 未经复议… · 结果 · 维持 …) runs to seven lines.
 */
const MAX_HEADER_LINES = 10;
const MAX_HEADER_CHARS = 40;

interface Run {
  text: string;
  items: PositionedText[];
  /** A value cell's text: a number, or a blank marker (无, -, /) printed where a number would stand. */
  numeric: boolean;
}

/** A blank marker alone (无, -, ／): a value cell that printed no number. */
const isBlankMarker = (text: string): boolean => foldValueText(text) !== '' && BLANK_MARKERS.has(foldValueText(text));

function runsOf(line: TextLine): Run[] {
  const items = [...line.items].sort((a, b) => a.x - b.x);
  const runs: Run[] = [];
  let prevEnd = -Infinity;
  for (const item of items) {
    const numeric = NUMBER_RUN.test(item.text.trim()) || isBlankMarker(item.text);
    const last = runs[runs.length - 1];
    const gap = item.x - prevEnd;
    const split = !last || gap > CELL_GAP * line.size || ((numeric || last.numeric) && gap > NUMBER_GAP * line.size);
    if (split) runs.push({ text: item.text.trim(), items: [item], numeric });
    else {
      last.text += item.text.trim();
      last.items.push(item);
      last.numeric = last.numeric && numeric;
    }
    prevEnd = item.x + item.width;
  }
  // Whether a run is a value is decided on its whole text: 无 then 法提供 at no gap is a label (无法提供).
  return runs.filter((r) => r.text).map((r) => ({ ...r, numeric: isValueToken(r.text) }));
}

const isNumberRun = (r: Run): boolean => r.numeric && !isBlankMarker(r.text);

/**
 * A row's line: three or more values (blank markers count: 18 无 无 无 无 无 18, a row of 无 with its
 * label wrapped above and below), or a label and one number well apart from it (行政许可 2629).
 */
function isAnchor(runs: Run[]): boolean {
  const values = runs.filter((r) => r.numeric).length;
  if (values >= 3) return true;
  return runs.some(isNumberRun) && !runs[0].numeric && runs.length <= 3;
}

/** A line of this many separate numbers is a table row on its own (table 四's 15 values). */
const MANY_NUMBERS = 8;

/**
 * Whether free lines hold a table: three rows of values, or fewer (`minLines`) where a table printed
 * without rulings goes on from the page before; one line of many numbers is a row whatever else.
 */
export function looksTabular(lines: TextLine[], minLines = MIN_TABULAR_LINES): boolean {
  let n = 0;
  let labelled = 0;
  for (const line of lines) {
    const runs = runsOf(line);
    const values = runs.filter((r) => r.numeric).length;
    // Three numbers, or a row of values some of them blanks (18 无 无 无 无 无 18; 无 × 7 in a report that prints blanks as 无).
    const numbers = runs.filter(isNumberRun).length;
    if (numbers >= MANY_NUMBERS) return true;
    if ((numbers >= 3 || (values >= 5 && values >= runs.length - 1)) && ++n >= minLines) return true;
    else if (isAnchor(runs)) labelled++;
  }
  // Fewer such rows (a row that printed nothing: 行政规范性文件 with no values), but rows of a label and
  // one number set well apart (行政许可 2629) besides: table 二 of one-value rows over the start of table 三.
  return n > 0 && n + labelled >= minLines + MIN_LABELLED_EXTRA;
}

/** Label-and-number rows beyond minLines that, with one row of several values, make free lines a table. */
const MIN_LABELLED_EXTRA = 2;

function cellOf(items: PositionedText[], page: number, text?: string): TableCell {
  let box: Box | undefined;
  for (const i of items) box = unionBox(box, boxOf(i));
  const ordered = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  // As in a ruled cell (lattice.ts): an OCR cell is as doubtful as its worst run.
  let confidence: number | undefined;
  for (const i of items) if (i.confidence !== undefined) confidence = Math.min(confidence ?? i.confidence, i.confidence);
  const origin = items.some((i) => i.origin === 'ocr') ? 'ocr' : 'text';
  return { text: text ?? ordered.map((i) => i.text.trim()).join(''), prov: { page, ...(box ? { bbox: box } : {}), origin, ...(origin === 'ocr' && confidence !== undefined ? { confidence } : {}) } };
}

/**
 * A line that may be part of a table's header: short, no sentence end, not a section heading. Lines
 * like it at the foot of a page begin the header of a table printed without rulings on the next page.
 */
export function isHeaderLine(line: TextLine): boolean {
  return line.text.length <= MAX_HEADER_CHARS && !/[。；]$/.test(line.text) && !isSectionHeading(line.text);
}

/** Header lines carried over from the page before, as the first rows of `table` (padded to its width). */
export function withHeaderLines(table: Block, lines: TextLine[], page: number): Block {
  if (table.kind !== 'table' || lines.length === 0) return table;
  const width = Math.max(...table.rows.map((r) => r.length));
  const head = lines.map((line) => {
    const cells = runsOf(line).map((r) => cellOf(r.items, page, r.text));
    return [...cells, ...Array.from({ length: Math.max(0, width - cells.length) }, () => ({ text: '', absent: true }))];
  });
  return { ...table, rows: [...head, ...table.rows] };
}

/**
 * Splits free lines into the lines before a borderless table, the table, and the lines after it.
 * Returns undefined when there is no such table.
 */
export function findStreamTable(
  lines: TextLine[],
  page: number,
  minLines = MIN_TABULAR_LINES,
  carried: Carried = {},
): { before: TextLine[]; table: Block; after: TextLine[]; header: HeaderWords | undefined } | undefined {
  const runs = lines.map(runsOf);
  const anchors = withValueLines(lines, runs, runs.map(isAnchor));
  const first = anchors.indexOf(true);
  const last = anchors.lastIndexOf(true);
  const many = runs.some((r) => r.filter(isNumberRun).length >= MANY_NUMBERS);
  if (first < 0 || (anchors.filter(Boolean).length < minLines && !many)) return undefined;
  let start = first;
  // A section heading ends the header — unless it stands right over the first row's numbers: then it
  // is that row's label (二、上年结转政府信息公开申请 at the top of a page, its numbers just under it).
  const rowLabel = (line: TextLine): boolean => Math.abs(line.items[0].y - lines[first].items[0].y) <= LABEL_REACH * lines[first].size;
  while (start > 0 && first - start < MAX_HEADER_LINES && lines[start - 1].text.length <= MAX_HEADER_CHARS && !/[。；]$/.test(lines[start - 1].text) && (!isSectionHeading(lines[start - 1].text) || rowLabel(lines[start - 1]))) start--;
  let end = last;
  // Label fragments wrapped below the last row still belong to it.
  while (end + 1 < lines.length && !anchors[end + 1] && lines[last].box[1] - lines[end + 1].box[3] < LABEL_REACH * lines[last].size && lines[end + 1].text.length <= MAX_HEADER_CHARS && !isSectionHeading(lines[end + 1].text)) end++;

  type Row = { y: number; size: number; firstNumberX: number; label: PositionedText[]; cells: TableCell[]; anchor: boolean; items: PositionedText[] };
  const rows: Row[] = [];
  const anchorRows: Row[] = [];
  for (let i = start; i <= end; i++) {
    const line = lines[i];
    if (anchors[i]) {
      const firstNumber = runs[i].findIndex((r) => r.numeric);
      const row: Row = {
        y: line.items[0].y,
        size: line.size,
        firstNumberX: Math.min(...runs[i][firstNumber].items.map((it) => it.x)),
        label: runs[i].slice(0, firstNumber).flatMap((r) => r.items),
        cells: runs[i].slice(firstNumber).map((r) => cellOf(r.items, page, r.text)),
        anchor: true,
        items: line.items,
      };
      rows.push(row);
      anchorRows.push(row);
      continue;
    }
    const text = { y: line.items[0].y, size: line.size, firstNumberX: Infinity, label: [], anchor: false };
    const cells = runs[i].map((r) => cellOf(r.items, page, r.text));
    // A line across label columns whose pieces start a label and end one (（五）不 beside 出版物, the
    // group's first characters beside the rest of the item above): each piece finds its row alone.
    const mixed = cells.length > 1 && cells.some((c) => NUMBERING_START.test(c.text)) && cells.some((c) => !NUMBERING_START.test(c.text));
    if (mixed) runs[i].forEach((r, k) => rows.push({ ...text, cells: [cells[k]], items: r.items }));
    else rows.push({ ...text, cells, items: line.items });
  }
  // A text line whose words all stand left of a nearby row's numbers is that row's wrapped label.
  const rightOf = (row: Row): number => Math.max(...row.cells.flatMap((c) => (c.prov?.bbox ? [c.prov.bbox[2]] : [])));
  const owner = new Map<Row, Row>();
  for (const row of rows) {
    if (row.anchor) continue;
    const right = rightOf(row);
    const starts = startsLabel(row);
    let best: Row | undefined;
    for (const a of anchorRows) {
      const distance = Math.abs(a.y - row.y);
      if (starts && a.y > row.y) continue;
      if (distance <= LABEL_REACH * a.size && right <= a.firstNumberX + 1 && (!best || distance < Math.abs(best.y - row.y))) best = a;
    }
    if (best) owner.set(row, best);
  }
  // A label of four lines or more, its numbers on one of the middle ones (a narrow label column):
  // lines beyond reach of the numbers, between two rows of the table, join the label of the line
  // next to them (the nearer one), line by line.
  const hasItem = (anchor: Row): boolean => anchor.label.some((i) => ITEM_START.test(i.text.trim())) || rows.some((r) => owner.get(r) === anchor && startsItem(r));
  const top = anchorRows[0].y;
  const bottom = anchorRows[anchorRows.length - 1].y;
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of rows) {
      if (row.anchor || owner.has(row) || row.y >= top || row.y <= bottom) continue;
      const right = rightOf(row);
      let best: { anchor: Row; distance: number } | undefined;
      for (const neighbour of startsLabel(row) ? [nextLine(rows, row, -1)] : [nextLine(rows, row, 1), nextLine(rows, row, -1)]) {
        const anchor = neighbour && (neighbour.anchor ? neighbour : owner.get(neighbour));
        if (!anchor) continue;
        const distance = Math.abs(neighbour.y - row.y);
        if (distance <= LABEL_REACH * row.size && right <= anchor.firstNumberX + 1 && (!best || distance < best.distance)) best = { anchor, distance };
      }
      // A label holds one item: 4.保护第三方 printing nothing never joins 5.属于三类内's label below it.
      if (best && startsItem(row) && hasItem(best.anchor)) continue;
      if (best) {
        owner.set(row, best.anchor);
        changed = true;
      }
    }
  }
  const kept: Row[] = [];
  for (const row of rows) {
    const anchor = owner.get(row);
    if (anchor) anchor.label.push(...row.items);
    else kept.push(row);
  }
  // Prose before the table on its page: a table of its own, not the rest of the one before.
  const { placed, header } = placeUnderHeader(kept, lines.slice(0, start).every(isHeaderLine) ? carried : {}, page);
  for (const row of kept) row.cells = placed.get(row) ?? row.cells;
  const width = Math.max(...kept.map((r) => (r.anchor ? 1 : 0) + r.cells.length));
  const grid: TableCell[][] = kept.map((r) => {
    const cells = r.anchor && r.label.length ? [cellOf(r.label, page, labelText(r.label)), ...r.cells] : r.cells;
    // Text positions only say where text is: a row with fewer runs printed nothing there that we saw.
    return [...cells, ...Array.from({ length: width - cells.length }, () => ({ text: '', absent: true }))];
  });
  return {
    before: lines.slice(0, start),
    table: { kind: 'table', rows: grid, prov: { page, origin: 'text' } },
    after: lines.slice(end + 1),
    header,
  };
}

/**
 * Lines of values alone are rows too where a label line stands beside them (within reach above or
 * below, its words left of the values) and the values stand where the table's labelled rows print
 * theirs: a label column so narrow that the label wraps over the lines around its values (1.属于国家秘 ·
 * 14 · 密; 二、上年结转… · 18 18 · 数量).
 */
function withValueLines(lines: TextLine[], runs: Run[][], anchors: boolean[]): boolean[] {
  const labelled = runs.flatMap((r, i) => (anchors[i] && !r[0].numeric ? [r.find((x) => x.numeric)!] : []));
  if (!labelled.length) return anchors;
  const valueEdge = Math.min(...labelled.map((r) => Math.min(...r.items.map((it) => it.x))));
  const valuesOnly = (r: Run[]): boolean => r.length > 0 && r.every((x) => x.numeric) && r.some(isNumberRun);
  return anchors.map((anchor, i) => {
    if (anchor || !valuesOnly(runs[i])) return anchor;
    const line = lines[i];
    const left = Math.min(...runs[i][0].items.map((it) => it.x));
    if (left < valueEdge - line.size) return false;
    return lines.some((other, j) => j !== i && !valuesOnly(runs[j]) && Math.abs(other.items[0].y - line.items[0].y) <= LABEL_REACH * line.size && other.box[2] <= left);
  });
}

/**
 * A gathered label's text column by column: items whose horizontal extents overlap stand in one label
 * column (a group label wrapped in its narrow cell, （四） 无法提 供, beside the item's own lines
 * 2.没有现成 信息需要另 行制作), read top-down within it; the columns left to right, a space between.
 * Reading line by line instead interleaves the two (（四）2.没有现成无法提信息需要另…).
 */
function labelText(items: PositionedText[]): string {
  // Segments: the runs of one baseline that touch (a line of one cell, however pdf.js cut it: 1. 属于国家秘).
  const segments: { x0: number; x1: number; y: number; text: string }[] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const last = segments[segments.length - 1];
    if (last && Math.abs(last.y - item.y) < 0.3 * item.height && Math.abs(item.x - last.x1) < TOUCHING_GAP * item.height) {
      last.text += item.text.trim();
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else segments.push({ x0: item.x, x1: item.x + item.width, y: item.y, text: item.text.trim() });
  }
  const columns: { x0: number; x1: number; segments: typeof segments }[] = [];
  for (const segment of [...segments].sort((a, b) => a.x0 - b.x0)) {
    const column = columns.find((c) => segment.x0 < c.x1 && segment.x1 > c.x0);
    if (column) {
      column.segments.push(segment);
      column.x0 = Math.min(column.x0, segment.x0);
      column.x1 = Math.max(column.x1, segment.x1);
    } else columns.push({ x0: segment.x0, x1: segment.x1, segments: [segment] });
  }
  return columns
    .sort((a, b) => a.x0 - b.x0)
    .map((c) => [...c.segments].sort((a, b) => b.y - a.y || a.x0 - b.x0).map((g) => g.text).join(''))
    .join(' ');
}

/**
 * A line that starts with an item number (（二）部分公开…, 5.属于三类) begins a row's label: it is never
 * the wrapped end of the label above, so it joins only a row at or below it.
 */
function startsLabel(row: { cells: TableCell[] }): boolean {
  return row.cells.some((c) => NUMBERING_START.test(c.text));
}

/** An item's numbering (5.属于…), not a group's (（三）不予公开). */
const ITEM_START = /^\d{1,2}[.、．](?!\d)/;

function startsItem(row: { cells: TableCell[] }): boolean {
  return row.cells.some((c) => ITEM_START.test(c.text));
}

/**
 * The nearest row on the line above (direction 1) or below (-1) of `row`, preferring one in the same
 * label column (its text overlapping horizontally).
 */
function nextLine<R extends { y: number; cells: TableCell[] }>(rows: R[], row: R, direction: 1 | -1): R | undefined {
  const candidates = rows.filter((r) => (r.y - row.y) * direction > 0.5);
  if (!candidates.length) return undefined;
  const y = direction > 0 ? Math.min(...candidates.map((r) => r.y)) : Math.max(...candidates.map((r) => r.y));
  const onLine = candidates.filter((r) => Math.abs(r.y - y) < 0.5);
  const [x0, x1] = extent(row);
  return onLine.find((r) => extent(r)[0] < x1 && extent(r)[1] > x0) ?? onLine[0];
}

function extent(row: { cells: TableCell[] }): [number, number] {
  const boxes = row.cells.flatMap((c) => (c.prov?.bbox ? [c.prov.bbox] : []));
  return boxes.length ? [Math.min(...boxes.map((b) => b[0])), Math.max(...boxes.map((b) => b[2]))] : [0, 0];
}
