/**
 * A variant the variety generator found read wrongly once, on an OCR format: Pingtan 2023 typed in Word
 * with its tables pasted as screenshots, one per page the table runs over (pdf-img). Table 三's last row
 * (四、结转下年度继续办理) fell on a page of its own in the table's rendering, so its screenshot is a
 * 450×34 pt strip at the top of the page after the one the table's picture fills: too short for a table
 * picture (45 pt), its cell borders shorter than a ruling (20 pt). It was not read, and its 7 cells were
 * not found. A short picture that continues a table picture, its cell borders on that table's columns,
 * is now read as that table's row (extractors/pdf/picture-strips.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractBytes } from '../../../src/pipeline.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { sofficeAvailable } from '../../../extractors/soffice.js';
import { AXES } from '../../../tools/variety/axes/index.js';
import { draftVariant, plan, variantTruth } from '../../../tools/variety/generate.js';
import { tablePieces } from '../../../tools/variety/model.js';
import { Random } from '../../../tools/variety/random.js';
import { convertWithOffice } from '../../../tools/variety/render/office.js';
import { tableOnlyHtml, tableScreenshots } from '../../../tools/variety/render/pictures.js';
import { pdfWithTableShots } from '../../../tools/variety/render/pdf-pictures.js';
import { scoreRecord, type VariantScore } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const available = (await ocrAvailable()) && (await sofficeAvailable());
const truths = await loadTruths('../shared/corpus');

/** Seed 1, numbers axis, pdf-img, variant 1: Pingtan 2023 (the portal page's figures). */
const item = plan(truths, { seed: 1, count: 0, slowCount: 0, scanCount: 2, formats: ['pdf-img'], axes: AXES.map((a) => a.id).filter((a) => a === 'numbers') }).find(
  (i) => i.index === 1 && i.truth.id === 'pingtan-2023-page',
)!;
const draft = draftVariant(1, item);
const truth = variantTruth(1, item, draft);

describe.skipIf(!available)('Pingtan 2023 with its tables as screenshots, table 三\'s last row a strip at the top of a page', () => {
  let dir = '';
  let record: ReportRecord;
  let score: VariantScore;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-pictures-strip-'));
    const htmls: string[] = [];
    for (const [i, piece] of tablePieces(draft.model).entries()) {
      htmls.push(path.join(dir, `table${i}.html`));
      await writeFile(htmls[i], tableOnlyHtml(draft.model, piece));
    }
    await convertWithOffice(htmls, 'pdf', dir);
    const dpi = new Random(`${truth.seed}:screen`).pick([96, 120]);
    const shots: Buffer[][] = [];
    for (const html of htmls) shots.push(await tableScreenshots(html.replace(/\.html$/, '.pdf'), dpi));
    record = await extractBytes(await pdfWithTableShots(draft.model, shots), truth.file);
    score = scoreRecord(truth, record);
  }, 900_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the strip as the row of the table pictured on the page before', () => {
    expect(record.messages.some((m) => m.code === 'pdf-picture-ocr' && /picture of 450×34 pt .* read by OCR as a row of the table pictured on page 2/.test(m.message))).toBe(true);
  });

  it('finds the row 四、结转下年度继续办理: its cells read, or in doubt; nothing silently wrong, no unearned finding', () => {
    expect({ wrong: score.wrong, unearned: score.unearned }).toEqual({ wrong: 0, unearned: [] });
    const row = Object.keys(truth.cells).filter((k) => k.startsWith('requests.carried_forward.'));
    expect(row).toHaveLength(7);
    expect(row.filter((k) => record.cell_details[k]?.doubt === 'not-found')).toEqual([]);
    // Most of them exact (one cell's unit read as 付 stays in doubt, its value given by the identities).
    expect(row.filter((k) => record.cells[k] === truth.cells[k] && !record.cell_details[k]?.doubt).length).toBeGreaterThanOrEqual(5);
  });
});
