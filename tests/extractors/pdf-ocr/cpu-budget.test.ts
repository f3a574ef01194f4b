/**
 * A tesseract run has a CPU budget besides its wall-clock limit (prlimit): a page pass that spends it (a
 * grainy page whose specks tesseract's own threshold takes for glyphs ran for minutes and failed its
 * document) is stopped, and the page is read again from a black-and-white copy. The budget is the same on
 * a busy host as on an idle one.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ocrAvailable, ocrGrayImage } from '../../../extractors/pdf/ocr.js';
import { cpuBudgetAvailable, runTool, ToolOverBudget } from '../../../extractors/pdf/ocr/tools.js';
import { grayPages } from '../../helpers/pictures.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const available = await ocrAvailable();

// util-linux's prlimit is on every Debian (.ci/run's machine); elsewhere the budget is not set and these are skipped.
describe.skipIf(!cpuBudgetAvailable)('a tool run with a CPU budget', () => {
  test('is stopped when it spends its budget, and said so (ocr-failed to a caller that does not retry)', async () => {
    const run = runTool('sh', ['-c', 'while :; do :; done'], HANG_GUARD_MS, undefined, 1);
    await expect(run).rejects.toBeInstanceOf(ToolOverBudget);
    await expect(run).rejects.toMatchObject({ code: 'ocr-failed', message: expect.stringMatching(/more than its 1 s of CPU/) });
  }, HANG_GUARD_MS);

  test('runs to its end within the budget', async () => {
    const { stdout } = await runTool('sh', ['-c', 'echo done'], 10_000, undefined, 5);
    expect(stdout.toString('utf8').trim()).toBe('done');
  });
});

describe.skipIf(!available || !cpuBudgetAvailable)('a page pass over its CPU budget', () => {
  test('reads the page again in black and white, and its words come out', async () => {
    // A page of the seed report's table 三: its page pass takes about 5 s of CPU, well over a budget of 1 s.
    const [page] = await grayPages(path.join(CORPUS, 'rendered/seed-pdf.pdf'), [3], 300);
    const asUsual = await ocrGrayImage(page, { dpi: 300, page: 3 }, { cellPass: false, linePass: false });
    const overBudget = await ocrGrayImage(page, { dpi: 300, page: 3 }, { cellPass: false, linePass: false, pagePassCpuSeconds: 1 });
    expect(asUsual.thresholded).toBeUndefined();
    expect(overBudget.thresholded).toBe(true);
    const text = (content: typeof asUsual) => content.items.map((item) => item.text).join('');
    for (const words of ['予以公开', '部分公开']) expect(text(overBudget)).toContain(words);
  }, HANG_GUARD_MS);
});
