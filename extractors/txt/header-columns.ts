/**
 * Positional reading of layout text (pdftotext -layout): a table whose blanks are empty cells prints
 * nothing where they stand, so a row of such a table is short of values and whitespace alone cannot
 * say which columns its values belong to. The header above the rows can: its words stand over their
 * columns. The header's lowest-level words give the columns' spans; each value of a short row goes
 * to the column whose span holds it. Only placements that are certain of themselves are made: every
 * value of every row under that header must fall within exactly one column, in order — one value that
 * does not (a layout that shifts part of its rows, as pdftotext does beside a sub-label column) and
 * the header is not trusted for any of them.
 *
 * Positions are counted three ways, and any may be how the text was laid out. pdftotext starts each
 * word at the character column of its place on the page and gives every glyph, wide or not, one
 * character: a CJK word stands over as many columns as it has characters — or, by its width on the
 * page, as its display width (处理决定数量 at column 39 over 39–50, where its column's values are
 * centred). A converter padding by display width gives a CJK character two columns throughout. Every
 * way that places all the rows must place them alike; none, and nothing is placed.
 */

/** A header word's or a value's place on its line: [start, end) in characters and in display columns. */
export interface Span {
  start: number;
  end: number;
  dstart: number;
  dend: number;
}

/** Positions a column's span is widened by on each side: values are centred or right-aligned under centred words. */
const COLUMN_SLACK = 1;
/** The doubt the reader gives each cell of a row it placed by position (src/templates/doubt.ts). */
export const PLACED_DOUBT = 'placed-by-position';

/** Width of one character as printed (a CJK or full-width character takes two columns). */
function charWidth(ch: string): number {
  return /[\u1100-\uffff]/.test(ch) ? 2 : 1;
}

/** Spans of the runs of `line` separated by two spaces or more: its cells. */
export function cellSpans(line: string): Span[] {
  const spans: Span[] = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) spans.push(spanAt(line, m.index!, m.index! + m[0].length));
  return spans;
}

export function spanAt(line: string, start: number, end: number): Span {
  const dstart = width(line.slice(0, start));
  return { start, end, dstart, dend: dstart + width(line.slice(start, end)) };
}

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

type Axis = 'chars' | 'glyphs' | 'display';
const AXES: Axis[] = ['chars', 'glyphs', 'display'];
const lo = (s: Span, axis: Axis) => (axis === 'display' ? s.dstart : s.start);
const hi = (s: Span, axis: Axis) => (axis === 'display' ? s.dend : axis === 'glyphs' ? s.start + s.dend - s.dstart : s.end);
const overlaps = (a: Span, b: Span, axis: Axis) => lo(a, axis) < hi(b, axis) && lo(b, axis) < hi(a, axis);

/**
 * The header's columns, left to right: its words grouped by overlap, after leaving out the words that
 * span several columns (行政诉讼 over 未经复议直接起诉 and 复议后起诉) — a word over two words that do not
 * overlap each other heads a group of columns, not one.
 */
export function headerColumns(words: Span[], axis: Axis): Array<[number, number]> {
  const spanning = (w: Span) => {
    const under = words.filter((o) => o !== w && overlaps(o, w, axis));
    return under.some((a) => under.some((b) => !overlaps(a, b, axis)));
  };
  const leaves = words.filter((w) => !spanning(w)).map((w): [number, number] => [lo(w, axis), hi(w, axis)]);
  leaves.sort((a, b) => a[0] - b[0]);
  const columns: Array<[number, number]> = [];
  for (const [s, e] of leaves) {
    const last = columns[columns.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else columns.push([s, e]);
  }
  return columns;
}

/**
 * The words of a header band's lines (top line first), less the words of its top line that head a
 * group of columns from over a gap between them: 行政复议 centred over its four columns, counted by
 * characters, may stand between two of a lower line's words and overlap neither — it would then be
 * taken for a column of its own. Such a word is dropped when, on the way of counting `axis` (any, when
 * none is given), a lower line has words on both sides of it and none under it. Each way of counting
 * drops its own: by display width a top-line word after CJK text (自然人 after the 勾稽 note) stands far
 * right of where pdftotext put it, over a gap it is not over by characters — dropped on every axis, the
 * column 自然人 heads was lost, and no row under it could be placed.
 */
export function bandWords(lines: Span[][], axis?: Axis): Span[] {
  const [top, ...lower] = lines;
  if (!top) return [];
  const overGap = (w: Span) =>
    (axis ? [axis] : AXES).some((a) =>
      lower.some((line) => line.some((l) => hi(l, a) <= lo(w, a)) && line.some((r) => lo(r, a) >= hi(w, a)) && !line.some((o) => overlaps(o, w, a))),
    );
  return [...top.filter((w) => !overGap(w)), ...lower.flat()];
}

export interface PlacedRow {
  /** Where the row's label ends (its value columns start right of it); undefined for a row of values alone. */
  label?: Span;
  values: Span[];
}

/**
 * The column of each value (indices into the value columns), or undefined when one is not certain:
 * each value's centre within exactly one column's span (widened by the slack), the values in order,
 * no two in one column. (A value between two columns is not placed, even where its neighbours would
 * leave it one: a layout that drifts by a few columns drifts its neighbours too.)
 */
function placeRow(row: PlacedRow, columns: Array<[number, number]>, axis: Axis): number[] | undefined {
  const at: number[] = [];
  for (const v of row.values) {
    const centre = (lo(v, axis) + hi(v, axis) - 1) / 2;
    const holding = columns.flatMap(([s, e], k) => (centre >= s - COLUMN_SLACK && centre <= e - 1 + COLUMN_SLACK ? [k] : []));
    if (holding.length !== 1) return undefined;
    if (at.length && holding[0] <= at[at.length - 1]) return undefined;
    at.push(holding[0]);
  }
  return at;
}

/**
 * The header's value columns on one axis. The label column's own header (信息内容, 项目, the 勾稽 note)
 * begins where labels begin; every value column begins right of where any label begins (`most`: of
 * where most begin — pdftotext may set a label's start under a value column's header word). (Where labels
 * end says less: pdftotext may run a long label's glyphs past the place of the values after it.)
 */
export function valueColumns(band: Span[][], rows: PlacedRow[], otherLabels: Span[], axis: Axis = 'chars', edge: 'any' | 'most' = 'any'): Array<[number, number]> {
  const labels = [...otherLabels, ...rows.flatMap((r) => (r.label ? [r.label] : []))];
  const starts = labels.map((l) => lo(l, axis)).sort((a, b) => a - b);
  // `most`: right of where most labels begin (their median), when a label may begin anywhere (order-columns.ts).
  const labelStart = labels.length === 0 ? -Infinity : edge === 'most' ? starts[Math.floor((starts.length - 1) / 2)] : starts[starts.length - 1];
  return headerColumns(bandWords(band, axis), axis).filter(([s]) => s > labelStart);
}

/**
 * Value columns of a header for its rows on one axis, and each row's placement; undefined when a row's
 * value is not within exactly one column, in order, or a label reaches into the value columns.
 */
function placeAll(band: Span[][], rows: PlacedRow[], otherLabels: Span[], axis: Axis): { width: number; places: number[][]; runsTogether: boolean } | undefined {
  const columns = valueColumns(band, rows, otherLabels, axis);
  if (!columns.length) return undefined;
  const places: number[][] = [];
  for (const row of rows) {
    const at = placeRow(row, columns, axis);
    if (!at) return undefined;
    places.push(at);
  }
  return { width: columns.length, places, runsTogether: band.some((line) => line.some((a, i) => line.some((b, j) => j > i && overlaps(a, b, axis)))) };
}

/**
 * The rows under one header (`band`: its lines' words, top line first; `labels`: where the lines of
 * their labels printed apart from the values stand), each as its value columns (the value's index in
 * `row.values`, or -1 for a column it prints nothing in), or undefined when the header cannot place
 * them all with certainty.
 */
export function placeByHeader(band: Span[][], rows: PlacedRow[], labels: Span[] = []): number[][] | undefined {
  if (!band.some((line) => line.length) || !rows.length) return undefined;
  // Every way of counting that places the rows must place them alike — of those that keep the words of
  // each header line apart, when one does: words printed side by side on a line never overlap, so a
  // way of counting that runs two together (科研机 · 社会公 by their display widths from where pdftotext
  // started them) merges columns the page keeps apart, and says nothing against the others.
  const placing = AXES.map((axis) => placeAll(band, rows, labels, axis)).filter((p) => p !== undefined);
  const apart = placing.filter((p) => !p.runsTogether);
  const placed = apart.length ? apart : placing;
  const chosen = placed[0];
  const same = (a: typeof chosen, b: typeof chosen) => a.width === b.width && a.places.every((p, i) => p.join() === b.places[i].join());
  if (chosen && !placed.every((p) => same(chosen, p))) return undefined;
  if (!chosen) return undefined;
  return chosen.places.map((at) => {
    const grid = new Array<number>(chosen.width).fill(-1);
    at.forEach((column, i) => (grid[column] = i));
    return grid;
  });
}
