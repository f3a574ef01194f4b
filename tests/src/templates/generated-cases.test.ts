/**
 * Variants of the corpus the variety generator found read wrongly once, kept as cases: each is rebuilt
 * from its truth and seed (nothing committed but this file), read, and scored on every truth cell and
 * every finding on basis printed.
 */
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../src/pipeline.js';
import { AXES } from '../../../tools/variety/axes/index.js';
import { draftVariant, plan, renderFast, variantTruth, type PlanItem } from '../../../tools/variety/generate.js';
import type { FormatId } from '../../../tools/variety/axes/axis.js';
import { scoreRecord } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const truths = await loadTruths('../shared/corpus');

function variant(seed: number, axis: string, format: FormatId, truth: string, index: number): PlanItem {
  const items = plan(truths, { seed, count: index + 1, slowCount: 0, scanCount: 0, formats: [format], axes: AXES.map((a) => a.id).filter((a) => a === axis) });
  const item = items.find((i) => i.truth.id === truth && i.index === index);
  if (!item) throw new Error(`no ${axis}/${format} variant ${index} of ${truth} for seed ${seed}`);
  return item;
}

describe('variants the generator found read wrongly once', () => {
  it('Shanghai 2019 in Markdown, 上年结转 printed 18 无 无 无 无 无 with its total lost: no printed balance finding on the total', async () => {
    const item = variant(1, 'row-faults', 'md', 'shanghai-govoffice-2019', 7);
    const draft = draftVariant(1, item);
    expect(draft.notes).toContain('cell requests.carried_over.total missing from its row');
    const truth = variantTruth(1, item, draft);
    const score = scoreRecord(truth, await extractBytes(Buffer.from(renderFast(draft)), truth.file));
    expect({ wrong: score.wrong, unearned: score.unearned }).toEqual({ wrong: 0, unearned: [] });
  });
});
