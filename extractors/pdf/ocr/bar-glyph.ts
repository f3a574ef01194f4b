/**
 * A 1 is one upright bar: down the middle of its height every row of its ink is one short run, in the same
 * columns from row to row (a flag at its top and a foot at its bottom lie outside that band). No other digit
 * is: a 7's stroke leans, a 4 crosses its bar, the rest are two strokes apart somewhere in the middle. OCR of a
 * coarse picture now and then passes over a lone 1 altogether (nothing read, digits-only or freely); its ink
 * tells what it is. A dash is wider than tall, a slash leans (slash-glyph.ts), dust is smaller than a glyph.
 */
import type { Rect } from './glyphs.js';
import type { GrayImage } from './pgm.js';

/** The band of rows looked at: the middle half of the glyph, past a 1's flag and foot. */
const BAND = 0.25;
/** Fewer rows than this in the band say nothing about a shape. */
const MIN_ROWS = 6;
/** A bar's stroke is at most this wide for the glyph's height (a 1's stem about 0.1–0.2; a 0's ring is two strokes). */
const STROKE = 0.3;
/** The whole ink, flag and foot with it, is at most this wide for its height (a serif 1's foot about 0.5). */
const WIDTH = 0.6;
/** An upright stroke's edges stray at most this far (for the glyph's height) from row to row of the band. */
const DRIFT = 0.08;

/**
 * Is the ink inside `box` (pixels darker than `threshold`; `box` the glyph's ink box) one upright bar, a 1?
 * Every row of the middle band holds exactly one run of ink, narrower than STROKE of the height, and the
 * runs' edges stay within DRIFT of the height of one another.
 */
export function isBarGlyph(image: GrayImage, box: Rect, threshold: number): boolean {
  const width = box.right - box.left + 1;
  const height = box.bottom - box.top + 1;
  if (width > WIDTH * height) return false;
  const first = box.top + Math.round(BAND * height);
  const last = box.bottom - Math.round(BAND * height);
  if (last - first + 1 < MIN_ROWS) return false;
  const drift = Math.max(1, Math.round(DRIFT * height));
  let [minLeft, maxLeft, minRight, maxRight] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let y = first; y <= last; y++) {
    let runs = 0;
    let [runLeft, runRight] = [-1, -1];
    let inRun = false;
    for (let x = box.left; x <= box.right; x++) {
      const ink = x >= 0 && y >= 0 && x < image.width && y < image.height && image.pixels[y * image.width + x] < threshold;
      if (ink && !inRun) {
        runs++;
        runLeft = x;
      }
      if (ink) runRight = x;
      inRun = ink;
    }
    if (runs !== 1 || runRight - runLeft + 1 > STROKE * height) return false;
    [minLeft, maxLeft, minRight, maxRight] = [Math.min(minLeft, runLeft), Math.max(maxLeft, runLeft), Math.min(minRight, runRight), Math.max(maxRight, runRight)];
  }
  return maxLeft - minLeft <= drift && maxRight - minRight <= drift;
}
