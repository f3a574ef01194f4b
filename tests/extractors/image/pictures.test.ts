/**
 * Pictures of a corpus report's table pages read end to end (reader, OCR, template, checks): a two-page
 * TIFF whose requests table runs over the page break, a photo-like JPEG (turned, speckled, recompressed)
 * and a PNG screenshot at screen resolution. Each is scored on the truth cells of the tables it shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { pagePicture, photoJpeg, tiffOf, webpOf } from '../../helpers/pictures.js';
import { expectOcrCells, expectScore, extractedPicture } from './picture-score.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const PDF = path.join(CORPUS, 'real/hongze-2023.pdf');
const TRUTH: Record<string, number | null> = JSON.parse(readFileSync(path.join(CORPUS, 'real/hongze-2023.truth.json'), 'utf8')).cells;
/** The truth cells of the tables these pages show (page 3: requests; page 4: its tail and appeals). */
const shown = (prefixes: string[]) => Object.fromEntries(Object.entries(TRUTH).filter(([key]) => prefixes.some((p) => key.startsWith(p))));

const available = await ocrAvailable();

const picture = extractedPicture;

describe.skipIf(!available)('a two-page TIFF (200 dpi) of the requests and appeals pages', () => {
  const record = picture('hongze.tif', () => tiffOf(PDF, [3, 4], 200));

  it('is read as one picture report whose two pages went through OCR, the requests table joined over the break', () => {
    expect(record().format).toBe('image');
    const codes = record().messages.map((m) => m.code);
    expect(codes.filter((c) => c === 'ocr-used')).toHaveLength(2);
    expect(codes).toContain('table-split-joined');
  });

  it('gets at least 98% of the requests and appeals cells right, none silently wrong', () => {
    expectScore(record(), shown(['requests.', 'appeals.']), 'TIFF');
    expectOcrCells(record());
  });
});

describe.skipIf(!available)('a photo-like JPEG of the appeals page (turned 0.7°, speckled, quality 60)', () => {
  const record = picture('photo.jpg', () => photoJpeg(PDF, 4, 200, 0.7, 60));

  it('gets at least 98% of the appeals cells right, none silently wrong', () => {
    expectScore(record(), shown(['appeals.']), 'JPEG photo');
    expectOcrCells(record());
  });
});

describe.skipIf(!available)('a PNG screenshot of the appeals page at screen resolution (96 dpi)', () => {
  const record = picture('screenshot.png', () => pagePicture(PDF, 4, 96, 'png'));

  it('is scaled from its 96 dpi to about 300 dpi', () => {
    expect(record().messages.find((m) => m.code === 'ocr-used')?.message).toMatch(/PNG picture, 794×1123 pixels, 96 dpi; read at 300 dpi/);
  });

  it('gets at least 98% of the appeals cells right, none silently wrong', () => {
    expectScore(record(), shown(['appeals.']), 'PNG screenshot');
    expectOcrCells(record());
  });
});

const webp = available ? await webpOf(await pagePicture(PDF, 4, 96, 'png'), 0.9) : undefined;

describe.skipIf(!webp)('a WebP screenshot of the appeals page (96 dpi, lossy, quality 0.9)', () => {
  const record = picture('screenshot.webp', async () => webp!);

  it('gets at least 98% of the appeals cells right, none silently wrong', () => {
    expect(record().format).toBe('image');
    expect(record().messages.find((m) => m.code === 'ocr-used')?.message).toMatch(/WEBP picture, 794×1123 pixels, no resolution stated/);
    expectScore(record(), shown(['appeals.']), 'WebP screenshot');
    expectOcrCells(record());
  });
});
