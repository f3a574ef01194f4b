/**
 * OFD pages that only paint pictures (a scanned report saved as OFD): the largest picture of each is read
 * by the OCR table reader, as a scanned PDF page is. Without OCR a page keeps the invisible text another
 * program laid over its scan (read as OCR, never certain alone); a document whose every page is a scan
 * and that has no such text is refused as ocr-unavailable, as a picture file is.
 */
import { UnreadableDocumentError, type Message } from '../model.js';
import type { Limits } from '../limits.js';
import type { PageContent } from '../pdf/items.js';
import type { OfdImage } from './page.js';
import type { OfdPackage } from './package.js';

/** The resolution scanned pages are read at (as the PDF and picture readers do). */
const TARGET_DPI = 300;
/** What the picture reader takes a picture that states no resolution for. */
const SCREEN_DPI = 96;

export interface ScannedPage {
  page: number;
  /** What the page's text layer held (invisible OCR text only, or nothing). */
  content: PageContent;
  images: OfdImage[];
}

export async function readScannedPages(
  pkg: OfdPackage,
  pages: ScannedPage[],
  limits: Limits,
  ocrAvailableCheck: (() => Promise<boolean>) | undefined,
  allScanned: boolean,
): Promise<{ contents: Map<number, PageContent>; messages: Message[] }> {
  const { ocrAvailable, ocrGrayImage } = await import('../pdf/ocr.js');
  const contents = new Map<number, PageContent>();
  const messages: Message[] = [];
  const available = await (ocrAvailableCheck ?? ocrAvailable)();
  if (!available) {
    const kept = pages.filter((p) => p.content.items.length > 0);
    if (allScanned && kept.length === 0) {
      const { OCR_PACKAGES } = await import('../image/table-image.js');
      throw new UnreadableDocumentError('ocr-unavailable', `every page of the OFD is a picture and only OCR can read it, but tesseract (with chi_sim) is not installed: apt-get install ${OCR_PACKAGES}`);
    }
    for (const p of pages) {
      messages.push({ code: 'no-text-layer', message: `OFD page ${p.page}: only pictures${p.content.items.length ? ', with invisible text kept as OCR' : ''}; OCR is not installed` });
      if (p.content.items.length) contents.set(p.page, p.content);
    }
    return { contents, messages };
  }
  const { decodeImage, jpegSize, pngSize } = await import('../image/decode.js');
  for (const p of pages) {
    const largest = [...p.images].sort((a, b) => area(b.box) - area(a.box))[0]!;
    const file = pkg.media.get(largest.resource);
    const bytes = file === undefined ? undefined : await pkg.bytes(file);
    if (!bytes) {
      messages.push({ code: 'no-text-layer', message: `OFD page ${p.page}: its picture (resource ${largest.resource}) is not in the package` });
      continue;
    }
    try {
      const width = largest.box.x1 - largest.box.x0;
      const height = largest.box.y1 - largest.box.y0;
      // The picture's resolution is the one it is placed at on the page (what its header states, if
      // anything, is often wrong): it is scaled to about 300 dpi of that.
      const header = pngSize(bytes) ?? jpegSize(bytes);
      const placed = header && width > 0 ? header.width / (width / 72) : undefined;
      const targetDpi = placed ? (TARGET_DPI * (header?.dpi ?? SCREEN_DPI)) / placed : undefined;
      const [decoded] = await decodeImage(bytes, { maxPages: 1, maxPixels: limits.maxOcrPixels, targetDpi });
      const dpi = width > 0 ? decoded.gray.width / (width / 72) : decoded.dpi;
      const content = await ocrGrayImage(decoded.gray, { dpi, page: p.page, size: { width, height } }, { orient: true });
      contents.set(p.page, content);
      const at = placed ? `placed at ${Math.round(placed)} dpi, ` : '';
      messages.push({ code: 'ocr-used', message: `page ${p.page} read by OCR (an OFD page that is a picture, ${decoded.source.width}×${decoded.source.height} pixels ${at}read at ${Math.round(dpi)} dpi)` });
    } catch (error) {
      if (!(error instanceof UnreadableDocumentError)) throw error;
      messages.push({ code: 'ocr-failed', message: `page ${p.page}: OCR failed: ${error.message}; its text is missing` });
      if (p.content.items.length) contents.set(p.page, p.content);
    }
  }
  return { contents, messages };
}

function area(box: { x0: number; y0: number; x1: number; y1: number }): number {
  return Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
}
