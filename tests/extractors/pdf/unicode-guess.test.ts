/**
 * Fonts embedded without a ToUnicode map (older Word and WPS exports, print drivers, subsetters):
 * pdf.js still gives every code some character — from glyph names when the PDF or the font program
 * has real ones, else a guess (a symbolic font read as MacRoman, the code itself). A guessed page
 * read as text gave symbol soup (a report "not a report"), a title year in a Latin font lost (the
 * agency read as "年上海市…"), or — for codes that happen to be digits — other digits, given as
 * certain. Such a page is read by OCR like a scan; without OCR it gives no text at all.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../extractors/model.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { readPdf } from '../../../extractors/pdf/index.js';
import { recordFromDocument } from '../../../src/pipeline.js';
import { pdfWithoutToUnicode, type UnmappedFonts } from '../../../tools/variety/render/no-tounicode.js';
import { loadFixtures } from './helpers.js';
import { corpusType1, type3Pdf } from './font-pdfs.js';
import { embeddedFontPdf } from './minimal-pdf.js';

const require = createRequire(import.meta.url);
const standardFont = (name: string): Buffer => readFileSync(require.resolve(`pdfjs-dist/standard_fonts/${name}`));

const withoutOcr = (bytes: Buffer): Promise<DocumentModel> => readPdf(bytes, { pageTextSource: async () => undefined });
const guessedPages = (doc: DocumentModel): string[] =>
  doc.messages.filter((m) => m.code === 'no-text-layer' && m.message.includes('text in fonts without a Unicode map')).map((m) => m.message);
const textOf = (doc: DocumentModel): string => JSON.stringify(doc.blocks);

const DIGIT_NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const LINE = ['Requests 2024: 1204'];

describe('a font whose codes are digits but whose glyph names say nothing (Type3, no ToUnicode map)', () => {
  it('is not read as those digits: the page is reported, and without OCR gives no text', async () => {
    // Code 0x32 ("2") names a glyph n50: pdf.js would give "2" whatever the glyph draws.
    const doc = await withoutOcr(type3Pdf(LINE, (code) => `n${code}`));
    expect(guessedPages(doc)).toEqual([
      'page 1: no text layer (text in fonts without a Unicode map: 17 characters; no ToUnicode map, and 95 of 95 codes named by no known glyph name)',
    ]);
    expect(textOf(doc)).not.toMatch(/\d/);
  });

  it('with real glyph names (zero, uni0031) stays text, read exactly', async () => {
    const named = (code: number): string => (code >= 48 && code <= 57 ? (code % 2 ? `uni${code.toString(16).toUpperCase().padStart(4, '0')}` : DIGIT_NAMES[code - 48]) : code === 32 ? 'space' : code === 58 ? 'colon' : `uni${code.toString(16).toUpperCase().padStart(4, '0')}`);
    const doc = await withoutOcr(type3Pdf(LINE, named));
    expect(guessedPages(doc)).toEqual([]);
    expect(textOf(doc)).toContain('1204');
  });
});

describe('an embedded TrueType font without a ToUnicode map', () => {
  const liberation = standardFont('LiberationSans-Regular.ttf');
  const LINES = ['Annual report 2023: 1,204 requests'];

  it.each([
    ['non-symbolic, WinAnsiEncoding', 32, 'WinAnsiEncoding'],
    ['symbolic, WinAnsiEncoding (digits set in a Latin font by a word processor)', 4, 'WinAnsiEncoding'],
    ['non-symbolic, no encoding (the standard Latin set)', 32, undefined],
  ])('%s: its encoding names every glyph, so it stays text', async (_name, flags, encoding) => {
    const doc = await withoutOcr(embeddedFontPdf({ kind: 'TrueType', program: liberation, flags, encoding }, LINES));
    expect(guessedPages(doc)).toEqual([]);
    expect(textOf(doc)).toContain('1,204');
  });

  it('symbolic with no encoding: its codes select glyphs by the font program alone, so its text is a guess', async () => {
    const doc = await withoutOcr(embeddedFontPdf({ kind: 'TrueType', program: liberation, flags: 4 }, LINES));
    expect(guessedPages(doc)).toEqual(['page 1: no text layer (text in fonts without a Unicode map: 30 characters; no ToUnicode map, and a symbolic font with no encoding)']);
    expect(textOf(doc)).not.toMatch(/\d/);
  });
});

describe('an embedded Type1 font without a ToUnicode map or an encoding in the PDF', () => {
  // LibreOffice's CJK subsets name their glyphs cid16869, …: the program's own encoding holds, and
  // those names say nothing. Flagged nonsymbolic, pdf.js reads its codes as StandardEncoding: the
  // codes of "2023" come out as 2023 whatever the glyphs are.
  it('whose program names its glyphs cid123 is a guess, even when flagged nonsymbolic', async () => {
    const font = { kind: 'Type1' as const, flags: 32, ...corpusType1(), widths: { first: 0, values: Array.from({ length: 256 }, () => 500) } };
    const doc = await withoutOcr(embeddedFontPdf(font, ['Annual report 2023']));
    expect(guessedPages(doc)).toEqual([expect.stringMatching(/^page 1: no text layer \(text in fonts without a Unicode map: 16 characters; no ToUnicode map, and (\d+) of \1 codes named by no known glyph name\)$/)]);
    expect(textOf(doc)).not.toMatch(/\d/);
  });
});

const ocr = await ocrAvailable();

describe('a LibreOffice report PDF with ToUnicode maps taken out by qpdf', () => {
  const fixture = loadFixtures().find((f) => f.fixture === 'split-repeated-header.pdf')!;
  let dir = '';
  const made = new Map<UnmappedFonts, Buffer>();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-no-tounicode-'));
    for (const fonts of ['all', 'latin'] as const) {
      const target = path.join(dir, `${fonts}.pdf`);
      await pdfWithoutToUnicode(fixture.path, target, fonts);
      made.set(fonts, await readFile(target));
    }
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('every font: every page is reported (no text layer: fonts without a Unicode map), and no number is read', async () => {
    const doc = await withoutOcr(made.get('all')!);
    expect(guessedPages(doc).length).toBe(doc.meta.pageCount);
    const record = recordFromDocument(doc, 'all.pdf', made.get('all')!);
    expect(Object.values(record.cells).filter((v) => typeof v === 'number')).toEqual([]);
  });

  // The partial case: only the Latin fonts lose their maps, and the table's digits are set in one.
  it('only the Latin fonts (the digits): the pages showing them are reported, and no number comes from them', async () => {
    const doc = await withoutOcr(made.get('latin')!);
    expect(guessedPages(doc).length).toBeGreaterThan(0);
    const record = recordFromDocument(doc, 'latin.pdf', made.get('latin')!);
    const wrong = Object.entries(fixture.cells).filter(([k, v]) => typeof record.cells[k] === 'number' && record.cells[k] !== v);
    expect(wrong).toEqual([]);
  });

  it.skipIf(!ocr)('with OCR: the guessed pages are read by OCR, no wrong number without a doubt', async () => {
    for (const fonts of ['all', 'latin'] as const) {
      const bytes = made.get(fonts)!;
      const doc = await readPdf(bytes);
      expect(doc.messages.filter((m) => m.code === 'ocr-used').length).toBe(guessedPages(doc).length);
      const record = recordFromDocument(doc, `${fonts}.pdf`, bytes);
      // OCR may read the signature otherwise than the title (平漂 for 平潭): then the agency is left blank, never wrong.
      expect([fixture.agency, undefined]).toContain(record.agency);
      expect(record.year).toBe(fixture.year);
      const wrong = Object.entries(fixture.cells).filter(([k, v]) => typeof record.cells[k] === 'number' && record.cells[k] !== v);
      expect(wrong.filter(([k]) => !record.cell_details[k]?.doubt)).toEqual([]);
      const right = Object.entries(fixture.cells).filter(([k, v]) => record.cells[k] === v).length;
      expect(right / Object.keys(fixture.cells).length).toBeGreaterThanOrEqual(0.98);
      for (const f of record.findings.filter((f) => f.basis === 'printed')) {
        expect(f.cells.every((k) => !record.cell_details[k]?.doubt)).toBe(true);
      }
    }
  }, 900_000);
});
