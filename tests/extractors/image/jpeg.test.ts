/**
 * JPEGs decoded by poppler in its own process: pixel for pixel (no column or row doubled at the far
 * edges); and a 35-megapixel photo of four report pages, which resvg decoded in
 * ~580 MiB, read in a worker process under the default 512 MiB cap.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, jpegSize } from '../../../extractors/image/decode.js';
import { decodeJpegGray } from '../../../extractors/image/jpeg.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { DEFAULT_LIMITS } from '../../../extractors/limits.js';
import { runBatch } from '../../../src/run/batch.js';
import { readJournal } from '../../../src/run/journal.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { grayPages, jpegOf, stackPages } from '../../helpers/pictures.js';
import { ensureBuilt, tempDir } from '../../src/run/helpers.js';
import { expectOcrCells, expectScore } from './picture-score.js';

const available = await ocrAvailable();

/** 401×201: white, a 3-pixel black bar every 20 columns (the last at x 398..400) and every 25 rows (the last at y 198..200). */
function bars() {
  const width = 401;
  const height = 201;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if ((x + 2) % 20 < 3 || (y + 2) % 25 < 3) pixels[y * width + x] = 0;
  }
  return { width, height, pixels };
}

describe.skipIf(!available)('a JPEG decoded to gray', () => {
  it('keeps every pixel where it is, to the last column and row', async () => {
    const source = bars();
    const jpeg = await jpegOf(source, 300, 95);
    const size = jpegSize(jpeg)!;
    expect(size).toEqual({ width: 401, height: 201, dpi: 300, components: 3 });
    const gray = await decodeJpegGray(jpeg, size);
    expect([gray.width, gray.height]).toEqual([401, 201]);
    // Black where the source is black and white where it is white, within JPEG's ringing; drawn one pixel
    // wider, the bars would move a pixel right from the column poppler doubled and these would fail.
    let off = 0;
    for (let i = 0; i < gray.pixels.length; i++) if (Math.abs(gray.pixels[i] - source.pixels[i]) > 64) off++;
    expect(off).toBe(0);
    for (const x of [398, 399, 400]) expect(gray.pixels[110 * 401 + x], `column ${x}`).toBeLessThan(64);
    expect(gray.pixels[110 * 401 + 397]).toBeGreaterThan(192);
    for (const y of [198, 199, 200]) expect(gray.pixels[y * 401 + 10], `row ${y}`).toBeLessThan(64);
  });

  it('is scaled from its stated resolution to about 300 dpi as the other kinds are', async () => {
    const jpeg = await jpegOf(bars(), 150, 90);
    const [page] = await decodeImage(jpeg, { maxPages: 1, maxPixels: 1e6 });
    expect([page.gray.width, page.gray.height, page.dpi, page.source]).toEqual([802, 402, 300, { width: 401, height: 201, dpi: 150 }]);
  });

  it('still refuses a JPEG of more than 4× maxOcrPixels before decoding it', async () => {
    const jpeg = await jpegOf(bars(), 300, 90);
    await expect(decodeImage(jpeg, { maxPages: 1, maxPixels: 20_000 })).rejects.toMatchObject({ code: 'too-large' });
  });
});

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const PDF = path.join(CORPUS, 'real/hongze-2023.pdf');
const TRUTH: Record<string, number | null> = JSON.parse(readFileSync(path.join(CORPUS, 'real/hongze-2023.truth.json'), 'utf8')).cells;

describe.skipIf(!available)('a 35-megapixel photo: pages 1–4 of a report one under another at 300 dpi (2479×14032, quality 70)', () => {
  let record: ReportRecord;
  let failures: Record<string, number>;
  beforeAll(async () => {
    ensureBuilt();
    const dir = tempDir('large-jpeg');
    const file = path.join(dir, 'photo.jpg');
    const jpeg = await jpegOf(stackPages(await grayPages(PDF, [1, 2, 3, 4], 300)), 300, 70);
    const size = jpegSize(jpeg)!;
    expect(size.width * size.height).toBeGreaterThan(34_000_000);
    await writeFile(file, jpeg);
    // In a worker process, under the default limits (512 MiB RSS, 120 s), as `nianbao extract` reads it.
    const summary = await runBatch([{ path: file, source: 'photo.jpg' }], { outDir: dir, workers: 1 });
    failures = summary.failures;
    for await (const journalled of readJournal(dir)) record = journalled;
  }, 600_000);

  it('is read in a worker under the default memory cap, cut into page strips', () => {
    expect(DEFAULT_LIMITS.workerMemoryMb).toBe(512);
    expect(failures).toEqual({});
    expect(record.format).toBe('image');
    expect(record.messages.filter((m) => m.code === 'ocr-used').length).toBeGreaterThanOrEqual(4);
  });

  it('gets at least 98% of the cells of its three tables right, none silently wrong', () => {
    expectScore(record, TRUTH, 'JPEG 35 Mpx photo');
    expectOcrCells(record);
  });
});
