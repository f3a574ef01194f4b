/**
 * The OCR cell fixtures of tests/fixtures/ocr (see its README): cells as the cell pass gets them — one picture
 * per cell at 300 dpi, straightened, rulings erased, gzipped PGM — and the cell pass run over one of them.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { readCells } from '../../extractors/pdf/ocr/cell-pass.js';
import { glyphBox } from '../../extractors/pdf/ocr/glyphs.js';
import { parsePgm, type GrayImage } from '../../extractors/pdf/ocr/pgm.js';
import type { OcrWord } from '../../extractors/pdf/ocr/tsv.js';

export const FIXTURE_DPI = 300;
export const px = (points: number): number => Math.round((points * FIXTURE_DPI) / 72);

export async function cellImage(name: string): Promise<GrayImage> {
  return parsePgm(gunzipSync(await readFile(new URL(`../fixtures/ocr/${name}`, import.meta.url))));
}

/** The whole picture is the cell, its rulings erased. */
export const cellOf = (image: GrayImage) => ({ left: 0.5, top: 0.5, right: image.width - 1.5, bottom: image.height - 1.5 });

/** The box of the glyphs in a picture, as the cell pass takes it (ink darker than 128, dust left out). */
export function inkBox(image: GrayImage) {
  const inner = { left: px(1.5), top: px(1.5), right: image.width - 1 - px(1.5), bottom: image.height - 1 - px(1.5) };
  return glyphBox(image, inner, 128, px(2))!;
}

/** What the page pass read over the cell's ink, at a confidence. */
export function pageWord(image: GrayImage, text: string, confidence: number): OcrWord {
  const ink = inkBox(image);
  return { text, left: ink.left, top: ink.top, width: ink.right - ink.left + 1, height: ink.bottom - ink.top + 1, confidence, image: 1, line: '1/1/1/1' };
}

/** The cell pass over one fixture cell, with what the page read in it. */
export function readCell(image: GrayImage, pageWords: OcrWord[], workDir: string): Promise<OcrWord[]> {
  return readCells(image, [cellOf(image)], pageWords, { dpi: FIXTURE_DPI, workDir, timeoutMs: 60_000 });
}
