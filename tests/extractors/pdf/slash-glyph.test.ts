/**
 * A blank printed as '/' that OCR reads as 1 or 7: the ink of the cell tells the slash (one stroke
 * leaning forward) from an upright 1 and from a 7's bar over its stroke.
 */
import { describe, expect, it } from 'vitest';
import { glyphBox } from '../../../extractors/pdf/ocr/glyphs.js';
import { isSlashGlyph } from '../../../extractors/pdf/ocr/slash-glyph.js';
import type { GrayImage } from '../../../extractors/pdf/ocr/pgm.js';

const SIZE = 40;
/** A white image with ink at the given pixels, `thickness` pixels wide across. */
function drawn(points: Array<[number, number]>, thickness = 1): GrayImage {
  const pixels = new Uint8Array(SIZE * SIZE).fill(255);
  for (const [x, y] of points) for (let t = 0; t < thickness; t++) pixels[y * SIZE + x + t] = 20;
  return { width: SIZE, height: SIZE, pixels };
}
const box = { left: 0, top: 0, right: SIZE - 1, bottom: SIZE - 1 };
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('isSlashGlyph', () => {
  it('takes one stroke leaning forward for a slash, hairline or thick (a small picture scaled up)', () => {
    const slash = range(5, 30).map((y): [number, number] => [Math.round(20 - (y - 5) * 0.3), y]);
    expect(isSlashGlyph(drawn(slash), box, 128, 10)).toBe(true);
    expect(isSlashGlyph(drawn(slash, 3), box, 128, 10)).toBe(true);
  });

  it('does not take an upright 1 (with its flag and foot) for a slash', () => {
    const one = [...range(5, 30).map((y): [number, number] => [15, y]), [14, 6], [13, 7], [12, 8], ...range(12, 18).map((x): [number, number] => [x, 30])] as Array<[number, number]>;
    expect(isSlashGlyph(drawn(one, 2), box, 128, 10)).toBe(false);
  });

  it('does not take a 7 (a bar over a leaning stroke) for a slash', () => {
    const seven = [...range(8, 22).map((x): [number, number] => [x, 5]), ...range(6, 30).map((y): [number, number] => [Math.round(22 - (y - 6) * 0.4), y])];
    expect(isSlashGlyph(drawn(seven, 2), box, 128, 10)).toBe(false);
  });

  it('does not take a backslash, a flat dash or a speck for a slash', () => {
    expect(isSlashGlyph(drawn(range(5, 30).map((y): [number, number] => [Math.round(10 + (y - 5) * 0.3), y])), box, 128, 10)).toBe(false);
    expect(isSlashGlyph(drawn(range(5, 30).map((x): [number, number] => [x, 20 - Math.round((x - 5) * 0.05)])), box, 128, 10)).toBe(false);
    expect(isSlashGlyph(drawn([[10, 10], [9, 11], [8, 12]]), box, 128, 10)).toBe(false);
  });

  it('takes a grey hairline slash broken at the threshold into steps for a slash: the box of every piece, not of glyph-sized ones', () => {
    // Four upright steps of 7 pixels, each 3 across from the next (a 113 dpi hairline scaled to 300 dpi), 2 wide.
    const steps = [0, 1, 2, 3].flatMap((k) => range(4 + k * 8, 10 + k * 8).map((y): [number, number] => [25 - k * 3, y]));
    const image = drawn(steps, 2);
    // At 300 dpi a glyph is at least 8 pixels one way (2 pt), a piece of a faint stroke 4 (1 pt): cell-pass.ts.
    const glyphs = glyphBox(image, box, 128, 8);
    const pieces = glyphBox(image, box, 128, 4);
    expect(glyphs).toBeUndefined();
    expect(pieces).toEqual({ left: 16, top: 4, right: 26, bottom: 34 });
    expect(isSlashGlyph(image, pieces!, 128, 21)).toBe(true);
  });
});
