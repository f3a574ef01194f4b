/**
 * Picture fixtures made from the corpus PDFs in the test: pages rasterised by pdftoppm as a scanner or a
 * screenshot would, as PNG, JPEG (optionally turned a little and recompressed, like a photo-copy) or a
 * multi-page TIFF. Renders are cached per process in a temp folder, so several tests share one.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parsePgm, type GrayImage } from '../../extractors/pdf/ocr/pgm.js';
import { rotate } from '../../extractors/pdf/ocr/deskew.js';
import { imagesToPdf } from '../../tools/pdf/images-to-pdf.js';
import { grayTiff } from './tiff.js';

const run = promisify(execFile);
let cacheDir: Promise<string> | undefined;
const dir = () => (cacheDir ??= mkdtemp(path.join(tmpdir(), 'nianbao-pictures-')));

async function tool(command: string, args: string[]): Promise<void> {
  await run(command, args, { timeout: 120_000, maxBuffer: 16 << 20 });
}

let counter = 0;
async function fresh(): Promise<string> {
  return path.join(await dir(), `r${++counter}`);
}

/** The pages as gray bitmaps at `dpi`. */
export async function grayPages(pdf: string, pages: number[], dpi: number): Promise<GrayImage[]> {
  const out: GrayImage[] = [];
  for (const page of pages) {
    const base = await fresh();
    await tool('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
    out.push(parsePgm(await readFile(`${base}.pgm`)));
  }
  return out;
}

/** One page as a PNG or JPEG at `dpi` (pdftoppm states the resolution in the file only for JPEG). */
export async function pagePicture(pdf: string, page: number, dpi: number, kind: 'png' | 'jpeg', quality = 90): Promise<Buffer> {
  const base = await fresh();
  const args = kind === 'png' ? ['-png'] : ['-jpeg', '-jpegopt', `quality=${quality}`];
  await tool('pdftoppm', [...args, '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  return readFile(`${base}.${kind === 'png' ? 'png' : 'jpg'}`);
}

/** Pages as one multi-page gray TIFF at `dpi`. */
export async function tiffOf(pdf: string, pages: number[], dpi: number): Promise<Buffer> {
  return grayTiff(await grayPages(pdf, pages, dpi), dpi);
}

/**
 * A photo-like copy of one page: turned by `degrees`, speckled, and saved as a JPEG of low quality (the
 * turned page is wrapped in a PDF so that pdftoppm, the one JPEG encoder at hand, writes it).
 */
export async function photoJpeg(pdf: string, page: number, dpi: number, degrees: number, quality: number): Promise<Buffer> {
  const [gray] = await grayPages(pdf, [page], dpi);
  const turned = rotate(gray, -degrees, 255);
  let seed = 12345;
  for (let i = 0; i < turned.pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const noise = ((seed / 0x7fffffff) * 2 - 1) * 12;
    turned.pixels[i] = Math.max(0, Math.min(255, turned.pixels[i] + noise));
  }
  const wrapped = await fresh();
  const { writeFile } = await import('node:fs/promises');
  await writeFile(`${wrapped}.pdf`, imagesToPdf([{ gray: turned, width: (turned.width * 72) / dpi, height: (turned.height * 72) / dpi }]));
  const base = await fresh();
  await tool('pdftoppm', ['-jpeg', '-jpegopt', `quality=${quality}`, '-r', String(dpi), '-singlefile', `${wrapped}.pdf`, base]);
  return readFile(`${base}.jpg`);
}

/**
 * A gray bitmap as an RGB JPEG (as a camera writes it) of exactly its pixels, stating `dpi`: pdftoppm (the
 * one JPEG encoder at hand) renders a page of one point per pixel at 72 dpi, the bitmap drawn half a point
 * short of the far edges (drawn to them, poppler widens it by a pixel and resamples it), and the JFIF
 * density is then set to `dpi`.
 */
export async function jpegOf(gray: GrayImage, dpi: number, quality: number): Promise<Buffer> {
  const { deflateSync } = await import('node:zlib');
  const { writeFile } = await import('node:fs/promises');
  const { width, height } = gray;
  const data = deflateSync(gray.pixels);
  const content = `q ${width - 0.5} 0 0 ${height - 0.5} 0 0.5 cm /Im0 Do Q`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const wrapped = await fresh();
  await writeFile(`${wrapped}.pdf`, Buffer.from(pdf, 'latin1'));
  const base = await fresh();
  await tool('pdftoppm', ['-jpeg', '-jpegopt', `quality=${quality}`, '-r', '72', '-singlefile', `${wrapped}.pdf`, base]);
  const jpeg = await readFile(`${base}.jpg`);
  // JFIF APP0 right after SOI: units (1 = dots per inch) at 13, X and Y density at 14 and 16.
  if (jpeg.toString('latin1', 6, 11) !== 'JFIF\0') throw new Error('pdftoppm wrote no JFIF header');
  jpeg[13] = 1;
  jpeg.writeUInt16BE(dpi, 14);
  jpeg.writeUInt16BE(dpi, 16);
  return jpeg;
}

/** Pages one under another in one tall bitmap, as wide as the widest (a long photo of a report). */
export function stackPages(pages: GrayImage[]): GrayImage {
  const width = Math.max(...pages.map((p) => p.width));
  const pixels = new Uint8Array(width * pages.reduce((sum, p) => sum + p.height, 0)).fill(255);
  let top = 0;
  for (const page of pages) {
    for (let y = 0; y < page.height; y++) pixels.set(page.pixels.subarray(y * page.width, (y + 1) * page.width), (top + y) * width);
    top += page.height;
  }
  return { width, height: top, pixels };
}

/**
 * A scanner's multi-page TIFF of a skewed feed: the pages at `dpi`, each turned by `degrees` and
 * speckled with seeded gray noise (amplitude `noise`), as the variety generator's scans are.
 */
export async function turnedTiff(pdf: string, pages: number[], dpi: number, degrees: number, noise = 12): Promise<Buffer> {
  let seed = 54321;
  const turned = (await grayPages(pdf, pages, dpi)).map((gray) => {
    const page = rotate(gray, -degrees, 255);
    for (let i = 0; i < page.pixels.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      page.pixels[i] = Math.max(0, Math.min(255, page.pixels[i] + ((seed / 0x7fffffff) * 2 - 1) * noise));
    }
    return page;
  });
  return grayTiff(turned, dpi);
}

export async function listCache(): Promise<string[]> {
  return readdir(await dir());
}

export { docxWithPictures, type DocxItem } from '../../tools/variety/render/docx-pictures.js';

/**
 * A PNG re-encoded as WebP by Debian's chromium (canvas.toDataURL; lossy at `quality` 0..1), the one
 * WebP encoder at hand. Undefined where chromium is not installed.
 */
export async function webpOf(png: Buffer, quality = 0.9): Promise<Buffer | undefined> {
  const { existsSync } = await import('node:fs');
  if (!existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    const url = await page.evaluate(
      async ([src, q]) => {
        const image = new Image();
        image.src = src as string;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        canvas.getContext('2d')!.drawImage(image, 0, 0);
        return canvas.toDataURL('image/webp', q as number);
      },
      [`data:image/png;base64,${png.toString('base64')}`, quality] as const,
    );
    return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  } finally {
    await browser.close();
  }
}

const CHROMIUM = '/usr/bin/chromium';
