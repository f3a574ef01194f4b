/**
 * Tables that run over a page break. A table that ends a page and a table that starts the next one
 * are one table when their outer edges and column boundaries line up; the continuation's rows are
 * appended (a header row the printer repeated on the new page is dropped, so it is not read twice).
 */
import type { DraftCell, TableDraft } from './lattice.js';
import { joinPieces, unionBox, type Box } from './geometry.js';
import { FOOTNOTE_MARK_CLOSED, FOOTNOTE_MARK_OPENED, HAS_DIGIT, VALUE_UNITS } from '../value-token.js';

/** Outer edges may differ by this much (points) and still be the same table. */
const EDGE_TOLERANCE = 4;
/** Column boundaries closer than this are the same boundary. */
const COLUMN_TOLERANCE = 3;
/** Share of the narrower side's inner boundaries that must be found in the other. */
const MIN_SHARED_BOUNDARIES = 0.6;

export function columnsLineUp(above: TableDraft, below: TableDraft): boolean {
  const a = above.colXs;
  const b = below.colXs;
  if (Math.abs(a[0] - b[0]) > EDGE_TOLERANCE || Math.abs(a[a.length - 1] - b[b.length - 1]) > EDGE_TOLERANCE) return false;
  const innerA = a.slice(1, -1);
  const innerB = b.slice(1, -1);
  const [few, many] = innerA.length <= innerB.length ? [innerA, innerB] : [innerB, innerA];
  if (few.length === 0) return many.length <= 1;
  let shared = 0;
  for (const x of few) if (many.some((y) => Math.abs(x - y) <= COLUMN_TOLERANCE)) shared++;
  return shared / few.length >= MIN_SHARED_BOUNDARIES;
}

/** Most characters of a cell's text run out under the table (序号's 号, a label's last characters), under each cell. */
const MAX_OVERFLOW_CHARS = 4;
/** How far under the cell's lower ruling the run-out text may stand, in its line's heights. */
const MAX_OVERFLOW_GAP = 1.5;

/**
 * Cells the page break cut whose text ran out under the table's last ruling: Chromium splits a cell
 * merged down over rows at the break and prints what no longer fits below the table (序 in the cell,
 * 号 under it; 结果 · 维持, 结果 · 纠正 … 总 · 计 of a header row's cells side by side on one line), then
 * goes on with the table on the next page. One line of words (no digits: a number is never pieced
 * together this way) right under cells of the table's last row, on their page, each of its runs within
 * one such cell and at most a few characters under each, is those cells' text: each cell with its
 * piece, or undefined when the line is not that.
 */
export function overflowCells(table: TableDraft, line: { text: string; box: Box; size: number; items: ReadonlyArray<{ text: string; x: number; width: number }> }, page: number): Array<[DraftCell, string]> | undefined {
  const text = line.text.trim();
  if (!text || HAS_DIGIT.test(text) || !line.items.length) return undefined;
  const last = table.rowCount - 1;
  const under = table.cells.filter(
    (c) => c.r1 === last && c.page === page && line.box[3] <= c.rect[1] + COLUMN_TOLERANCE && c.rect[1] - line.box[3] <= MAX_OVERFLOW_GAP * line.size,
  );
  const pieces = new Map<DraftCell, Array<{ text: string; x: number }>>();
  for (const item of line.items) {
    const cell = under.find((c) => item.x >= c.x0 - COLUMN_TOLERANCE && item.x + item.width <= c.x1 + COLUMN_TOLERANCE);
    if (!cell) return undefined;
    pieces.set(cell, [...(pieces.get(cell) ?? []), item]);
  }
  const out: Array<[DraftCell, string]> = [];
  for (const [cell, items] of pieces) {
    const piece = items
      .sort((a, b) => a.x - b.x)
      .map((i) => i.text)
      .join('')
      .trim();
    if (!piece || [...piece].length > MAX_OVERFLOW_CHARS) return undefined;
    out.push([cell, piece]);
  }
  return out;
}

/** `below` appended to `above`: column boundaries united, rows renumbered, a repeated header dropped. */
export function joinDrafts(above: TableDraft, below: TableDraft): TableDraft {
  const colXs = mergeBoundaries(above.colXs, below.colXs);
  const repeated = repeatedHeaderRows(above, below);
  const cells: DraftCell[] = above.cells.map((cell) => ({ ...cell }));
  const lastRowAbove = above.rowCount - 1;
  const restOf = rowRest(cells.filter((c) => c.r0 === lastRowAbove && c.r1 === lastRowAbove), below.cells.filter((c) => c.r0 === repeated && c.r1 === repeated));
  for (const cell of below.cells) {
    const upper = restOf.get(cell);
    if (upper) {
      // The rest of a number (or of a label) the page break cut off: read on in its cell above.
      const markEnd = FOOTNOTE_MARK_CLOSED.test(cell.text.trim());
      upper.text = NUMBER_PIECE.test(upper.text.trim()) ? upper.text.trim() + cell.text.trim() : markEnd ? upper.text.trim() + cell.text.trim() : joinPieces(upper.text, cell.text, true);
      if (NUMBER_PIECE.test(upper.text) || markEnd) upper.doubt = 'wrapped-value';
      continue;
    }
    if (cell.r1 < repeated) continue;
    const r0 = Math.max(cell.r0, repeated) - repeated + above.rowCount;
    const moved = { ...cell, r0, r1: cell.r1 - repeated + above.rowCount };
    const cut = r0 === above.rowCount ? cells.find((c) => c.r1 === lastRowAbove && continuesAcrossBreak(c, moved)) : undefined;
    if (cut) {
      // One label cell the page break cut in two: the half below extends it (its text read on).
      cut.r1 = moved.r1;
      cut.text = joinPieces(cut.text, moved.text, true);
      if (!cut.box) cut.box = moved.box;
      if (moved.confidence !== undefined) cut.confidence = Math.min(cut.confidence ?? moved.confidence, moved.confidence);
    } else cells.push(moved);
  }
  return {
    page: above.page,
    box: unionBox(above.box, below.box),
    colXs,
    rowCount: above.rowCount + below.rowCount - repeated,
    cells,
  };
}

/**
 * A row-group label (三、本年度办理结果, （四）无法提供) spans several rows; when a page break falls
 * inside the group the printer draws it as two cells, the second often empty or holding the rest of
 * the wrapped text. Two cells over the same columns, meeting at the break, are one when either half
 * spans several rows and neither holds a number (values of a row cut by the break stay apart).
 */
function continuesAcrossBreak(upper: DraftCell, lower: DraftCell): boolean {
  if (Math.abs(upper.x0 - lower.x0) > COLUMN_TOLERANCE || Math.abs(upper.x1 - lower.x1) > COLUMN_TOLERANCE) return false;
  if (upper.r1 === upper.r0 && lower.r1 === lower.r0) return false;
  // A group that ends at the page foot and the next that starts on the new page are two labels.
  if (NUMBERED_LABEL.test(lower.text.trim())) return false;
  return !HAS_DIGIT.test(upper.text) && !HAS_DIGIT.test(lower.text) && upper.text + lower.text !== '';
}

/** A cell holding digits alone (full-width or not): a count, or part of one. */
const NUMBER_PIECE = /^[0-9０-９]+$/;
/** Digits that begin with a zero: 0 itself, never the first digits of a wider count. */
const LEADING_ZERO = /^[0０]/;

/**
 * A row a page break cut (word processors let a row break across pages): a number too wide for its
 * cell prints its first digits in the row at the page foot and the rest at the top of the next page
 * (４５ … ４ for 454), with the rest of the wrapped label beside. The top row of the new page is such a
 * rest when every cell it prints stands over a cell of the row above that prints too — digits under
 * digits, unnumbered text under text — and it prints fewer numbers than that row: a row of its own
 * would print a value where the row above has none, or a numbered label, or digits under a 0 (no count
 * begins with 0: a row of zeros over a row of zeros OCR lost one of is two rows). Each such cell, mapped to the
 * cell it continues; none when the row is a row of its own. A number so joined is in doubt
 * (wrapped-value) until an identity confirms it.
 */
function rowRest(upperRow: DraftCell[], lowerRow: DraftCell[]): Map<DraftCell, DraftCell> {
  const rest = new Map<DraftCell, DraftCell>();
  const printed = lowerRow.filter((c) => c.text.trim() !== '');
  const numbers = printed.filter((c) => NUMBER_PIECE.test(c.text.trim()));
  const units = printed.filter((c) => isUnit(c.text));
  const marks = printed.filter((c) => FOOTNOTE_MARK_CLOSED.test(c.text.trim()));
  const upperNumbers = upperRow.filter((c) => NUMBER_PIECE.test(c.text.trim()));
  if ((!numbers.length && !units.length && !marks.length) || numbers.length >= upperNumbers.length) return rest;
  for (const lower of printed) {
    const upper = upperRow.find((u) => Math.abs(u.x0 - lower.x0) <= COLUMN_TOLERANCE && Math.abs(u.x1 - lower.x1) <= COLUMN_TOLERANCE && u.text.trim() !== '');
    if (FOOTNOTE_MARK_CLOSED.test(lower.text.trim())) {
      // A footnote mark's end (4）) under a value and the mark's start (0（注): the break cut the mark. No value is a mark's end alone.
      if (!upper || !FOOTNOTE_MARK_OPENED.test(upper.text.trim())) return new Map();
      rest.set(lower, upper);
      continue;
    }
    if (isUnit(lower.text)) {
      // A unit alone (件) under digits alone: the value's unit the break carried over (２０ … 件). No value is a unit alone.
      if (!upper || !NUMBER_PIECE.test(upper.text.trim())) return new Map();
      rest.set(lower, upper);
      continue;
    }
    const isNumber = NUMBER_PIECE.test(lower.text.trim());
    if (!upper || isNumber !== NUMBER_PIECE.test(upper.text.trim()) || (!isNumber && (HAS_DIGIT.test(lower.text) || NUMBERED_LABEL.test(lower.text.trim())))) return new Map();
    // A count's first digits never begin with 0: a 0 at the page foot is a whole value, and digits under it a row of its own.
    if (isNumber && LEADING_ZERO.test(upper.text.trim())) return new Map();
    rest.set(lower, upper);
  }
  return rest;
}

/** A cell printing a value's unit and nothing else (件, 万元). */
function isUnit(text: string): boolean {
  return VALUE_UNITS.includes(text.replace(/\s/g, ''));
}

/** The start of a numbered label: （六）, 六、, 3. — text that begins a row or group, not one read on. */
const NUMBERED_LABEL = /^([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．.]|\d+[、．.])/;

function mergeBoundaries(a: number[], b: number[]): number[] {
  const all = [...a, ...b].sort((x, y) => x - y);
  const out: number[] = [];
  for (const x of all) {
    if (out.length && x - out[out.length - 1] <= COLUMN_TOLERANCE) continue;
    out.push(x);
  }
  return out;
}

/** How many leading rows of `below` repeat the leading rows of `above` word for word. */
function repeatedHeaderRows(above: TableDraft, below: TableDraft): number {
  const rowsAbove = rowTexts(above);
  const rowsBelow = rowTexts(below);
  let n = 0;
  while (n < rowsBelow.length - 1 && n < rowsAbove.length && rowsBelow[n] !== '' && rowsBelow[n] === rowsAbove[n]) n++;
  return n;
}

/** Each row's text as a key: the texts of the cells that start in it, left to right. */
function rowTexts(draft: TableDraft): string[] {
  const rows: string[][] = Array.from({ length: draft.rowCount }, () => []);
  const sorted = [...draft.cells].sort((p, q) => p.r0 - q.r0 || p.x0 - q.x0);
  for (const cell of sorted) rows[cell.r0]?.push(cell.text.replace(/\s+/g, ''));
  // Only rows that hold text and no digits can be headers: a data row is never "repeated".
  return rows.map((r) => {
    const key = r.join('|');
    return HAS_DIGIT.test(key) ? '' : key;
  });
}
