/**
 * Where a page paints its images (the unit square through the CTM at each paint, in display space) and
 * which of them may be pictures of tables: geometry only, from the operator list both readers give.
 */
import { describe, expect, it } from 'vitest';
import { extractRulings, type ImageBox, type OpIds } from '../../../extractors/pdf/rulings.js';
import { MIN_TABLE_PICTURE, describeBox, tablePictureBoxes } from '../../../extractors/pdf/picture-boxes.js';
import { loadPdfJs, openPdf } from '../../../extractors/pdf/pdfjs.js';
import { opIds, readPage } from '../../../extractors/pdf/page.js';
import { openRawPdf } from '../../../extractors/pdf/raw/index.js';
import { imagesToPdf } from '../../../tools/pdf/images-to-pdf.js';

const ids = opIds((await loadPdfJs()).OPS as Record<string, number>) as OpIds;
const identity = (x: number, y: number): [number, number] => [x, y];

describe('image boxes from the operator list', () => {
  it('maps the unit square through the CTM of each paint, and the save/restore around it', () => {
    const ops = {
      fnArray: [ids.save, ids.transform, ids.paintImageXObject, ids.restore, ids.save, ids.transform, ids.transform, ids.paintImageMaskXObject, ids.restore, ids.paintInlineImageXObject],
      argsArray: [[], [200, 0, 0, 100, 50, 60], [], [], [], [1, 0, 0, 1, 10, 20], [0, 30, -40, 0, 0, 0], [], [], []],
    };
    const rulings = extractRulings(ops, ids, identity, 100);
    expect(rulings.hasImages).toBe(true);
    // The second image is turned a quarter: 40 wide and 30 high, from x = 10 - 40.
    expect(rulings.images).toEqual([
      { x0: 50, y0: 60, x1: 250, y1: 160 },
      { x0: -30, y0: 20, x1: 10, y1: 50 },
      { x0: 0, y0: 0, x1: 1, y1: 1 },
    ]);
  });

  it('gives the same display-space box through the raw reader and pdf.js, on a page turned by /Rotate 90', async () => {
    const gray = { width: 4, height: 3, pixels: new Uint8Array(12).fill(128) };
    const bytes = imagesToPdf([{ gray, width: 400, height: 300 }, { gray, width: 400, height: 300, rotate90: true }]);
    const raw = openRawPdf(bytes)!;
    const doc = await openPdf(Buffer.from(bytes));
    try {
      for (const p of [1, 2]) {
        const page = await doc.getPage(p);
        const viaRaw = await readPage(page, p, 10_000, (opIdsOf) => raw.operatorList(p - 1, opIdsOf));
        const viaPdfJs = await readPage(page, p, 10_000);
        // Displayed, both pages are 400 wide and 300 high, the image over the whole of it.
        for (const read of [viaRaw, viaPdfJs]) {
          expect(read.content.width).toBeCloseTo(400);
          expect(read.images).toHaveLength(1);
          const [box] = read.images;
          expect([box.x0, box.y0, box.x1, box.y1].map((v) => Math.round(v))).toEqual([0, 0, 400, 300]);
        }
      }
    } finally {
      await doc.destroy();
    }
  });
});

describe('which images may be table pictures', () => {
  const page = { width: 595, height: 842 };
  const box = (x0: number, y0: number, x1: number, y1: number): ImageBox => ({ x0, y0, x1, y1 });

  it('leaves out logos, seals and strips smaller than a table, and keeps one at the limit', () => {
    const logo = box(60, 760, 100, 800);
    const seal = box(400, 100, 400 + MIN_TABLE_PICTURE.width - 1, 220);
    const rule = box(72, 400, 520, 400 + MIN_TABLE_PICTURE.height - 1);
    const least = box(72, 300, 72 + MIN_TABLE_PICTURE.width, 300 + MIN_TABLE_PICTURE.height);
    expect(tablePictureBoxes([logo, seal, rule, least], page)).toEqual([least]);
  });

  it('clips to the page, keeps an image painted twice or inside another once, and orders them top-down', () => {
    const lower = box(72, 100, 520, 300);
    const upper = box(60, 500, 700, 800);
    const inUpper = box(100, 550, 400, 700);
    expect(tablePictureBoxes([lower, upper, inUpper, { ...lower }], page)).toEqual([box(60, 500, 595, 800), lower]);
  });

  it('names a picture by its page, size and place in points', () => {
    expect(describeBox(3, box(81.4, 108.6, 531.2, 720.1))).toBe('page 3: picture of 450×612 pt at (81, 109)');
  });
});
