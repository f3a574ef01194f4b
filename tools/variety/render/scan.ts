/**
 * A "scan" of a born-digital PDF: pages rasterised by pdftoppm at the scanner's resolution, turned
 * slightly (a skewed feed), speckled with noise, and wrapped back into an image-only PDF, so only the
 * OCR path can read it.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePgm, type GrayImage } from '../../../extractors/pdf/ocr/pgm.js';
import { rotate } from '../../../extractors/pdf/ocr/deskew.js';
import { Random } from '../random.js';
import { imagesToPdf, type ImagePage } from '../../pdf/images-to-pdf.js';
import { runTool } from './run-tool.js';

export interface ScanParams {
  dpi: number;
  /** Skew in degrees (either sign). */
  degrees: number;
  /** Amplitude of the gray noise added to every pixel (0–255 scale). */
  noise: number;
  seed: number;
}

export function drawScanParams(random: Random): ScanParams {
  const degrees = random.between(0.3, 1.5) * (random.chance(0.5) ? 1 : -1);
  return { dpi: random.pick([150, 200, 240, 300]), degrees: Math.round(degrees * 100) / 100, noise: random.int(8, 30), seed: random.int(1, 1e9) };
}

export async function scanPdf(sourcePdf: string, targetPdf: string, params: ScanParams): Promise<void> {
  const pages: ImagePage[] = (await scanPages(sourcePdf, params)).map((gray) => ({ gray, width: (gray.width * 72) / params.dpi, height: (gray.height * 72) / params.dpi }));
  await writeFile(targetPdf, imagesToPdf(pages));
}

/** A scan, then changed by another program (`change(scanned, target)`) into the target; the scan in between is removed. */
export async function scanPdfThen(sourcePdf: string, targetPdf: string, params: ScanParams, change: (scannedPdf: string, targetPdf: string) => Promise<unknown>): Promise<void> {
  const scanned = `${targetPdf}.scan.pdf`;
  try {
    await scanPdf(sourcePdf, scanned, params);
    await change(scanned, targetPdf);
  } finally {
    await rm(scanned, { force: true });
  }
}

/** The PDF's pages as the scanner saw them: gray bitmaps at its resolution, skewed and speckled. */
export async function scanPages(sourcePdf: string, params: ScanParams): Promise<GrayImage[]> {
  const pages = await renderPages(sourcePdf, params.dpi);
  const random = new Random(params.seed);
  // rotate() turns by -degrees: the page comes out skewed by `degrees`.
  return pages.map((page) => speckle(rotate(page, -params.degrees), params.noise, random));
}

/** The PDF's pages rendered gray at `dpi` by pdftoppm, in page order. */
export async function renderPages(sourcePdf: string, dpi: number): Promise<GrayImage[]> {
  const work = await mkdtemp(join(tmpdir(), 'nianbao-variety-scan-'));
  try {
    await runTool('pdftoppm', ['-gray', '-r', String(dpi), sourcePdf, join(work, 'p')], { timeout: 300_000, maxBuffer: 16 << 20 });
    const files = (await readdir(work)).filter((n) => n.endsWith('.pgm')).sort((a, b) => pageNumber(a) - pageNumber(b));
    const pages: GrayImage[] = [];
    for (const name of files) pages.push(parsePgm(await readFile(join(work, name))));
    return pages;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const pageNumber = (name: string): number => Number(/-(\d+)\.pgm$/.exec(name)?.[1] ?? NaN);

/** Gray noise on every pixel and a sprinkle of dust specks. */
function speckle(image: GrayImage, amplitude: number, random: Random): GrayImage {
  const pixels = image.pixels;
  for (let i = 0; i < pixels.length; i++) {
    const noise = (random.next() + random.next() - 1) * amplitude;
    let v = pixels[i] + noise;
    if (random.next() < 0.0004) v = 40;
    pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return image;
}
