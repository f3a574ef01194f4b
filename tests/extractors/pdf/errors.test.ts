/**
 * PDFs that cannot be read, or only partly: each gets a clear status and a stable message code
 * instead of a crash, a hang or a silently empty record.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractBytes, extractFile, recordFromDocument } from '../../../src/pipeline.js';
import { readPdf } from '../../../extractors/pdf/index.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { makeScannedPdf } from '../../helpers/scanned-pdf.js';
import { cellsFor, loadFixtures } from './helpers.js';
import { sofficeConvert } from '../../../extractors/soffice.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';
import { pdfFromObjects, stSongPdf } from './minimal-pdf.js';

const fixture = loadFixtures().find((f) => f.fixture === 'landscape-2019-other.pdf')!;

describe('PDFs the reader must refuse or read despite protection', () => {
  let dir = '';
  const file = (name: string): string => path.join(dir, name);
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-pdf-errors-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails an encrypted PDF that needs a user password with encrypted-pdf', async () => {
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', fixture.path, file('encrypted.pdf')]);
    const record = await extractFile(file('encrypted.pdf'));
    expect(record.status).toBe('failed');
    expect(record.format).toBe('pdf');
    expect(record.error).toMatch(/^encrypted-pdf: PDF is password-protected/);
    expect(record.cells).toEqual({});
  });

  it('reads a PDF with an empty user password and owner restrictions (no print, no copy) like the original', async () => {
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--print=none', '--modify=none', '--extract=n', '--', fixture.path, file('restricted.pdf')]);
    // qpdf confirms the restrictions are really there.
    const show = execFileSync('qpdf', ['--show-encryption', file('restricted.pdf')], { encoding: 'utf8' });
    expect(show).toMatch(/extract for any purpose: not allowed/);
    const record = await extractFile(file('restricted.pdf'));
    expect(record.error).toBeUndefined();
    expect(record.status).toBe('ok');
    expect(record.layout).toEqual(fixture.layout);
    expect(cellsFor(fixture.cells, record.cells)).toEqual(fixture.cells);
  });

  it('fails a PDF cut in half with corrupt-pdf', async () => {
    const whole = readFileSync(fixture.path);
    const record = await extractBytes(whole.subarray(0, Math.floor(whole.length / 2)), 'half.pdf');
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/^corrupt-pdf: /);
  }, HANG_GUARD_MS);

  it('fails a PDF that is only its header with corrupt-pdf', async () => {
    const record = await extractBytes(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog'), 'stub.pdf');
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/^corrupt-pdf: /);
  });

  it('reads a page tree whose kids are all broken references without a stray rejection (a pool worker died of it: "crash")', async () => {
    // Each kid names its object with the wrong generation: pdf.js fetches them all ahead, fails on the
    // first, and the others' failures were rejections nobody handled, which end a Node process.
    const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>';
    const broken = pdfFromObjects(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 9 R 4 9 R 5 9 R] /Count 3 >>', page, page, page, '<< /Length 0 >>\nstream\n\nendstream']);
    const stray: unknown[] = [];
    const onStray = (reason: unknown): void => void stray.push(reason);
    process.on('unhandledRejection', onStray);
    try {
      const record = await extractBytes(broken, 'broken-kids.pdf');
      // The rejections of the fetches ahead come a few turns of the event loop after the read.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stray.map(String)).toEqual([]);
      expect(record.status).toBe('failed');
      expect(record.error).toMatch(/^(no text|corrupt-pdf): /);
    } finally {
      process.off('unhandledRejection', onStray);
    }
  }, HANG_GUARD_MS);

  it('reads a CID font whose widths range runs to CID 99,999,999,999 (pdf.js filled an array that far: gigabytes, then a fatal error)', async () => {
    const pdf = stSongPdf([{ text: '二、主动公开政府信息情况', x: 72, y: 720 }], [], undefined, '[1 99999999999 500]');
    const doc = await readPdf(pdf, { pageTextSource: async () => undefined });
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.text : b.kind))).toEqual(['二、主动公开政府信息情况']);
  }, HANG_GUARD_MS);

  describe('an image-only PDF (a scan with no text layer)', () => {
    let scanned = '';
    beforeAll(async () => {
      // Printed by LibreOffice (poppler, which rasterises the scan, has no glyphs for unembedded STSong-Light).
      writeFileSync(
        file('born-digital.html'),
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>二、主动公开政府信息情况</p><table border="1" cellspacing="0">' +
          '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>' +
          '<tr><td>行政规范性文件</td><td>8</td><td>26</td><td>66</td></tr></table></body></html>',
      );
      await sofficeConvert({ files: [file('born-digital.html')], infilter: 'HTML (StarWriter)', convertTo: 'pdf:writer_pdf_Export', outDir: dir, timeoutMs: 120_000 });
      scanned = file('scanned.pdf');
      await makeScannedPdf(file('born-digital.pdf'), scanned, { dpi: 200 });
    }, 120_000);

    it('without OCR is failed, with no-text-layer naming the page', async () => {
      const bytes = readFileSync(scanned);
      const doc = await readPdf(bytes, { pageTextSource: async () => undefined });
      expect(doc.messages).toEqual([{ code: 'no-text-layer', message: expect.stringMatching(/^page 1: no text layer/) }]);
      const record = recordFromDocument(doc, scanned, bytes);
      expect(record.status).toBe('failed');
      expect(record.error).toMatch(/image-only/);
      expect(record.messages.map((m) => m.code)).toContain('no-text-layer');
    });

    it('with the default reader is OCR’d (ocr-used) when tesseract is installed, else failed with no-text-layer', async () => {
      const record = await extractFile(scanned);
      const codes = record.messages.map((m) => m.code);
      expect(codes).toContain('no-text-layer');
      if (await ocrAvailable()) {
        expect(codes).toContain('ocr-used');
        // Read, not refused as image-only (a two-line page is no report, so the record itself fails as such).
        expect(record.error ?? '').not.toMatch(/image-only/);
        const doc = await readPdf(readFileSync(scanned));
        const table = doc.blocks.find((b) => b.kind === 'table');
        expect(table?.kind === 'table' && table.rows[1].slice(1).map((c) => c.text)).toEqual(['8', '26', '66']);
        expect(table?.kind === 'table' && table.rows[1][1].prov?.origin).toBe('ocr');
      } else {
        expect(record.status).toBe('failed');
      }
    }, 300_000);
  });
});
