/**
 * Every resource limit nianbao enforces, in one place, with the unit in each name (Bytes, Ms, Mb =
 * MiB, Pages, Cells, Entries, Pixels; a ratio and a depth are plain numbers). It sits in extractors/, the
 * lowest floor, so the readers and the run above them share it; the resolved limits reach every reader
 * through ReadOptions.limits.
 *
 * Readers check the format limits themselves (they know what a page or a cell is); the batch runner
 * enforces the process limits (time, memory) from outside, because a parser stuck in a loop cannot be
 * trusted to stop itself. A limit that trips yields a failed record with a clear reason, never a crash.
 */
import { z } from 'zod';

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS = {
  /** Any input file larger than this is refused before it is read into memory. */
  maxFileBytes: 100 * MiB,
  /** HTML pages are text: a real portal page is well under 1 MiB, so 20 MiB is already absurd. */
  maxHtmlBytes: 20 * MiB,
  /** Entries in a DOCX zip's central directory (a real report has ~10–40). */
  maxDocxZipEntries: 2_000,
  /** Sum of the declared uncompressed sizes of all DOCX zip entries. */
  maxDocxUncompressedBytes: 256 * MiB,
  /**
   * Uncompressed / compressed size, per entry (entries under 1 MiB uncompressed are exempt: tiny
   * XML parts compress very well and are harmless) and for the archive as a whole. Real DOCX XML
   * compresses 5–30×; a deflate bomb of zeros reaches ~1000×.
   */
  maxDocxCompressionRatio: 200,
  /**
   * XML an XLSX hands to the spreadsheet library (sheets, shared strings, styles, properties): a
   * report's workbook has well under 1 MiB, and the library holds several times the XML in objects.
   */
  maxXlsxXmlBytes: 32 * MiB,
  /** Pages a PDF may declare; annual reports run 5–40 pages. */
  maxPdfPages: 500,
  /** Cells over all tables of one document; the three template tables hold ~200. */
  maxTableCells: 50_000,
  /** Text files: a report is far smaller; beyond this it is not a report. */
  maxTxtBytes: 32 * MiB,
  /** Element nesting in HTML and DOCX XML: real pages nest a few dozen deep, a parser recursion bomb thousands. */
  maxMarkupDepth: 3_000,
  /** Text items over all pages of one PDF (a dense real page has ~2,000). */
  maxPdfTextItems: 400_000,
  /** Pixels of one page image rendered for OCR (a page at 300 dpi is ~8.7 million). */
  maxOcrPixels: 20_000_000,
  /**
   * Pages (or pictures) of one document read by OCR at once. A page spends about half its time in
   * tesseract, a child process, and half in the reader's own thread (straightening, rulings, cells,
   * votes), so one page at a time leaves a core idle (a seven-page scan: 142 s of CPU in 115 s); each
   * page in flight holds its bitmap (up to maxOcrPixels bytes, and copies), so more only cost memory.
   */
  maxOcrPagesAtOnce: 2,
  /** LibreOffice's conversion of one legacy .doc/.wps (a cold start plus the conversion takes a few seconds). */
  legacyConvertTimeoutMs: 60_000,
  /** Wall-clock time one document may take in a worker (reading, OCR, mapping, checks). */
  documentTimeoutMs: 120_000,
  /** Per worker process: the RSS at which it is killed (ArrayBuffers and native memory included). */
  workerMemoryMb: 512,
  /**
   * Per worker process: V8's heap limit (--max-old-space-size), a backstop behind workerMemoryMb.
   * Set well above the RSS cap on purpose: V8 treats a heap limit under 2 GiB as a small device and
   * collects the old generation three to four times as often (5 against 18 full collections over
   * 400 HTML reports, ~12% of the worker's CPU), while the RSS cap already bounds real memory.
   */
  workerHeapMb: 2048,
} as const;

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };

const positiveInt = z.number().int().positive();

/** Overrides from a config file or CLI flags: any subset, unknown keys are an error. */
export const LimitsOverrides = z
  .object({
    maxFileBytes: positiveInt,
    maxHtmlBytes: positiveInt,
    maxDocxZipEntries: positiveInt,
    maxDocxUncompressedBytes: positiveInt,
    maxDocxCompressionRatio: z.number().positive(),
    maxXlsxXmlBytes: positiveInt,
    maxPdfPages: positiveInt,
    maxTableCells: positiveInt,
    maxTxtBytes: positiveInt,
    maxMarkupDepth: positiveInt,
    maxPdfTextItems: positiveInt,
    maxOcrPixels: positiveInt,
    maxOcrPagesAtOnce: positiveInt,
    legacyConvertTimeoutMs: positiveInt,
    documentTimeoutMs: positiveInt,
    workerMemoryMb: positiveInt,
    workerHeapMb: positiveInt,
  })
  .partial()
  .strict();
export type LimitsOverrides = z.infer<typeof LimitsOverrides>;

/** The defaults with validated overrides applied; throws a ZodError naming the bad key. */
export function resolveLimits(overrides: unknown = {}): Limits {
  return { ...DEFAULT_LIMITS, ...LimitsOverrides.parse(overrides ?? {}) };
}
