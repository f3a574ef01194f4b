/**
 * Full-width 0s in pictures of the variety generator's seed 1, numbers axis (Pingtan 2023): the digits-only read
 * saw 6 (at confidence 0) or 4 where the free read saw 0 or O, and the page nothing; the digits-only read won the
 * tie, so the 0 came out a 6 or 4 in doubt (five in one column of the pdf-img variant, three in scan-stamped, two
 * in tiff). The ink of a 0 is one ring, which no other digit is: it votes for 0. The fixtures are cells as the
 * cell pass gets them (straightened, rulings erased), gzipped PGM; see tests/fixtures/ocr/README.md.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { glyphBox } from '../../../extractors/pdf/ocr/glyphs.js';
import { parsePgm, type GrayImage } from '../../../extractors/pdf/ocr/pgm.js';
import { paperShade } from '../../../extractors/pdf/ocr/rulings.js';
import { isRingGlyph } from '../../../extractors/pdf/ocr/ring-glyph.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { ghostscriptAvailable } from '../../../tools/variety/render/outlines.js';
import { cellImage, FIXTURE_DPI, inkBox, readCell } from '../../helpers/ocr-cells.js';

const ocr = await ocrAvailable();
const gs = await ghostscriptAvailable();

/** Cells printing 0 that the cell pass once read 6 or 4 (named by what its reads saw). */
const ZEROS = ['ring-0-read-6.pgm.gz', 'ring-0-read-6-and-O.pgm.gz', 'ring-0-read-4-and-0.pgm.gz'];
/** A cell of the same tiff printing 4, read 4 by every read. */
const FOUR = 'four-read-4.pgm.gz';

const ringIn = (image: GrayImage) => isRingGlyph(image, inkBox(image), Math.round(paperShade(image) * 0.65));

describe('a 0 is told by its ring', () => {
  it('finds the ring in the 0s OCR misread, and none in a 4', async () => {
    for (const name of ZEROS) expect(ringIn(await cellImage(name)), name).toBe(true);
    expect(ringIn(await cellImage(FOUR))).toBe(false);
  });

  it('finds no ring in ink two glyphs wide, or in a box too short to have a middle', () => {
    // Two rings side by side (00): as wide as two digits.
    const width = 50;
    const height = 30;
    const pixels = new Uint8Array(width * height).fill(255);
    const ring = (x0: number) => {
      for (let y = 0; y < height; y++) for (let x = x0; x < x0 + 18; x++) if (y < 3 || y >= height - 3 || x < x0 + 3 || x >= x0 + 15) pixels[y * width + x] = 0;
    };
    ring(5);
    ring(27);
    const image = { width, height, pixels };
    expect(isRingGlyph(image, { left: 5, top: 0, right: 22, bottom: height - 1 }, 128)).toBe(true);
    expect(isRingGlyph(image, { left: 5, top: 0, right: 44, bottom: height - 1 }, 128)).toBe(false);
    expect(isRingGlyph(image, { left: 5, top: 0, right: 10, bottom: 8 }, 128)).toBe(false);
  });

  it.skipIf(!gs)('holds for every 0 and no other digit of the urw-base35 fonts at 7, 9 and 12 pt', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-ring-'));
    try {
      const fonts = ['NimbusSans-Regular', 'NimbusSans-Bold', 'NimbusRoman-Regular', 'NimbusRoman-Bold', 'C059-Roman', 'P052-Roman', 'NimbusMonoPS-Regular', 'URWGothic-Book', 'URWBookman-Light', 'NimbusSansNarrow-Regular'];
      const glyphs = fonts.flatMap((font) => [7, 9, 12].flatMap((size) => [...'0123456789'].map((digit) => ({ font, size, digit }))));
      // One page a glyph, all in one run of ghostscript.
      const ps = path.join(workDir, 'digits.ps');
      await writeFile(ps, `%!\n<< /PageSize [40 30] >> setpagedevice\n${glyphs.map((g) => `/${g.font} findfont ${g.size} scalefont setfont 10 8 moveto (${g.digit}) show showpage`).join('\n')}\n`);
      await promisify(execFile)('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pgmraw', `-r${FIXTURE_DPI}`, `-sOutputFile=${path.join(workDir, 'digit-%03d.pgm')}`, ps]);
      const rings: string[] = [];
      for (const [i, { font, size, digit }] of glyphs.entries()) {
        const image = parsePgm(await readFile(path.join(workDir, `digit-${String(i + 1).padStart(3, '0')}.pgm`)));
        const box = glyphBox(image, { left: 0, top: 0, right: image.width - 1, bottom: image.height - 1 }, 128, 1)!;
        if (isRingGlyph(image, box, 128)) rings.push(`${font} ${size} ${digit}`);
      }
      expect(rings.filter((r) => !r.endsWith(' 0'))).toEqual([]);
      expect(rings.length).toBe(fonts.length * 3);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!ocr)('reads the 0s as 0, certain (the ring and the free read agree), and the 4 as 4', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-ring-'));
    try {
      for (const name of [...ZEROS, FOUR]) {
        const image = await cellImage(name);
        const words = await readCell(image, [], workDir);
        expect(words.map((word) => word.text), name).toEqual([name === FOUR ? '4' : '0']);
        expect(words[0].confidence, name).toBeGreaterThanOrEqual(90);
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
