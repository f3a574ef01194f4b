import type { PixelLine } from './rulings.js';

/** A table cell enclosed by rulings on all four sides, in pixels (origin top-left, edges at line centres). */
export interface PixelCell {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Finds the cells the rulings enclose. The distinct line positions cut the page into a grid of
 * elementary boxes; neighbouring boxes with no ruling between them belong to one (merged) cell. A group
 * counts as a cell only when it is a rectangle closed by rulings on every side, which drops the open
 * space between and around tables.
 */
export function findCells(lines: PixelLine[], tolerance: number): PixelCell[] {
  const drawnHorizontal = lines.filter((line) => line.orientation === 'horizontal');
  const drawnVertical = lines.filter((line) => line.orientation === 'vertical');
  const horizontal = [...drawnHorizontal, ...openEdges(drawnVertical, drawnHorizontal, 'horizontal', tolerance)];
  const vertical = [...drawnVertical, ...openEdges(drawnHorizontal, drawnVertical, 'vertical', tolerance)];
  const ys = clusterPositions(horizontal.map((line) => line.at), tolerance);
  const xs = clusterPositions(vertical.map((line) => line.at), tolerance);
  if (ys.length < 2 || xs.length < 2) return [];

  const columns = xs.length - 1;
  const parent = Array.from({ length: (ys.length - 1) * columns }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const join = (a: number, b: number) => {
    parent[root(a)] = root(b);
  };
  const ruled = (set: PixelLine[], at: number, from: number, to: number) => covered(set, at, from, to, tolerance);

  for (let row = 0; row < ys.length - 1; row++) {
    for (let column = 0; column < columns; column++) {
      const id = row * columns + column;
      if (column + 1 < columns && !ruled(vertical, xs[column + 1], ys[row], ys[row + 1])) join(id, id + 1);
      if (row + 1 < ys.length - 1 && !ruled(horizontal, ys[row + 1], xs[column], xs[column + 1])) join(id, id + columns);
    }
  }

  const groups = new Map<number, number[]>();
  parent.forEach((_, id) => {
    const key = root(id);
    groups.set(key, [...(groups.get(key) ?? []), id]);
  });
  const cells: PixelCell[] = [];
  for (const members of groups.values()) {
    const rows = members.map((id) => Math.floor(id / columns));
    const cols = members.map((id) => id % columns);
    const [r0, r1, c0, c1] = [Math.min(...rows), Math.max(...rows) + 1, Math.min(...cols), Math.max(...cols) + 1];
    if ((r1 - r0) * (c1 - c0) !== members.length) continue;
    const cell = { left: xs[c0], right: xs[c1], top: ys[r0], bottom: ys[r1] };
    const closed =
      ruled(horizontal, cell.top, cell.left, cell.right) &&
      ruled(horizontal, cell.bottom, cell.left, cell.right) &&
      ruled(vertical, cell.left, cell.top, cell.bottom) &&
      ruled(vertical, cell.right, cell.top, cell.bottom);
    if (closed) cells.push(cell);
  }
  return cells.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * A table cut by a page break has no ruling under its last row (or over its first), and some styles
 * leave the outer sides open; there, several rulings of the other direction end at the same place.
 * Those ends stand in for the missing edge, so the cells of that row are still found.
 */
function openEdges(crossing: PixelLine[], parallel: PixelLine[], orientation: PixelLine['orientation'], tolerance: number): PixelLine[] {
  const ends = crossing.flatMap((line) => [
    { at: line.from, across: line.at },
    { at: line.to, across: line.at },
  ]);
  ends.sort((a, b) => a.at - b.at);
  const edges: PixelLine[] = [];
  let group: typeof ends = [];
  const flush = () => {
    if (group.length >= 3) {
      const at = group.reduce((sum, end) => sum + end.at, 0) / group.length;
      const from = Math.min(...group.map((end) => end.across));
      const to = Math.max(...group.map((end) => end.across));
      if (!covered(parallel, at, from, to, tolerance)) edges.push({ orientation, at, from, to, thickness: 1 });
    }
    group = [];
  };
  for (const end of ends) {
    if (group.length > 0 && end.at - group[group.length - 1].at > tolerance) flush();
    group.push(end);
  }
  flush();
  return edges;
}

/** Positions closer than the tolerance are one ruling drawn slightly askew or thick. */
function clusterPositions(positions: number[], tolerance: number): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const position of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && position - last[last.length - 1] <= tolerance) last.push(position);
    else clusters.push([position]);
  }
  return clusters.map((cluster) => cluster.reduce((sum, value) => sum + value, 0) / cluster.length);
}

/** Is the span from..to at position `at` mostly drawn by lines of this direction? */
function covered(lines: PixelLine[], at: number, from: number, to: number, tolerance: number): boolean {
  const span = to - from;
  if (span <= 0) return false;
  const pieces = lines
    .filter((line) => Math.abs(line.at - at) <= tolerance)
    .map((line) => [Math.max(from, line.from), Math.min(to, line.to)] as const)
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  let drawn = 0;
  let reached = from;
  for (const [a, b] of pieces) {
    if (b <= reached) continue;
    drawn += b - Math.max(a, reached);
    reached = b;
  }
  // The ends of a span sit on the perpendicular rulings, where short segments may stop a little short.
  return drawn >= span - 2 * tolerance - 0.1 * span;
}
