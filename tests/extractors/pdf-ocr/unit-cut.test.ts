import { describe, expect, test } from 'vitest';
import type { GrayImage } from '../../../extractors/pdf/ocr/pgm.js';
import { unitCuts } from '../../../extractors/pdf/ocr/unit-cut.js';

function blank(width: number, height: number): GrayImage {
  return { width, height, pixels: new Uint8Array(width * height).fill(250) };
}

function fill(image: GrayImage, left: number, top: number, width: number, height: number): void {
  for (let y = top; y < top + height; y++) image.pixels.fill(0, y * image.width + left, y * image.width + left + width);
}

/** A digit as table print has it at 300 dpi: a ring 14 px wide, 26 px tall, its foot on the baseline (y 60). */
function digit(image: GrayImage, left: number): number {
  fill(image, left, 34, 14, 3);
  fill(image, left, 57, 14, 3);
  fill(image, left, 34, 3, 26);
  fill(image, left + 11, 34, 3, 26);
  return left + 14;
}

/** A Chinese glyph: 30 px square (a frame with a cross), taller than the digits, from y 30 to the baseline. */
function square(image: GrayImage, left: number): number {
  fill(image, left, 30, 30, 3);
  fill(image, left, 58, 30, 3);
  fill(image, left, 30, 3, 31);
  fill(image, left + 27, 30, 3, 31);
  fill(image, left + 14, 30, 3, 31);
  fill(image, left, 44, 30, 3);
  return left + 30;
}

/** A glyph drawn in two blobs with blank columns between them, as 件 (亻 and 牛) often comes out: 8 + 22 px. */
function twoPiece(image: GrayImage, left: number): number {
  fill(image, left, 30, 8, 3);
  fill(image, left + 3, 30, 3, 31);
  fill(image, left + 10, 30, 22, 3);
  fill(image, left + 20, 30, 3, 31);
  fill(image, left + 10, 44, 22, 3);
  return left + 32;
}

const whole = (image: GrayImage) => ({ left: 0, top: 0, right: image.width - 1, bottom: image.height - 1 });
const cuts = (image: GrayImage) => unitCuts(image, whole(image), 128, 8);

describe('cutting a value cell before its unit', () => {
  test('0件: one cut, after the digit, one glyph wide', () => {
    const image = blank(120, 90);
    const end = digit(image, 20);
    square(image, end + 8);
    expect(cuts(image)).toEqual([{ at: end + 8, digitsEnd: end - 1, glyphs: 1 }]);
  });

  test('71件 with 件 in two blobs: the cut inside the glyph comes first, the one after the digits second', () => {
    const image = blank(160, 90);
    digit(image, 20);
    const end = digit(image, 40);
    twoPiece(image, end + 8);
    expect(cuts(image)).toEqual([
      { at: end + 8 + 10, digitsEnd: end + 8 + 7, glyphs: 1 },
      { at: end + 8, digitsEnd: end - 1, glyphs: 1 },
    ]);
  });

  test('18万元: a cut before 万元 two glyphs wide, none between 万 and 元 (万 is not a digit)', () => {
    const image = blank(200, 90);
    digit(image, 20);
    const end = digit(image, 40);
    const wan = square(image, end + 8);
    square(image, wan + 4);
    expect(cuts(image)).toEqual([{ at: end + 8, digitsEnd: end - 1, glyphs: 2 }]);
  });

  test('a number without a unit, or a lone glyph, is not cut', () => {
    const plain = blank(140, 90);
    digit(plain, 20);
    digit(plain, 40);
    digit(plain, 60);
    expect(cuts(plain)).toEqual([]);
    const lone = blank(80, 90);
    square(lone, 20);
    expect(cuts(lone)).toEqual([]);
  });
});
