import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { imagesToPdf } from '../../tools/pdf/images-to-pdf.js';

export { imagesToPdf };

const run = promisify(execFile);

export interface ScanOptions {
  /** Raster resolution of the fake scan; 200 dpi is a typical office scanner setting. */
  dpi?: number;
  /** JPEG quality 0..100 handed to pdftoppm. */
  quality?: number;
  /** Turn each page image clockwise by this many degrees about the page centre, as a skewed feed does. */
  skewDegrees?: number;
  /**
   * Store each page as a landscape page with /Rotate 90 and the image drawn turned, so it displays
   * upright: how some scanners file portrait pages.
   */
  rotate90?: boolean;
}

/**
 * Makes a "scanned" copy of a born-digital PDF: every page becomes a single JPEG image with no text
 * layer, on a page of the original's size, so positions on the copy match the original's exactly.
 */
export async function makeScannedPdf(sourcePdf: string, targetPdf: string, options: ScanOptions = {}): Promise<void> {
  const dpi = options.dpi ?? 200;
  const quality = options.quality ?? 85;
  const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-scan-'));
  try {
    const sizes = await pageSizes(sourcePdf);
    await run('pdftoppm', ['-jpeg', '-jpegopt', `quality=${quality}`, '-r', String(dpi), sourcePdf, path.join(workDir, 'p')], {
      timeout: 120_000,
      maxBuffer: 16 << 20,
    });
    // pdftoppm pads the page number to the width of the page count: sort numerically, not by name.
    const files = (await readdir(workDir))
      .filter((name) => name.endsWith('.jpg'))
      .sort((a, b) => pageNumberOf(a) - pageNumberOf(b));
    const jpegs = await Promise.all(files.map((name) => readFile(path.join(workDir, name))));
    await writeFile(targetPdf, imagesToPdf(jpegs.map((jpeg, i) => ({ jpeg, ...sizes[i], skewDegrees: options.skewDegrees, rotate90: options.rotate90 }))));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function pageNumberOf(fileName: string): number {
  return Number(/-(\d+)\.jpg$/.exec(fileName)?.[1] ?? NaN);
}

async function pageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '100000', pdf], { timeout: 30_000, maxBuffer: 4 << 20 });
  return [...stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}
