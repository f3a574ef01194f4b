/**
 * A searchable scan: every page an image with another program's OCR under it as invisible text
 * (tesseract's PDF output here, as scanning software and ocrmypdf publish signed paper reports). That
 * text is not printed text: it is read by our OCR, and without OCR it is kept as an OCR reading.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { readPdf } from '../../../extractors/pdf/index.js';
import { assessPage } from '../../../extractors/pdf/quality.js';
import { recordFromDocument } from '../../../src/pipeline.js';
import { searchableScanPdf } from '../../../tools/variety/render/searchable-scan.js';
import { loadFixtures } from './helpers.js';
import type { PositionedText } from '../../../extractors/pdf/items.js';

const words = (text: string): PositionedText[] => [{ text, page: 1, x: 50, y: 700, width: 100, height: 10, origin: 'text' }];

describe('a page whose text is not painted, over an image covering it', () => {
  it('is a scan with an OCR text layer when nearly all its text is invisible over a page-sized image', () => {
    const verdict = assessPage(words('本年新收政府信息公开申请数量'), true, { visible: 1, invisible: 40, imageShare: 0.97 });
    expect(verdict).toMatchObject({ ok: false, kind: 'ocr-layer' });
  });

  it('is a page like any other when its text is painted, when the image is a logo, or when invisible text is a small part', () => {
    // Painted text over a page-sized image (a letterhead drawn as a background): a page of text. A few
    // painted words over such an image are a stamp over a scan (tests/extractors/pdf/stamped.test.ts).
    expect(assessPage(words('本年新收政府信息公开申请数量'.repeat(6)), true, { visible: 40, invisible: 0, imageShare: 0.97 })).toEqual({ ok: true });
    expect(assessPage(words('本年新收政府信息公开申请数量'), true, { visible: 0, invisible: 40, imageShare: 0.1 })).toEqual({ ok: true });
    expect(assessPage(words('本年新收政府信息公开申请数量'), true, { visible: 10, invisible: 30, imageShare: 0.97 })).toEqual({ ok: true });
  });
});

const available = await ocrAvailable();

describe.skipIf(!available)('tesseract\'s searchable PDF of a scanned fixture', () => {
  const fixture = loadFixtures().find((f) => f.fixture === 'split-repeated-header.pdf')!;
  let dir = '';
  let bytes: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-searchable-'));
    const target = path.join(dir, 'searchable.pdf');
    await searchableScanPdf(fixture.path, target, { dpi: 150, degrees: 0.6, noise: 12, seed: 7 });
    bytes = await readFile(target);
  }, 600_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('without OCR of ours: the invisible text is read as OCR, so no number in it is certain unless an identity confirms it and no finding on it is printed', async () => {
    const doc = await readPdf(bytes, { pageTextSource: async () => undefined });
    const poor = doc.messages.filter((m) => m.code === 'text-layer-poor');
    expect(poor.length).toBeGreaterThan(0);
    expect(poor.every((m) => m.message.includes('invisible text over a scanned image'))).toBe(true);
    const cells = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : [])).filter((c) => c.text.trim());
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.prov?.origin === 'ocr' && c.prov.confidence === 90)).toBe(true);
    const record = recordFromDocument(doc, 'searchable.pdf', bytes);
    const numbers = Object.keys(record.cells).filter((k) => typeof record.cells[k] === 'number');
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((k) => record.cell_details[k]?.prov?.origin === 'ocr')).toBe(true);
    expect(record.findings.filter((f) => f.basis === 'printed')).toEqual([]);
  });
});
