/**
 * A table pasted as screenshots cut at the page break: the last row stands in a picture of its own, a
 * strip too small to pass for a table by itself. Made from the corpus report hongze-2023's fourth page
 * at screen resolution (96 dpi): its third page, the picture of the requests table's tail down to its
 * （七）总计 row, then the strip of its last row (四、结转下年度继续办理), all as wide as the page, in a Word
 * document.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { readTablePictures } from '../../../extractors/image/table-image.js';
import { crop, type GrayImage } from '../../../extractors/pdf/ocr/pgm.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { grayPng } from '../../../tools/variety/render/png.js';
import { docxWithPictures, grayPages, pagePicture } from '../../helpers/pictures.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const PDF = path.join(CORPUS, 'real/hongze-2023.pdf');
const TRUTH: Record<string, number | null> = JSON.parse(readFileSync(path.join(CORPUS, 'real/hongze-2023.truth.json'), 'utf8')).cells;

const available = await ocrAvailable();

/** Rows of pixels that are mostly ink: the table's horizontal rulings (a run of adjacent rows is one ruling). */
function horizontalRulings(image: GrayImage): number[] {
  const rulings: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let ink = 0;
    for (let x = 0; x < image.width; x++) if (image.pixels[y * image.width + x] < 160) ink++;
    if (ink < image.width * 0.5) continue;
    if (rulings.length && y - rulings[rulings.length - 1] <= 2) rulings[rulings.length - 1] = y;
    else rulings.push(y);
  }
  return rulings;
}

/** The page cut as a screenshot tool cuts a table at a page break: down to the last row's top ruling, and that row alone. */
async function pieces(): Promise<{ table: Buffer; strip: Buffer; narrowStrip: Buffer; stripHeight: number }> {
  const [page] = await grayPages(PDF, [4], 96);
  const rulings = horizontalRulings(page);
  // The requests table ends where the rulings stop for the heading of section 四 (a gap of 40 pixels or more).
  const end = rulings.findIndex((y, i) => i > 0 && rulings[i + 1] !== undefined && rulings[i + 1] - y > 40);
  const [top, bottom] = [rulings[end - 1], rulings[end]];
  // The strip starts on the ruling over its row (the cell borders must start there for the grid to close)
  // and ends a little below the one under it, as a screenshot cropped to the table's ink does.
  const table = crop(page, 0, 0, page.width, top + 2);
  const strip = crop(page, 0, top - 1, page.width, bottom - top + 5);
  const narrow = crop(page, 0, top - 1, Math.round(page.width * 0.8), bottom - top + 5);
  return { table: grayPng(table), strip: grayPng(strip), narrowStrip: grayPng(narrow), stripHeight: strip.height };
}

describe.skipIf(!available)('a table screenshot whose last row is a strip of its own', () => {
  let dir = '';
  let record: ReportRecord;
  let cut: Awaited<ReturnType<typeof pieces>>;
  beforeAll(async () => {
    cut = await pieces();
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-table-strip-'));
    const file = path.join(dir, 'report.docx');
    await writeFile(
      file,
      docxWithPictures([
        { text: '三、收到和处理政府信息公开申请情况' },
        { picture: await pagePicture(PDF, 3, 96, 'png'), name: 'image1.png' },
        { picture: cut.table, name: 'image2.png' },
        { picture: cut.strip, name: 'image3.png' },
        { text: '四、政府信息公开行政复议、行政诉讼情况' },
      ]),
    );
    record = await extractFile(file);

  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is too small to pass for a table on its own (the fixture is what it claims)', () => {
    expect(cut.stripHeight).toBeLessThan(60);
  });

  it('is read as the rest of the table pictured before it, and joined to it', () => {
    const messages = record.messages.map((m) => `${m.code}: ${m.message}`);
    expect(messages).toContain(`ocr-used: word/media/image3.png read by OCR as the rest of the table in the picture before it (794×${cut.stripHeight} pixels, read at 300 dpi)`);
    expect(messages.some((m) => m.startsWith('picture-skipped'))).toBe(false);
    expect(record.messages.map((m) => m.code)).toContain('table-split-joined');
  });

  it('gives the row it holds (四、结转下年度继续办理) its printed values', () => {
    const keys = Object.keys(TRUTH).filter((k) => k.startsWith('requests.carried_forward.'));
    expect(keys).toHaveLength(7);
    for (const key of keys) {
      expect(record.cells[key], key).toBe(TRUTH[key]);
      expect(record.cell_details[key]?.prov?.image, key).toBe('word/media/image3.png');
    }
  });
});

describe('a strip that is not the rest of a table before it', () => {
  const options = { maxPixels: 50_000_000, maxPages: 10, ocrAvailable: async () => true };

  it('alone, is skipped as too small to hold a table (no OCR spent)', async () => {
    const { strip, stripHeight } = await pieces();
    const read = await readTablePictures([{ name: 'strip.png', bytes: strip }], options);
    expect(read.blocks).toEqual([]);
    expect(read.messages).toEqual([{ code: 'picture-skipped', message: `strip.png: 794×${stripHeight} pixels: too small to hold a table (an icon or a logo); not read` }]);
  });

  it.skipIf(!available)('after a table picture of another width, is skipped too', async () => {
    const { table, narrowStrip, stripHeight } = await pieces();
    const read = await readTablePictures(
      [
        { name: 'table.png', bytes: table },
        { name: 'narrow.png', bytes: narrowStrip },
      ],
      options,
    );
    expect(read.messages.filter((m) => m.code === 'ocr-used').map((m) => m.message.split(' ')[0])).toEqual(['table.png']);
    expect(read.messages).toContainEqual({ code: 'picture-skipped', message: `narrow.png: 635×${stripHeight} pixels: too small to hold a table (an icon or a logo); not read` });
  }, 600_000);
});
