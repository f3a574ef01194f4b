/**
 * A 0 is a ring: across the middle half of its height every row of its ink crosses a stroke on its left
 * and one on its right, with nothing between. No other digit is: a 6 is open on its right above its
 * loop, a 9 on its left below its loop, an 8 crosses its waist in the middle, a 4 its bar. OCR of a
 * coarse or grey picture reads a 0 whose ring is thin or broken (a pixel's gap top or bottom) as 6 or 4,
 * often with the digits-only read at confidence 0; the ink tells it is a 0. Measured on the urw-base35
 * fonts (sans, serif, mono, narrow, bold) at 7 to 12 pt, 300 dpi: every 0 holds in all its middle rows,
 * no other digit in more than 5 of 6 (8 in a monospace font).
 */
import type { Rect } from './glyphs.js';
import type { GrayImage } from './pgm.js';

/** One digit is this wide for its height (1 is narrower, and no ring); two glyphs side by side are wider. */
const WIDTH = [0.4, 0.85] as const;
/** The band of rows looked at: the middle half of the glyph, past the ring's top and bottom strokes. */
const BAND = 0.25;
/** Fewer rows than this in the band say nothing about a shape. */
const MIN_ROWS = 4;

/**
 * Is the ink inside `box` (pixels darker than `threshold`; `box` the glyph's ink box) one ring, a 0? Every
 * row of the middle band must hold ink in the box's left third and in its right third, and none in its
 * middle third.
 */
export function isRingGlyph(image: GrayImage, box: Rect, threshold: number): boolean {
  const width = box.right - box.left + 1;
  const height = box.bottom - box.top + 1;
  if (width < WIDTH[0] * height || width > WIDTH[1] * height) return false;
  const first = box.top + Math.round(BAND * height);
  const last = box.bottom - Math.round(BAND * height);
  if (last - first + 1 < MIN_ROWS) return false;
  const [leftEnd, rightStart] = [box.left + width / 3, box.right - width / 3];
  for (let y = first; y <= last; y++) {
    let [left, middle, right] = [false, false, false];
    for (let x = box.left; x <= box.right; x++) {
      if (x < 0 || y < 0 || x >= image.width || y >= image.height || image.pixels[y * image.width + x] >= threshold) continue;
      if (x < leftEnd) left = true;
      else if (x > rightStart) right = true;
      else middle = true;
    }
    if (!left || !right || middle) return false;
  }
  return true;
}
