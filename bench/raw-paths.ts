/**
 * The raw path reader (extractors/pdf/raw) against pdf.js's getOperatorList: on every page of the
 * given PDFs, the rulings extractRulings finds in either operator list must be the same; then the
 * time each takes per document (warm, median of several runs). A measurement, not a test (the test
 * tests/extractors/pdf/raw/equivalence.test.ts uses compareDocument).
 *
 *   npm run build && node dist/bench/raw-paths.js [--runs 7] [file.pdf …]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { loadPdfJs, openPdf, type PdfPage } from '../extractors/pdf/pdfjs.js';
import { openRawPdf } from '../extractors/pdf/raw/index.js';
import { extractRulings, type OpIds, type PageRulings } from '../extractors/pdf/rulings.js';
import { displayMap as mapPointOf, opIds as opIdsOf } from '../extractors/pdf/page.js';

/** As extractors/pdf/page.ts. */
const MAX_SEGMENTS_PER_PAGE = 20_000;
const TOLERANCE = 1e-3;

/** As the PDF reader builds them (extractors/pdf/page.ts). */
export { opIdsOf, mapPointOf };

export interface PageComparison {
  page: number;
  /** undefined when the two agree. */
  difference?: string;
  segments: number;
  hasImages: boolean;
}

export interface DocumentComparison {
  /** Why the raw reader did not read the document or a page (pdf.js would be used); undefined if it did. */
  fallback?: string;
  pages: PageComparison[];
}

export async function compareDocument(bytes: Uint8Array): Promise<DocumentComparison> {
  const pdfjs = await loadPdfJs();
  const ids = opIdsOf(pdfjs.OPS);
  const doc = await openPdf(bytes);
  try {
    const raw = openRawPdf(bytes);
    if (!raw) return { fallback: 'openRawPdf gave undefined', pages: [] };
    if (raw.pageCount !== doc.numPages) return { fallback: `page count ${raw.pageCount} vs pdf.js ${doc.numPages}`, pages: [] };
    const pages: PageComparison[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const mapPoint = mapPointOf(page);
      const reference = extractRulings((await page.getOperatorList()) as unknown as { fnArray: number[]; argsArray: unknown[][] }, ids, mapPoint, MAX_SEGMENTS_PER_PAGE);
      let ours: PageRulings;
      try {
        ours = extractRulings(raw.operatorList(p - 1, ids), ids, mapPoint, MAX_SEGMENTS_PER_PAGE);
      } catch (error) {
        return { fallback: `page ${p}: ${(error as Error).message}`, pages };
      }
      pages.push({
        page: p,
        difference: differenceOf(reference, ours),
        segments: reference.horizontal.length + reference.vertical.length,
        hasImages: reference.hasImages,
      });
    }
    return { pages };
  } finally {
    await doc.destroy();
  }
}

/** How two rulings differ, or undefined (coordinates within 1e-3, same order, same hasImages, image boxes, text shows by render mode and filled curves). */
export function differenceOf(a: PageRulings, b: PageRulings): string | undefined {
  if (a.hasImages !== b.hasImages) return `hasImages ${a.hasImages} vs ${b.hasImages}`;
  // Whether a page's text is painted decides whether it is read as a scan with someone's OCR text.
  const [ta, tb] = [a.textShows ?? { visible: 0, invisible: 0 }, b.textShows ?? { visible: 0, invisible: 0 }];
  if (ta.visible !== tb.visible || ta.invisible !== tb.invisible) return `text shown ${JSON.stringify(ta)} vs ${JSON.stringify(tb)}`;
  // Whether a page with no text drew its glyphs as outlines decides whether it is read by OCR.
  if ((a.filledCurves ?? 0) !== (b.filledCurves ?? 0)) return `filled curves ${a.filledCurves ?? 0} vs ${b.filledCurves ?? 0}`;
  const close = (x: number, y: number): boolean => Math.abs(x - y) <= TOLERANCE;
  if (a.horizontal.length !== b.horizontal.length) return `${a.horizontal.length} vs ${b.horizontal.length} horizontal`;
  if (a.vertical.length !== b.vertical.length) return `${a.vertical.length} vs ${b.vertical.length} vertical`;
  for (let k = 0; k < a.horizontal.length; k++) {
    const [p, q] = [a.horizontal[k], b.horizontal[k]];
    if (!close(p.y, q.y) || !close(p.x0, q.x0) || !close(p.x1, q.x1)) return `horizontal ${k}: ${JSON.stringify(p)} vs ${JSON.stringify(q)}`;
  }
  for (let k = 0; k < a.vertical.length; k++) {
    const [p, q] = [a.vertical[k], b.vertical[k]];
    if (!close(p.x, q.x) || !close(p.y0, q.y0) || !close(p.y1, q.y1)) return `vertical ${k}: ${JSON.stringify(p)} vs ${JSON.stringify(q)}`;
  }
  // Where images are painted decides which are read as table pictures: both readers must agree.
  const [ia, ib] = [a.images ?? [], b.images ?? []];
  if (ia.length !== ib.length) return `${ia.length} vs ${ib.length} images`;
  for (let k = 0; k < ia.length; k++) {
    const [p, q] = [ia[k], ib[k]];
    if (!close(p.x0, q.x0) || !close(p.y0, q.y0) || !close(p.x1, q.x1) || !close(p.y1, q.y1)) return `image ${k}: ${JSON.stringify(p)} vs ${JSON.stringify(q)}`;
  }
  return undefined;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timePdfJs(bytes: Uint8Array, runs: number): Promise<number> {
  const doc = await openPdf(bytes);
  try {
    const times: number[] = [];
    for (let r = 0; r <= runs; r++) {
      // Fresh pages each run: pdf.js caches a page's operator list per intent.
      const pages: PdfPage[] = [];
      for (let p = 1; p <= doc.numPages; p++) pages.push(await doc.getPage(p));
      const started = performance.now();
      for (const page of pages) await page.getOperatorList();
      if (r > 0) times.push(performance.now() - started);
      for (const page of pages) page.cleanup();
    }
    return median(times);
  } finally {
    await doc.destroy();
  }
}

function timeRaw(bytes: Uint8Array, ids: OpIds, runs: number): number {
  const times: number[] = [];
  for (let r = 0; r <= runs; r++) {
    const started = performance.now();
    const raw = openRawPdf(bytes);
    if (!raw) throw new Error('raw reader refused the file');
    for (let p = 0; p < raw.pageCount; p++) raw.operatorList(p, ids);
    if (r > 0) times.push(performance.now() - started);
  }
  return median(times);
}

async function main(argv: string[]): Promise<void> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 7;
  const files = argv.filter((a, k) => a.endsWith('.pdf') && argv[k - 1] !== '--runs');
  const targets = files.length > 0 ? files : await fg(['../shared/corpus/**/*.pdf', 'tests/fixtures/pdf/*.pdf', 'samples/*.pdf'], { absolute: true });
  const ids = opIdsOf((await loadPdfJs()).OPS);
  for (const file of targets.sort()) {
    const bytes = new Uint8Array(await readFile(file));
    let comparison: DocumentComparison;
    try {
      comparison = await compareDocument(bytes);
    } catch (error) {
      const started = performance.now();
      const raw = openRawPdf(bytes);
      const ms = (performance.now() - started).toFixed(1);
      console.log(`${path.relative(process.cwd(), file)}: pdf.js fails (${(error as Error).message}); raw reader ${raw ? `opens ${raw.pageCount} pages` : 'refuses'} in ${ms} ms`);
      continue;
    }
    const differing = comparison.pages.filter((p) => p.difference);
    const verdict = comparison.fallback ? `falls back: ${comparison.fallback}` : differing.length === 0 ? 'same rulings' : `${differing.length} page(s) differ`;
    let timing = '';
    if (!comparison.fallback) {
      const pdfjsMs = await timePdfJs(bytes, runs);
      const rawMs = timeRaw(bytes, ids, runs);
      timing = `  pdf.js getOperatorList ${pdfjsMs.toFixed(1)} ms, raw ${rawMs.toFixed(2)} ms (×${(pdfjsMs / rawMs).toFixed(0)})`;
    }
    console.log(`${path.relative(process.cwd(), file)}: ${comparison.pages.length} pages, ${verdict}${timing}`);
    for (const p of differing) console.log(`  page ${p.page}: ${p.difference}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
