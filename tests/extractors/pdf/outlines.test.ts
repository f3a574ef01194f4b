/**
 * A PDF whose text was converted to outlines (every glyph a filled path: ghostscript's -dNoOutputFonts,
 * "create outlines", some print drivers) has no text layer. Before, such a page looked blank, and a
 * report of them came out "not a report"; it is read by OCR like a scan.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocument } from '../../../bench/raw-paths.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { readPdf } from '../../../extractors/pdf/index.js';
import { assessPage } from '../../../extractors/pdf/quality.js';
import { recordFromDocument } from '../../../src/pipeline.js';
import { ghostscriptAvailable, outlinedPdf } from '../../../tools/variety/render/outlines.js';
import { loadFixtures } from './helpers.js';
import { scoreScan } from './scan-score.js';

describe('a page with no text layer', () => {
  const paint = (filledCurves: number) => ({ visible: 0, invisible: 0, imageShare: 0, filledCurves });

  it('drew its text as outlines when it fills thousands of curve segments: read by OCR', () => {
    const verdict = assessPage([], false, paint(5_000));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/^no text layer \(text drawn as outlines: 5000 filled curve segments\)/);
  });

  it('is blank when it fills a few curves (a seal, a logo, a chart) or none', () => {
    expect(assessPage([], false, paint(300))).toEqual({ ok: true });
    expect(assessPage([], false, paint(0))).toEqual({ ok: true });
    expect(assessPage([], false)).toEqual({ ok: true });
  });
});

const hasGhostscript = await ghostscriptAvailable();
const ocr = await ocrAvailable();

/** A PostScript page showing `lines` lines of Helvetica text. */
const psPage = (lines: string[]) => `/Helvetica findfont 14 scalefont setfont\n${lines.map((line, i) => `72 ${800 - 22 * i} moveto (${line}) show`).join('\n')}\nshowpage\n`;
const FULL_PAGE = psPage(Array.from({ length: 30 }, () => 'Applications received and processed by the bureau'));
/** One short line: under a hundred curve segments, far below a page of outlined text. */
const SHORT_PAGE = psPage(['Carried over 18']);

describe.skipIf(!hasGhostscript)('a short page of text drawn as outlines (a table\'s last rows carried onto a page of their own)', () => {
  let dir = '';
  const outlinedPages = async (name: string, pages: string[]): Promise<Buffer> => {
    await writeFile(path.join(dir, `${name}.ps`), `%!PS\n${pages.join('')}`);
    await outlinedPdf(path.join(dir, `${name}.ps`), path.join(dir, `${name}.pdf`));
    return readFile(path.join(dir, `${name}.pdf`));
  };
  const textless = async (bytes: Buffer) => (await readPdf(bytes, { pageTextSource: async () => undefined })).messages.filter((m) => m.code === 'no-text-layer').map((m) => m.message);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-short-outlines-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('after a page of outlined text: read by OCR too, not as a blank page', async () => {
    const messages = await textless(await outlinedPages('after', [FULL_PAGE, SHORT_PAGE]));
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatch(/^page 2: no text layer \(text drawn as outlines: \d+ filled curve segments, as on page 1\)$/);
  }, 120_000);

  it('before one, past a blank page: read by OCR too', async () => {
    const messages = await textless(await outlinedPages('before', [SHORT_PAGE, 'showpage\n', FULL_PAGE]));
    expect(messages.map((m) => m.slice(0, 7))).toEqual(['page 1:', 'page 3:']);
    expect(messages[0]).toMatch(/as on page 3\)$/);
  }, 120_000);

  it('alone in its document: a few curves are no evidence of text', async () => {
    expect(await textless(await outlinedPages('alone', [SHORT_PAGE]))).toEqual([]);
  }, 120_000);
});

describe.skipIf(!hasGhostscript)('a fixture with its text converted to outlines by ghostscript', () => {
  const fixture = loadFixtures().find((f) => f.fixture === 'split-repeated-header.pdf')!;
  let dir = '';
  let bytes: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-outlines-'));
    const target = path.join(dir, 'outlined.pdf');
    await outlinedPdf(fixture.path, target);
    bytes = await readFile(target);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has no text, and both path readers count the same filled curves on every page', async () => {
    const comparison = await compareDocument(new Uint8Array(bytes));
    expect(comparison.fallback).toBeUndefined();
    expect(comparison.pages.filter((p) => p.difference).map((p) => `page ${p.page}: ${p.difference}`)).toEqual([]);
  });

  it('without OCR: every page is reported as having no text layer (outlines), not read as blank', async () => {
    const doc = await readPdf(bytes, { pageTextSource: async () => undefined });
    const missing = doc.messages.filter((m) => m.code === 'no-text-layer');
    expect(missing.length).toBe(doc.meta.pageCount);
    expect(missing.every((m) => m.message.includes('text drawn as outlines'))).toBe(true);
  });

  it.skipIf(!ocr)('with OCR: the tables are read, no number wrong without a flag, no finding on basis printed unless its cells are certain', async () => {
    const doc = await readPdf(bytes);
    expect(doc.messages.filter((m) => m.code === 'ocr-used').length).toBe(doc.meta.pageCount);
    const record = recordFromDocument(doc, 'outlined.pdf', bytes);
    expect(record.agency).toBe(fixture.agency);
    expect(record.year).toBe(fixture.year);
    const score = scoreScan(fixture.cells, record);
    expect(score.silentlyWrong).toEqual([]);
    expect(score.right / score.total).toBeGreaterThanOrEqual(0.98);
    for (const f of record.findings.filter((f) => f.basis === 'printed')) {
      expect(f.cells.every((k) => !record.cell_details[k]?.doubt)).toBe(true);
    }
  }, 600_000);
});
