/**
 * A page whose text runs sideways or upside down as displayed: a landscape table set turned on a
 * portrait page, or a page a viewer's /Rotate turned away from its text. Read as displayed, every run
 * stacks into a column of single characters and no table is found; such a page is read turned so that
 * its text runs left to right, as a reader would turn the paper.
 */
import type { PointMap, RawTextContent } from './text-items.js';

/** Clockwise quarter turns, in degrees, that set the displayed page upright. */
export type PageTurn = 0 | 90 | 180 | 270;

/**
 * A page is turned only when most of its characters run one other way: a label printed down a merged
 * cell, or a rotated stamp, is a minority on any page it shares with a table.
 */
const MIN_SHARE_TO_TURN = 0.6;
/** Fewer characters than this say nothing about a page (a page number, a stamp). */
const MIN_CHARACTERS_TO_TURN = 20;

/** The turn under which most of the page's text runs left to right (0 when it already does, or nothing says so). */
export function uprightTurn(content: RawTextContent, mapPoint: PointMap): PageTurn {
  const byTurn: Record<PageTurn, number> = { 0: 0, 90: 0, 180: 0, 270: 0 };
  let total = 0;
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    // A font written vertically runs down by design: it says nothing of how the page is turned.
    if (content.styles[raw.fontName]?.vertical === true) continue;
    const characters = raw.str.replace(/\s+/g, '').length;
    if (!characters) continue;
    const [a, b, , , e, f] = raw.transform;
    const [x0, y0] = mapPoint(e, f);
    const [x1, y1] = mapPoint(e + a, f + b);
    const dx = x1 - x0;
    const dy = y1 - y0;
    // Running up (y grows upwards here), the page is turned a quarter anticlockwise: a clockwise quarter sets it right.
    const turn: PageTurn = Math.abs(dx) >= Math.abs(dy) ? (dx >= 0 ? 0 : 180) : dy > 0 ? 90 : 270;
    byTurn[turn] += characters;
    total += characters;
  }
  if (total < MIN_CHARACTERS_TO_TURN) return 0;
  const [turn, count] = (Object.entries(byTurn) as Array<[string, number]>).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return count >= MIN_SHARE_TO_TURN * total ? (Number(turn) as PageTurn) : 0;
}

/** The displayed page (width × height, y up) turned clockwise by `turn`: its map and its new size. */
export function turnedPage(mapPoint: PointMap, turn: PageTurn, width: number, height: number): { mapPoint: PointMap; width: number; height: number } {
  if (turn === 0) return { mapPoint, width, height };
  const turnPoint: PointMap =
    turn === 90
      ? (x, y) => [y, width - x]
      : turn === 270
        ? (x, y) => [height - y, x]
        : (x, y) => [width - x, height - y];
  const quarter = turn !== 180;
  return {
    mapPoint: (x, y) => {
      const [dx, dy] = mapPoint(x, y);
      return turnPoint(dx, dy);
    },
    width: quarter ? height : width,
    height: quarter ? width : height,
  };
}
