/**
 * The line pass of the OCR reader: garbled text lines outside the tables are read again one by one,
 * and the new reading is kept only when it is plainly better and leaves every confident figure alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrAvailable, ocrPdfPage } from '../../../extractors/pdf/ocr.js';
import { better } from '../../../extractors/pdf/ocr/line-pass.js';
import type { OcrWord } from '../../../extractors/pdf/ocr/tsv.js';
import { scanPdf } from '../../../tools/variety/render/scan.js';
import { loadTruths } from '../../corpus/truth.js';

/** One word per string, laid left to right, with the given confidence. */
function line(texts: string[], confidence = 90): OcrWord[] {
  return texts.map((text, i) => ({ text, left: i * 100, top: 0, width: 90, height: 40, confidence, image: 1, line: '1/1/1/1' }));
}

describe('which reading of a line is kept', () => {
  const truth = loadTruths().find((t) => t.file.endsWith('.pdf') && t.agency && t.year)!;
  const title = `${truth.agency}${truth.year}年政府信息公开工作年度`;

  it('takes the re-read of a title whose big type the page pass turned into letters', () => {
    const old = [...line(['a'], 0), ...line([title.slice(2)], 90)];
    expect(better(line([title]), old)).toBe(true);
    // A re-read no better than the page's: same letters, no more confidence.
    expect(better(line(['a', title.slice(2)], 45), old)).toBe(false);
  });

  it('never changes a figure the page pass read with confidence (218 must not become 2180)', () => {
    const old = [...line(['办结政府信息公开申请218'], 92), ...line(['FF'], 30)];
    expect(better(line(['办结政府信息公开申请2180件']), old)).toBe(false);
    expect(better(line(['办结政府信息公开申请218件']), old)).toBe(true);
    // A date whose day the page pass lost may gain it: the confident figures stay, in order.
    expect(better(line([`${truth.year + 1}年1月20日`]), line([`${truth.year + 1}年1月`, 'see']))).toBe(true);
  });

  it('does not turn a speck read as a letter into Chinese on a weak guess', () => {
    expect(better(line(['一'], 60), line(['i'], 20))).toBe(false);
    expect(better(line(['报告'], 92), line(['Ri'], 40))).toBe(true);
  });
});

const available = await ocrAvailable();

describe.skipIf(!available)('a noisy 150 dpi scan of a corpus PDF, its title read by OCR', () => {
  const truth = loadTruths().find((t) => t.id === 'pingtan-2023-pdf')!;
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-line-pass-'));
    file = path.join(dir, 'scan.pdf');
    await scanPdf(truth.path, file, { dpi: 150, noise: 30, degrees: 1, seed: 7 });
  }, 300_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const titleLine = async (linePass: boolean): Promise<string> => {
    const page = await ocrPdfPage(file, 1, { linePass });
    const top = Math.max(...page.items.map((item) => item.y));
    return page.items
      .filter((item) => item.y >= top - 6)
      .sort((a, b) => a.x - b.x)
      .map((item) => item.text)
      .join('');
  };

  it('reads the title line whole, without the letters the page pass alone leaves in it', async () => {
    const [pageOnly, withLines] = [await titleLine(false), await titleLine(true)];
    expect(pageOnly).toMatch(/[A-Za-z]/);
    expect(withLines).not.toMatch(/[A-Za-z]/);
    expect(withLines).toContain(`${truth.year}年政府信息公开工作年度`);
  }, 300_000);
});
