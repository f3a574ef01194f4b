import { describe, expect, test } from 'vitest';
import { glyphBox, inkComponents } from '../../../extractors/pdf/ocr/glyphs.js';
import type { GrayImage } from '../../../extractors/pdf/ocr/pgm.js';

function blank(width: number, height: number): GrayImage {
  return { width, height, pixels: new Uint8Array(width * height).fill(250) };
}

function fill(image: GrayImage, left: number, top: number, width: number, height: number, shade = 0): void {
  for (let y = top; y < top + height; y++) image.pixels.fill(shade, y * image.width + left, y * image.width + left + width);
}

/** A 160 x 150 px cell (a tall row at 300 dpi) holding one 0 in its middle and scanner dust near its edges. */
function cellWithDust(): GrayImage {
  const image = blank(160, 150);
  // The 0: a ring 18 px wide and 30 px tall.
  fill(image, 70, 60, 18, 3);
  fill(image, 70, 87, 18, 3);
  fill(image, 70, 60, 3, 30);
  fill(image, 85, 60, 3, 30);
  // Dust: specks of 1-4 pixels, high and low in the cell, as a 150 dpi scan's dust renders at 300 dpi.
  fill(image, 10, 5, 2, 2, 40);
  fill(image, 140, 140, 1, 1, 40);
  fill(image, 30, 120, 2, 1, 40);
  return image;
}

const whole = { left: 0, top: 0, right: 159, bottom: 149 };

describe('glyphs in a cell', () => {
  test('connected blobs of ink come out one by one with their size', () => {
    const components = inkComponents(cellWithDust(), whole, 128);
    expect(components.map((c) => c.area).sort((a, b) => a - b)).toEqual([1, 2, 4, 18 * 3 * 2 + 3 * 24 * 2]);
    expect(components.find((c) => c.area > 10)).toMatchObject({ left: 70, top: 60, right: 87, bottom: 89 });
  });

  test("dust does not stretch a lone 0's box over the cell", () => {
    expect(glyphBox(cellWithDust(), whole, 128, 8)).toEqual({ left: 70, top: 60, right: 87, bottom: 89 });
  });

  test('a cell with only dust in it holds no glyph', () => {
    const image = cellWithDust();
    fill(image, 70, 60, 18, 30, 250);
    expect(glyphBox(image, whole, 128, 8)).toBeUndefined();
  });

  test('a decimal point between digits stays inside the box of the digits; the rectangle clips the search', () => {
    const image = blank(200, 60);
    fill(image, 20, 10, 4, 30);
    fill(image, 30, 36, 4, 4);
    fill(image, 40, 10, 4, 30);
    expect(glyphBox(image, { left: 0, top: 0, right: 199, bottom: 59 }, 128, 8)).toEqual({ left: 20, top: 10, right: 43, bottom: 39 });
    expect(glyphBox(image, { left: 35, top: 0, right: 199, bottom: 59 }, 128, 8)).toEqual({ left: 40, top: 10, right: 43, bottom: 39 });
  });
});
