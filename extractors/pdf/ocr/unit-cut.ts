/**
 * Where a value cell's unit begins (5件, 18651.06万元), told from the ink. Read freely, a number with a
 * unit after it comes back garbled (1件 as 工件, 71件 as 7工件, 0件 as 0fF); read with a digits-only
 * character set, the unit's strokes may turn into digits. Cut before the unit, the digits read alone as
 * any number cell does, and the unit reads alone as the glyph it is. A Chinese glyph is about as wide as
 * it is tall; a digit is about half as wide as tall, and a gap of blank columns stands between the
 * glyphs of a printed number. So a cut is offered at a blank gap only where what stands right of it is
 * as wide as one or two square glyphs (件, 元; 万元) and the last glyph left of it is narrow, like a
 * digit — never in the middle of 万元, where 万 would be left with the digits and 元 taken for the unit
 * (a value read 10 000 times too small).
 */
import { inkComponents, type Rect } from './glyphs.js';
import type { GrayImage } from './pgm.js';

export interface UnitCut {
  /** The first column of the unit (page pixels). */
  at: number;
  /** The last inked column of the digits (page pixels): bits of ink between it and the unit are the unit's stray strokes. */
  digitsEnd: number;
  /** How many square glyphs the unit is wide: 1 (件, 元) or 2 (万元). */
  glyphs: 1 | 2;
  /**
   * Does the unit stand taller than the glyph before it, as a Chinese glyph does over digits (DIGIT_HEIGHT)?
   * Digits cut from digits (1|00) stand as tall: only a taller unit tells a cut worth trying when every
   * read of the cell took the unit for digits (0件 as 04).
   */
  taller: boolean;
}

/** One square glyph is this wide for its height, give or take a stroke (件 0.93, 元 0.95, 万 0.9). */
const ONE_GLYPH = [0.65, 1.25] as const;
/** Two square glyphs side by side, with the gap between them. */
const TWO_GLYPHS = [1.6, 2.5] as const;
/**
 * The glyph just left of the unit must be a digit: narrower than this for the unit's height (digits are
 * 0.35–0.65 of it; a Chinese glyph 0.85 and more), or shorter than DIGIT_HEIGHT of it (a digit stands
 * 0.75–0.82 of a Chinese glyph's height; 万 as tall as 元).
 */
const DIGIT_WIDTH = 0.62;
const DIGIT_HEIGHT = 0.9;

/**
 * Cuts offered before a unit in a rectangle holding one line of ink, nearest the right edge first.
 * `minSize` (pixels) drops dust as glyphBox does. The height of the unit is the height of the ink right of
 * the cut: a Chinese glyph is the tallest thing in a value cell.
 */
export function unitCuts(image: GrayImage, rect: Rect, threshold: number, minSize: number): UnitCut[] {
  const blobs = inkComponents(image, rect, threshold).filter((c) => c.bottom - c.top + 1 >= minSize || c.right - c.left + 1 >= minSize);
  if (blobs.length < 2) return [];
  // Runs of inked columns, left to right; a blank column between two runs is a place to cut.
  const runs: Array<{ left: number; right: number }> = [];
  for (const blob of [...blobs].sort((a, b) => a.left - b.left)) {
    const last = runs[runs.length - 1];
    if (last && blob.left <= last.right + 1) last.right = Math.max(last.right, blob.right);
    else runs.push({ left: blob.left, right: blob.right });
  }
  const cuts: UnitCut[] = [];
  for (let k = runs.length - 1; k >= 1; k--) {
    const unit = blobs.filter((b) => b.left >= runs[k].left);
    const top = Math.min(...unit.map((b) => b.top));
    const bottom = Math.max(...unit.map((b) => b.bottom));
    const height = bottom - top + 1;
    const width = runs[runs.length - 1].right - runs[k].left + 1;
    const ratio = width / height;
    const glyphs = ratio >= ONE_GLYPH[0] && ratio <= ONE_GLYPH[1] ? 1 : ratio >= TWO_GLYPHS[0] && ratio <= TWO_GLYPHS[1] ? 2 : undefined;
    if (ratio > TWO_GLYPHS[1]) break;
    if (glyphs === undefined) continue;
    // The unit starts with a stroke as tall as a Chinese glyph (亻 of 件), not with a digit.
    if (runHeight(blobs, runs[k]) / height < DIGIT_HEIGHT) continue;
    const before = runs[k - 1];
    const beforeHeight = runHeight(blobs, before) / height;
    if ((before.right - before.left + 1) / height >= DIGIT_WIDTH && beforeHeight >= DIGIT_HEIGHT) continue;
    cuts.push({ at: runs[k].left, digitsEnd: before.right, glyphs, taller: beforeHeight < DIGIT_HEIGHT });
  }
  return cuts;
}

function runHeight(blobs: Array<{ left: number; right: number; top: number; bottom: number }>, run: { left: number; right: number }): number {
  const inRun = blobs.filter((b) => b.left >= run.left && b.right <= run.right);
  return Math.max(...inRun.map((b) => b.bottom)) - Math.min(...inRun.map((b) => b.top)) + 1;
}

/** A value cell too narrow for its number and unit: the digits on one line, the unit alone on the next (22 over 件). */
export interface StackedUnit {
  /** The ink of the digits' line. */
  digits: Rect;
  /** The ink of the unit's line. */
  unit: Rect;
  /** How many square glyphs the unit is wide. */
  glyphs: 1 | 2;
}

/**
 * The two lines of a value cell whose unit was wrapped under its digits, or undefined. `ink`: the box of
 * the cell's glyphs. The ink must fall in exactly two bands of rows with a blank row between them; the
 * lower one one or two square glyphs (one run of columns, or two side by side for 万元) standing taller
 * than the upper one's glyphs, as a Chinese glyph does over digits (DIGIT_HEIGHT). A number wrapped
 * over two lines (２１ over ８) has a digit below, narrow and no taller: it is never taken for a unit.
 */
export function stackedUnit(image: GrayImage, ink: Rect, threshold: number, minSize: number): StackedUnit | undefined {
  const blobs = inkComponents(image, ink, threshold).filter((c) => c.bottom - c.top + 1 >= minSize || c.right - c.left + 1 >= minSize);
  if (blobs.length < 2) return undefined;
  // Bands of inked rows, top to bottom, from the blobs' spans.
  const bands: Array<{ top: number; bottom: number }> = [];
  for (const blob of [...blobs].sort((a, b) => a.top - b.top)) {
    const last = bands[bands.length - 1];
    if (last && blob.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, blob.bottom);
    else bands.push({ top: blob.top, bottom: blob.bottom });
  }
  if (bands.length !== 2) return undefined;
  const box = (band: { top: number; bottom: number }): Rect => {
    const inBand = blobs.filter((b) => b.top >= band.top && b.bottom <= band.bottom);
    return { left: Math.min(...inBand.map((b) => b.left)), top: band.top, right: Math.max(...inBand.map((b) => b.right)), bottom: band.bottom };
  };
  const [digits, unit] = bands.map(box);
  const height = unit.bottom - unit.top + 1;
  const ratio = (unit.right - unit.left + 1) / height;
  const glyphs = ratio >= ONE_GLYPH[0] && ratio <= ONE_GLYPH[1] ? 1 : ratio >= TWO_GLYPHS[0] && ratio <= TWO_GLYPHS[1] ? 2 : undefined;
  if (glyphs === undefined || (digits.bottom - digits.top + 1) / height >= DIGIT_HEIGHT) return undefined;
  return { digits, unit, glyphs };
}
