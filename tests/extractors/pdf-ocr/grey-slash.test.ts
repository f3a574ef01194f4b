/**
 * Blanks printed as '/' in a 150 dpi TIFF scan (the variety generator's seed 1, split-tables axis, Shanghai
 * 2019), read at 300 dpi: scaled up, the slash is grey, darker than ink only along a third of its length.
 * Cropped to that dark part, the cell's reads saw a short stroke — 7 or 1, two reads agreeing — and the
 * slash-shape test a smudge; 15 blanks of the report came out as 1s and 7s in doubt. The fixtures are three
 * of those cells as the cell pass gets them (straightened, rulings erased), gzipped PGM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCells } from '../../../extractors/pdf/ocr/cell-pass.js';
import { glyphBox, wholeGlyphBox } from '../../../extractors/pdf/ocr/glyphs.js';
import { paperShade } from '../../../extractors/pdf/ocr/rulings.js';
import { isSlashGlyph } from '../../../extractors/pdf/ocr/slash-glyph.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { cellImage, cellOf } from '../../helpers/ocr-cells.js';
import type { OcrWord } from '../../../extractors/pdf/ocr/tsv.js';

const ocr = await ocrAvailable();
const DPI = 300;
const px = (points: number) => Math.round((points * DPI) / 72);
/** Each cell and what the page pass read in it before. */
const CELLS = [
  ['grey-slash-read-7.pgm.gz', '7'],
  ['grey-slash-read-7-short-cell.pgm.gz', '7'],
  ['grey-slash-read-1.pgm.gz', '1'],
] as const;

describe('a grey slash in a coarse scan scaled up', () => {
  it('is a slash only when its glyph is taken whole: the part darker than ink is a smudge to the shape test', async () => {
    for (const [name] of CELLS) {
      const image = await cellImage(name);
      const threshold = Math.round(paperShade(image) * 0.65);
      const inner = { left: px(1.5), top: px(1.5), right: image.width - 1 - px(1.5), bottom: image.height - 1 - px(1.5) };
      const core = glyphBox(image, inner, 128, px(2))!;
      const whole = wholeGlyphBox(image, inner, 128, threshold, px(2))!;
      expect(isSlashGlyph(image, core, threshold, px(5)), name).toBe(false);
      expect(whole.bottom - whole.top, name).toBeGreaterThan(2 * (core.bottom - core.top));
      expect(isSlashGlyph(image, whole, threshold, px(5)), name).toBe(true);
    }
  });

  it('keeps a glyph with no part darker than ink out, and dust beside a glyph too', () => {
    const width = 60;
    const pixels = new Uint8Array(width * 40).fill(250);
    // A grey bar (never ink) and, apart from it, a dark 1 with a grey foot; a grey speck far from both.
    for (let y = 5; y < 35; y++) pixels[y * width + 10] = 150;
    for (let y = 5; y < 30; y++) pixels[y * width + 40] = 60;
    for (let y = 30; y < 35; y++) pixels[y * width + 40] = 150;
    pixels[20 * width + 55] = 150;
    const image = { width, height: 40, pixels };
    expect(wholeGlyphBox(image, { left: 0, top: 0, right: width - 1, bottom: 39 }, 128, 166, 8)).toEqual({ left: 40, top: 5, right: 40, bottom: 34 });
    expect(wholeGlyphBox(image, { left: 0, top: 0, right: 30, bottom: 39 }, 128, 166, 8)).toBeUndefined();
  });

  it.skipIf(!ocr)('is read as the slash it is, not as the 1 or 7 the page read there', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-grey-slash-'));
    try {
      for (const [name, pageRead] of CELLS) {
        const image = await cellImage(name);
        const [cx, cy] = [Math.round(image.width / 2), Math.round(image.height / 2)];
        const pageWord: OcrWord = { text: pageRead, left: cx - 5, top: cy - 10, width: 10, height: 20, confidence: 60, image: 1, line: 'page' };
        const words = await readCells(image, [cellOf(image)], [pageWord], { dpi: DPI, workDir, timeoutMs: 60_000 });
        expect(words.map((word) => word.text), name).toEqual(['/']);
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
