/**
 * Ruled tables of one page: ruling segments → connected frames → grid of column/row boundaries →
 * merged regions (a boundary missing between two grid cells merges them) → runs assigned to regions
 * by their centre point. Cost is linear in runs (binary search per run) and bounded in segments.
 */
import type { PositionedText } from './items.js';
import type { HorizontalRule, PageRulings, VerticalRule } from './rulings.js';
import { type Box, boxOf, centreOf, clusterPositions, intervalIndex, RULING_REACH as REACH, RULING_SNAP as SNAP, unionBox } from './geometry.js';
import { groupLines, joinLines } from './lines.js';
import { spreadRuns } from './distributed.js';
import { BLANK_MARKERS, foldValueText } from '../value-token.js';

/** One merged region of a ruled table; rows are counted from the top of the draft, r1 inclusive. */
export interface DraftCell {
  r0: number;
  r1: number;
  /** Left and right boundary of the region (display x). */
  x0: number;
  x1: number;
  text: string;
  page: number;
  /** Union of the runs' boxes; absent for an empty region. */
  box?: Box;
  /** The region's own rectangle, for empty cells' provenance. */
  rect: Box;
  origin: 'text' | 'ocr';
  /** OCR confidence of the cell: the lowest of its OCR runs' (a number is as doubtful as its worst digit). */
  confidence?: number;
  /** Why the reader is not sure of the cell's text (a number it joined from two pages: wrapped-value). */
  doubt?: string;
}

/** A table as found on one page (or several, once stitched): regions over shared column boundaries. */
export interface TableDraft {
  page: number;
  box: Box;
  colXs: number[];
  rowCount: number;
  cells: DraftCell[];
}

const MAX_GRID_CELLS = 20000;
/** A lone ruled row is a table only with this many cells (two boxes side by side are more often a letterhead). */
const MIN_COLUMNS_OF_ONE_ROW = 3;

export function findRuledTables(
  page: number,
  items: PositionedText[],
  rulings: PageRulings,
  /** Cells whose picture shows a blank (PageContent.blankCells): read empty or as a blank mark, they are certain. */
  blankCells: Box[] = [],
): { tables: TableDraft[]; freeItems: PositionedText[] } {
  const horizontal = mergeHorizontal(rulings.horizontal);
  const vertical = mergeVertical(rulings.vertical);
  const frames = connectedFrames(horizontal, vertical);
  const grids: Grid[] = [];
  // Runs of lines printed with 分散对齐: one cell's text each, whatever gaps lie between its glyphs.
  const spread = spreadRuns(items, vertical);
  for (const frame of frames) {
    const grid = buildGrid(frame.h, [...frame.v, ...unruledNumberBoundaries(frame, items, spread)], spread);
    if (grid) grids.push(grid);
  }
  if (grids.length === 0) return { tables: [], freeItems: items };

  const freeItems: PositionedText[] = [];
  const assigned = grids.map(() => new Map<number, PositionedText[]>());
  for (const item of items) {
    const [cx, cy] = centreOf(item);
    let placed = false;
    for (let g = 0; g < grids.length && !placed; g++) {
      const region = grids[g].regionAt(cx, cy);
      if (region < 0) continue;
      const bucket = assigned[g].get(region);
      if (bucket) bucket.push(item);
      else assigned[g].set(region, [item]);
      placed = true;
    }
    if (!placed) freeItems.push(item);
  }
  // An empty cell has no run to tell where it was read; on an OCR'd page it was read by OCR too.
  const pageOrigin = items.some((i) => i.origin === 'ocr') ? 'ocr' : 'text';
  const tables = grids.map((grid, g) => grid.toDraft(page, assigned[g], pageOrigin, blankCells));
  tables.sort((a, b) => b.box[3] - a.box[3]);
  return { tables, freeItems };
}

/**
 * Collinear pieces of one ruling joined into one segment. Pieces are grouped by position first (within
 * 1pt) and only then ordered along the line: sorting by position alone would put a piece of a
 * neighbouring table's ruling 0.7pt away between two pieces of this one, and the merge would then swallow
 * a ruling of another table (a boundary lost, two columns glued).
 */
function mergeCollinear<T>(rules: T[], at: (r: T) => number, from: (r: T) => number, to: (r: T) => number, make: (pos: number, lo: number, hi: number) => T): T[] {
  const sorted = [...rules].sort((a, b) => at(a) - at(b));
  const out: T[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && at(sorted[j]) - at(sorted[j - 1]) <= 1) j++;
    const group = sorted.slice(i, j).sort((a, b) => from(a) - from(b));
    let pos = at(group[0]);
    let lo = from(group[0]);
    let hi = to(group[0]);
    for (const r of group.slice(1)) {
      if (from(r) <= hi + REACH) hi = Math.max(hi, to(r));
      else {
        out.push(make(pos, lo, hi));
        [pos, lo, hi] = [at(r), from(r), to(r)];
      }
    }
    out.push(make(pos, lo, hi));
    i = j;
  }
  return out.filter((r) => to(r) - from(r) >= 2);
}

function mergeHorizontal(rules: HorizontalRule[]): HorizontalRule[] {
  return mergeCollinear(rules, (r) => r.y, (r) => r.x0, (r) => r.x1, (y, x0, x1) => ({ y, x0, x1 }));
}

function mergeVertical(rules: VerticalRule[]): VerticalRule[] {
  return mergeCollinear(rules, (r) => r.x, (r) => r.y0, (r) => r.y1, (x, y0, y1) => ({ x, y0, y1 }));
}

interface Frame {
  h: HorizontalRule[];
  v: VerticalRule[];
}

/** Groups of segments that touch each other: each is one candidate table. */
function connectedFrames(horizontal: HorizontalRule[], vertical: VerticalRule[]): Frame[] {
  const parent = Array.from({ length: horizontal.length + vertical.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  // Verticals sorted by x let each horizontal visit only the verticals within its span.
  const byX = vertical.map((v, i) => ({ v, i })).sort((a, b) => a.v.x - b.v.x);
  const xs = byX.map((e) => e.v.x);
  horizontal.forEach((h, hi) => {
    let k = lowerBound(xs, h.x0 - REACH);
    for (; k < byX.length && byX[k].v.x <= h.x1 + REACH; k++) {
      const { v, i } = byX[k];
      if (h.y >= v.y0 - REACH && h.y <= v.y1 + REACH) {
        const a = find(hi);
        const b = find(horizontal.length + i);
        if (a !== b) parent[a] = b;
      }
    }
  });
  const frames = new Map<number, Frame>();
  const frameOf = (root: number): Frame => {
    let f = frames.get(root);
    if (!f) frames.set(root, (f = { h: [], v: [] }));
    return f;
  };
  horizontal.forEach((h, i) => frameOf(find(i)).h.push(h));
  vertical.forEach((v, i) => frameOf(find(horizontal.length + i)).v.push(v));
  return [...frames.values()].filter((f) => f.h.length >= 2 && f.v.length >= 2);
}

function lowerBound(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Grid {
  regionAt(x: number, y: number): number;
  toDraft(page: number, items: Map<number, PositionedText[]>, emptyOrigin: 'text' | 'ocr', blankCells: Box[]): TableDraft;
}

function buildGrid(h: HorizontalRule[], v: VerticalRule[], spread: ReadonlySet<PositionedText>): Grid | undefined {
  const xs = clusterPositions(v.map((r) => r.x), SNAP);
  const ysAsc = clusterPositions(h.map((r) => r.y), SNAP);
  // Open sides (no outer border drawn): the horizontal rules' ends bound the table instead.
  const left = Math.min(...h.map((r) => r.x0));
  const right = Math.max(...h.map((r) => r.x1));
  if (left < xs[0] - 2 * SNAP) xs.unshift(left);
  if (right > xs[xs.length - 1] + 2 * SNAP) xs.push(right);
  const bottom = Math.min(...v.map((r) => r.y0));
  const top = Math.max(...v.map((r) => r.y1));
  if (bottom < ysAsc[0] - 2 * SNAP) ysAsc.unshift(bottom);
  if (top > ysAsc[ysAsc.length - 1] + 2 * SNAP) ysAsc.push(top);

  const nCols = xs.length - 1;
  const nRows = ysAsc.length - 1;
  // A single framed box is a text frame, not a table; but one row of three or more ruled cells is a
  // table's last row carried onto the next page (the page break left it alone), which stitching joins.
  const oneRowOfCells = nRows === 1 && nCols >= MIN_COLUMNS_OF_ONE_ROW;
  if (nCols < 2 || (nRows < 2 && !oneRowOfCells) || nCols * nRows > MAX_GRID_CELLS) return undefined;

  // Rules grouped by the boundary they sit on.
  const vAt: VerticalRule[][] = xs.map(() => []);
  for (const r of v) {
    const k = nearest(xs, r.x);
    if (Math.abs(xs[k] - r.x) <= SNAP) vAt[k].push(r);
  }
  const hAt: HorizontalRule[][] = ysAsc.map(() => []);
  for (const r of h) {
    const k = nearest(ysAsc, r.y);
    if (Math.abs(ysAsc[k] - r.y) <= SNAP) hAt[k].push(r);
  }
  // Row r counts from the top: it lies between ysAsc[nRows - r - 1] and ysAsc[nRows - r].
  const rowBottom = (r: number): number => ysAsc[nRows - r - 1];
  const rowTop = (r: number): number => ysAsc[nRows - r];

  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (c + 1 < nCols && !covered(vAt[c + 1].map((s) => [s.y0, s.y1]), rowBottom(r), rowTop(r))) {
        union(r * nCols + c, r * nCols + c + 1);
      }
      if (r + 1 < nRows && !covered(hAt[nRows - r - 1].map((s) => [s.x0, s.x1]), xs[c], xs[c + 1])) {
        union(r * nCols + c, (r + 1) * nCols + c);
      }
    }
  }

  return {
    regionAt(x, y) {
      const c = intervalIndex(xs, x);
      const yi = intervalIndex(ysAsc, y);
      if (c < 0 || yi < 0) return -1;
      return find((nRows - yi - 1) * nCols + c);
    },
    toDraft(page, assigned, emptyOrigin, blankCells) {
      const members = new Map<number, Array<[number, number]>>();
      for (let r = 0; r < nRows; r++) {
        for (let c = 0; c < nCols; c++) {
          const root = find(r * nCols + c);
          const m = members.get(root);
          if (!m) members.set(root, [[r, c]]);
          else m.push([r, c]);
        }
      }
      const regions: Array<{ r0: number; r1: number; c0: number; c1: number; items: PositionedText[] }> = [];
      for (const [root, m] of members) regions.push(...rectangles(m, assigned.get(root) ?? [], xs, ysAsc));
      const cells: DraftCell[] = [];
      // Bounds copied by name, not spread: a spread or rest site here costs V8's slow generic clone.
      for (const region of regions) {
        for (const column of splitByColumns(region, region.items, xs, spread))
        for (const part of splitByRows({ r0: region.r0, r1: region.r1, c0: column.c0, c1: column.c1 }, column.items, ysAsc)) {
          let box: Box | undefined;
          let confidence: number | undefined;
          for (const item of part.items) {
            box = unionBox(box, boxOf(item));
            if (item.confidence !== undefined) confidence = Math.min(confidence ?? item.confidence, item.confidence);
          }
          const rect: Box = [xs[part.c0], rowBottom(part.r1), xs[part.c1 + 1], rowTop(part.r0)];
          // OCR is sure of a blank (nothing read, or a dash or slash) only when the picture shows no ink
          // in the cell, or only a dash.
          if (emptyOrigin === 'ocr' && readBlank(part.items) && blankCells.some((blank) => sameCell(blank, rect))) confidence = 100;
          cells.push({
            r0: part.r0,
            r1: part.r1,
            x0: xs[part.c0],
            x1: xs[part.c1 + 1],
            text: part.items.length ? joinLines(groupLines(part.items)) : '',
            page,
            box,
            rect,
            origin: part.items.length === 0 ? emptyOrigin : part.items.some((i) => i.origin === 'ocr') ? 'ocr' : 'text',
            ...(confidence !== undefined ? { confidence } : {}),
          });
        }
      }
      cells.sort((a, b) => a.r0 - b.r0 || a.x0 - b.x0);
      return { page, box: [xs[0], ysAsc[0], xs[nCols], ysAsc[nRows]], colXs: [...xs], rowCount: nRows, cells };
    },
  };
}

/** Whether every run of a cell reads as a blank (nothing, a dash or a slash). */
function readBlank(items: PositionedText[]): boolean {
  return items.every((item) => BLANK_MARKERS.has(foldValueText(item.text)));
}

/**
 * Column boundaries a printer did not draw. WPS sometimes leaves out the ruling between two columns
 * for a whole table; two numbers printed side by side on one line inside what the rulings make one
 * cell, with a clear gap between them, are two cells. A virtual ruling is added in the gap, as tall as
 * the numbers' row band, so the grid gets the column (cells of other rows that span it are merged).
 */
function unruledNumberBoundaries(frame: Frame, items: PositionedText[], spread: ReadonlySet<PositionedText>): VerticalRule[] {
  const xs = clusterPositions(frame.v.map((r) => r.x), SNAP);
  const ys = clusterPositions(frame.h.map((r) => r.y), SNAP);
  if (xs.length < 2 || ys.length < 2) return [];
  const inside = items.filter((i) => {
    const [cx, cy] = centreOf(i);
    return NUMERIC_RUN.test(i.text) && cx > xs[0] && cx < xs[xs.length - 1] && cy > ys[0] && cy < ys[ys.length - 1];
  });
  // What else is printed in the frame: a gap with a footnote's bracket in it (0 ［ 2 ］, 2［1 over ］) is no column's.
  const others = items.filter((i) => {
    const [cx, cy] = centreOf(i);
    return !NUMERIC_RUN.test(i.text) && i.text.trim() !== '' && cx > xs[0] && cx < xs[xs.length - 1] && cy > ys[0] && cy < ys[ys.length - 1];
  });
  // The widest stretch of [x0, x1] on the line at y that nothing printed covers: where a column's gap would be.
  const widestEmpty = (x0: number, x1: number, y: number, size: number): { from: number; to: number } => {
    const covers = others.filter((o) => o.x < x1 && o.x + o.width > x0 && Math.abs(o.y - y) < 0.5 * size).sort((a, b) => a.x - b.x);
    let best = { from: x0, to: x0 };
    let at = x0;
    for (const o of [...covers, { x: x1, width: 0 }]) {
      if (o.x - at > best.to - best.from) best = { from: at, to: o.x };
      at = Math.max(at, o.x + o.width);
    }
    return best;
  };
  const virtual: VerticalRule[] = [];
  const byCell = new Map<string, PositionedText[]>();
  for (const item of inside) {
    const [cx, cy] = centreOf(item);
    const key = `${intervalIndex(xs, cx)}:${intervalIndex(ys, cy)}`;
    byCell.set(key, [...(byCell.get(key) ?? []), item]);
  }
  for (const [key, cellItems] of byCell) {
    if (cellItems.length < 2) continue;
    const band = Number(key.split(':')[1]);
    for (const line of groupLines(cellItems)) {
      const runs = [...line.items].sort((a, b) => a.x - b.x);
      for (let k = 1; k < runs.length; k++) {
        // Glyphs of one cell's text spread across it (分散对齐): the gap is spacing, not a column.
        if (spread.has(runs[k - 1]) && spread.has(runs[k])) continue;
        const empty = widestEmpty(runs[k - 1].x + runs[k - 1].width, runs[k].x, runs[k].y, line.size);
        const gap = empty.to - empty.from;
        if (gap > Math.max(4, 0.8 * line.size)) virtual.push({ x: empty.from + gap / 2, y0: ys[band], y1: ys[band + 1] });
      }
    }
  }
  return virtual;
}

const NUMERIC_RUN = /^[\d.,，．\s]+$/;

/**
 * A region that spans several grid columns only because a printer left out a ruling in one row (WPS
 * does) still holds one number per column: when every run is a number sitting wholly inside one grid
 * column and they occupy different columns, the region is split at those columns instead of gluing
 * 13 and 4 into 134.
 */
/**
 * The same for rows: a region spanning several grid rows only because a row ruling is missing, with
 * numbers standing in different row bands, holds one number per row — 5 over 3 is two cells, not 53.
 * (A number wrapped inside one row's cell stays whole: its lines share a band.)
 */
function splitByRows(
  b: { r0: number; r1: number; c0: number; c1: number },
  items: PositionedText[],
  ysAsc: number[],
): Array<{ r0: number; r1: number; c0: number; c1: number; items: PositionedText[] }> {
  const whole = [{ r0: b.r0, r1: b.r1, c0: b.c0, c1: b.c1, items }];
  if (b.r1 === b.r0 || items.length < 2 || !items.every((i) => NUMERIC_RUN.test(i.text))) return whole;
  const nRows = ysAsc.length - 1;
  const byRow = new Map<number, PositionedText[]>();
  for (const item of items) {
    const [, cy] = centreOf(item);
    const r = nRows - intervalIndex(ysAsc, cy) - 1;
    if (r < b.r0 || r > b.r1) return whole;
    byRow.set(r, [...(byRow.get(r) ?? []), item]);
  }
  if (byRow.size < 2) return whole;
  const occupied = [...byRow.keys()].sort((p, q) => p - q);
  return occupied.map((r, k) => ({
    c0: b.c0,
    c1: b.c1,
    r0: k === 0 ? b.r0 : r,
    r1: k + 1 < occupied.length ? occupied[k + 1] - 1 : b.r1,
    items: byRow.get(r)!,
  }));
}

function splitByColumns(
  b: { c0: number; c1: number },
  items: PositionedText[],
  xs: number[],
  spread: ReadonlySet<PositionedText>,
): Array<{ c0: number; c1: number; items: PositionedText[] }> {
  const whole = [{ c0: b.c0, c1: b.c1, items }];
  if (b.c1 === b.c0 || items.length < 2 || !items.every((i) => NUMERIC_RUN.test(i.text))) return whole;
  // The digits of one number spread across its merged cell stand in several grid columns: still one number.
  if (items.some((i) => spread.has(i))) return whole;
  const byColumn = new Map<number, PositionedText[]>();
  for (const item of items) {
    const c = intervalIndex(xs, item.x + item.width / 2);
    if (c < b.c0 || c > b.c1 || item.x < xs[c] - 1 || item.x + item.width > xs[c + 1] + 1) return whole;
    byColumn.set(c, [...(byColumn.get(c) ?? []), item]);
  }
  if (byColumn.size < 2) return whole;
  const occupied = [...byColumn.keys()].sort((p, q) => p - q);
  return occupied.map((c, k) => ({
    c0: k === 0 ? b.c0 : c,
    c1: k + 1 < occupied.length ? occupied[k + 1] - 1 : b.c1,
    items: byColumn.get(c)!,
  }));
}

/**
 * A merged region as rectangles. Missing boundaries usually merge grid cells into a rectangle (a label
 * spanning rows or columns), but they can make another shape: a row that drew no cell at its end (a value
 * lost) beside a column no row but one drew (a stray cell that row printed) merge into an L. Its bounding
 * box would reach over the cells of other regions, and whichever came first would take their place in
 * the grid (every row's total lost under an empty region). A region that is not a rectangle is cut into
 * one rectangle per run of rows in a column, columns with the same run joined; each run keeps its text.
 */
function rectangles(
  members: Array<[number, number]>,
  items: PositionedText[],
  xs: number[],
  ysAsc: number[],
): Array<{ r0: number; r1: number; c0: number; c1: number; items: PositionedText[] }> {
  let [r0, r1, c0, c1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [r, c] of members) [r0, r1, c0, c1] = [Math.min(r0, r), Math.max(r1, r), Math.min(c0, c), Math.max(c1, c)];
  if (members.length === (r1 - r0 + 1) * (c1 - c0 + 1)) return [{ r0, r1, c0, c1, items }];
  const runs: Array<{ r0: number; r1: number; c0: number; c1: number; items: PositionedText[] }> = [];
  const byColumn = new Map<number, number[]>();
  for (const [r, c] of members) byColumn.set(c, [...(byColumn.get(c) ?? []), r]);
  for (const c of [...byColumn.keys()].sort((p, q) => p - q)) {
    const rows = byColumn.get(c)!.sort((p, q) => p - q);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      const joined = runs.find((run) => run.c1 === c - 1 && run.r0 === rows[i] && run.r1 === rows[j]);
      if (joined) joined.c1 = c;
      else runs.push({ r0: rows[i], r1: rows[j], c0: c, c1: c, items: [] });
      i = j + 1;
    }
  }
  const nRows = ysAsc.length - 1;
  for (const item of items) {
    const [cx, cy] = centreOf(item);
    const c = intervalIndex(xs, cx);
    const r = nRows - intervalIndex(ysAsc, cy) - 1;
    (runs.find((run) => r >= run.r0 && r <= run.r1 && c >= run.c0 && c <= run.c1) ?? runs[0]).items.push(item);
  }
  return runs;
}

function nearest(sorted: number[], v: number): number {
  const k = lowerBound(sorted, v);
  if (k === 0) return 0;
  if (k >= sorted.length) return sorted.length - 1;
  return v - sorted[k - 1] <= sorted[k] - v ? k - 1 : k;
}

/** Do the segments cover most of [lo, hi]? Short gaps (broken strokes) still count as a boundary. */
function covered(segments: Array<[number, number]>, lo: number, hi: number): boolean {
  let total = 0;
  for (const [a, b] of segments) total += Math.max(0, Math.min(b, hi) - Math.max(a, lo));
  return total >= 0.5 * (hi - lo);
}

/** Do two boxes stand for one cell: each one's centre inside the other (rulings found twice land a little apart)? */
function sameCell(a: Box, b: Box): boolean {
  const inside = (box: Box, x: number, y: number) => x > box[0] && x < box[2] && y > box[1] && y < box[3];
  return inside(a, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2) && inside(b, (a[0] + a[2]) / 2, (a[1] + a[3]) / 2);
}
