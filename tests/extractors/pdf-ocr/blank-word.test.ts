/**
 * Blanks printed as 无 in a 150 dpi photo (the variety generator's seed 3, combined axis, JPEG, Shanghai 2019),
 * read at 300 dpi. The cell's free read saw 无 every time; but the page read digits or other glyphs there (7c,
 * 7, 匹克) and the digits-only read spelled the glyph in digits (7), so the page's misreading stood, or the
 * digits-only read won the vote: numbers where the report printed none, settled in doubt by the identities.
 * The fixtures are four of those cells as the cell pass gets them (straightened, rulings erased), gzipped PGM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCells } from '../../../extractors/pdf/ocr/cell-pass.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import type { OcrWord } from '../../../extractors/pdf/ocr/tsv.js';
import { cellImage } from '../../helpers/ocr-cells.js';

const ocr = await ocrAvailable();

/** The cell pass over one fixture cell (the whole picture, its rulings erased) with what the page read in it. */
async function read(name: string, pageRead: string | undefined, workDir: string): Promise<OcrWord[]> {
  const image = await cellImage(name);
  const [cx, cy] = [Math.round(image.width / 2), Math.round(image.height / 2)];
  const width = 10 * [...(pageRead ?? '')].length;
  const pageWords: OcrWord[] = pageRead ? [{ text: pageRead, left: cx - width / 2, top: cy - 10, width, height: 20, confidence: 60, image: 1, line: 'page' }] : [];
  const cell = { left: 0.5, top: 0.5, right: image.width - 1.5, bottom: image.height - 1.5 };
  return readCells(image, [cell], pageWords, { dpi: 300, workDir, timeoutMs: 60_000 });
}

describe.skipIf(!ocr)('a blank printed as 无 that the page read as digits or other glyphs', () => {
  it('is read as 无, in doubt (one read saw it), not as the page’s 7c, 7 or 匹克', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-blank-word-'));
    try {
      for (const [name, pageRead] of [
        ['wu-page-read-7c.pgm.gz', '7c'],
        ['wu-page-read-7.pgm.gz', '7'],
        ['wu-page-read-2-glyphs.pgm.gz', '匹克'],
      ] as const) {
        const words = await read(name, pageRead, workDir);
        expect(words.map((word) => word.text), name).toEqual(['无']);
        expect(words[0]!.confidence, name).toBeLessThanOrEqual(50);
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('where no read saw anything else, keeps its own read’s confidence, as a word', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-blank-word-'));
    try {
      const words = await read('wu-page-read-nothing.pgm.gz', undefined, workDir);
      expect(words.map((word) => word.text)).toEqual(['无']);
      expect(words[0]!.confidence).toBeGreaterThan(90);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('is read as 无, in doubt, where the digits-only read spelled its one square glyph as two digits (70, 73, 7,3)', async () => {
    // A 96 dpi screenshot read at 300 dpi (wrapped-labels, html-img, seed 1, Shanghai 2019): the free read saw 无,
    // the page nothing, the digits-only read 70 — and won the tie.
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-blank-word-'));
    try {
      for (const name of ['wu-digits-read-70.pgm.gz', 'wu-digits-read-73.pgm.gz', 'wu-digits-read-7-3.pgm.gz']) {
        const words = await read(name, undefined, workDir);
        expect(words.map((word) => word.text), name).toEqual(['无']);
        expect(words[0]!.confidence, name).toBeLessThanOrEqual(50);
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
