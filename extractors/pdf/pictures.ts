/**
 * Pictures of tables on a page whose text layer is good: a Word report whose tables were pasted as
 * screenshots, exported to PDF, prints its prose as text and its tables as images. Each image large
 * enough to hold a table (where the content stream paints it: the unit square through the CTM) is
 * rendered alone with pdftoppm, checked for table rulings, and read by the scanned-page OCR reader; its
 * words and rulings are moved to where the picture stands on the page and join the text layer's items,
 * so the table comes out in its place among the paragraphs. Logos, icons and seals are smaller than a
 * table and cost nothing; a picture with text printed over it (a seal on the signature, a scan under
 * its own OCR text layer) is left to the text layer. Cells read here carry origin `ocr` and confidence.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UnreadableDocumentError, type Message } from '../model.js';
import type { PageContent } from './items.js';
import type { ImageBox } from './rulings.js';
import { describeBox } from './picture-boxes.js';
import { ocrAvailable, ocrGrayImage } from './ocr.js';
import { parsePgm, type GrayImage } from './ocr/pgm.js';
import { rowStrip, showsRuledTable } from './ocr/rulings.js';
import { frameOf, sameColumns, stripNeighbour, type TableFrame } from './picture-strips.js';
import { runTool } from './ocr/tools.js';

const POINTS_PER_INCH = 72;
/** Resolution the picture is rendered at: what the scanned-page path reads table digits at. */
const DPI = 300;
/** Text-layer characters over a picture above which it is a background, not a pasted table (a scan under its own OCR layer, a seal under a signature). */
const MAX_TEXT_OVER = 0;

export interface PagePictureOptions {
  /** Pixels of one rendered picture (maxOcrPixels). */
  maxPixels: number;
  /** Is OCR installed? Default: asks the tools (tests replace it). */
  ocrAvailable?: () => Promise<boolean>;
  timeoutMs?: number;
  /** Pictures too short for a table that may be a table's row pasted alone (picture-strips.ts). */
  strips?: ImageBox[];
  /** Every image the page paints (clipped to it): what stands above a strip. */
  images?: ImageBox[];
  /** The table picture that ended the page before, if any: a strip at the top of this page may be its row. */
  previous?: TableFrame;
}

/**
 * Reads the table pictures of one page of the PDF at `pdfPath` (pages from 1, as pdftoppm counts) and
 * returns the page's content with their OCR words and rulings added where they stand, and messages
 * naming every picture read (`pdf-picture-ocr`) or skipped (`picture-skipped`, with the reason). Then
 * the strips beside a table picture (options.strips): each read as that table's row when its cell
 * borders stand on the table's columns. `frames`: the table pictures read, for the next page's strips.
 */
export async function readPagePictures(
  pdfPath: string,
  content: PageContent,
  boxes: ImageBox[],
  options: PagePictureOptions,
): Promise<{ content: PageContent; messages: Message[]; frames: TableFrame[] }> {
  const messages: Message[] = [];
  const frames: TableFrame[] = [];
  const strips = options.strips ?? [];
  if (boxes.length === 0 && strips.length === 0) return { content, messages, frames };
  const skip = (box: ImageBox, why: string) => messages.push({ code: 'picture-skipped', message: `${describeBox(content.page, box)}: ${why}; not read` });
  if (!(await (options.ocrAvailable ?? ocrAvailable)())) {
    const { OCR_PACKAGES } = await import('../image/table-image.js');
    for (const box of boxes) skip(box, `only OCR can read a picture and tesseract (with chi_sim) is not installed: apt-get install ${OCR_PACKAGES}`);
    return { content, messages, frames };
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  const items = [...content.items];
  const lines = [...content.lines];
  const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-pdf-picture-'));
  /** The picture's bitmap, cropped from the page as pdftoppm renders it, and where that crop stands (points). */
  const render = async (box: ImageBox): Promise<{ gray: GrayImage; dpi: number; x0: number; y1: number }> => {
    const area = ((box.x1 - box.x0) / POINTS_PER_INCH) * ((box.y1 - box.y0) / POINTS_PER_INCH);
    const dpi = Math.max(72, Math.min(DPI, Math.floor(Math.sqrt(options.maxPixels / area))));
    const px = (points: number) => (points * dpi) / POINTS_PER_INCH;
    // pdftoppm crops in pixels from the top left of the page as displayed.
    const left = Math.floor(px(box.x0));
    const top = Math.floor(px(content.height - box.y1));
    const width = Math.ceil(px(box.x1)) - left;
    const height = Math.ceil(px(content.height - box.y0)) - top;
    const base = path.join(workDir, 'picture');
    await runTool('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(content.page), '-l', String(content.page), '-x', String(left), '-y', String(top), '-W', String(width), '-H', String(height), '-singlefile', pdfPath, base], timeoutMs);
    return { gray: parsePgm(await readFile(`${base}.pgm`)), dpi, x0: (left * POINTS_PER_INCH) / dpi, y1: content.height - (top * POINTS_PER_INCH) / dpi };
  };
  const failed = (box: ImageBox, error: unknown) => {
    if (!(error instanceof Error)) throw error;
    const reason = error instanceof UnreadableDocumentError ? error.message : error.message.split('\n')[0];
    messages.push({ code: 'ocr-failed', message: `${describeBox(content.page, box)}: OCR failed: ${reason}` });
  };
  try {
    for (const box of boxes) {
      const over = textOver(content, box);
      if (over > MAX_TEXT_OVER) {
        skip(box, `${over} characters of the text layer are printed over it (a seal, or a scan under its own text layer)`);
        continue;
      }
      try {
        const { gray, dpi, x0, y1 } = await render(box);
        if (!showsRuledTable(gray, dpi)) {
          skip(box, 'no table rulings in the picture');
          continue;
        }
        const scale = POINTS_PER_INCH / dpi;
        const read = await ocrGrayImage(gray, { dpi, page: content.page, size: { width: gray.width * scale, height: gray.height * scale }, workDir }, { timeoutMs });
        // The picture's bottom-left corner on the page, in points (y up), as the crop was cut.
        const dx = x0;
        const dy = y1 - gray.height * scale;
        const placed = read.lines.map((line) => ({ ...line, x0: line.x0 + dx, x1: line.x1 + dx, y0: line.y0 + dy, y1: line.y1 + dy }));
        for (const item of read.items) items.push({ ...item, x: item.x + dx, y: item.y + dy });
        lines.push(...placed);
        const frame = frameOf(content.page, placed, box);
        if (frame) frames.push(frame);
        messages.push({ code: 'pdf-picture-ocr', message: `${describeBox(content.page, box)} read by OCR as a table (${read.items.length} words, rendered at ${dpi} dpi)` });
      } catch (error) {
        failed(box, error);
      }
    }
    for (const strip of strips) {
      const frame = stripNeighbour(strip, content, options.images ?? [], frames, options.previous);
      // A short picture beside no table picture is a logo, a rule or a signature: ignored, as before.
      if (!frame || textOver(content, strip) > MAX_TEXT_OVER) continue;
      try {
        const { gray, dpi, x0, y1 } = await render(strip);
        const rows = rowStrip(gray, dpi);
        if (!rows) {
          skip(strip, `a short picture beside the table picture of ${describeBox(frame.page, frame.box)}, not ruled as table rows`);
          continue;
        }
        const borders = rows.verticals.map((line) => (line.at + 0.5) / gray.width);
        if (!sameColumns(borders, frame)) {
          skip(strip, `a short picture beside the table picture of ${describeBox(frame.page, frame.box)}, its cell borders not on that table's columns`);
          continue;
        }
        const scale = POINTS_PER_INCH / dpi;
        const read = await ocrGrayImage(gray, { dpi, page: content.page, size: { width: gray.width * scale, height: gray.height * scale }, workDir }, { timeoutMs, shortestRuling: rows.border });
        // The strip is drawn in the table's frame: the same columns at the table picture's scale (Word
        // fits a tall picture to the page's height and a strip to its width), its top where it stands.
        const fit = (frame.box.x1 - frame.box.x0) / (strip.x1 - strip.x0);
        const x = (v: number) => frame.box.x0 + (x0 + v - strip.x0) * fit;
        const y = (v: number) => y1 - (gray.height * scale - v) * fit;
        for (const item of read.items) items.push({ ...item, x: x(item.x), y: y(item.y), width: item.width * fit, height: item.height * fit });
        for (const line of read.lines) lines.push({ ...line, x0: x(line.x0), x1: x(line.x1), y0: y(line.y0), y1: y(line.y1) });
        const where = frame.page === content.page ? (frame.box.y0 >= strip.y1 - 1 ? 'over it' : 'under it') : `on page ${frame.page}`;
        messages.push({ code: 'pdf-picture-ocr', message: `${describeBox(content.page, strip)} read by OCR as a row of the table pictured ${where} (${read.items.length} words, rendered at ${dpi} dpi)` });
      } catch (error) {
        failed(strip, error);
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return { content: { ...content, items, lines }, messages, frames };
}

/** Visible characters of the text layer whose run's middle lies on the picture. */
function textOver(content: PageContent, box: ImageBox): number {
  let count = 0;
  for (const item of content.items) {
    const x = item.x + item.width / 2;
    const y = item.y + item.height / 3;
    if (x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1) count += item.text.replace(/\s+/g, '').length;
  }
  return count;
}
