/**
 * A blank printed as '/' is one thin stroke leaning forward, and OCR of a small picture (a table
 * screenshot at 96 dpi, a coarse scan) reads it as 1 or 7 as often as not. The ink tells them apart:
 * a slash's pixels lie on one line whose x falls as y grows (a correlation near -1), a 1 stands
 * upright (its stem gives no correlation), and a 7's bar over its stroke, or any other digit, lies far
 * from one line. Italic digits would lean too, but statistics tables print upright ones.
 */
import type { Rect } from './glyphs.js';
import type { GrayImage } from './pgm.js';

/** How closely the ink must follow one forward-leaning line (minus the x–y correlation). */
const MIN_LINE_FIT = 0.9;
/** A slash leans this much: x run per y rise, from steep to flat, in the fonts reports print. */
const MIN_LEAN = 0.15;
const MAX_LEAN = 0.8;
/** Fewer ink pixels than this say nothing about a shape. */
const MIN_PIXELS = 5;

/** The ink inside `box` (pixels darker than `threshold`) is one forward-leaning stroke at least `minHeight` tall. */
export function isSlashGlyph(image: GrayImage, box: Rect, threshold: number, minHeight: number): boolean {
  if (box.bottom - box.top + 1 < minHeight || box.right - box.left < 1) return false;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let y = Math.max(0, box.top); y <= Math.min(image.height - 1, box.bottom); y++) {
    for (let x = Math.max(0, box.left); x <= Math.min(image.width - 1, box.right); x++) {
      if (image.pixels[y * image.width + x] >= threshold) continue;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
  }
  if (n < MIN_PIXELS) return false;
  const covXY = sxy - (sx * sy) / n;
  const varX = sxx - (sx * sx) / n;
  const varY = syy - (sy * sy) / n;
  if (varX <= 0 || varY <= 0) return false;
  const fit = -covXY / Math.sqrt(varX * varY);
  const lean = -covXY / varY;
  return fit >= MIN_LINE_FIT && lean >= MIN_LEAN && lean <= MAX_LEAN;
}
