/**
 * Blanks printed as '/' in table screenshots at 113 dpi placed in a PDF (the variety generator's seed 3,
 * combined axis, pdf-img, Shanghai 2019; rebuilt here, nothing committed). Rendered at 300 dpi the
 * hairline slash is grey: no pixel of it is as dark as ink, and at the threshold it falls apart into four
 * or five steps of 7 pixels, none the size of a glyph. Taken together, the steps are one forward-leaning
 * stroke (slash-glyph.ts): the 1 OCR read there is the slash, a blank. Before, 8 such cells were 1s in
 * doubt.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { generate } from '../../../tools/variety/generate.js';
import { officeAvailable } from '../../../tools/variety/render/office.js';
import { scoreRecord, type VariantScore } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';
import type { ReportRecord } from '../../../src/schemas/record.js';

const available = (await ocrAvailable()) && (await officeAvailable());

describe.skipIf(!available)('table screenshots in a PDF whose blanks are slashes too faint to be ink', () => {
  let dir = '';
  let score: VariantScore;
  let record: ReportRecord;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-faint-slashes-'));
    const truths = await loadTruths(path.resolve(process.cwd(), '../shared/corpus'));
    const [variant] = await generate(truths, { seed: 3, count: 0, slowCount: 0, scanCount: 1, formats: ['pdf-img'], axes: ['combined'], outDir: path.join(dir, 'variants'), cacheDir: path.join(dir, 'cache') });
    expect(variant!.id).toBe('combined-pdf-img-00-shanghai-govoffice-2019');
    record = await extractFile(path.join(dir, 'variants', variant!.file));
    score = scoreRecord(variant!, record);
  }, 900_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the slashes OCR took for 1 as blanks: every cell exact', () => {
    expect(score.misses.map((m) => `${m.key}: truth ${m.truth}, got ${m.got}`)).toEqual([]);
    expect(score.exact).toBe(score.cells);
    expect(score.unearned).toEqual([]);
  });

  it('leaves those blanks in doubt: only the ink says slash', () => {
    for (const key of ['appeals.review.other', 'appeals.litigation_after_review.pending', 'requests.denied_enforcement_files.legal_services']) {
      expect(record.cells[key], key).toBeNull();
      expect(record.cell_details[key]?.raw, key).toBe('/');
      expect(record.cell_details[key]?.doubt, key).toBeDefined();
    }
  });
});
