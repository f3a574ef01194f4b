/**
 * Blanks printed as '/' in table screenshots at 96 dpi (a generator variant kept as a fixture: see
 * tests/fixtures/pictures/README.md). The slash is a hairline that OCR reads as 1; the cell's ink, one
 * stroke leaning forward, says slash. Every cell of the report must be exact: those blanks blank.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { extractFile } from '../../../src/pipeline.js';
import type { VariantTruth } from '../../../tools/variety/generate.js';
import { scoreRecord } from '../../../tools/variety/score.js';

const FILE = 'tests/fixtures/pictures/shanghai-2019-variety-slashes-96dpi.docx';

describe.skipIf(!(await ocrAvailable()))('table screenshots whose blanks are hairline slashes', () => {
  it('reads the slashes OCR took for 1 as blanks: every cell exact, none a number in doubt', async () => {
    const truth = JSON.parse(readFileSync(FILE.replace(/\.docx$/, '.truth.json'), 'utf8')) as VariantTruth;
    const record = await extractFile(FILE);
    const score = scoreRecord(truth, record);
    expect(score.misses.map((m) => `${m.key}: truth ${m.truth}, got ${m.got}`)).toEqual([]);
    expect(score.exact).toBe(score.cells);
    expect(score.unearned).toEqual([]);
    // The slashes' cells: blank, with the reading's doubt, never the 1 OCR saw.
    expect(record.cells['requests.new_received.research']).toBeNull();
    expect(record.cell_details?.['requests.new_received.research']?.raw).toBe('/');
  }, 600_000);
});
