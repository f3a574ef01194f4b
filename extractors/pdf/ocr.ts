import { DEFAULT_LIMITS } from '../limits.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UnreadableDocumentError } from '../model.js';
import type { PageContent, PositionedText, RulingLine } from './items.js';
import { findCells } from './ocr/cells.js';
import { readCells } from './ocr/cell-pass.js';
import { printedBlankCells } from './ocr/blank-cells.js';
import { rereadGarbledLines } from './ocr/line-pass.js';
import { encodePgm, parsePgm, type GrayImage } from './ocr/pgm.js';
import { estimateSkew, rotate } from './ocr/deskew.js';
import { detectOrientation, turnImage, type QuarterTurns } from './ocr/orientation.js';
import { tightenToInk } from './ocr/ink-box.js';
import { detectRulings, eraseRulings, inkThreshold, paperShade, SHORTEST_RULING, type PixelLine } from './ocr/rulings.js';
import { runTool, ToolOverBudget } from './ocr/tools.js';
import { fixCjkBrackets, joinCjkWords, parseTesseractTsv, withoutMarks, type OcrWord } from './ocr/tsv.js';

export interface OcrOptions {
  /** Render resolution. 300 dpi reads 10.5 pt table digits reliably; lower is faster and worse. */
  dpi?: number;
  /** Tesseract languages for the page pass. */
  languages?: string;
  /** Tesseract page segmentation mode for the page pass: 11 (sparse text) finds the isolated numbers of table cells. */
  pageSegmentation?: number;
  /** Re-read each one-line table cell on its own (default true): fixes digits the page pass drops or misreads. */
  cellPass?: boolean;
  /** Re-read each garbled text line outside the tables on its own (default true): fixes titles and signatures in large or bold type. */
  linePass?: boolean;
  /** Straighten a skewed scan before reading it (default true). */
  deskew?: boolean;
  /** Limit for each external tool run. */
  timeoutMs?: number;
  /** CPU seconds the page pass may take before the page is read in black and white (PAGE_PASS_CPU_SECONDS). */
  pagePassCpuSeconds?: number;
  /** Renders above this many pixels are done at a lower resolution (maxOcrPixels). */
  maxPixels?: number;
  /**
   * Shortest ruling (points) that counts when both its ends meet long rulings; default SHORTEST_RULING (ocr/rulings.ts), above the
   * strokes of body text. A strip of one table row pictured alone has cell borders shorter than that,
   * and is read with its own border length (rowStripBorder in ocr/rulings.ts).
   */
  shortestRuling?: number;
  /**
   * Turn a page scanned sideways or upside down upright before reading it (ocr/orientation.ts): for whole
   * pages (scans, photographs), not for table pictures placed in a document, which stand as placed.
   */
  orient?: boolean;
}


const POINTS_PER_INCH = 72;

/** Where a gray image stands: its resolution, its page number, and optionally its exact size and a work directory. */
export interface GrayImagePage {
  dpi: number;
  page: number;
  /** The page's size in points; default: the image's pixels at `dpi`. */
  size?: { width: number; height: number };
  /** A directory for tesseract's input files, kept; default: a private one, removed. */
  workDir?: string;
}

/** Are pdftoppm, pdfinfo and tesseract (with Simplified Chinese) installed? */
export async function ocrAvailable(): Promise<boolean> {
  try {
    await runTool('pdftoppm', ['-v'], 10_000);
    await runTool('pdfinfo', ['-v'], 10_000);
    const { stdout, stderr } = await runTool('tesseract', ['--list-langs'], 10_000);
    const languages = (stdout.toString('utf8') + stderr).split(/\s+/);
    return languages.includes('chi_sim') && languages.includes('eng');
  } catch {
    return false;
  }
}

/**
 * Reads one page of a PDF by OCR: the page is rendered with pdftoppm, the table rulings are found in the
 * bitmap and erased, tesseract reads the words, and one-line table cells are read again one by one.
 * Everything comes back in points with the origin at the bottom left of the page as displayed (its
 * /Rotate applied, as pdftoppm renders it and as the text-layer reader maps pdf.js items), which for
 * the usual unrotated page is PDF user space. A skewed scan is straightened first; positions are then
 * those of the straightened page, which is what lets rows and columns line up.
 */
export async function ocrPdfPage(pdfPath: string, page: number, options: OcrOptions = {}): Promise<PageContent> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { width, height } = await pageSize(pdfPath, page, timeoutMs);
  const requestedDpi = Math.min(600, Math.max(72, Number.isFinite(options.dpi) ? (options.dpi as number) : 300));
  const dpi = Math.min(requestedDpi, Math.floor(Math.sqrt((options.maxPixels ?? DEFAULT_LIMITS.maxOcrPixels) / ((width / POINTS_PER_INCH) * (height / POINTS_PER_INCH)))));
  const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-ocr-'));
  try {
    return await ocrGrayImage(await renderGray(pdfPath, page, dpi, workDir, timeoutMs), { dpi, page, size: { width, height }, workDir }, { orient: true, ...options });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Reads one already rendered gray page image (a PDF page from pdftoppm, or a picture decoded by the image
 * reader) as ocrPdfPage does: straightened, rulings found and erased, words read, cells re-read. `dpi`
 * is the image's resolution, which sizes the ruling thresholds and converts pixels to points; the page
 * is the image's size at that resolution unless `size` (points) says otherwise (a PDF page's exact size,
 * which the rendered pixels only round to). A work directory of the caller's is used when given (and
 * left to the caller), else a private one is made and removed.
 */
export async function ocrGrayImage(gray: GrayImage, at: GrayImagePage, options: OcrOptions = {}): Promise<PageContent> {
  const { dpi, page } = at;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const workDir = at.workDir ?? (await mkdtemp(path.join(tmpdir(), 'nianbao-ocr-')));
  try {
    const { rulings, cleaned, words: pagePass, thresholded } = await readPagePass(gray, dpi, workDir, timeoutMs, options);
    // A page that lies turned reads as low-confidence scraps: only then is its orientation asked (upright pages pay nothing).
    if (options.orient && mostlyUnsure(pagePass)) {
      const turns = await uprightTurns(gray, pagePass, dpi, workDir, timeoutMs, options);
      if (turns) {
        const size = at.size && turns % 2 === 1 ? { width: at.size.height, height: at.size.width } : at.size;
        return { ...(await ocrGrayImage(turnImage(gray, turns), { ...at, size, workDir }, { ...options, orient: false })), turned: turns };
      }
    }
    const cells = findCells(rulings, pixels(2, dpi));
    let read = withoutMarks(pagePass).map((word) => tightenToInk(cleaned, word));
    if (options.linePass ?? true) {
      read = withoutMarks(await rereadGarbledLines(cleaned, read, cells, { dpi, workDir, timeoutMs, languages: options.languages }));
    }
    let words = joinCjkWords(read, (left, right) => rulingBetween(rulings, left, right));

    if (options.cellPass ?? true) words = await readCells(cleaned, cells, words, { dpi, workDir, timeoutMs });

    const scale = POINTS_PER_INCH / dpi;
    const width = at.size?.width ?? gray.width * scale;
    const height = at.size?.height ?? gray.height * scale;
    return {
      page,
      width,
      height,
      items: words.map((word) => toPositionedText(word, page, scale, height)),
      lines: rulings.map((line) => toRulingLine(line, page, scale, height)),
      blankCells: printedBlankCells(cleaned, cells, dpi).map((cell) => [cell.left * scale, height - cell.bottom * scale, cell.right * scale, height - cell.top * scale]),
      ...(thresholded ? { thresholded } : {}),
    };
  } finally {
    if (!at.workDir) await rm(workDir, { recursive: true, force: true });
  }
}

/** A length in points as whole pixels at `dpi` (at least one). */
function pixels(points: number, dpi: number): number {
  return Math.max(1, Math.round((points * dpi) / POINTS_PER_INCH));
}

/** The page pass: the image straightened, its rulings found and erased, and tesseract's words of what is left. */
async function readPagePass(gray: GrayImage, dpi: number, workDir: string, timeoutMs: number, options: OcrOptions): Promise<{ rulings: PixelLine[]; cleaned: GrayImage; words: OcrWord[]; thresholded?: true }> {
  const image = straighten(gray, options.deskew ?? true);
  const px = (points: number) => pixels(points, dpi);
  const rulings = detectRulings(image, { minLength: px(options.shortestRuling ?? SHORTEST_RULING), longLength: px(60), maxThickness: px(4), maxGap: px(0.6) });
  const cleaned = eraseRulings(image, rulings);
  const cleanedPath = path.join(workDir, 'page.pgm');
  const pass = async (image: GrayImage, cpuSeconds?: number) => {
    await writeFile(cleanedPath, encodePgm(image));
    const args = [cleanedPath, 'stdout', '--dpi', String(dpi), '-l', options.languages ?? 'chi_sim+eng', '--psm', String(options.pageSegmentation ?? 11), 'tsv'];
    return parseTesseractTsv((await runTool('tesseract', args, timeoutMs, undefined, cpuSeconds)).stdout.toString('utf8'));
  };
  try {
    return { rulings, cleaned, words: await pass(cleaned, options.pagePassCpuSeconds ?? PAGE_PASS_CPU_SECONDS) };
  } catch (error) {
    if (!(error instanceof ToolOverBudget)) throw error;
    // Tesseract thresholds the grey page itself; on a page of little ink and much grain (a last page with
    // a date and a speckled scan) its threshold can fall inside the paper's grain, and every speck is a glyph
    // to recognise (minutes). Ink against paper at mid-grey leaves the grain out; the page is read so.
    return { rulings, cleaned, words: await pass(atMidGrey(cleaned)), thresholded: true };
  }
}

/**
 * CPU seconds a page pass may take before the page is read again in black and white: a page of a dense
 * table takes about 5 s at 300 dpi, a grainy page tesseract takes specks on more than a hundred.
 */
export const PAGE_PASS_CPU_SECONDS = 40;

function atMidGrey(image: GrayImage): GrayImage {
  const level = Math.round(paperShade(image) / 2);
  return { ...image, pixels: image.pixels.map((v) => (v < level ? 0 : 255)) };
}

/**
 * How far a page the page pass read as scraps must be turned: tesseract's orientation detection when it is
 * sure; else, on a page with words enough to be more than dust (a table page gives OSD little running text),
 * the quarter turn whose page pass reads surely — either way, when one does. 0: read the page as it lies.
 */
async function uprightTurns(gray: GrayImage, asItLies: OcrWord[], dpi: number, workDir: string, timeoutMs: number, options: OcrOptions): Promise<QuarterTurns> {
  const { turns } = await detectOrientation(gray, dpi, workDir, timeoutMs);
  if (turns || asItLies.length < MIN_WORDS_TO_TRY_TURNS) return turns;
  let best: { turns: QuarterTurns; share: number } = { turns: 0, share: sureShare(asItLies) };
  for (const quarter of [1, 3] as const) {
    const share = sureShare((await readPagePass(turnImage(gray, quarter), dpi, workDir, timeoutMs, options)).words);
    if (share >= MIN_SURE_WORD_SHARE && share > best.share) best = { turns: quarter, share };
  }
  return best.turns;
}

/** Fewer words than this on a page read as scraps is dust or a blank page, not a turned page of text. */
const MIN_WORDS_TO_TRY_TURNS = 10;

/**
 * Below this share of words read at confidence 80 or more, the page pass found scraps, not text: upright
 * report pages give 0.7–0.9 (numbers and CJK alike), a page lying turned 0.1–0.2.
 */
const MIN_SURE_WORD_SHARE = 0.4;
const SURE_WORD_CONFIDENCE = 80;

function sureShare(words: OcrWord[]): number {
  return words.length ? words.filter((word) => word.confidence >= SURE_WORD_CONFIDENCE).length / words.length : 0;
}

function mostlyUnsure(words: OcrWord[]): boolean {
  return sureShare(words) < MIN_SURE_WORD_SHARE;
}

/** Rulings and rows are found along pixel rows and columns, so a scan skewed by even half a degree must be levelled. */
function straighten(image: GrayImage, enabled: boolean): GrayImage {
  if (!enabled) return image;
  const skew = estimateSkew(image, inkThreshold(image));
  return Math.abs(skew) >= 0.1 ? rotate(image, skew, paperShade(image)) : image;
}

/**
 * OCRs pages of a PDF held in memory (what a reader gets): the bytes are written to a private temp
 * file once, the pages are read one after another (tesseract is CPU-bound; the caller decides any
 * parallelism across documents), and the file is removed whatever happens.
 */
export async function ocrPdfBytes(bytes: Uint8Array, pages: number[], options: OcrOptions = {}): Promise<PageContent[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-ocr-src-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, bytes);
    const results: PageContent[] = [];
    for (const page of pages) results.push(await ocrPdfPage(file, page, options));
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pageSize(pdfPath: string, page: number, timeoutMs: number): Promise<{ width: number; height: number }> {
  if (!Number.isInteger(page) || page < 1) throw new UnreadableDocumentError('ocr-bad-page', `no page ${page}`);
  // pdfinfo fails outright on a page range past the end, so the page count is asked for first.
  const info = (await runTool('pdfinfo', [pdfPath], timeoutMs, 4 << 20)).stdout.toString('utf8');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  if (page > pages) throw new UnreadableDocumentError('ocr-bad-page', `the PDF has ${pages} pages, no page ${page}`);
  const { stdout } = await runTool('pdfinfo', ['-f', String(page), '-l', String(page), pdfPath], timeoutMs, 4 << 20);
  const size = new RegExp(`^Page\\s+${page}\\s+size:\\s+([\\d.]+)\\s+x\\s+([\\d.]+)`, 'm').exec(stdout.toString('utf8'));
  if (!size) throw new UnreadableDocumentError('ocr-failed', `pdfinfo gave no size for page ${page}`);
  // pdftoppm renders the page as displayed, so a page turned a quarter is as wide as it is tall unturned.
  const rotation = Number(new RegExp(`^Page\\s+${page}\\s+rot:\\s+(-?\\d+)`, 'm').exec(stdout.toString('utf8'))?.[1] ?? 0);
  const quarterTurned = Math.abs(rotation) % 180 === 90;
  const [width, height] = [Number(size[1]), Number(size[2])];
  return quarterTurned ? { width: height, height: width } : { width, height };
}

async function renderGray(pdfPath: string, page: number, dpi: number, workDir: string, timeoutMs: number): Promise<GrayImage> {
  const base = path.join(workDir, 'render');
  await runTool('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdfPath, base], timeoutMs);
  try {
    return parsePgm(await readFile(`${base}.pgm`));
  } catch (error) {
    throw new UnreadableDocumentError('ocr-failed', `could not read the rendered page: ${(error as Error).message}`);
  }
}

/**
 * Is there a vertical ruling between two words of one row? Between the middles of the two boxes, not only
 * in the gap: a box may reach a few pixels over the ruling it stands against (the grey fringe an erased
 * ruling leaves beside a glyph: 单位's box ending 2.5 px past the ruling before 2011年度 joined them into
 * 单位2011, and the statistics table's unit heading was lost).
 */
export function rulingBetween(rulings: PixelLine[], left: OcrWord, right: OcrWord): boolean {
  const from = Math.min(left.left + left.width - 2, left.left + left.width / 2);
  const to = Math.max(right.left + 2, right.left + right.width / 2);
  const top = Math.max(left.top, right.top);
  const bottom = Math.min(left.top + left.height, right.top + right.height);
  return rulings.some((line) => line.orientation === 'vertical' && line.at >= from && line.at <= to && line.from <= bottom && line.to >= top);
}

/** Table borders that survive erasing come back as strings of | and _; they are not text. */
function toPositionedText(word: OcrWord, page: number, scale: number, pageHeight: number): PositionedText {
  return {
    text: fixCjkBrackets(word.text),
    page,
    x: word.left * scale,
    // The bottom of the word box stands in for the baseline: digits and Chinese have no descenders.
    y: pageHeight - (word.top + word.height) * scale,
    width: word.width * scale,
    height: word.height * scale,
    origin: 'ocr',
    confidence: word.confidence,
  };
}

function toRulingLine(line: PixelLine, page: number, scale: number, pageHeight: number): RulingLine {
  if (line.orientation === 'horizontal') {
    const y = pageHeight - (line.at + 0.5) * scale;
    return { page, x0: line.from * scale, y0: y, x1: (line.to + 1) * scale, y1: y };
  }
  const x = (line.at + 0.5) * scale;
  return { page, x0: x, y0: pageHeight - (line.to + 1) * scale, x1: x, y1: pageHeight - line.from * scale };
}
