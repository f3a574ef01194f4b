/**
 * A table printed without rulings whose blanks are empty cells prints nothing where they stand, so a row
 * short of values says by its text alone nothing of which columns its values are in. Their places on
 * the page do: the words of the header above the rows stand over their columns. As in layout text
 * (extractors/txt/header-columns.ts, which decides every placement here), each value of a short row goes
 * to the header column it stands beneath, only when every row under that header falls within exactly
 * one column each, in order; each cell of a row so placed is in doubt (placed-by-position) until the
 * identities confirm it. A header is the run of text lines just above a row, one of whose words stands
 * over one of the row's values; the rows after it go on under it — on the next page too, where a table
 * that runs on from the page before has no header of its own.
 */
import type { TableCell } from '../model.js';
import type { PositionedText } from './items.js';
import type { TextLine } from './lines.js';
import { PLACED_DOUBT, bandWords, placeByHeader, type PlacedRow, type Span } from '../txt/header-columns.js';

/** One row of a text-position table, in printed order. */
export interface ColumnRow {
  /** A row of values (with the label gathered to it), or a line of text: a header's or a label's. */
  anchor: boolean;
  label: PositionedText[];
  /** The value cells of a row of values; the text cells of a line. */
  cells: TableCell[];
  items: PositionedText[];
}

/** Runs of one line closer than this (in font sizes) are one header word (本年增 · / · 减). */
const WORD_GAP = 0.3;

/** A stretch of the page's x axis as header-columns.ts counts positions (one way of counting: points). */
const spanOf = (x0: number, x1: number): Span => ({ start: x0, end: x1, dstart: x0, dend: x1 });

function cellSpan(cell: TableCell): Span | undefined {
  const box = cell.prov?.bbox;
  return box ? spanOf(box[0], box[2]) : undefined;
}

/** A line's words: its runs, those that touch joined. */
function wordsOf(items: PositionedText[]): Span[] {
  const words: Span[] = [];
  for (const item of [...items].filter((i) => i.text.trim()).sort((a, b) => a.x - b.x)) {
    const last = words[words.length - 1];
    if (last && item.x - last.end <= WORD_GAP * item.height) last.end = last.dend = Math.max(last.end, item.x + item.width);
    else words.push(spanOf(item.x, item.x + item.width));
  }
  return words;
}

/**
 * Where a label column ends: a label may be centred in its cell (规章 under 信息内容), so its right edge,
 * not its left, bounds it — a header word beginning left of it heads the labels, not values.
 */
function labelEdge(items: PositionedText[]): Span | undefined {
  if (!items.length) return undefined;
  const right = Math.max(...items.map((i) => i.x + i.width));
  return spanOf(right - 1, right);
}

/**
 * What a table on a new page takes from the page before: the header the rows of the table there stood
 * under, and the short lines left at the page's foot (its own header begun there, or the labels of
 * rows that printed nothing), read before its first row as lines of its own.
 */
export interface Carried {
  header?: Span[];
  lines?: TextLine[];
}

interface Segment {
  words: Span[];
  labels: Span[];
  rows: ColumnRow[];
}

/**
 * The value cells of each short row the header above it places with certainty (every cell in doubt
 * until the identities confirm it), and the header the last rows stand under, for the page after.
 */
export function placeUnderHeader(rows: ColumnRow[], carried: Carried, page: number): { placed: Map<ColumnRow, TableCell[]>; header: Span[] | undefined } {
  const segments: Segment[] = [];
  let current: Segment = { words: carried.header ?? [], labels: [], rows: [] };
  let band: PositionedText[][] = (carried.lines ?? []).map((line) => line.items);
  for (const row of rows) {
    if (!row.anchor) {
      band.push(row.items);
      continue;
    }
    if (band.length) {
      const words = bandWords(band.map(wordsOf));
      const values = row.cells.flatMap((c) => cellSpan(c) ?? []);
      if (words.some((w) => values.some((v) => w.start < v.end && v.start < w.end))) {
        segments.push(current);
        current = { words, labels: [], rows: [] };
      } else current.labels.push(...band.flatMap((items) => labelEdge(items) ?? []));
      band = [];
    }
    current.rows.push(row);
  }
  segments.push(current);
  const placed = new Map<ColumnRow, TableCell[]>();
  for (const { words, labels, rows: under } of segments) {
    const positions: PlacedRow[] = [];
    for (const row of under) {
      const values = row.cells.map(cellSpan);
      if (values.some((v) => !v)) break;
      positions.push({ label: labelEdge(row.label), values: values as Span[] });
    }
    // OCR may have missed a faint digit where a cell looks empty: its rows keep only what it read.
    if (positions.length !== under.length || under.some((r) => r.cells.some((c) => c.prov?.origin === 'ocr'))) continue;
    const grids = placeByHeader([words], positions, labels);
    if (!grids) continue;
    under.forEach((row, i) => {
      const grid = grids[i];
      if (row.cells.length >= grid.length) return;
      placed.set(row, grid.map((k): TableCell => (k < 0 ? { text: '', doubt: PLACED_DOUBT, prov: { page, origin: 'text' } } : { ...row.cells[k], doubt: PLACED_DOUBT })));
    });
  }
  const last = segments[segments.length - 1];
  return { placed, header: last.words.length ? last.words : undefined };
}
