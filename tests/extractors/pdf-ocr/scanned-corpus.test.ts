import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PageContent, PositionedText, RulingLine } from '../../../extractors/pdf/items.js';
import { ocrAvailable, ocrPdfPage } from '../../../extractors/pdf/ocr.js';
import { mapAtOnce } from '../../../extractors/pdf/ocr/at-once.js';
import { DEFAULT_LIMITS } from '../../../extractors/limits.js';
import { makeScannedPdf } from '../../helpers/scanned-pdf.js';
import { readTextLayer, type TextLayerItem } from './text-layer.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

/** The corpus PDFs, scanned in the test, and the pages that carry the statistics tables. */
const DOCUMENTS = [
  { id: 'pingtan-2023-pdf', pdf: 'rendered/pingtan-2023-pdf.pdf', truth: 'rendered/pingtan-2023-pdf.truth.json', pages: [1, 2, 3, 4] },
  { id: 'hongze-2023', pdf: 'real/hongze-2023.pdf', truth: 'real/hongze-2023.truth.json', pages: [2, 3, 4] },
];

const REQUEST_COLUMNS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'];
const APPEAL_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'];
const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const NUMBER = /^\d+(\.\d+)?$/;

interface Scanned {
  id: string;
  truth: Record<string, number | null>;
  original: TextLayerItem[];
  pages: PageContent[];
}

const available = await ocrAvailable();
const scanned: Scanned[] = [];
let workDir = '';

describe.skipIf(!available)('OCR of scanned copies of the corpus PDFs', () => {
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-ocr-test-'));
    for (const document of DOCUMENTS) {
      const source = path.join(CORPUS, document.pdf);
      const copy = path.join(workDir, `${document.id}.pdf`);
      await makeScannedPdf(source, copy, { dpi: 200 });
      // Pages side by side, as the PDF reader reads a scan. How long OCR takes per page is the bench's business (npm run bench), not a test's.
      const pages = await mapAtOnce(document.pages, DEFAULT_LIMITS.maxOcrPagesAtOnce, (page) => ocrPdfPage(copy, page));
      const truth = JSON.parse(await readFile(path.join(CORPUS, document.truth), 'utf8')).cells;
      scanned.push({ id: document.id, truth, original: await readTextLayer(source), pages });
    }
  }, 900_000);

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  test('the scanned copies have no text layer, so everything found is OCR', () => {
    for (const document of scanned) {
      expect(document.pages.flatMap((page) => page.items).every((item) => item.origin === 'ocr')).toBe(true);
    }
  });

  test('every row of the requests table is read as its seven numbers, left to right, in the order of the template', () => {
    for (const document of scanned) {
      const expected = Object.keys(document.truth)
        .filter((key) => key.startsWith('requests.') && key.endsWith('.natural_person'))
        .map((key) => key.split('.')[1])
        .map((row) => REQUEST_COLUMNS.map((column) => String(document.truth[`requests.${row}.${column}`])));
      const read = numberLines(document.pages).filter((line) => line.length === REQUEST_COLUMNS.length);
      expect(read.map((line) => line.map((item) => item.text)), document.id).toEqual(expected);
    }
  });

  test('the appeals row is read as its fifteen numbers in order', () => {
    for (const document of scanned) {
      const expected = APPEAL_GROUPS.flatMap((group) => APPEAL_COLUMNS.map((column) => String(document.truth[`appeals.${group}.${column}`])));
      const read = numberLines(document.pages).filter((line) => line.length === expected.length);
      expect(read.map((line) => line.map((item) => item.text)), document.id).toEqual([expected]);
    }
  });

  test('every non-zero figure of the proactive-disclosure tables is read exactly', () => {
    for (const document of scanned) {
      const texts = new Set(document.pages.flatMap((page) => page.items).map((item) => item.text));
      const figures = Object.entries(document.truth)
        .filter(([key, value]) => key.startsWith('proactive.') && typeof value === 'number' && value !== 0)
        .map(([, value]) => String(value));
      expect(figures.filter((figure) => !texts.has(figure)), document.id).toEqual([]);
    }
  });

  test('each table number is read exactly, within 3 points of where the original draws it', () => {
    let total = 0;
    let exact = 0;
    const misses: string[] = [];
    for (const document of scanned) {
      for (const page of document.pages) {
        const originals = document.original.filter((item) => item.page === page.page && NUMBER.test(item.text) && insideRuledCell(item, page.lines));
        for (const original of originals) {
          total++;
          const centre = original.x + original.width / 2;
          const match = page.items.find((item) => item.text === original.text && Math.abs(item.x + item.width / 2 - centre) <= 3 && Math.abs(item.y - original.y) <= 3);
          if (match) exact++;
          else misses.push(`${document.id} p${page.page} ${original.text} at (${original.x.toFixed(0)}, ${original.y.toFixed(0)})`);
        }
      }
    }
    console.log(`OCR table numbers read exactly at their place: ${exact}/${total} (${((100 * exact) / total).toFixed(2)}%)`);
    expect(total).toBeGreaterThan(300);
    expect(misses).toEqual([]);
  });

  test('the detected rulings form a grid that puts every table number in a cell of its own', () => {
    for (const document of scanned) {
      for (const page of document.pages) {
        const horizontal = page.lines.filter((line) => line.y0 === line.y1);
        const vertical = page.lines.filter((line) => line.x0 === line.x1);
        expect(horizontal.length, `${document.id} p${page.page}`).toBeGreaterThanOrEqual(3);
        expect(horizontal.length).toBeLessThan(60);
        expect(vertical.length).toBeGreaterThanOrEqual(5);
        expect(vertical.length).toBeLessThan(60);
        for (const line of page.lines) {
          expect(Math.min(line.x0, line.x1)).toBeGreaterThanOrEqual(0);
          expect(Math.max(line.x0, line.x1)).toBeLessThanOrEqual(page.width);
          expect(Math.min(line.y0, line.y1)).toBeGreaterThanOrEqual(0);
          expect(Math.max(line.y0, line.y1)).toBeLessThanOrEqual(page.height);
        }
      }
      // Neighbouring numbers of one row are split by a vertical ruling, neighbouring rows by a horizontal one.
      for (const line of numberLines(document.pages).filter((numbers) => numbers.length === REQUEST_COLUMNS.length)) {
        const page = document.pages.find((content) => content.page === line[0].page)!;
        for (let i = 1; i < line.length; i++) {
          const between = page.lines.some(
            (ruling) =>
              ruling.x0 === ruling.x1 &&
              ruling.x0 > line[i - 1].x + line[i - 1].width &&
              ruling.x0 < line[i].x &&
              ruling.y0 < line[i].y &&
              ruling.y1 > line[i].y + line[i].height,
          );
          expect(between, `${document.id} p${page.page} between ${line[i - 1].text} and ${line[i].text} at y ${line[i].y.toFixed(0)}`).toBe(true);
        }
      }
    }
  });

  test('no detected ruling runs through the text of the original: glyph strokes are not taken for table borders', () => {
    for (const document of scanned) {
      for (const page of document.pages) {
        for (const original of document.original.filter((item) => item.page === page.page && item.width > 0)) {
          // The glyph body, shrunk a little so a ruling grazing the box edge does not count.
          const [left, right, bottom, top] = [original.x + 1, original.x + original.width - 1, original.y, original.y + original.height * 0.7];
          const crossing = page.lines.filter((line) =>
            line.y0 === line.y1
              ? line.y0 > bottom && line.y0 < top && line.x0 < right && line.x1 > left
              : line.x0 > left && line.x0 < right && line.y0 < top && line.y1 > bottom,
          );
          expect(crossing, `${document.id} p${page.page} "${original.text}"`).toEqual([]);
        }
      }
    }
  });

  test('the numbers read are trusted: each table number is confirmed by at least two independent reads', () => {
    let flagged = 0;
    let total = 0;
    for (const document of scanned) {
      for (const line of numberLines(document.pages).filter((numbers) => numbers.length >= REQUEST_COLUMNS.length)) {
        total += line.length;
        flagged += line.filter((item) => (item.confidence ?? 0) < 80).length;
      }
    }
    console.log(`OCR table numbers flagged with low confidence: ${flagged}/${total}`);
    expect(flagged).toBeLessThanOrEqual(total * 0.02);
  });

  test('Chinese labels come back as joined runs, not one item per character', () => {
    const pingtan = scanned.find((document) => document.id === 'pingtan-2023-pdf')!;
    const texts = pingtan.pages.flatMap((page) => page.items).map((item) => item.text);
    expect(texts.some((text) => text.includes('本年新收政府信息公开申请数量'))).toBe(true);
    expect(texts.some((text) => text.includes('行政许可'))).toBe(true);
    expect(texts.filter((text) => /^[\u4e00-\u9fff]$/u.test(text)).length).toBeLessThan(texts.length * 0.1);
  });
});

const SKEWED = [
  { id: 'hongze-2023', pdf: 'real/hongze-2023.pdf', truth: 'real/hongze-2023.truth.json', pages: [3, 4], skewDegrees: 0.8 },
  { id: 'pingtan-2023-pdf', pdf: 'rendered/pingtan-2023-pdf.pdf', truth: 'rendered/pingtan-2023-pdf.truth.json', pages: [2, 3], skewDegrees: -0.6 },
];

describe.skipIf(!available)('OCR of skewed scans', () => {
  const skewed: { id: string; truth: Record<string, number | null>; pages: PageContent[] }[] = [];
  let skewDir = '';

  beforeAll(async () => {
    skewDir = await mkdtemp(path.join(tmpdir(), 'nianbao-ocr-skew-test-'));
    for (const document of SKEWED) {
      const copy = path.join(skewDir, `${document.id}.pdf`);
      await makeScannedPdf(path.join(CORPUS, document.pdf), copy, { dpi: 200, skewDegrees: document.skewDegrees });
      const pages: PageContent[] = [];
      for (const page of document.pages) pages.push(await ocrPdfPage(copy, page));
      const truth = JSON.parse(await readFile(path.join(CORPUS, document.truth), 'utf8')).cells;
      skewed.push({ id: document.id, truth, pages });
    }
  }, 900_000);

  afterAll(async () => {
    if (skewDir) await rm(skewDir, { recursive: true, force: true });
  });

  test('a page fed askew by up to 0.8 degrees is straightened and its requests table read row by row', () => {
    for (const document of skewed) {
      const expected = Object.keys(document.truth)
        .filter((key) => key.startsWith('requests.') && key.endsWith('.natural_person'))
        .map((key) => key.split('.')[1])
        .map((row) => REQUEST_COLUMNS.map((column) => String(document.truth[`requests.${row}.${column}`])));
      const read = numberLines(document.pages).filter((line) => line.length === REQUEST_COLUMNS.length);
      expect(read.map((line) => line.map((item) => item.text)), document.id).toEqual(expected);
    }
  });
});

describe.skipIf(!available)('OCR of a page stored turned, with /Rotate 90', () => {
  test('positions are given on the page as displayed, where the original has its numbers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-ocr-rotate-test-'));
    try {
      const source = path.join(CORPUS, 'real/hongze-2023.pdf');
      const copy = path.join(dir, 'turned.pdf');
      await makeScannedPdf(source, copy, { dpi: 200, rotate90: true });
      const page = await ocrPdfPage(copy, 3);
      expect(page).toMatchObject({ width: 595, height: 842 });
      const originals = (await readTextLayer(source)).filter((item) => item.page === 3 && NUMBER.test(item.text) && insideRuledCell(item, page.lines));
      expect(originals.length).toBeGreaterThan(80);
      const misplaced = originals.filter(
        (original) =>
          !page.items.some(
            (item) => item.text === original.text && Math.abs(item.x + item.width / 2 - (original.x + original.width / 2)) <= 3 && Math.abs(item.y - original.y) <= 3,
          ),
      );
      expect(misplaced).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe.skipIf(!available)('OCR of a coarse scan (150 dpi, JPEG quality 50)', () => {
  test('at least 99% of the table numbers are read exactly in place, and every one that is not is flagged by low confidence', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-ocr-coarse-test-'));
    try {
      const source = path.join(CORPUS, 'real/hongze-2023.pdf');
      const copy = path.join(dir, 'coarse.pdf');
      await makeScannedPdf(source, copy, { dpi: 150, quality: 50 });
      const layer = await readTextLayer(source);
      let total = 0;
      let exact = 0;
      const unflagged: string[] = [];
      for (const pageNumber of [3, 4]) {
        const page = await ocrPdfPage(copy, pageNumber);
        for (const original of layer.filter((item) => item.page === pageNumber && NUMBER.test(item.text) && insideRuledCell(item, page.lines))) {
          total++;
          const near = page.items.filter((item) => Math.abs(item.x + item.width / 2 - (original.x + original.width / 2)) <= 3 && Math.abs(item.y - original.y) <= 3);
          if (near.some((item) => item.text === original.text)) exact++;
          else if (near.some((item) => (item.confidence ?? 0) >= 80)) unflagged.push(`p${pageNumber} ${original.text} read as ${near.map((item) => item.text).join(' ')}`);
        }
      }
      console.log(`coarse scan: ${exact}/${total} table numbers exact`);
      expect(total).toBeGreaterThan(150);
      expect(exact / total).toBeGreaterThanOrEqual(0.99);
      expect(unflagged).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

/**
 * The numeric OCR items of the table pages grouped into visual lines (same baseline within 4 points),
 * left to right, in reading order across pages.
 */
function numberLines(pages: PageContent[]): PositionedText[][] {
  const lines: PositionedText[][] = [];
  for (const page of pages) {
    // The item number of a label (the 1 of 1.属于国家秘密) read apart from its text is not a table figure.
    const labelNumber = (item: PositionedText) =>
      page.items.some((other) => /[\u4e00-\u9fff]/u.test(other.text) && Math.abs(other.y - item.y) <= 4 && other.x > item.x && other.x - (item.x + item.width) < 12);
    const numbers = page.items.filter((item) => NUMBER.test(item.text) && !labelNumber(item)).sort((a, b) => b.y - a.y);
    const pageLines: PositionedText[][] = [];
    for (const item of numbers) {
      const line = pageLines.find((candidate) => Math.abs(candidate[0].y - item.y) <= 4);
      if (line) line.push(item);
      else pageLines.push([item]);
    }
    lines.push(...pageLines.map((line) => line.sort((a, b) => a.x - b.x)));
  }
  return lines;
}

/** A text-layer item is a table number when rulings enclose it on all four sides. */
function insideRuledCell(item: TextLayerItem, lines: RulingLine[]): boolean {
  const x = item.x + item.width / 2;
  const y = item.y + item.height * 0.35;
  const vertical = lines.filter((line) => line.x0 === line.x1 && line.y0 < y && line.y1 > y);
  const horizontal = lines.filter((line) => line.y0 === line.y1 && line.x0 < x && line.x1 > x);
  return vertical.some((line) => line.x0 < x) && vertical.some((line) => line.x0 > x) && horizontal.some((line) => line.y0 < y) && horizontal.some((line) => line.y0 > y);
}
