/**
 * Portals and PDF tools stamp a line of real text (the site's address, a download time, a page number)
 * over every page of a scanned or outlined report. Before, such a page counted as a text page: its few
 * words were all that was read, and the report came out "not a report". Now a page whose text is a
 * sliver of what it shows is read by OCR like a scan.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../extractors/pdf/index.js';
import type { PositionedText } from '../../../extractors/pdf/items.js';
import { assessPage } from '../../../extractors/pdf/quality.js';
import { ghostscriptAvailable, outlinedPdf } from '../../../tools/variety/render/outlines.js';
import { qpdfAvailable, stampPdf } from '../../../tools/variety/render/stamp.js';
import { makeScannedPdf } from '../../helpers/scanned-pdf.js';
import { loadFixtures } from './helpers.js';

const text = (chars: number, height = 9): PositionedText[] => [{ text: '政'.repeat(chars), page: 1, x: 60, y: 30, width: chars * height, height, origin: 'text' }];
const paint = (p: { filledCurves?: number; imageShare?: number; invisible?: number }) => ({ visible: 1, invisible: p.invisible ?? 0, imageShare: p.imageShare ?? 0, filledCurves: p.filledCurves ?? 0 });

describe('a page whose text is a sliver of what it shows', () => {
  it('is outlined text under a stamp when its curves could draw many times its text: read by OCR', () => {
    const verdict = assessPage(text(20), false, paint({ filledCurves: 6_000 }));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toBe('no text layer (text drawn as outlines: 6000 filled curve segments under 20 characters of text)');
  });

  it('is a text page when its curves are a chart or a seal beside text of its own', () => {
    expect(assessPage(text(400), false, paint({ filledCurves: 3_000 }))).toEqual({ ok: true });
    expect(assessPage(text(5), false, paint({ filledCurves: 900 }))).toEqual({ ok: true });
  });

  it('is a scan under a stamp when an image fills the page under a few words: read by OCR', () => {
    const verdict = assessPage(text(30), true, paint({ imageShare: 1 }));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toBe('no text layer (scanned image under 30 characters of text)');
  });

  it('is a text page when the image sits inside the margins (a pasted table picture), or the page has text of its own or set large', () => {
    expect(assessPage(text(30), true, paint({ imageShare: 0.6 }))).toEqual({ ok: true });
    expect(assessPage(text(300), true, paint({ imageShare: 1 }))).toEqual({ ok: true });
    // A designed cover: the report's title set large over a page-sized picture.
    expect(assessPage(text(24, 26), true, paint({ imageShare: 1 }))).toEqual({ ok: true });
  });
});

const tools = (await qpdfAvailable()) && (await ghostscriptAvailable());

describe.skipIf(!tools)('a fixture scanned or outlined, then stamped on every page', () => {
  const fixture = loadFixtures().find((f) => f.fixture === 'split-repeated-header.pdf')!;
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-stamped-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const readWithoutOcr = async (file: string) => readPdf(await readFile(file), { pageTextSource: async () => undefined });

  it('outlined: every page is reported as having no text layer, though each carries the stamp', async () => {
    const outlined = path.join(dir, 'outlined.pdf');
    const stamped = path.join(dir, 'outlined-stamped.pdf');
    await outlinedPdf(fixture.path, outlined);
    await stampPdf(outlined, stamped, '本文来源：政府门户网站 www.example.gov.cn');
    const doc = await readWithoutOcr(stamped);
    const missing = doc.messages.filter((m) => m.code === 'no-text-layer');
    expect(missing.length).toBe(doc.meta.pageCount);
    expect(missing.every((m) => /text drawn as outlines: \d+ filled curve segments under \d+ characters of text/.test(m.message))).toBe(true);
  }, 120_000);

  it('scanned: every page is reported as a scanned image under a few characters of text', async () => {
    const scanned = path.join(dir, 'scanned.pdf');
    const stamped = path.join(dir, 'scanned-stamped.pdf');
    await makeScannedPdf(fixture.path, scanned, { dpi: 100 });
    await stampPdf(scanned, stamped, '下载时间：2024-03-01 10:21:35');
    const doc = await readWithoutOcr(stamped);
    const missing = doc.messages.filter((m) => m.code === 'no-text-layer');
    expect(missing.length).toBe(doc.meta.pageCount);
    expect(missing.every((m) => /scanned image under \d+ characters of text/.test(m.message))).toBe(true);
  }, 120_000);
});
