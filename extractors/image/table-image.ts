/**
 * Pictures found inside a document (a DOCX's word/media parts, a page's <img>) → table blocks, read by
 * the scanned-page OCR reader. A run of pictures that follow one another (nothing printed between them)
 * is read as the pages of one scan, so a table pasted as one picture per page is joined as a table split
 * over PDF pages is (assemble). Which pictures are read: those a decoder knows, large enough to hold a
 * table, and showing table rulings (found in the bitmap before any OCR is spent); every other picture is
 * skipped with a message saying why, so logos and icons cost one decode at most. Every cell carries
 * origin `ocr`, its confidence, the picture's name and its box (points at the picture's resolution).
 */
import { UnreadableDocumentError, type Block, type Message, type Provenance } from '../model.js';
import { ocrAvailable, ocrGrayImage } from '../pdf/ocr.js';
import { layoutPage, type PageLayout } from '../pdf/layout.js';
import { assemble } from '../pdf/assemble.js';
import { rowStrip, showsRuledTable } from '../pdf/ocr/rulings.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { PageContent } from '../pdf/items.js';
import { mapAtOnce } from '../pdf/ocr/at-once.js';
import { decodeImage, imageKind, type ImagePage } from './decode.js';

/** One picture as the document holds it. */
export interface TablePicture {
  /** How the document names it (a zip part such as word/media/image1.png, an <img> src). */
  name: string;
  bytes: Buffer;
}

export interface TablePictureOptions {
  maxPixels: number;
  /** Pages of one multi-page TIFF. */
  maxPages: number;
  /** Pictures read by OCR at once (maxOcrPagesAtOnce). */
  maxPagesAtOnce?: number;
  /** Is OCR installed? Default: asks the tools (tests replace it). */
  ocrAvailable?: () => Promise<boolean>;
}

/** The Debian packages the OCR path needs, named wherever their absence is reported. */
export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-chi-sim poppler-utils';

/** Below this many pixels on a side a picture is an icon, a logo or a seal, not a table. */
const MIN_TABLE_WIDTH = 150;
const MIN_TABLE_HEIGHT = 60;
/**
 * A screenshot tool cuts a table at the page break, so the last row or two of a table can stand in a
 * picture of their own, as short as one row (a 96 dpi row is about 25 pixels). Such a strip is read
 * only as the rest of the table pictured just before it: as wide as that picture (within this share)
 * and ruled as a table row is — see showsTableRows.
 */
const MIN_STRIP_HEIGHT = 20;
const STRIP_WIDTH_TOLERANCE = 0.03;

/** Vector pictures (Word keeps charts and pasted drawings as EMF/WMF) have no decoder here. */
const VECTOR = /\.(emf|wmf|emz|wmz|svg|eps)$/i;

/**
 * Reads a run of pictures as consecutive pages; their blocks in order, and messages saying which were
 * read by OCR and which were skipped and why. Never throws for one bad picture: a picture that cannot be
 * decoded or is too large is skipped with its reason, the others are still read.
 */
export async function readTablePictures(pictures: TablePicture[], options: TablePictureOptions): Promise<{ blocks: Block[]; messages: Message[] }> {
  const messages: Message[] = [];
  const skip = (picture: TablePicture, why: string) => messages.push({ code: 'picture-skipped', message: `${picture.name}: ${why}` });
  if (pictures.length === 0) return { blocks: [], messages };
  if (!(await (options.ocrAvailable ?? ocrAvailable)())) {
    for (const picture of pictures) skip(picture, `not read: only OCR can read a picture and tesseract (with chi_sim) is not installed: apt-get install ${OCR_PACKAGES}`);
    return { blocks: [], messages };
  }
  // Pictures are decoded in turn (a strip is judged against the width of the picture before it) and
  // read by OCR side by side; what they say is gathered in their order.
  const decoded = pictures.map(() => deferred<{ width?: number; pagesBefore: number }>());
  const reads = await mapAtOnce(pictures, options.maxPagesAtOnce ?? DEFAULT_LIMITS.maxOcrPagesAtOnce, async (picture, i) => {
    const said: Message[] = [];
    const before = i === 0 ? { pagesBefore: 0 } : await decoded[i - 1]!.promise;
    let pages: TablePage[] = [];
    try {
      pages = await decodeTablePicture(picture, options, (p, why) => said.push({ code: 'picture-skipped', message: `${p.name}: ${why}` }), before.width);
    } finally {
      decoded[i]!.resolve({ width: pages.at(-1)?.source.width, pagesBefore: before.pagesBefore + pages.length });
    }
    const read: Array<{ number: number; content: PageContent }> = [];
    for (const [k, page] of pages.entries()) {
      // Numbered by place among the pictures' pages, so a page whose OCR fails leaves a gap: what is on either side of it was not printed together.
      const number = before.pagesBefore + k + 1;
      try {
        read.push({ number, content: await ocrGrayImage(page.gray, { dpi: page.dpi, page: number }) });
      } catch (error) {
        if (!(error instanceof UnreadableDocumentError)) throw error;
        said.push({ code: 'ocr-failed', message: `${picture.name}: ${error.message}` });
        continue;
      }
      const what = page.rest ? 'as the rest of the table in the picture before it' : 'as a table picture';
      said.push({ code: 'ocr-used', message: `${picture.name} read by OCR ${what} (${page.source.width}×${page.source.height} pixels, read at ${Math.round(page.dpi)} dpi)` });
    }
    return { said, read };
  });
  const layouts: PageLayout[] = [];
  const names = new Map<number, string>();
  reads.forEach(({ said, read }, i) => {
    messages.push(...said);
    for (const { number, content } of read) {
      names.set(number, pictures[i]!.name);
      layouts.push(layoutPage(content));
    }
  });
  const { blocks, messages: assembled } = assemble(layouts);
  for (const message of assembled) {
    // assemble speaks of pages; here a page is a picture.
    messages.push({ ...message, message: message.message.replace(/page (\d+)/g, (_, n: string) => `picture ${names.get(Number(n)) ?? n}`) });
  }
  return { blocks: blocks.map((block) => withPictureNames(block, names)), messages };
}

/**
 * The pages of one picture worth reading as a table, or none (with the reason given to `skip`).
 * `previousWidth`: the width of the table picture read just before it in the run, if any.
 */
async function decodeTablePicture(
  picture: TablePicture,
  options: TablePictureOptions,
  skip: (picture: TablePicture, why: string) => void,
  previousWidth: number | undefined,
): Promise<TablePage[]> {
  const kind = imageKind(picture.bytes);
  if (!kind) {
    skip(picture, VECTOR.test(picture.name) ? 'a vector picture (EMF/WMF/SVG), not decoded; not read' : 'not a PNG, JPEG, TIFF, BMP or WebP picture; not read');
    return [];
  }
  let pages: ImagePage[];
  try {
    pages = await decodeImage(picture.bytes, { maxPages: options.maxPages, maxPixels: options.maxPixels });
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    skip(picture, `${error.message}; not read`);
    return [];
  }
  const kept: TablePage[] = [];
  pages.forEach((page, i) => {
    const where = pages.length > 1 ? ` (page ${i + 1})` : '';
    const small = tooSmall(page);
    if (!small && showsTable(page)) kept.push(page);
    // Too small, or too short for its borders to pass as a table's: the rest of the table before it?
    else if (i === 0 && continuesTable(page, previousWidth)) kept.push({ ...page, rest: true });
    else if (small) skip(picture, `${page.source.width}×${page.source.height} pixels${where}: too small to hold a table (an icon or a logo); not read`);
    else skip(picture, `no table rulings in the picture${where}; not read`);
  });
  return kept;
}

/** A page to read; `rest`: read only as the rest of the table pictured before it (see MIN_STRIP_HEIGHT). */
type TablePage = ImagePage & { rest?: boolean };

const tooSmall = (page: ImagePage): boolean => page.source.width < MIN_TABLE_WIDTH || page.source.height < MIN_TABLE_HEIGHT;

/** Does the bitmap show a ruled table? Long rulings both ways, found as the OCR reader finds them. */
function showsTable(page: ImagePage): boolean {
  return showsRuledTable(page.gray, page.dpi);
}

/**
 * A picture that does not pass for a table on its own (too small, or its borders too short: a strip of
 * a row or two) but is the rest of the one before it: as wide as
 * that picture, at least a row high, and ruled as rows are (rowStrip).
 */
function continuesTable(page: ImagePage, previousWidth: number | undefined): boolean {
  if (previousWidth === undefined) return false;
  if (page.source.height < MIN_STRIP_HEIGHT || Math.abs(page.source.width - previousWidth) > previousWidth * STRIP_WIDTH_TOLERANCE) return false;
  return rowStrip(page.gray, page.dpi) !== undefined;
}

/** Each prov gains the name of the picture its page stood for. */
function withPictureNames(block: Block, names: Map<number, string>): Block {
  const named = (prov: Provenance | undefined): Provenance | undefined => {
    const image = prov?.page === undefined ? undefined : names.get(prov.page);
    return prov && image ? { ...prov, image } : prov;
  };
  if (block.kind !== 'table') return { ...block, prov: named(block.prov) };
  // Spanned cells share their origin's prov object; one copy per original keeps that sharing.
  const copies = new Map<Provenance, Provenance | undefined>();
  const copy = (prov: Provenance | undefined) => {
    if (!prov) return prov;
    if (!copies.has(prov)) copies.set(prov, named(prov));
    return copies.get(prov);
  };
  return { ...block, prov: named(block.prov), rows: block.rows.map((row) => row.map((cell) => ({ ...cell, prov: copy(cell.prov) }))) };
}

/** A promise with its resolve at hand: picture i waits for the decoding of picture i - 1. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
