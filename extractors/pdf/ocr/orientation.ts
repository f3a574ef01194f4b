/**
 * Pages scanned or photographed sideways or upside down (a landscape table fed the short way, a phone held
 * across the page): read as they lie, OCR gives nothing of use and the page's tables are lost. Tesseract's
 * orientation and script detection (`--psm 0`, the osd model that ships with tesseract-ocr) says how far
 * the page is turned; the page is turned upright before anything else is read from it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GrayImage } from './pgm.js';
import { encodePgm } from './pgm.js';
import { runTool } from './tools.js';

/** Quarter turns clockwise that make a page upright. */
export type QuarterTurns = 0 | 1 | 2 | 3;

/**
 * Below this confidence tesseract's answer is a guess (upright report pages score 5–9; pages of a few
 * words or only numbers score under 1). A sideways page is read anyway when unsure: nothing is turned.
 */
export const MIN_ORIENTATION_CONFIDENCE = 2;
/**
 * Upside-down pages are rarer than sideways ones and a wrong half turn loses a page that read well:
 * it is taken only on a surer answer.
 */
export const MIN_HALF_TURN_CONFIDENCE = 5;
/** Orientation needs the page's shape, not its strokes: it is judged on a copy of about this resolution. */
const ORIENTATION_DPI = 150;

export interface Orientation {
  turns: QuarterTurns;
  confidence: number;
}

/** How far `image` (at `dpi`) must be turned clockwise to stand upright; 0 when unsure or when tesseract cannot tell. */
export async function detectOrientation(image: GrayImage, dpi: number, workDir: string, timeoutMs: number): Promise<Orientation> {
  const factor = Math.max(1, Math.floor(dpi / ORIENTATION_DPI));
  const small = factor > 1 ? shrink(image, factor) : image;
  const file = path.join(workDir, 'orientation.pgm');
  await writeFile(file, encodePgm(small));
  let text: string;
  try {
    const { stdout } = await runTool('tesseract', [file, 'stdout', '--psm', '0', '--dpi', String(Math.round(dpi / factor))], timeoutMs);
    text = stdout.toString('utf8');
  } catch {
    // "Too few characters" and the like: a page of little text; read it as it lies.
    return { turns: 0, confidence: 0 };
  }
  return orientationOf(text);
}

/** Tesseract's OSD report → the clockwise quarter turns to apply, when it is sure enough. */
export function orientationOf(report: string): Orientation {
  const rotate = Number(/^Rotate:\s*(\d+)/m.exec(report)?.[1] ?? 0);
  const confidence = Number(/^Orientation confidence:\s*([\d.]+)/m.exec(report)?.[1] ?? 0);
  // Tesseract's "Rotate" is the clockwise turn that makes the page upright, in degrees.
  const turns = (Math.round(rotate / 90) % 4) as QuarterTurns;
  const needed = turns === 2 ? MIN_HALF_TURN_CONFIDENCE : MIN_ORIENTATION_CONFIDENCE;
  return turns !== 0 && confidence >= needed ? { turns, confidence } : { turns: 0, confidence };
}

/** The image turned clockwise by `turns` quarter turns. */
export function turnImage(image: GrayImage, turns: QuarterTurns): GrayImage {
  if (turns === 0) return image;
  const { width, height, pixels } = image;
  const odd = turns % 2 === 1;
  const out = new Uint8Array(width * height);
  const outWidth = odd ? height : width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Where the pixel (x, y) lands after the turn.
      const [nx, ny] = turns === 1 ? [height - 1 - y, x] : turns === 2 ? [width - 1 - x, height - 1 - y] : [y, width - 1 - x];
      out[ny * outWidth + nx] = pixels[y * width + x];
    }
  }
  return { width: outWidth, height: odd ? width : height, pixels: out };
}

/** Every `factor`×`factor` block to its darkest pixel: thin strokes keep their ink through the shrink. */
function shrink(image: GrayImage, factor: number): GrayImage {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let darkest = 255;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) if (image.pixels[row + dx] < darkest) darkest = image.pixels[row + dx];
      }
      pixels[y * width + x] = darkest;
    }
  }
  return { width, height, pixels };
}

/** What a message about a page read by OCR adds when the page was turned upright ('' when it was not). */
export function turnedNote(turned: number | undefined): string {
  return turned ? `; it lay turned and was read after a turn of ${turned * 90}° clockwise` : '';
}

/** What an `ocr-used` message adds of how OCR read the page: turned upright, or in black and white. */
export function pageReadNote(content: { turned?: number; thresholded?: true }): string {
  return turnedNote(content.turned) + (content.thresholded ? '; its grain took the page pass over its CPU budget, so it was read in black and white' : '');
}
