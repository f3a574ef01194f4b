/**
 * printedBlankCells tells a printed blank from a value the scan may have lost by the ink in the cell:
 * none, or one flat stroke (a dash), is a blank; a digit's ink — even faint grey, even a lone thin 1 —
 * is not.
 */
import { describe, expect, it } from 'vitest';
import { printedBlankCells } from '../../../extractors/pdf/ocr/blank-cells.js';
import type { GrayImage } from '../../../extractors/pdf/ocr/pgm.js';

const DPI = 300;
const pt = (points: number) => Math.round((points * DPI) / 72);

/** A white page with four 60×20 pt cells side by side (rulings already erased, as the OCR reader has them). */
function page(paint: (image: GrayImage, cellLeft: (i: number) => number, top: number) => void): GrayImage {
  const image: GrayImage = { width: pt(260), height: pt(40), pixels: new Uint8Array(pt(260) * pt(40)).fill(250) };
  paint(image, (i) => pt(10 + i * 60), pt(10));
  return image;
}

function fill(image: GrayImage, left: number, top: number, width: number, height: number, shade: number): void {
  for (let y = top; y < top + height; y++) for (let x = left; x < left + width; x++) image.pixels[y * image.width + x] = shade;
}

const cells = [0, 1, 2, 3].map((i) => ({ left: pt(10 + i * 60), top: pt(10), right: pt(70 + i * 60), bottom: pt(30) }));

describe('printedBlankCells', () => {
  it('finds the empty cell and the dashed one, not the cells holding a digit stroke or a faint digit', () => {
    const image = page((img, left, top) => {
      // Cell 1: a dash, 10 pt wide and 0.8 pt thick, at mid-height.
      fill(img, left(1) + pt(25), top + pt(9.6), pt(10), pt(0.8), 30);
      // Cell 2: a lone 1, one stroke 7 pt tall.
      fill(img, left(2) + pt(29), top + pt(6.5), pt(1), pt(7), 30);
      // Cell 3: a faint grey 0's box outline (a scan's weak print).
      fill(img, left(3) + pt(27), top + pt(6.5), pt(4), pt(7), 180);
    });
    expect(printedBlankCells(image, cells, DPI).map((c) => cells.indexOf(c))).toEqual([0, 1]);
  });

  it('ignores dust and the fringes an erased ruling leaves along the cell edge', () => {
    const image = page((img, left, top) => {
      fill(img, left(0) + pt(20), top + pt(8), 2, 2, 40); // dust
      fill(img, left(0), top, pt(60), 2, 120); // fringe of the top ruling
    });
    expect(printedBlankCells(image, cells.slice(0, 1), DPI)).toHaveLength(1);
  });
});
