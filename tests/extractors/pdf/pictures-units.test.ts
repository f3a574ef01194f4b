/**
 * A variant the variety generator found read wrongly once, on an OCR format: Pingtan 2024 typed in Word
 * with its tables pasted as 120 dpi screenshots (pdf-img), the numbers axis printing every count with its
 * unit in full-width digits (２１７件, ０件) and blanks spelled several ways. Read freely, a count with
 * its unit came back garbled (1件 as 工件, 71件 as 7工件, 0件 as 0fF) and the cells were left unread;
 * each cell is now cut before its unit (extractors/pdf/ocr/unit-cut.ts) and its digits read alone.
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

/** Seed 1, numbers axis, pdf-img, variant 3: Pingtan 2024 (the glued crawler text's figures). */
const item = plan(truths, { seed: 1, count: 0, slowCount: 0, scanCount: 4, formats: ['pdf-img'], axes: AXES.map((a) => a.id).filter((a) => a === 'numbers') }).find(
  (i) => i.index === 3 && i.truth.id === 'pingtan-2024-glued',
)!;
const draft = draftVariant(1, item);
const truth = variantTruth(1, item, draft);

describe.skipIf(!available)('Pingtan 2024 with its tables as screenshots, every count printed with its unit (２１７件)', () => {
  let dir = '';
  let record: ReportRecord;
  let score: VariantScore;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-pictures-units-'));
    const htmls: string[] = [];
    for (const [i, piece] of tablePieces(draft.model).entries()) {
      htmls.push(path.join(dir, `table${i}.html`));
      await writeFile(htmls[i], tableOnlyHtml(draft.model, piece));
    }
    await convertWithOffice(htmls, 'pdf', dir);
    // The screen resolution the generator draws for this variant (120 dpi).
    const dpi = new Random(`${truth.seed}:screen`).pick([96, 120]);
    const shots: Buffer[][] = [];
    for (const html of htmls) shots.push(await tableScreenshots(html.replace(/\.html$/, '.pdf'), dpi));
    record = await extractBytes(await pdfWithTableShots(draft.model, shots), truth.file);
    score = scoreRecord(truth, record);
  }, 900_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints the counts with their units', () => {
    expect(draft.notes).toEqual(expect.arrayContaining(['units after the values', 'full-width digits']));
  });

  it('reads the counts with units of table 三 by their digits, nothing silently wrong, no unearned finding', () => {
    expect({ wrong: score.wrong, unearned: score.unearned }).toEqual({ wrong: 0, unearned: [] });
    // Cells whose free read was garbled (工件, 7工件, 0fF, 1fF) before the cut: every one exact now.
    for (const key of ['requests.new_received.commercial', 'requests.granted.natural_person', 'requests.granted.commercial', 'requests.rejected_duplicate.natural_person', 'requests.rejected_duplicate.total', 'requests.other_no_correction.natural_person', 'requests.total_processed.commercial']) {
      expect({ key, value: record.cells[key], doubt: record.cell_details[key]?.doubt ?? null }).toEqual({ key, value: truth.cells[key], doubt: null });
    }
    const requests = score.misses.filter((m) => m.key.startsWith('requests.') && !m.key.startsWith('requests.carried_forward.'));
    expect(requests).toEqual([]);
  });
});
