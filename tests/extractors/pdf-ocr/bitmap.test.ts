import { describe, expect, test } from 'vitest';
import { findCells } from '../../../extractors/pdf/ocr/cells.js';
import { estimateSkew, rotate } from '../../../extractors/pdf/ocr/deskew.js';
import { tightenToInk } from '../../../extractors/pdf/ocr/ink-box.js';
import { binarize, crop, encodePgm, pad, parsePgm, type GrayImage } from '../../../extractors/pdf/ocr/pgm.js';
import { detectRulings, eraseRulings, inkThreshold, showsRuledTable } from '../../../extractors/pdf/ocr/rulings.js';

/** Sizes as at 300 dpi: 20 pt = 83 px. */
const OPTIONS = { minLength: 83, longLength: 250, maxThickness: 17, maxGap: 3 };

function blank(width: number, height: number, shade = 255): GrayImage {
  return { width, height, pixels: new Uint8Array(width * height).fill(shade) };
}

function fill(image: GrayImage, left: number, top: number, width: number, height: number, shade = 0): void {
  for (let y = top; y < top + height; y++) image.pixels.fill(shade, y * image.width + left, y * image.width + left + width);
}

/** A 3 x 3 table of 200 x 100 px cells with 2 px light-grey borders, as a scan renders thin rulings. */
function tablePage(options: { bottomRuling?: boolean } = {}): GrayImage {
  const image = blank(1000, 600);
  for (const y of [100, 200, 300, ...(options.bottomRuling === false ? [] : [400])]) fill(image, 100, y, 602, 2, 170);
  for (const x of [100, 300, 500, 700]) fill(image, x, 100, 2, 302, 170);
  return image;
}

describe('grey bitmaps (PGM)', () => {
  test('a binary PGM with a comment and a 15-level maxval is read and scaled to 0..255', () => {
    const bytes = Buffer.concat([Buffer.from('P5\n# scanner\n3 2\n15\n', 'latin1'), Buffer.from([0, 15, 5, 15, 0, 10])]);
    expect(parsePgm(bytes)).toEqual({ width: 3, height: 2, pixels: new Uint8Array([0, 255, 85, 255, 0, 170]) });
  });

  test('what encodePgm writes parsePgm reads back', () => {
    const image = { width: 2, height: 2, pixels: new Uint8Array([1, 2, 3, 4]) };
    expect(parsePgm(encodePgm(image))).toEqual(image);
  });

  test('a text PGM, a PPM and a truncated raster are refused with a message', () => {
    expect(() => parsePgm(Buffer.from('P2\n1 1\n255\n0\n'))).toThrow(/P5/);
    expect(() => parsePgm(Buffer.from('P6\n1 1\n255\n\0\0\0'))).toThrow(/P5/);
    expect(() => parsePgm(Buffer.from('P5\n10 10\n255\n\0\0'))).toThrow(/truncated/);
    expect(() => parsePgm(Buffer.from('P5\n0 10\n255\n'))).toThrow(/header/);
  });

  test('crop clips to the image, pad adds white, binarize leaves only black and white', () => {
    const image = { width: 3, height: 2, pixels: new Uint8Array([10, 20, 30, 200, 210, 220]) };
    expect(crop(image, 1, 0, 5, 5)).toEqual({ width: 2, height: 2, pixels: new Uint8Array([20, 30, 210, 220]) });
    expect(pad({ width: 1, height: 1, pixels: new Uint8Array([0]) }, 1).pixels).toEqual(new Uint8Array([255, 255, 255, 255, 0, 255, 255, 255, 255]));
    expect(binarize(image, 128).pixels).toEqual(new Uint8Array([0, 0, 0, 255, 255, 255]));
  });
});

describe('ruling detection', () => {
  test('the borders of a table are found as 4 horizontal and 4 vertical lines at their centres', () => {
    const lines = detectRulings(tablePage(), OPTIONS);
    const horizontal = lines.filter((line) => line.orientation === 'horizontal');
    const vertical = lines.filter((line) => line.orientation === 'vertical');
    expect(horizontal.map((line) => [line.at, line.from, line.to])).toEqual([
      [100.5, 100, 701],
      [200.5, 100, 701],
      [300.5, 100, 701],
      [400.5, 100, 701],
    ]);
    expect(vertical.map((line) => line.at)).toEqual([100.5, 300.5, 500.5, 700.5]);
  });

  test('the ink threshold follows the paper: light grey rulings on grey scan paper still count as ink', () => {
    const page = tablePage();
    for (let i = 0; i < page.pixels.length; i++) page.pixels[i] = Math.round(page.pixels[i] * 0.9);
    expect(inkThreshold(page)).toBe(230 - 40);
    expect(detectRulings(page, OPTIONS)).toHaveLength(8);
  });

  test('glyph strokes, a thick filled block and a dashed rule with wide gaps are not rulings', () => {
    const page = blank(1000, 600);
    fill(page, 100, 100, 60, 4); // 一 in body text: shorter than minLength
    fill(page, 100, 200, 400, 60); // a black box
    for (let x = 100; x < 900; x += 40) fill(page, x, 400, 20, 2); // dashes with 20 px gaps
    expect(detectRulings(page, OPTIONS)).toEqual([]);
  });

  test('a short segment counts only when both its ends meet long rulings, as a narrow cell border does', () => {
    const page = blank(1000, 600);
    fill(page, 100, 100, 2, 400);
    fill(page, 200, 100, 2, 400);
    fill(page, 100, 300, 102, 2); // joins the two verticals
    fill(page, 400, 300, 102, 2); // free-standing: a stroke of a large character
    const horizontal = detectRulings(page, OPTIONS).filter((line) => line.orientation === 'horizontal');
    expect(horizontal.map((line) => [line.from, line.to])).toEqual([[100, 201]]);
  });

  test('a ruling broken by JPEG noise is joined into one line', () => {
    const page = blank(1000, 600);
    fill(page, 100, 100, 300, 2);
    fill(page, 402, 100, 300, 2);
    expect(detectRulings(page, OPTIONS).map((line) => [line.from, line.to])).toEqual([[100, 701]]);
  });

  test('a border faded to a grey lighter than the ink threshold is carried on to the ruling it meets', () => {
    // A thin border of a 150 dpi scan, turned and straightened, fades where it crosses a narrow label cell.
    const page = tablePage();
    fill(page, 100, 300, 200, 2, 255);
    fill(page, 102, 300, 198, 3, 225); // fainter than the threshold (215 on white), still darker than the paper
    const horizontal = detectRulings(page, OPTIONS).filter((line) => line.orientation === 'horizontal');
    // Carried on to the centre of the border it meets.
    expect(horizontal.map((line) => [line.at, line.from, line.to])).toContainEqual([300.5, 101, 701]);
    expect(findCells(detectRulings(page, OPTIONS), 8)).toHaveLength(9);
  });

  test('faded pieces over several narrow cells in a row are each carried on, up to the next line and no further', () => {
    const page = blank(1000, 600);
    for (const x of [100, 160, 220, 280, 340]) fill(page, x, 100, 2, 300);
    fill(page, 100, 100, 242, 2);
    fill(page, 100, 398, 242, 2);
    fill(page, 100, 250, 60, 2); // the first cell's border is inked, the next three are faded
    fill(page, 162, 250, 178, 2, 200);
    fill(page, 342, 250, 300, 1, 240); // paper-grey dust beyond the last ruling is not a line to carry on over
    const horizontal = detectRulings(page, OPTIONS).filter((line) => line.orientation === 'horizontal');
    expect(horizontal.filter((line) => Math.abs(line.at - 250.5) < 2).map((line) => [line.from, line.to])).toEqual([[100, 341]]);
    expect(findCells(detectRulings(page, OPTIONS), 8)).toHaveLength(8);
  });

  test('a faded stretch ending in open paper, and a row of glyph strokes between two rulings, are not carried on', () => {
    const page = tablePage();
    fill(page, 100, 300, 602, 2, 255);
    fill(page, 100, 300, 300, 2, 170); // the ruling stops in the middle of a cell: nothing to meet
    for (let x = 505; x < 690; x += 30) fill(page, x, 250, 20, 3, 0); // 一 一 一 in a cell, level with nothing
    const horizontal = detectRulings(page, OPTIONS).filter((line) => line.orientation === 'horizontal');
    expect(horizontal.map((line) => [line.at, line.from, line.to])).toContainEqual([300.5, 100, 399]);
    expect(horizontal.some((line) => Math.abs(line.at - 251) < 3)).toBe(false);
  });

  test('a faded border is not carried on to a corner where another line merely starts (a table running off the page)', () => {
    const page = blank(1000, 700);
    fill(page, 100, 100, 2, 500); // the left border, down to the page's end
    fill(page, 400, 100, 2, 150); // a column border, inked down to y 249 …
    fill(page, 400, 250, 2, 150, 225); // … faded from there to y 399, where the next ruling only starts
    for (const y of [100, 250]) fill(page, 100, y, 602, 2);
    fill(page, 400, 400, 302, 2);
    fill(page, 700, 100, 2, 302);
    const vertical = detectRulings(page, OPTIONS).filter((line) => line.orientation === 'vertical');
    expect(vertical.filter((line) => Math.abs(line.at - 400.5) < 2).map((line) => [line.from, line.to])).toEqual([[100, 251]]);
  });

  test('erasing rulings leaves the text inside the cells untouched', () => {
    const page = tablePage();
    fill(page, 150, 140, 20, 30); // a digit
    const erased = eraseRulings(page, detectRulings(page, OPTIONS));
    expect(erased.pixels.filter((value) => value < 255).length).toBe(20 * 30);
  });
});

describe('is it a ruled table?', () => {
  /** At 72 dpi (a pixel a point): a one-row table 400 wide, its cell borders `rowHeight` tall. */
  function oneRowTable(rowHeight: number): GrayImage {
    const image = blank(500, 100 + rowHeight);
    for (const y of [50, 50 + rowHeight]) fill(image, 50, y, 402, 2);
    for (const x of [50, 250, 450]) fill(image, x, 50, 2, rowHeight + 2);
    return image;
  }

  test('a full table passes; so does a one-row table, its 30 pt borders meeting long rulings; 15 pt borders are too short', () => {
    expect(showsRuledTable(tablePage(), 72)).toBe(true);
    expect(showsRuledTable(oneRowTable(30), 72)).toBe(true);
    expect(showsRuledTable(oneRowTable(15), 72)).toBe(false);
  });

  test('lines that do not meet, text strokes and a blank picture are not a table', () => {
    const strokes = blank(500, 200);
    fill(strokes, 50, 50, 400, 2); // one long line, no second
    for (const x of [60, 120, 180]) fill(strokes, x, 100, 2, 30); // short strokes meeting nothing
    expect(showsRuledTable(strokes, 72)).toBe(false);
    expect(showsRuledTable(blank(500, 200), 72)).toBe(false);
  });
});

describe('cells from rulings', () => {
  test('a ruled 3 x 3 table gives its 9 cells', () => {
    const cells = findCells(detectRulings(tablePage(), OPTIONS), 8);
    expect(cells).toHaveLength(9);
    expect(cells[0]).toEqual({ left: 100.5, top: 100.5, right: 300.5, bottom: 200.5 });
  });

  test('cells without a ruling between them are one merged cell', () => {
    const page = tablePage();
    fill(page, 300, 100, 2, 100, 255); // remove the border between the first two header cells
    const cells = findCells(detectRulings(page, OPTIONS), 8);
    expect(cells).toHaveLength(8);
    expect(cells[0]).toEqual({ left: 100.5, top: 100.5, right: 500.5, bottom: 200.5 });
  });

  test('the last row of a table cut by a page break still gives cells although no ruling closes it', () => {
    const cells = findCells(detectRulings(tablePage({ bottomRuling: false }), OPTIONS), 8);
    expect(cells).toHaveLength(9);
    expect(cells.filter((cell) => cell.bottom > 390)).toHaveLength(3);
  });

  test('lines that enclose nothing give no cells', () => {
    const page = blank(1000, 600);
    fill(page, 100, 100, 600, 2);
    fill(page, 100, 300, 600, 2);
    expect(findCells(detectRulings(page, OPTIONS), 8)).toEqual([]);
  });
});

describe('deskew', () => {
  test('the skew of a ruled page turned by 1.2 degrees either way is measured to a tenth of a degree, and undone', () => {
    const page = tablePage();
    for (const y of [130, 150, 170, 230, 250, 270, 330, 350, 370]) fill(page, 120, y, 160, 8); // lines of "text" in the first column
    for (const degrees of [1.2, -1.2]) {
      const skewed = rotate(page, -degrees);
      expect(Math.abs(estimateSkew(skewed, 200) - degrees)).toBeLessThanOrEqual(0.1);
      const level = rotate(skewed, estimateSkew(skewed, 200));
      expect(detectRulings(level, OPTIONS).filter((line) => line.orientation === 'horizontal')).toHaveLength(4);
    }
  });

  test('a level page and a blank page are left alone', () => {
    expect(estimateSkew(tablePage(), 200)).toBe(0);
    expect(estimateSkew(blank(300, 300), 200)).toBe(0);
  });
});

describe('shaded cells', () => {
  test('a light cell shading with text on it gives no rulings, while the border drawn around it does', () => {
    const page = tablePage();
    fill(page, 102, 102, 198, 98, 215); // shade the first cell a light grey, inside its borders
    for (const x of [120, 150, 180, 210, 240]) fill(page, x, 130, 20, 40, 0); // glyphs on the shading
    const lines = detectRulings(page, { ...OPTIONS, darkThreshold: 225 });
    expect(lines.filter((line) => line.orientation === 'horizontal').map((line) => line.at)).toEqual([100.5, 200.5, 300.5, 400.5]);
    expect(lines.filter((line) => line.orientation === 'vertical').map((line) => line.at)).toEqual([100.5, 300.5, 500.5, 700.5]);
  });
});

describe('word boxes cut to their ink', () => {
  const word = { text: '重复', left: 100, top: 100, width: 100, height: 70, confidence: 90, image: 1, line: 'a' };

  test('a box reaching below its glyphs is cut to the inked rows', () => {
    const page = blank(400, 300);
    fill(page, 110, 105, 80, 40);
    expect(tightenToInk(page, word)).toMatchObject({ top: 105, height: 40, left: 100, width: 100 });
  });

  test('glyph parts split by a small gap stay, and the top of the next line reaching into the box is left out', () => {
    const page = blank(400, 300);
    fill(page, 110, 105, 80, 10); // 三: strokes with gaps
    fill(page, 110, 125, 80, 10);
    fill(page, 110, 160, 80, 20); // the next line, reaching into the bottom of the box
    const tightened = tightenToInk(page, word);
    expect(tightened.top).toBe(105);
    expect(tightened.top + tightened.height).toBe(135);
  });

  test('a box with no ink is left as it is', () => {
    expect(tightenToInk(blank(400, 300), word)).toEqual(word);
  });
});
