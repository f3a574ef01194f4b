import { readCell } from '../../../src/templates/numbers.js';
import { describe, expect, it } from 'vitest';
import { AXES } from '../../../tools/variety/axes/index.js';
import { printValue, layoutOf } from '../../../tools/variety/build.js';
import { distinctTruths, draftVariant, FORMATS, plan, printsGluedText, renderFast, SLOW_FORMATS, variantTruth, type PlanItem } from '../../../tools/variety/generate.js';
import { isDataRow, tablePieces } from '../../../tools/variety/model.js';
import { loadTruths } from '../../../tools/variety/truths.js';
import { cellsOf, CELL_BY_KEY, TABLE_IDS } from '../../../src/templates/ids.js';

const truths = await loadTruths('../shared/corpus');
const FAST = FORMATS.filter((f) => !SLOW_FORMATS.includes(f));
const items = (seed: number): PlanItem[] => plan(truths, { seed, count: 3, slowCount: 0, scanCount: 0, formats: FAST, axes: AXES.map((a) => a.id) });

/** Every value cell the model prints, by key (the text as printed). */
function printedCells(item: PlanItem, seed: number): Map<string, string> {
  const printed = new Map<string, string>();
  for (const piece of tablePieces(draftVariant(seed, item).model))
    for (const row of piece.rows) if (isDataRow(row)) for (const v of row.values) if (v.key) printed.set(v.key, v.text);
  return printed;
}

describe('the variety generator', () => {
  it('reads every truth of the corpus that follows a template, and skips the pre-2019 page', () => {
    expect(truths.map((t) => t.id)).not.toContain('pingtan-2016-legacy-page');
    expect(truths.map((t) => t.id)).toContain('shanghai-govoffice-2019');
    expect(distinctTruths(truths).length).toBeLessThan(truths.length); // the seed report in five formats counts once
  });

  it('renders the same bytes and the same truth for the same seed', () => {
    for (const item of items(7)) {
      const a = draftVariant(7, item);
      const b = draftVariant(7, item);
      expect(renderFast(a)).toBe(renderFast(b));
      expect(variantTruth(7, item, a)).toEqual(variantTruth(7, item, b));
    }
  });

  it('renders different documents for different seeds', () => {
    const differ = items(7).filter((item) => item.axis.id !== 'plain').filter((item) => renderFast(draftVariant(7, item)) !== renderFast(draftVariant(8, item)));
    expect(differ.length).toBeGreaterThan(items(7).filter((i) => i.axis.id !== 'plain').length / 2);
  });

  it("gives each variant exactly its source truth's cells, and lists as not printed only cells a row fault, a left-out row or column removed or glued text made ambiguous", () => {
    for (const item of items(11)) {
      const draft = draftVariant(11, item);
      const truth = variantTruth(11, item, draft);
      // A pre-2019 report prints no template cell (its truth is its statistics table: legacy.test.ts).
      if (draft.legacy) continue;
      expect(truth.cells).toEqual(item.truth.cells);
      // Glued text: table 二 and 四 runs that split several ways (glued-ambiguity.ts).
      const glued = printsGluedText(draft);
      if (!['row-faults', 'combined', 'row-set', 'column-set'].includes(item.axis.id)) expect(truth.not_printed.filter((k) => !(glued && /^(proactive|appeals)\./.test(k)))).toEqual([]);
      for (const key of truth.not_printed) expect(item.truth.cells).toHaveProperty([key]);
    }
  });

  it("prints every cell of the truth's layouts with the truth's value, except the cells listed as not printed", () => {
    for (const item of items(13)) {
      if (draftVariant(13, item).legacy) continue;
      const truth = variantTruth(13, item, draftVariant(13, item));
      const printed = printedCells(item, 13);
      const draft = draftVariant(13, item);
      const blank = draft.model.blank;
      const glued = printsGluedText(draft);
      for (const table of TABLE_IDS) {
        for (const cell of cellsOf(layoutOf(table, item.truth.layout[table]))) {
          const column = CELL_BY_KEY.get(cell.key)!.column;
          if (truth.not_printed.includes(cell.key)) {
            // Printed but glued into a run that reads several ways, or removed by a row fault.
            if (glued && printed.get(cell.key) === printValue(item.truth.cells[cell.key], column, blank)) continue;
            expect(printed.get(cell.key) ?? 'dropped', `${truth.id} ${cell.key}`).toMatch(/^(dropped|不适用|见附件|=1\+1|＊)$/);
            continue;
          }
          const expected = printValue(item.truth.cells[cell.key], column, blank);
          // The numbers axis prints a value as typed (４，５２９, 5件, —), the invisible axis with characters a
          // reader does not see (1\u200b2, \u3000 12\u3000), the footnotes axis with a mark after it (0①, 5注2): it
          // must still read as the truth's.
          // (A raised mark is private-use marks around its digits in the model, a <sup> once rendered: read as the reader reads a sup.)
          const asRead = (printed.get(cell.key) ?? 'dropped').replace(/\ue004[^\ue005]*\ue005/g, '');
          if (['numbers', 'combined', 'invisible', 'footnotes'].includes(item.axis.id)) expect(readCell(asRead), `${truth.id} ${cell.key}`).toEqual(readCell(expected));
          else expect(printed.get(cell.key), `${truth.id} ${cell.key}`).toBe(expected);
        }
      }
    }
  });

  it('keeps the published errors of a truth as expected findings unless a row fault removed one of their cells', () => {
    const hongze = truths.find((t) => t.id === 'hongze-2023')!;
    const plainAxis = AXES.find((a) => a.id === 'plain')!;
    const item: PlanItem = { axis: plainAxis, format: 'txt', truth: hongze, index: 0 };
    expect(variantTruth(1, item, draftVariant(1, item)).expected_findings).toEqual(hongze.expected_findings);
  });
});
