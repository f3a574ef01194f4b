/**
 * 分散对齐 (distributed alignment): Word, WPS and CSS inter-character justify spread a cell's characters
 * across the cell's width, each glyph its own run with the same gap after every glyph. Such gaps are
 * spacing inside one cell's text (２２ spread across its cell is 22, not 2 and 2), never a column
 * boundary a printer left unruled.
 */
import type { PositionedText } from './items.js';
import type { VerticalRule } from './rulings.js';
import { centreOf, clusterPositions, intervalIndex, RULING_REACH as REACH, RULING_SNAP as SNAP } from './geometry.js';
import { groupLines } from './lines.js';


/**
 * The runs of every line that is spread across the cell holding it. The cell is bounded by the vertical
 * rulings that cross the line itself (a merged cell spans the columns other rows divide), so a number
 * spread across a merged cell is seen whole.
 */
export function spreadRuns(items: PositionedText[], verticals: VerticalRule[]): Set<PositionedText> {
  const spread = new Set<PositionedText>();
  if (verticals.length < 2) return spread;
  for (const line of groupLines(items)) {
    if (line.items.length < 2) continue;
    const cy = (line.box[1] + line.box[3]) / 2;
    const xs = clusterPositions(verticals.filter((v) => cy >= v.y0 - REACH && cy <= v.y1 + REACH).map((v) => v.x), SNAP);
    if (xs.length < 2) continue;
    const byCell = new Map<number, PositionedText[]>();
    for (const item of line.items) {
      const c = intervalIndex(xs, centreOf(item)[0]);
      if (c < 0) continue;
      const cell = byCell.get(c);
      if (cell) cell.push(item);
      else byCell.set(c, [item]);
    }
    for (const [c, runs] of byCell) {
      runs.sort((a, b) => a.x - b.x);
      if (spreadAcrossCell(runs, xs[c], xs[c + 1])) for (const r of runs) spread.add(r);
    }
  }
  return spread;
}

/**
 * One glyph a run, the same gap after every glyph, the first starting and the last ending the cell's
 * padding away from its rulings. Numbers centred in two columns whose ruling the printer left out stand
 * half a gap from the rulings (centred), further than the padding, so they are not taken for one.
 */
export function spreadAcrossCell(runs: PositionedText[], left: number, right: number): boolean {
  if (runs.length < 2 || !runs.every((r) => [...r.text.trim()].length === 1)) return false;
  const gaps = runs.slice(1).map((r, k) => r.x - (runs[k].x + runs[k].width));
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  if (Math.max(...gaps) - Math.min(...gaps) > Math.max(1, 0.1 * mean)) return false;
  const last = runs[runs.length - 1];
  const before = runs[0].x - left;
  const after = right - (last.x + last.width);
  return before >= 0 && after >= 0 && Math.abs(before - after) <= 1.5 && Math.max(before, after) <= mean / 2 - 0.5;
}
