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
import { parsePgm } from './ocr/pgm.js';
import { showsRuledTable } from './ocr/rulings.js';
import { runTool } from './ocr/tools.js';

const POINTS_PER_INCH = 72;
/** Resolution the picture is rendered at: what the scanned-page path reads table digits at. */
const DPI = 300;
/** Text-layer characters over a picture above which it is a background, not a pasted table (a scan under its own OCR layer, a seal under a signature). */
const MAX_TEXT_OVER = 0;
/**
 * Shortest ruling (points) that counts towards the table test when both its ends meet long rulings: the
 * OCR page reader's own floor, so a small table of one or two rows (its cell borders 30 pt tall) is read.
 */
const SHORTEST_RULING = 20;

export interface PagePictureOptions {
  /** Pixels of one rendered picture (maxOcrPixels). */
  maxPixels: number;
  /** Is OCR installed? Default: asks the tools (tests replace it). */
  ocrAvailable?: () => Promise<boolean>;
  timeoutMs?: number;
}

/**
 * Reads the table pictures of one page of the PDF at `pdfPath` (pages from 1, as pdftoppm counts) and
 * returns the page's content with their OCR words and rulings added where they stand, and messages
 * naming every picture read (`pdf-picture-ocr`) or skipped (`picture-skipped`, with the reason).
 */
export async function readPagePictures(
  pdfPath: string,
  content: PageContent,
  boxes: ImageBox[],
  options: PagePictureOptions,
): Promise<{ content: PageContent; messages: Message[] }> {
  const messages: Message[] = [];
  if (boxes.length === 0) return { content, messages };
  const skip = (box: ImageBox, why: string) => messages.push({ code: 'picture-skipped', message: `${describeBox(content.page, box)}: ${why}; not read` });
  if (!(await (options.ocrAvailable ?? ocrAvailable)())) {
    const { OCR_PACKAGES } = await import('../image/table-image.js');
    for (const box of boxes) skip(box, `only OCR can read a picture and tesseract (with chi_sim) is not installed: apt-get install ${OCR_PACKAGES}`);
    return { content, messages };
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  const items = [...content.items];
  const lines = [...content.lines];
  const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-pdf-picture-'));
  try {
    for (const box of boxes) {
      const over = textOver(content, box);
      if (over > MAX_TEXT_OVER) {
        skip(box, `${over} characters of the text layer are printed over it (a seal, or a scan under its own text layer)`);
        continue;
      }
      const area = ((box.x1 - box.x0) / POINTS_PER_INCH) * ((box.y1 - box.y0) / POINTS_PER_INCH);
      const dpi = Math.max(72, Math.min(DPI, Math.floor(Math.sqrt(options.maxPixels / area))));
      const px = (points: number) => (points * dpi) / POINTS_PER_INCH;
      // pdftoppm crops in pixels from the top left of the page as displayed.
      const left = Math.floor(px(box.x0));
      const top = Math.floor(px(content.height - box.y1));
      const width = Math.ceil(px(box.x1)) - left;
      const height = Math.ceil(px(content.height - box.y0)) - top;
      try {
        const base = path.join(workDir, 'picture');
        await runTool('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(content.page), '-l', String(content.page), '-x', String(left), '-y', String(top), '-W', String(width), '-H', String(height), '-singlefile', pdfPath, base], timeoutMs);
        const gray = parsePgm(await readFile(`${base}.pgm`));
        if (!showsRuledTable(gray, dpi, SHORTEST_RULING)) {
          skip(box, 'no table rulings in the picture');
          continue;
        }
        const scale = POINTS_PER_INCH / dpi;
        const read = await ocrGrayImage(gray, { dpi, page: content.page, size: { width: gray.width * scale, height: gray.height * scale }, workDir }, { timeoutMs });
        // The picture's bottom-left corner on the page, in points (y up), as the crop was cut.
        const dx = left * scale;
        const dy = content.height - (top + gray.height) * scale;
        for (const item of read.items) items.push({ ...item, x: item.x + dx, y: item.y + dy });
        for (const line of read.lines) lines.push({ ...line, x0: line.x0 + dx, x1: line.x1 + dx, y0: line.y0 + dy, y1: line.y1 + dy });
        messages.push({ code: 'pdf-picture-ocr', message: `${describeBox(content.page, box)} read by OCR as a table (${read.items.length} words, rendered at ${dpi} dpi)` });
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        const reason = error instanceof UnreadableDocumentError ? error.message : error.message.split('\n')[0];
        messages.push({ code: 'ocr-failed', message: `${describeBox(content.page, box)}: OCR failed: ${reason}` });
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return { content: { ...content, items, lines }, messages };
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
