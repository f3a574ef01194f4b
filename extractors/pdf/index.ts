/**
 * The PDF reader: pdf.js (as bundled with pdf-parse) gives each page's positioned text and drawn
 * rulings; ruled tables are rebuilt as grids, free text as paragraphs, tables split over page breaks
 * are joined. Pages whose text layer is missing or broken are read by OCR when it is installed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UnreadableDocumentError, type DocumentModel, type Message } from '../model.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { PageContent } from './items.js';
import { openPdf, toUnreadable, type PdfDocument } from './pdfjs.js';
import { readPage } from './page.js';
import { layoutPage, type PageLayout } from './layout.js';
import { assemble } from './assemble.js';
import { outlinedNeighbours } from './outlined-pages.js';
import { assessPage, poorPageCode, type PoorPageKind } from './quality.js';
import { pageReadNote } from './ocr/orientation.js';
import { openRawPdf, type RawOperatorList, type RawPdf } from './raw/index.js';
import { forgetInflated } from './raw/inflated.js';
import type { ImageBox, OpIds } from './rulings.js';
import { describeBox, tablePictureBoxes } from './picture-boxes.js';
import { bottomFrame, frameOf, stripBoxes, type TableFrame } from './picture-strips.js';

/** Replacement content for a page whose text layer failed the quality gate (OCR), or null. */
export type PageTextSource = (page: number) => Promise<PageContent | null>;

export interface PdfReadOptions {
  maxPages?: number;
  /** Text runs over the whole document; a report has a few thousand. */
  maxTextItems?: number;
  /** Where to get text for pages that fail the quality gate; default: OCR when tesseract is installed. */
  pageTextSource?: (bytes: Buffer) => Promise<{ source: PageTextSource; cleanup?: () => Promise<void> } | undefined>;
  /** Read drawn paths from the raw content streams where possible (default); false: always pdf.js. */
  rawPaths?: boolean;
  /** Pixels of one page image rendered for OCR (maxOcrPixels). */
  maxOcrPixels?: number;
  /** Scanned pages read by OCR at once (maxOcrPagesAtOnce). */
  maxOcrPagesAtOnce?: number;
  /** Read pictures of tables on pages with a good text layer by OCR (default true). */
  tablePictures?: boolean;
  /** Is OCR installed? Default: asks the tools (tests replace it). */
  ocrAvailable?: () => Promise<boolean>;
}

/** A page as read from its text layer, with the quality gate's verdict on it. */
type ReadAhead = Awaited<ReturnType<typeof readPage>> & { verdict: ReturnType<typeof assessPage> };

/** What OCR made of a page: its content, or why it failed (never a rejection: pages run ahead may never be awaited). */
type OcrOutcome = { content: PageContent | null } | { error: Error };

/** The raw reader is an optimisation: any failure of it means pdf.js reads the paths instead. */
function openRawQuietly(bytes: Uint8Array): RawPdf | undefined {
  try {
    return openRawPdf(bytes);
  } catch {
    return undefined;
  }
}

function rawOperators(raw: RawPdf, pageIndex0: number, ids: OpIds): RawOperatorList | undefined {
  try {
    return raw.operatorList(pageIndex0, ids);
  } catch {
    return undefined;
  }
}


export async function readPdf(bytes: Buffer, options: PdfReadOptions = {}): Promise<DocumentModel> {
  const doc = await openPdf(bytes);
  const messages: Message[] = [];
  let cleanup: (() => Promise<void>) | undefined;
  const file = lazyFile(bytes);
  // OCR runs started for pages read ahead while a scanned page was in OCR.
  const ocrRuns = new Map<number, Promise<OcrOutcome>>();
  try {
    const pageCount = doc.numPages;
    if (pageCount === 0) throw new UnreadableDocumentError('empty-pdf', 'the PDF has no pages');
    const maxPages = options.maxPages ?? DEFAULT_LIMITS.maxPdfPages;
    if (pageCount > maxPages) throw new UnreadableDocumentError('too-many-pages', `the PDF declares ${pageCount} pages, more than the limit of ${maxPages} (maxPdfPages)`);
    let budget = options.maxTextItems ?? DEFAULT_LIMITS.maxPdfTextItems;
    // The raw reader must see the same pages as pdf.js, or it is not used at all.
    const opened = options.rawPaths === false ? undefined : openRawQuietly(bytes);
    const raw = opened?.pageCount === pageCount ? opened : undefined;
    const layouts: PageLayout[] = [];
    const poor: Array<{ page: number; kind: PoorPageKind; reason: string }> = [];
    // Pages whose text layer drew runs twice over (simulated bold), with how many copies were dropped.
    const overprinted: string[] = [];
    // Pages whose text ran sideways or upside down as displayed, read turned upright.
    const turned: string[] = [];
    let source: PageTextSource | undefined;
    // Pages read ahead while a scanned page was in OCR, and the OCR runs started for them.
    const ahead = new Map<number, ReadAhead>();
    let picturesRead = 0;
    // The table picture that ended the page before (nothing printed under it): a strip may be its last row.
    let previousFrame: TableFrame | undefined;
    // Asked once per document, on the first page with a table-sized picture.
    let ocrInstalled: Promise<boolean> | undefined;
    const ocrCheck = () => (ocrInstalled ??= options.ocrAvailable ? options.ocrAvailable() : import('./ocr.js').then((m) => m.ocrAvailable()));
    const readOne = async (p: number): Promise<ReadAhead> => {
      const page = await doc.getPage(p);
      try {
        const read = await readPage(page, p, budget, raw && ((ids) => rawOperators(raw, p - 1, ids)));
        budget -= read.content.items.length;
        return { ...read, verdict: assessPage(read.content.items, read.hasImages, { ...read.textShows, imageShare: largestImageShare(read), filledCurves: read.filledCurves, guessedUnicode: read.guessedUnicode }) };
      } finally {
        page.cleanup();
      }
    };
    const startOcr = (run: PageTextSource, p: number): Promise<OcrOutcome> => run(p).then((content) => ({ content }), (error: Error) => ({ error }));
    const atOnce = options.maxOcrPagesAtOnce ?? DEFAULT_LIMITS.maxOcrPagesAtOnce;
    /** A later page, read now and kept for when its turn comes. */
    const peek = async (q: number): Promise<ReadAhead> => {
      const next = ahead.get(q) ?? (await readOne(q));
      ahead.set(q, next);
      return next;
    };
    const judge = outlinedNeighbours(pageCount, peek);
    for (let p = 1; p <= pageCount; p++) {
      const got = ahead.get(p) ?? (await readOne(p));
      ahead.delete(p);
      let { content } = got;
      const { images } = got;
      const verdict = await judge(p, got);
      if (got.overprinted > 0) overprinted.push(`page ${p}: ${got.overprinted}`);
      // The table pictures read on this page, and whether OCR read the whole page (a table picture filling it).
      let frames: TableFrame[] = [];
      let replacedByOcr = false;
      if (!verdict.ok) {
        poor.push({ page: p, kind: verdict.kind, reason: verdict.reason });
        if (!source) {
          const made = await (options.pageTextSource ?? ((b: Buffer) => defaultOcrSource(b, options.maxOcrPixels)))(bytes);
          source = made?.source;
          cleanup = made?.cleanup;
        }
        if (source && !ocrRuns.has(p)) ocrRuns.set(p, startOcr(source, p));
        // A scan is read by OCR several pages at once: while this page is in OCR, the pages after it are
        // read (their text layer, in order, so the text budget is spent as before) and those that are scans too are started.
        for (let q = p + 1; source && q <= pageCount && ocrRuns.size < atOnce; q++) {
          const next = await peek(q);
          if (next.verdict.ok) break;
          if (!ocrRuns.has(q)) ocrRuns.set(q, startOcr(source, q));
        }
        const outcome = await ocrRuns.get(p);
        ocrRuns.delete(p);
        if (outcome && 'error' in outcome) messages.push({ code: 'ocr-failed', message: `page ${p}: OCR failed: ${outcome.error.message}` });
        const replaced = outcome && 'content' in outcome ? outcome.content : null;
        // Without OCR of ours, another program's OCR layer is still a reading by OCR: never certain alone.
        if (!replaced && verdict.kind === 'ocr-layer') content = asForeignOcr(content);
        // Guessed characters are no reading at all: without OCR the page gives no text rather than wrong text.
        if (!replaced && verdict.kind === 'guessed-unicode') content = { ...content, items: [] };
        if (replaced) {
          content = replaced;
          replacedByOcr = true;
          messages.push({ code: 'ocr-used', message: `page ${p} read by OCR (${verdict.reason}${pageReadNote(replaced)})` });
        }
      } else if (got.turn) {
        turned.push(`page ${p} by ${got.turn}°`);
        // Picture crops are cut from the page as displayed; this page's boxes stand where it reads upright.
        for (const box of tablePictureBoxes(images, content)) messages.push({ code: 'picture-skipped', message: `${describeBox(p, box)}: on a page read turned upright; not read` });
      } else if (options.tablePictures !== false && images.length > 0) {
        // Only a page that paints a table-sized image, or a strip beside one, pays for anything beyond the geometry.
        let boxes = tablePictureBoxes(images, content);
        const strips = stripBoxes(images, content);
        if (boxes.length > 0 || (strips.length > 0 && previousFrame)) {
          const room = Math.max(0, maxPages - picturesRead);
          for (const box of boxes.slice(room)) messages.push({ code: 'picture-skipped', message: `${describeBox(p, box)}: more table pictures than the limit of ${maxPages} (maxPdfPages); not read` });
          boxes = boxes.slice(0, room);
          picturesRead += boxes.length;
          const { readPagePictures } = await import('./pictures.js');
          const read = await readPagePictures(await file.path(), content, boxes, {
            maxPixels: options.maxOcrPixels ?? DEFAULT_LIMITS.maxOcrPixels,
            ocrAvailable: ocrCheck,
            strips: room > 0 ? strips : [],
            images,
            previous: previousFrame,
          });
          content = read.content;
          frames = read.frames;
          messages.push(...read.messages);
        }
      }
      if (replacedByOcr) frames = tablePictureBoxes(images, content).flatMap((box) => frameOf(p, content.lines, box) ?? []);
      previousFrame = bottomFrame(content, frames);
      layouts.push(layoutPage(content));
    }
    for (const { page, kind, reason } of poor) {
      messages.push({ code: poorPageCode(kind), message: `page ${page}: ${reason}` });
    }
    if (turned.length) messages.push({ code: 'pdf-page-turned', message: `text running sideways or upside down as displayed, read turned clockwise: ${turned.join(', ')}` });
    if (overprinted.length) messages.push({ code: 'pdf-overprint', message: `text drawn twice over itself (simulated bold or a shadow) read once; copies dropped: ${overprinted.join(', ')}` });
    const { blocks, messages: assembled } = assemble(layouts);
    return {
      format: 'pdf',
      blocks,
      meta: { ...(await info(doc)), pageCount },
      messages: [...messages, ...assembled],
    };
  } catch (err) {
    throw toUnreadable(err);
  } finally {
    // A page whose OCR was started ahead of a failure ends before its files are removed.
    await Promise.all(ocrRuns.values());
    await cleanup?.();
    await file.cleanup();
    forgetInflated();
    await doc.destroy().catch(() => undefined);
  }
}

/** The share of the page its largest image covers (0 with none). */
function largestImageShare(read: { content: PageContent; images: ImageBox[] }): number {
  const page = read.content.width * read.content.height;
  if (!(page > 0)) return 0;
  return Math.max(0, ...read.images.map((b) => (Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0)) / page));
}

/**
 * A scan's invisible OCR text, kept when no OCR of ours read the page, marked as OCR: at confidence 90, a
 * reading as good as two agreeing reads of ours (the identities still arbitrate), and below what a cell no
 * identity checks needs (95) to be certain.
 */
const FOREIGN_OCR_CONFIDENCE = 90;

function asForeignOcr(content: PageContent): PageContent {
  return { ...content, items: content.items.map((item) => ({ ...item, origin: 'ocr', confidence: FOREIGN_OCR_CONFIDENCE })) };
}

async function info(doc: PdfDocument): Promise<{ title?: string }> {
  try {
    const { info } = (await doc.getMetadata()) as { info?: { Title?: unknown } };
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    return title ? { title } : {};
  } catch {
    return {};
  }
}

/** The PDF as a private temp file for pdftoppm, written on first use only and removed by cleanup. */
function lazyFile(bytes: Buffer): { path: () => Promise<string>; cleanup: () => Promise<void> } {
  let dir: Promise<string> | undefined;
  return {
    path: async () => {
      dir ??= mkdtemp(path.join(tmpdir(), 'nianbao-pdf-')).then(async (d) => {
        await writeFile(path.join(d, 'document.pdf'), bytes);
        return d;
      });
      return path.join(await dir, 'document.pdf');
    },
    cleanup: async () => {
      if (dir) await rm(await dir.catch(() => ''), { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** OCR needs the PDF as a file for pdftoppm: written once per document, on the first page that needs it. */
async function defaultOcrSource(bytes: Buffer, maxPixels?: number): Promise<{ source: PageTextSource; cleanup: () => Promise<void> } | undefined> {
  const { ocrAvailable, ocrPdfPage } = await import('./ocr.js');
  if (!(await ocrAvailable())) return undefined;
  const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-pdf-'));
  const file = path.join(dir, 'document.pdf');
  await writeFile(file, bytes);
  return { source: (page) => ocrPdfPage(file, page, { maxPixels }), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

