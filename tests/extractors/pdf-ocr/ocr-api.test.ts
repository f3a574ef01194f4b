import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ocrAvailable, ocrPdfBytes, ocrPdfPage } from '../../../extractors/pdf/ocr.js';
import { runTool } from '../../../extractors/pdf/ocr/tools.js';
import { imagesToPdf, makeScannedPdf } from '../../helpers/scanned-pdf.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

const run = promisify(execFile);
const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const available = await ocrAvailable();
let workDir = '';

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-ocr-api-'));
});
afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('external tools', () => {
  test('a missing program is reported as ocr-unavailable, not as a crash', async () => {
    await expect(runTool('nianbao-no-such-ocr-tool', [], 5_000)).rejects.toMatchObject({ name: 'UnreadableDocumentError', code: 'ocr-unavailable' });
  });

  // A program left to run would hold the test for ten minutes, past the hang guard: the kill is what ends it.
  test('a program that runs past its time limit is killed and reported as ocr-failed', async () => {
    await expect(runTool('sleep', ['600'], 300)).rejects.toMatchObject({ code: 'ocr-failed', message: expect.stringMatching(/timed out/) });
  }, HANG_GUARD_MS);
});

describe.skipIf(!available)('ocrPdfPage on bad input', () => {
  test('a page number past the end or below 1 is refused with ocr-bad-page', async () => {
    const pdf = path.join(CORPUS, 'rendered/seed-pdf.pdf');
    await expect(ocrPdfPage(pdf, 99)).rejects.toMatchObject({ code: 'ocr-bad-page' });
    await expect(ocrPdfPage(pdf, 0)).rejects.toMatchObject({ code: 'ocr-bad-page' });
  });

  test('a file that is not a PDF is refused with ocr-failed', async () => {
    const notPdf = path.join(workDir, 'not.pdf');
    await writeFile(notPdf, 'this is not a PDF at all\n'.repeat(100));
    await expect(ocrPdfPage(notPdf, 1)).rejects.toMatchObject({ code: 'ocr-failed' });
  });

  test('a poster-sized page is rendered at a lower resolution instead of exhausting memory, and its temp files are removed', async () => {
    // A blank corner of a page: the point is the render size, not what tesseract makes of the content.
    await run('pdftoppm', ['-jpeg', '-r', '20', '-x', '0', '-y', '0', '-W', '8', '-H', '8', '-f', '1', '-l', '1', '-singlefile', path.join(CORPUS, 'rendered/seed-pdf.pdf'), path.join(workDir, 'tiny')]);
    const poster = path.join(workDir, 'poster.pdf');
    await writeFile(poster, imagesToPdf([{ jpeg: await readFile(path.join(workDir, 'tiny.jpg')), width: 14000, height: 14000 }]));
    // A private temp folder, so other tests running at the same time cannot disturb the count.
    const privateTmp = path.join(workDir, 'tmp');
    await mkdir(privateTmp);
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    try {
      const content = await ocrPdfPage(poster, 1);
      expect(content).toMatchObject({ page: 1, width: 14000, height: 14000 });
    } finally {
      process.env.TMPDIR = savedTmp;
      if (savedTmp === undefined) delete process.env.TMPDIR;
    }
    expect(await readdir(privateTmp)).toEqual([]);
  });
});

describe.skipIf(!available)('the scanned-PDF test helper', () => {
  test('the copy has the pages and page sizes of the original and no text layer', async () => {
    const source = path.join(CORPUS, 'real/hongze-2023.pdf');
    const copy = path.join(workDir, 'hongze-scan.pdf');
    await makeScannedPdf(source, copy, { dpi: 100 });
    const sizes = async (pdf: string) => (await run('pdfinfo', ['-f', '1', '-l', '99', pdf])).stdout.match(/^Page\s+\d+\s+size:.*$/gm);
    expect(await sizes(copy)).toEqual(await sizes(source));
    expect((await run('pdftotext', [copy, '-'])).stdout.trim()).toBe('');
    expect((await run('pdfimages', ['-list', copy])).stdout).toMatch(/jpeg/);
  });
});

describe.skipIf(!available)('ocrPdfBytes', () => {
  test('pages of a PDF held in memory are read in the order asked, and the temp copy is removed', async () => {
    const bytes = await readFile(path.join(CORPUS, 'rendered/seed-pdf.pdf'));
    const privateTmp = path.join(workDir, 'bytes-tmp');
    await mkdir(privateTmp);
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    try {
      const pages = await ocrPdfBytes(bytes, [2, 1], { cellPass: false });
      expect(pages.map((page) => page.page)).toEqual([2, 1]);
      expect(pages[1].items.length).toBeGreaterThan(10);
    } finally {
      process.env.TMPDIR = savedTmp;
      if (savedTmp === undefined) delete process.env.TMPDIR;
    }
    expect(await readdir(privateTmp)).toEqual([]);
  });
});
