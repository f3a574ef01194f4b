/**
 * Full-width digits set apart (２２, １３２, ２６２９) and 1件 in pictures of the variety generator's seed 1, numbers axis
 * (Pingtan 2023): the page pass read them as Chinese characters (和人之, 因汉, 二号之, 6六, 工作), so the cell pass took the
 * cells for labels and never voted on them, though each cell's own read saw the digits: the value stayed unreadable.
 * A cell the page read as Chinese whose own read is a number is read again as a number cell and voted. The fixtures
 * are the cells as the cell pass gets them (straightened, rulings erased), trimmed to 40 pixels either side of
 * the ink, gzipped PGM; see tests/fixtures/ocr/README.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { cellImage, pageWord, readCell } from '../../helpers/ocr-cells.js';

const ocr = await ocrAvailable();

/** Each fixture, what it prints and what the page pass read there. */
const CELLS = [
  { name: 'spaced-22-page-read-he-ren-zhi.pgm.gz', prints: '22', page: '和人之' },
  { name: 'spaced-22-page-read-yin-han.pgm.gz', prints: '22', page: '因汉' },
  { name: 'spaced-132-page-read-er-hao-zhi.pgm.gz', prints: '132', page: '二号之' },
  { name: 'spaced-2629-page-read-6-liu.pgm.gz', prints: '2629', page: '6六' },
  { name: 'one-jian-page-read-gong-zuo.pgm.gz', prints: '1件', page: '工作' },
];



describe('digits the page read as Chinese characters', () => {
  it.skipIf(!ocr)('are read as the number the cell prints, certain (its two reads agree)', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-spaced-'));
    try {
      for (const { name, prints, page } of CELLS) {
        const image = await cellImage(name);
        const words = await readCell(image, [pageWord(image, page, 60)], workDir);
        expect(words.map((word) => word.text), name).toEqual([prints]);
        expect(words[0].confidence, name).toBeGreaterThanOrEqual(90);
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!ocr)('leaves to relabel a cell whose own read keeps as many Chinese characters as the page saw', async () => {
    // 5949.088667万元 set apart, which the page read 5.949.，088667万元 and the cell's own read right: relabel takes
    // the own read, as it did; read again as a number cell its ball-terminal 5 came out 53949.088667 in doubt.
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-spaced-'));
    try {
      const image = await cellImage('amount-with-unit-page-read-garbled.pgm.gz');
      const words = await readCell(image, [pageWord(image, '5.949.，088667万元', 60)], workDir);
      expect(words.map((word) => word.text)).toEqual(['5949.088667万元']);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!ocr)('leaves a label the page read as a label', async () => {
    // The 1件 cell with its 1 blanked out: the cell's own read (件) is no number, so the page's reading stands.
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-spaced-'));
    try {
      const image = await cellImage('one-jian-page-read-gong-zuo.pgm.gz');
      const pixels = new Uint8Array(image.pixels);
      for (let y = 0; y < image.height; y++) for (let x = 0; x < 62; x++) pixels[y * image.width + x] = 255;
      const words = await readCell({ ...image, pixels }, [pageWord({ ...image, pixels }, '工作', 60)], workDir);
      expect(words.map((word) => word.text)).toEqual(['工作']);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a value with its unit whose own read garbled the unit', () => {
  it.skipIf(!ocr)('is read again as a number cell when its ink is digits and one unit glyph: 1件 read 1fF, the page 工作', async () => {
    // Pingtan 2023 scanned sideways (numbers axis, seed 1): table 四's first cell. The own read starts with the digit
    // but is no number (1fF), so the cell was never read again: the row read 14 values for 15 columns (ambiguous).
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-spaced-'));
    try {
      const image = await cellImage('one-jian-read-1fF-page-read-gong-zuo.pgm.gz');
      const words = await readCell(image, [pageWord(image, '工作', 60)], workDir);
      expect(words.map((word) => word.text)).toEqual(['1件']);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!ocr)('leaves a numbered label a label: 3.其他 read 3.Hi(th, the page 3.其他', async () => {
    // Huaian 2024 as a photo (row-faults axis, seed 1): a label whose own read also starts with a digit; read again,
    // its digits alone could vote 3. Only a value with its unit is taken from such a cell, and 其他 is no unit.
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-spaced-'));
    try {
      const image = await cellImage('label-3-qi-ta-read-3-Hi-th.pgm.gz');
      const words = await readCell(image, [pageWord(image, '3.其他', 80)], workDir);
      expect(words.map((word) => word.text)).toEqual(['3.其他']);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
