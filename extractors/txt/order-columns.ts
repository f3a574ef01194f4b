/**
 * Placement of short layout-text rows by the order of their values, where the header cannot place
 * them with certainty (header-columns.ts): pdftotext counts character columns afresh for each block of
 * text it finds, so a table's upper rows, its rows beside a sub-label column and its header may each
 * stand at other columns than the others (Shanghai 2019's table 三: 821 under 自然人 at column 32 in
 * 一、本年新收, 767 at 38 in （七）总计 — where 商业企业 begins). No value there is within its header
 * word's span, so nothing is certain of itself; what is still known:
 *
 * - the anchor: of the rows printing the most values (two columns or more fewer than the header's),
 *   the one whose values sit nearest the header's columns, in order (one assignment better than every
 *   other, each value under the column nearest it — or under its column once stretched from its first:
 *   stretchedFits), gives those values' columns;
 * - a row printing as many values as the anchor prints them in as many columns: the same ones (the
 *   row's own count against the anchor's);
 * - a row printing fewer, each value within a character or so of a value of such a row, as every row
 *   between them (the same block of text, so the same column) or three values or more of its own,
 *   takes that value's column;
 * - a row of a block no such row places, some of whose values stand where a placed row's do and each
 *   of the others left one column only by order, takes those columns, and places its block's rows as
 *   a row of the most values does (placeNextBlocks).
 *
 * A row that fits none of these is left short (the templates read it by its count and the identities).
 * Every cell of a row placed so is in doubt (placed-by-order) and stays so: the identities cannot tell
 * where blank columns lie (a column printed empty in every row sums the same wherever it is put), so
 * they never confirm such a placement.
 */
import type { PlacedRow, Span } from './header-columns.js';

/** The doubt of each cell of a row placed by the order of its values (src/templates/doubt.ts). */
export const ORDER_DOUBT = 'placed-by-order';

/** Character columns two values of one column may start apart by within one block (centred or right-aligned digits). */
const SAME_COLUMN_SLACK = 1.5;
/** Most assignments tried for one row (a 15-column table four's row of 7 values: 6435). */
const MAX_ASSIGNMENTS = 20_000;

/**
 * Fewest values of a row that, each standing where a value of a row of the most values does, place it
 * by that row across rows set otherwise between them (（一）予以公开's 258 12 1 1 at 34 44 64 69 as in
 * （七）总计, the rows between at 38 and 44): one or two may stand so by chance (72 … 72 under 767 and 1
 * of the row above), three or more stand where that row's block sets its columns.
 */
const MIN_MATCHED_APART = 3;

/** Fewest columns the rows of the most values must print nothing in for their order to place them. */
const MIN_EMPTY_COLUMNS = 2;

const centre = (s: Span) => (s.start + s.end - 1) / 2;

/** The one column whose centre is nearest `at`, or -1 when two are as near. */
function nearestColumn(at: number, centres: number[]): number {
  const d = centres.map((c) => Math.abs(c - at));
  const least = Math.min(...d);
  return d.filter((x) => x === least).length === 1 ? d.indexOf(least) : -1;
}

/** Every way of putting `k` values into `n` columns in order (ascending column indices). */
function* inOrder(n: number, k: number, from = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let c = from; c <= n - (k - acc.length); c++) {
    acc.push(c);
    yield* inOrder(n, k, c + 1, acc);
    acc.pop();
  }
}

function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** The columns nearest the values in order, with its cost (sum of distances); undefined when two assignments tie. */
function nearest(values: Span[], columns: number[]): { at: number[]; cost: number } | undefined {
  if (values.length > columns.length || choose(columns.length, values.length) > MAX_ASSIGNMENTS) return undefined;
  let best: { at: number[]; cost: number } | undefined;
  let tied = false;
  for (const at of inOrder(columns.length, values.length)) {
    const cost = at.reduce((s, c, i) => s + Math.abs(centre(values[i]) - columns[c]), 0);
    if (!best || cost < best.cost - 1e-9) [best, tied] = [{ at, cost }, false];
    else if (Math.abs(cost - best.cost) <= 1e-9) tied = true;
  }
  return tied ? undefined : best;
}

/**
 * Each value of `row` matched to a distinct value of `ref` standing where it does (within the slack,
 * in order), as indices into `ref`; undefined when one is not.
 */
function matchTo(row: Span[], ref: Span[]): number[] | undefined {
  const out: number[] = [];
  for (const v of row) {
    const near = ref.flatMap((r, i) => (Math.abs(centre(r) - centre(v)) <= SAME_COLUMN_SLACK ? [i] : []));
    if (near.length !== 1 || (out.length && near[0] <= out[out.length - 1])) return undefined;
    out.push(near[0]);
  }
  return out;
}

/**
 * The rows under a header of `columns` (character spans, label column left out), each as its value
 * columns (the value's index, or -1 where it prints nothing), or undefined for a row not placed.
 */
export function placeByOrder(columns: Array<[number, number]>, rows: PlacedRow[]): Array<number[] | undefined> {
  const none = rows.map(() => undefined);
  const n = columns.length;
  const short = rows.filter((r) => r.values.length > 0 && r.values.length < n);
  const most = Math.max(0, ...short.map((r) => r.values.length));
  // Two columns or more printed empty in every row: a header one column too wide (a word split in two)
  // is not taken for a column printed empty.
  if (n < 3 || most < 2 || most > n - MIN_EMPTY_COLUMNS) return none;
  const anchor = nearestAnchor(short.filter((r) => r.values.length === most), columns);
  if (!anchor) return none;
  const grid = (at: number[]) => {
    const g = new Array<number>(n).fill(-1);
    at.forEach((c, i) => (g[c] = i));
    return g;
  };
  const widest = rows.flatMap((r, i) => (r.values.length === most ? [i] : []));
  const placed: Array<number[] | undefined> = rows.map((row, i) => {
    if (row.values.length === 0 || row.values.length >= n) return undefined;
    if (row.values.length === most) return grid(anchor);
    // The nearest row of the most values (above or below) whose values stand where this row's do, and
    // every row between them too: one block of text. A row of another block may match by chance.
    const refs = [...widest].sort((a, b) => Math.abs(a - i) - Math.abs(b - i) || a - b);
    for (const ref of refs) {
      const match = matchTo(row.values, rows[ref].values);
      if (match && (sameBlock(rows, i, ref) || row.values.length >= MIN_MATCHED_APART)) return grid(match.map((k) => anchor[k]));
    }
    return undefined;
  });
  placeNextBlocks(rows, placed, n);
  return placed;
}

/** Of several rows' assignments with their costs, the one of least cost, or undefined when two different ones tie. */
function leastOf(fits: Array<{ at: number[]; cost: number }>): number[] | undefined {
  if (!fits.length) return undefined;
  const least = Math.min(...fits.map((f) => f.cost));
  const best = new Set(fits.filter((f) => f.cost <= least + 1e-9).map((f) => f.at.join()));
  return best.size === 1 ? fits.find((f) => f.cost <= least + 1e-9)!.at : undefined;
}

/**
 * The anchor: of the rows of the most values, the one whose nearest assignment is the nearest of all
 * (one best), each of its values under the column nearest it — else the header's columns are not
 * where its values are, unless its values drift right of their words the further right they stand
 * (stretchedFits).
 */
function nearestAnchor(rows: PlacedRow[], columns: Array<[number, number]>): number[] | undefined {
  const centres = columns.map(([s, e]) => (s + e - 1) / 2);
  const at = leastOf(rows.flatMap((r) => nearest(r.values, centres) ?? []));
  const row = at && rows.find((r) => nearest(r.values, centres)?.at.join() === at.join());
  if (!at || !row) return undefined;
  return row.values.every((v, i) => nearestColumn(centre(v), centres) === at[i]) || stretchedFits(row, at, columns) || firstByOrder(row, at, columns) ? at : undefined;
}

/** Fewest values a row needs for its first to be placed by the others' columns alone. */
const MIN_FIRST_BY_ORDER_VALUES = 3;

/**
 * Whether a row's values after the first each stand within their column's span and nearest it, the first
 * left of the second's span, that column the header's second: only the header's first column is left of
 * it, whatever column the first value stands nearer. pdftotext sets a block's values right of the header's
 * CJK words (Shanghai 2019 without its 总计 column: 821 35 2 1 at 34 41 60 66 under 自然人 商业企业 … 法律服务
 * 其他 at 25 42 … 61 67 — 821 nearer 商业企业, the 35 under it). A value between two others that stands
 * nearer another column still places nothing: two values would share the column they stand nearest.
 */
function firstByOrder(row: PlacedRow, at: number[], columns: Array<[number, number]>): boolean {
  const centres = columns.map(([s, e]) => (s + e - 1) / 2);
  const v = row.values.map(centre);
  if (v.length < MIN_FIRST_BY_ORDER_VALUES || at[0] !== 0 || at[1] !== 1 || v[0] >= columns[1][0]) return false;
  return v.slice(1).every((x, k) => {
    const [s, e] = columns[at[k + 1]];
    return nearestColumn(x, centres) === at[k + 1] && x >= s - STRETCHED_SLACK && x <= e - 1 + STRETCHED_SLACK;
  });
}

/** Fewest values a row needs for how far its values drift from the header's columns to be measured. */
const MIN_STRETCH_VALUES = 4;
/** Most a row's values may stand stretched apart against the header's columns: a CJK glyph is at most two columns wide. */
const MAX_STRETCH = 2;
/** Positions a stretched value may stand beyond its column's span (header-columns.ts widens a span by as much). */
const STRETCHED_SLACK = 1;

/**
 * Whether a row's nearest assignment, some of whose values are nearer another column, is explained by
 * its values drifting right of the header's words the further right they stand: pdftotext counts a
 * header word's CJK glyphs one column each, however wide on the page, and sets a block of rows of its
 * own by their own widths (Shanghai 2019's lower rows on a page of their own: 767 35 2 1 805 at 34 44
 * 64 68 72 under 自然人 商业企业 … 法律服务机 其他 总计 at 34 43 … 58 64 67 — 2 nearer 其他 than 法律服务机).
 * Pinned at its first value (nearest its column: the drift starts from the left) and stretched once
 * (between 1 and 2, the stretch that fits the others best), each value stands within its column's span
 * and nearest it. Only the nearest assignment is so checked: a stretch fits other assignments as well
 * (on a page of a seed-2 variant, 821 35 2 1 859 fit stretched under 自然人 商业企业 益组织 构 其他 — one
 * column short of where they stand unstretched, under … 构 其他 总计).
 */
function stretchedFits(row: PlacedRow, at: number[], columns: Array<[number, number]>): boolean {
  const centres = columns.map(([s, e]) => (s + e - 1) / 2);
  const v = row.values.map(centre);
  if (v.length < MIN_STRETCH_VALUES || nearestColumn(v[0], centres) !== at[0]) return false;
  const dh = at.map((c) => centres[c] - centres[at[0]]);
  const dv = v.map((x) => x - v[0]);
  const stretch = dv.reduce((s, d, i) => s + d * dh[i], 0) / dh.reduce((s, d) => s + d * d, 0);
  if (!(stretch >= 1 && stretch <= MAX_STRETCH)) return false;
  return dv.every((d, i) => {
    const m = centres[at[0]] + d / stretch;
    const [s, e] = columns[at[i]];
    return nearestColumn(m, centres) === at[i] && m >= s - STRETCHED_SLACK && m <= e - 1 + STRETCHED_SLACK;
  });
}

/** Every row between rows `i` and `ref` prints nothing or its values where `ref`'s stand: one block of text. */
function sameBlock(rows: PlacedRow[], i: number, ref: number): boolean {
  return rows.slice(Math.min(i, ref) + 1, Math.max(i, ref)).every((r) => r.values.length === 0 || matchTo(r.values, rows[ref].values) !== undefined);
}

/**
 * The columns of a row some of whose values stand where a placed row's do (in order, within the
 * slack), when each of its other values is left one column only by order: the only column between
 * its matched neighbours' (or before the first, after the last) for the only value there. A table's
 * lower rows set by pdftotext as a block of their own, short of the row of the most values that
 * lost a value (Shanghai 2019's （七）总计 without 767): （一）予以公开's 12 1 1 stand under
 * 一、本年新收's 35 2 1, so its 258, left of them, is 自然人's. Undefined when not.
 */
function partialGrid(row: Span[], ref: Span[], refGrid: number[], n: number): number[] | undefined {
  const refColumn = refGrid.map((_, c) => c).filter((c) => refGrid[c] >= 0);
  const at: Array<number | undefined> = row.map((v) => {
    const near = ref.flatMap((r, k) => (Math.abs(centre(r) - centre(v)) <= SAME_COLUMN_SLACK ? [k] : []));
    return near.length === 1 ? refColumn[near[0]] : undefined;
  });
  const known = at.flatMap((c) => (c === undefined ? [] : [c]));
  if (known.length < 2 || known.length === row.length || known.some((c, k) => k > 0 && c <= known[k - 1])) return undefined;
  // Each run of unmatched values between matched ones: as many values as columns free there, else not forced.
  for (let i = 0; i < row.length; ) {
    if (at[i] !== undefined) {
      i++;
      continue;
    }
    let j = i;
    while (j < row.length && at[j] === undefined) j++;
    const from = i > 0 ? at[i - 1]! + 1 : 0;
    const to = j < row.length ? at[j]! : n;
    if (to - from !== j - i) return undefined;
    for (let k = i; k < j; k++) at[k] = from + (k - i);
    i = j;
  }
  const g = new Array<number>(n).fill(-1);
  at.forEach((c, k) => (g[c!] = k));
  return g;
}

/**
 * Rows no row of the most values places, as blocks of their own (see partialGrid): the nearest placed
 * row of as many values or more (its block unbroken between them) that places one of them makes it a
 * reference for its own block, whose rows printing their values where it does take its columns.
 */
function placeNextBlocks(rows: PlacedRow[], placed: Array<number[] | undefined>, n: number): void {
  for (let round = 0; round < rows.length; round++) {
    let added = false;
    for (let i = 0; i < rows.length && !added; i++) {
      if (placed[i] || rows[i].values.length < 2 || rows[i].values.length >= n) continue;
      const refs = rows.flatMap((r, k) => (placed[k] && r.values.length >= rows[i].values.length ? [k] : [])).sort((a, b) => Math.abs(a - i) - Math.abs(b - i) || a - b);
      for (const ref of refs) {
        if (!sameBlock(rows, i, ref)) continue;
        const g = partialGrid(rows[i].values, rows[ref].values, placed[ref]!, n);
        if (!g) continue;
        placed[i] = g;
        added = true;
        // Its block: the rows on either side printing their values where it does, up to a row that does not.
        for (const step of [-1, 1]) {
          for (let k = i + step; k >= 0 && k < rows.length; k += step) {
            if (rows[k].values.length === 0) continue;
            const match = matchTo(rows[k].values, rows[i].values);
            if (!match) break;
            if (!placed[k] && rows[k].values.length < n) placed[k] = match.map((m) => g.indexOf(m)).reduce((acc, c, m) => ((acc[c] = m), acc), new Array<number>(n).fill(-1));
          }
        }
        break;
      }
    }
    if (!added) return;
  }
}
