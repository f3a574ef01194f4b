/**
 * Table 四 printed as small tables of its groups (行政复议 · 行政诉讼 未经复议直接起诉 · 复议后起诉), each
 * pasted into a web page as a screenshot of its own at 96 dpi: a caption over a header row and one row of
 * values (a generator variant, see tests/fixtures/pictures/README.md). Their cell borders stand about
 * 30 pt tall, under the 60 pt a long ruling needs; before, such a picture did not pass the table test
 * ("no table rulings in the picture") and table 四 was lost. Borders of 20 pt or more that meet long
 * rulings at both ends count, as the OCR page reader and PDF pictures count them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { extractFile } from '../../../src/pipeline.js';

const FILE = 'tests/fixtures/pictures/hongze-2023-appeals-small-tables.html';
const TRUTH: Record<string, number | null> = JSON.parse(readFileSync('../shared/corpus/real/hongze-2023.truth.json', 'utf8')).cells;

describe.skipIf(!(await ocrAvailable()))('a table of small tables, each a screenshot of its own', () => {
  it('reads every picture as a table: table 四 found, its 15 cells as printed', async () => {
    const record = await extractFile(FILE);
    expect(record.messages.filter((m) => m.code === 'picture-skipped')).toEqual([]);
    const appeals = Object.keys(TRUTH).filter((key) => key.startsWith('appeals.'));
    expect(appeals).toHaveLength(15);
    expect(appeals.filter((key) => record.cells[key] !== TRUTH[key]).map((key) => `${key}: truth ${TRUTH[key]}, got ${record.cells[key]}`)).toEqual([]);
  }, 600_000);
});
