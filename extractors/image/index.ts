/**
 * The picture reader: a .png/.jpg/.tif/.bmp file is one report, read like a scanned PDF. Each page
 * (a TIFF may hold several) is decoded to a gray bitmap at about 300 dpi and goes through the same OCR
 * table reader as a scanned page (rulings, words, cell re-reads), then the same layout and assembly, so
 * a table split over two pages is joined as in a PDF and every cell carries origin `ocr` and its
 * confidence. Without tesseract the file is refused as `ocr-unavailable`, never returned empty.
 */
import { UnreadableDocumentError, type DocumentModel, type Message } from '../model.js';
import { ocrAvailable, ocrGrayImage } from '../pdf/ocr.js';
import { pageReadNote } from '../pdf/ocr/orientation.js';
import { layoutPage } from '../pdf/layout.js';
import { assemble } from '../pdf/assemble.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { mapAtOnce } from '../pdf/ocr/at-once.js';
import { decodeImage, imageKind } from './decode.js';
import { OCR_PACKAGES } from './table-image.js';

export { OCR_PACKAGES };

export interface ImageReadOptions {
  maxPages: number;
  maxOcrPixels: number;
  /** Pages read by OCR at once (maxOcrPagesAtOnce). */
  maxOcrPagesAtOnce?: number;
  /** Is OCR installed? Default: asks the tools (tests replace it). */
  ocrAvailable?: () => Promise<boolean>;
}

export async function readImage(bytes: Buffer, options: ImageReadOptions): Promise<DocumentModel> {
  const kind = imageKind(bytes);
  if (!(await (options.ocrAvailable ?? ocrAvailable)())) {
    throw new UnreadableDocumentError('ocr-unavailable', `the file is a ${kind?.toUpperCase() ?? ''} picture and only OCR can read it, but tesseract (with chi_sim) is not installed: apt-get install ${OCR_PACKAGES}`);
  }
  const pages = await decodeImage(bytes, { maxPages: options.maxPages, maxPixels: options.maxOcrPixels });
  const messages: Message[] = [];
  const layouts = [];
  // A page OCR fails on (a tesseract run over its limit) is missing from the document, as in a scanned
  // PDF: the other pages still read; only when none does is the file unreadable.
  const contents = await mapAtOnce(pages, options.maxOcrPagesAtOnce ?? DEFAULT_LIMITS.maxOcrPagesAtOnce, (page, i) =>
    ocrGrayImage(page.gray, { dpi: page.dpi, page: i + 1 }, { orient: true }).catch((error: unknown) => {
      if (error instanceof UnreadableDocumentError && error.code === 'ocr-failed') return error;
      throw error;
    }),
  );
  const failed = contents.filter((content): content is UnreadableDocumentError => content instanceof UnreadableDocumentError);
  if (failed.length === pages.length && failed.length > 0) throw failed[0];
  for (const [i, page] of pages.entries()) {
    const content = contents[i]!;
    if (content instanceof UnreadableDocumentError) {
      messages.push({ code: 'ocr-failed', message: `page ${i + 1}: OCR failed: ${content.message}; its text is missing` });
      continue;
    }
    const stated = page.source.dpi ? `${page.source.dpi} dpi` : `no resolution stated, taken as a screenshot`;
    const strip = page.strip ? `, strip ${page.strip.index} of ${page.strip.of} cut from a picture taller than a page` : '';
    messages.push({ code: 'ocr-used', message: `page ${i + 1} read by OCR (${kind?.toUpperCase()} picture, ${page.source.width}×${page.source.height} pixels${strip}, ${stated}; read at ${Math.round(page.dpi)} dpi${pageReadNote(content)})` });
    layouts.push(layoutPage(content));
  }
  const { blocks, messages: assembled } = assemble(layouts);
  return { format: 'image', blocks, meta: { pageCount: pages.length }, messages: [...messages, ...assembled] };
}
