import { describe, expect, test } from 'vitest';
import type { GrayImage } from '../../../extractors/pdf/ocr/pgm.js';
import { stackedUnit, unitCuts } from '../../../extractors/pdf/ocr/unit-cut.js';

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
    expect(cuts(image)).toEqual([{ at: end + 8, digitsEnd: end - 1, glyphs: 1, taller: true }]);
  });

  test('71件 with 件 in two blobs: the cut inside the glyph comes first, the one after the digits second', () => {
    const image = blank(160, 90);
    digit(image, 20);
    const end = digit(image, 40);
    twoPiece(image, end + 8);
    expect(cuts(image)).toEqual([
      // Inside the glyph, 亻 is as tall as 牛: not taller than what stands before it.
      { at: end + 8 + 10, digitsEnd: end + 8 + 7, glyphs: 1, taller: false },
      { at: end + 8, digitsEnd: end - 1, glyphs: 1, taller: true },
    ]);
  });

  test('18万元: a cut before 万元 two glyphs wide, none between 万 and 元 (万 is not a digit)', () => {
    const image = blank(200, 90);
    digit(image, 20);
    const end = digit(image, 40);
    const wan = square(image, end + 8);
    square(image, wan + 4);
    expect(cuts(image)).toEqual([{ at: end + 8, digitsEnd: end - 1, glyphs: 2, taller: true }]);
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

  test('two digits close together after a first one (1|00) may pass for a square glyph, but are not taller than the digit before them', () => {
    const image = blank(120, 90);
    digit(image, 20);
    digit(image, 42);
    digit(image, 58);
    expect(cuts(image)).toEqual([{ at: 42, digitsEnd: 33, glyphs: 1, taller: false }]);
  });
});

/** A digit's ring as `digit` draws it, with its top at `top` (26 px tall). */
function digitAt(image: GrayImage, left: number, top: number): number {
  fill(image, left, top, 14, 3);
  fill(image, left, top + 23, 14, 3);
  fill(image, left, top, 3, 26);
  fill(image, left + 11, top, 3, 26);
  return left + 14;
}

/** A square glyph as `square` draws it, with its top at `top` (31 px tall). */
function squareAt(image: GrayImage, left: number, top: number): number {
  fill(image, left, top, 30, 3);
  fill(image, left, top + 28, 30, 3);
  fill(image, left, top, 3, 31);
  fill(image, left + 27, top, 3, 31);
  fill(image, left + 14, top, 3, 31);
  return left + 30;
}

describe('a value cell whose unit is wrapped under its digits (22 over 件)', () => {
  const stacked = (image: GrayImage) => stackedUnit(image, whole(image), 128, 8);

  test('22 over 件: the digits\' line and the unit\'s, one glyph', () => {
    const image = blank(80, 90);
    digitAt(image, 10, 10);
    const end = digitAt(image, 28, 10);
    squareAt(image, 14, 45);
    expect(stacked(image)).toEqual({ digits: { left: 10, top: 10, right: end - 1, bottom: 35 }, unit: { left: 14, top: 45, right: 43, bottom: 75 }, glyphs: 1 });
  });

  test('a number wrapped over two lines (21 over 8) is no number over a unit: the digit below is narrow and no taller', () => {
    const image = blank(80, 90);
    digitAt(image, 10, 10);
    digitAt(image, 28, 10);
    digitAt(image, 20, 45);
    expect(stacked(image)).toBeUndefined();
    // Two digits below, as wide as a square glyph, are no taller than the digits above.
    const two = blank(80, 90);
    digitAt(two, 10, 10);
    digitAt(two, 14, 45);
    digitAt(two, 30, 45);
    expect(stacked(two)).toBeUndefined();
  });

  test('one line, or three, is not a stacked unit', () => {
    const one = blank(80, 50);
    const end = digitAt(one, 10, 10);
    squareAt(one, end + 6, 6);
    expect(stacked(one)).toBeUndefined();
    const three = blank(80, 130);
    digitAt(three, 10, 10);
    digitAt(three, 10, 45);
    squareAt(three, 10, 85);
    expect(stacked(three)).toBeUndefined();
  });
});
