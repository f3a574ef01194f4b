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
import { writeStoredZip } from '../../extractors/docx/write-zip.js';

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

export async function listCache(): Promise<string[]> {
  return readdir(await dir());
}

/** A body item of a generated DOCX: a paragraph of text, or a picture (DrawingML, or VML as old Word wrote it). */
export type DocxItem = { text: string } | { picture: Buffer; name: string; vml?: boolean; widthPx?: number; heightPx?: number };

const EMU_PER_PX = 9525;

/**
 * A minimal Word document whose body holds the items in order, each picture in word/media/ (its part
 * named `name`) on a paragraph of its own, as Word writes a pasted picture. Written as a stored zip.
 */
export function docxWithPictures(items: DocxItem[]): Buffer {
  const rels: string[] = [];
  const media: Array<{ name: string; data: Buffer }> = [];
  const body = items.map((item, i) => {
    if ('text' in item) return `<w:p><w:r><w:t xml:space="preserve">${item.text}</w:t></w:r></w:p>`;
    const id = `rIdPic${i}`;
    rels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/${item.name}"/>`);
    media.push({ name: `word/media/${item.name}`, data: item.picture });
    const cx = (item.widthPx ?? 600) * EMU_PER_PX;
    const cy = (item.heightPx ?? 800) * EMU_PER_PX;
    if (item.vml) {
      return `<w:p><w:r><w:pict><v:shape id="s${i}" style="width:${item.widthPx ?? 600}px;height:${item.heightPx ?? 800}px"><v:imagedata r:id="${id}" o:title=""/></v:shape></w:pict></w:r></w:p>`;
    }
    return `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${i + 1}" name="Picture ${i + 1}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${i + 1}" name="${item.name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  });
  const ns = [
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
    'xmlns:v="urn:schemas-microsoft-com:vml"',
    'xmlns:o="urn:schemas-microsoft-com:office:office"',
  ].join(' ');
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');
  return writeStoredZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="emf" ContentType="image/x-emf"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    { name: 'word/document.xml', data: xml(`<w:document ${ns}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`) },
    { name: 'word/_rels/document.xml.rels', data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`) },
    ...media,
  ]);
}

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
