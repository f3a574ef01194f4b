/**
 * The picture formats of the variety generator, all made from LibreOffice's PDF of the report: a
 * multi-page TIFF as a scanner saves it, a photo-like JPEG (every page photographed slightly turned and
 * speckled, the pages one under another in one tall picture, saved at a low JPEG quality), and a Word
 * document whose tables were pasted as screenshots (each table rendered on its own, one picture per page
 * it runs over, cropped to the table as a screenshot tool would), and a portal page whose tables are
 * those screenshots as <img> files in a folder beside it (as a browser's "save page" leaves them).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GrayImage } from '../../../extractors/pdf/ocr/pgm.js';
import { imagesToPdf } from '../../pdf/images-to-pdf.js';
import type { AnyTableBlock, ReportModel, TablePiece } from '../model.js';
import { docxWithPictures, type DocxItem } from './docx-pictures.js';
import { renderHtml } from './html.js';
import { grayPng } from './png.js';
import { renderPages, scanPages, type ScanParams } from './scan.js';
import { grayTiff } from './tiff.js';
import { runTool } from './run-tool.js';

export async function tiffFromPdf(sourcePdf: string, target: string, params: ScanParams): Promise<void> {
  await writeFile(target, grayTiff(await scanPages(sourcePdf, params), params.dpi));
}

/** JPEG quality of a photo-like copy, drawn with the scan parameters (55–84). */
export const photoQuality = (params: ScanParams): number => 55 + (params.seed % 30);

export async function photoJpegFromPdf(sourcePdf: string, target: string, params: ScanParams): Promise<void> {
  const tall = stack(await scanPages(sourcePdf, params));
  const work = await mkdtemp(join(tmpdir(), 'nianbao-variety-photo-'));
  try {
    // pdftoppm is the JPEG encoder at hand: the bitmap is wrapped in a PDF at its resolution and rendered back.
    await writeFile(join(work, 'photo.pdf'), imagesToPdf([{ gray: tall, width: (tall.width * 72) / params.dpi, height: (tall.height * 72) / params.dpi }]));
    await runTool('pdftoppm', ['-jpeg', '-jpegopt', `quality=${photoQuality(params)}`, '-r', String(params.dpi), '-singlefile', join(work, 'photo.pdf'), join(work, 'out')], { timeout: 300_000 });
    await writeFile(target, await readFile(join(work, 'out.jpg')));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Pages one under another, as wide as the widest. */
function stack(pages: GrayImage[]): GrayImage {
  const width = Math.max(...pages.map((p) => p.width));
  const height = pages.reduce((sum, p) => sum + p.height, 0);
  const pixels = new Uint8Array(width * height).fill(255);
  let top = 0;
  for (const page of pages) {
    for (let y = 0; y < page.height; y++) pixels.set(page.pixels.subarray(y * page.width, (y + 1) * page.width), (top + y) * width);
    top += page.height;
  }
  return { width, height, pixels };
}

/** The HTML LibreOffice turns into the PDF a table's screenshots are taken from: the table alone (a template table's piece, or any table block). */
export function tableOnlyHtml(model: ReportModel, table: TablePiece | AnyTableBlock): string {
  return renderHtml({ ...model, blocks: ['kind' in table ? table : { kind: 'table', piece: table }] }, 'portal');
}

/** Screenshots of a table rendered alone: one per page it runs over, cropped to its ink with a small margin. */
export async function tableScreenshots(tablePdf: string, dpi: number): Promise<Buffer[]> {
  const shots: Buffer[] = [];
  for (const page of await renderPages(tablePdf, dpi)) {
    const cropped = cropToInk(page, Math.round(dpi / 8));
    if (cropped) shots.push(grayPng(cropped));
  }
  return shots;
}

function cropToInk(image: GrayImage, margin: number): GrayImage | undefined {
  let [left, top, right, bottom] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[y * image.width + x] >= 160) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return undefined;
  [left, top] = [Math.max(0, left - margin), Math.max(0, top - margin)];
  [right, bottom] = [Math.min(image.width - 1, right + margin), Math.min(image.height - 1, bottom + margin)];
  const width = right - left + 1;
  const height = bottom - top + 1;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) pixels.set(image.pixels.subarray((top + y) * image.width + left, (top + y) * image.width + left + width), y * width);
  return { width, height, pixels };
}

/**
 * The report as a Word document: its text as paragraphs, each table (template or not: `shots` in the order of
 * `tableBlocks`) as its screenshots, in place. With
 * `fit` (CSS pixels), a larger picture is shown scaled down to it, as Word fits a pasted picture in the
 * margins; without, each picture is shown at one CSS pixel per pixel.
 */
export function docxWithTableShots(model: ReportModel, shots: Buffer[][], fit?: { widthPx: number; heightPx: number }): Buffer {
  const items: DocxItem[] = [];
  let table = 0;
  let picture = 0;
  for (const block of model.blocks) {
    if (block.kind === 'title' || block.kind === 'heading' || block.kind === 'paragraph') items.push({ text: block.text });
    else if (block.kind === 'table' || block.kind === 'other-table') {
      for (const png of shots[table++] ?? []) {
        const width = png.readUInt32BE(16);
        const height = png.readUInt32BE(20);
        const scale = fit ? Math.min(1, fit.widthPx / width, fit.heightPx / height) : 1;
        items.push({ picture: png, name: `image${++picture}.png`, widthPx: Math.round(width * scale), heightPx: Math.round(height * scale) });
      }
    }
  }
  return docxWithPictures(items);
}

const IMAGE_MARK = '\ue002';

/**
 * The portal page with each table (template or not, `shots` in the order of `tableBlocks`) replaced by its
 * screenshots, `<img>` files in `folder` (relative to the page), one paragraph per table. Returns the page and the files to write beside it.
 */
export function htmlWithTableShots(model: ReportModel, shots: Buffer[][], folder: string): { html: string; files: Array<{ name: string; data: Buffer }> } {
  let table = 0;
  const blocks = model.blocks.map((block) => (block.kind === 'table' || block.kind === 'other-table' ? { kind: 'paragraph' as const, text: `${IMAGE_MARK}${table++}${IMAGE_MARK}` } : block));
  const files: Array<{ name: string; data: Buffer }> = [];
  const html = renderHtml({ ...model, blocks }, 'portal').replace(new RegExp(`<p[^>]*>${IMAGE_MARK}(\\d+)${IMAGE_MARK}</p>`, 'g'), (_, n: string) => {
    const images = (shots[Number(n)] ?? []).map((png, i) => {
      const name = `table${Number(n) + 1}-${i + 1}.png`;
      files.push({ name, data: png });
      return `<img src="${folder}/${name}" width="${png.readUInt32BE(16)}" height="${png.readUInt32BE(20)}" alt="">`;
    });
    return `<p style="text-align:center">${images.join('<br>')}</p>`;
  });
  return { html, files };
}
