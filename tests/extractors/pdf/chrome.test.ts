/**
 * PDFs as Chromium prints a report page (the variety generator's pdf-chrome): another producer than
 * LibreOffice, whose ToUnicode maps some ideographs to radicals (⼀、本年新收 for 一、本年新收) and whose
 * narrow columns break full-width numbers one digit per line. Every truth cell is scored.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { AXES } from '../../../tools/variety/axes/index.js';
import { draftVariant, plan, variantTruth } from '../../../tools/variety/generate.js';
import { chromiumAvailable, printWithChromium } from '../../../tools/variety/render/chrome-pdf.js';
import { renderHtml } from '../../../tools/variety/render/html.js';
import { scoreRecord } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const truths = await loadTruths('../shared/corpus');
const SEED = 1;
const items = plan(truths, { seed: SEED, count: 0, slowCount: 4, scanCount: 0, formats: ['pdf-chrome'], axes: AXES.map((a) => a.id).filter((a) => ['plain', 'numbers'].includes(a)) });

describe.skipIf(!(await chromiumAvailable()))('reports printed to PDF by Chromium', () => {
  it('reads every cell of plain reports and of numbers typed in full-width digits exactly', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-chrome-'));
    const jobs = items.map((item, i) => ({ html: path.join(dir, `${i}.html`), pdf: path.join(dir, `${i}.pdf`) }));
    const drafts = items.map((item) => draftVariant(SEED, item));
    // The variant this test is about: a narrow column breaks a full-width number over lines.
    expect(drafts.some((d) => d.notes.includes('full-width digits'))).toBe(true);
    for (const [i, draft] of drafts.entries()) await writeFile(jobs[i].html, renderHtml(draft.model, 'portal'));
    await printWithChromium(jobs);
    for (const [i, item] of items.entries()) {
      const truth = variantTruth(SEED, item, drafts[i]);
      const score = scoreRecord(truth, await extractFile(jobs[i].pdf));
      expect({ id: truth.id, wrong: score.wrong, unearned: score.unearned, misses: score.misses.map((m) => m.key) }).toEqual({ id: truth.id, wrong: 0, unearned: [], misses: [] });
    }
  });
});
