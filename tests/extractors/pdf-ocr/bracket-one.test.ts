/**
 * Serif 1s in pictures of the variety generator's seed 1, row-faults axis (Huaian 2024 and Pingtan 2022 as a photo and
 * as 96 dpi screenshots): the free read (and the page's) saw the 1 after a digit as a closing bracket (2], 6], 1]) and
 * the digits-only read, at confidence 0, dropped it (2, 6, 1). The bracket made the free read no number, so the
 * digits-only read stood alone against the page: 21 came out 2 in doubt, and a row that printed a stray empty cell
 * beside it could not be read. A ']' in a read that is otherwise a number is a 1, as l and | are. The fixtures are
 * the cells as the cell pass gets them (straightened, rulings erased), gzipped PGM; see tests/fixtures/ocr/README.md.
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
  { name: 'one-as-bracket-21-read-2.pgm.gz', prints: '21', page: '21' },
  { name: 'one-as-bracket-61-read-6.pgm.gz', prints: '61', page: '61' },
  { name: 'one-as-bracket-11-read-1.pgm.gz', prints: '11', page: '1]' },
];



describe('a serif 1 read as a closing bracket', () => {
  it.skipIf(!ocr)('is a 1: the number the cell prints, certain (the free read and the page agree)', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-bracket-'));
    try {
      for (const { name, prints, page } of CELLS) {
        const image = await cellImage(name);
        const words = await readCell(image, [pageWord(image, page, 80)], workDir);
        expect(words.map((word) => word.text), name).toEqual([prints]);
        expect(words[0].confidence, name).toBeGreaterThanOrEqual(90);
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a read that dropped a glyph', () => {
  it.skipIf(!ocr)('is no vote where another read spells the glyphs the ink holds: 37 read 7 twice and 37 once stays in doubt', async () => {
    // Pingtan 2022 as a photo (row-faults): the digits-only and the free read both saw 7, the page 37; the two 7s
    // agreed and 7 was taken as certain (only the identities put it in doubt). The ink holds two glyphs apart.
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-bracket-'));
    try {
      const image = await cellImage('thirty-seven-read-7-twice.pgm.gz');
      const words = await readCell(image, [pageWord(image, '37', 80)], workDir);
      expect(words.map((word) => word.text)).toEqual(['37']);
      expect(words[0].confidence).toBeLessThanOrEqual(50);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
