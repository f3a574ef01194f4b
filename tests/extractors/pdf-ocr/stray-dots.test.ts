/**
 * Full-width serif digits in a scan (the variety generator's seed 1, numbers axis, scan-text, Pingtan 2023).
 * Binarized at the cell pass's threshold, the ball terminals of 3 and 5 part from their strokes, and the
 * scan's dust lies between the digits: OCR read them as points, 1330 as 13.30, 31 as 3.1, 5949.088667 as
 * 59949.088667 — numbers off by a factor of 100 or 10, in doubt only because the identities or the
 * confidence floor caught them. The fixtures are those cells as the cell pass gets them, gzipped PGM.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCells } from '../../../extractors/pdf/ocr/cell-pass.js';
import { withoutStrayDots } from '../../../extractors/pdf/ocr/glyphs.js';
import { parsePgm, type GrayImage } from '../../../extractors/pdf/ocr/pgm.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import type { OcrWord } from '../../../extractors/pdf/ocr/tsv.js';

const ocr = await ocrAvailable();

/** White, with black rectangles [left, top, width, height]. */
function drawn(width: number, height: number, boxes: Array<[number, number, number, number]>): GrayImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [left, top, w, h] of boxes) for (let y = top; y < top + h; y++) for (let x = left; x < left + w; x++) pixels[y * width + x] = 0;
  return { width, height, pixels };
}
const inked = (image: GrayImage, x: number, y: number) => image.pixels[y * image.width + x] === 0;

describe('dots that are no decimal point', () => {
  it('are taken out of a number crop: a blob over a glyph’s columns, one before the first glyph, dust anywhere', () => {
    // Two digits 6 wide and 30 tall; a ball parted from the second digit's foot, a blob left of the first, dust in the gap.
    const image = drawn(60, 40, [[10, 5, 6, 30], [30, 5, 6, 30], [30, 36, 3, 3], [3, 10, 4, 4], [22, 32, 2, 2]]);
    const clean = withoutStrayDots(image, 8, 2);
    expect([inked(clean, 31, 37), inked(clean, 4, 11), inked(clean, 22, 32)]).toEqual([false, false, false]);
    expect([inked(clean, 12, 20), inked(clean, 32, 20)]).toEqual([true, true]);
  });

  it('keeps a decimal point in a gap of its own between two digits', () => {
    const image = drawn(60, 40, [[10, 5, 6, 30], [30, 5, 6, 30], [21, 31, 4, 4]]);
    expect(withoutStrayDots(image, 8, 2).pixels).toEqual(image.pixels);
  });

  it('are left alone beside a glyph wider than a digit: a Chinese glyph’s own dots (总, 计)', () => {
    // A square body with a detached dot over its columns, as 总 binarized.
    const image = drawn(60, 40, [[10, 10, 30, 25], [20, 3, 3, 3]]);
    expect(withoutStrayDots(image, 8, 2).pixels).toEqual(image.pixels);
  });

  it.skipIf(!ocr)('are not read as points in a serif scan’s digits', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-stray-dots-'));
    try {
      for (const [name, printed, pageRead] of [
        ['serif-1330-read-13.30.pgm.gz', '1330', '13.30'],
        ['serif-31-read-3.1.pgm.gz', '31', '3.1'],
        ['serif-5949.088667-read-59949.088667.pgm.gz', '5949.088667', '59949.088667'],
      ] as const) {
        const image = parsePgm(gunzipSync(await readFile(new URL(`../../fixtures/ocr/${name}`, import.meta.url))));
        const [cx, cy] = [Math.round(image.width / 2), Math.round(image.height / 2)];
        const pageWord: OcrWord = { text: pageRead, left: cx - 20, top: cy - 10, width: 40, height: 20, confidence: 96, image: 1, line: 'page' };
        const cell = { left: 0.5, top: 0.5, right: image.width - 1.5, bottom: image.height - 1.5 };
        const words = await readCells(image, [cell], [pageWord], { dpi: 300, workDir, timeoutMs: 60_000 });
        expect(words.map((word) => word.text), name).toEqual([printed]);
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
