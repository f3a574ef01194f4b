import { describe, expect, it } from 'vitest';
import { identitiesOf } from '../../../src/templates/identities.js';
import { LAYOUTS } from '../../../src/templates/ids.js';
import { gluedSolutions } from '../../../tools/variety/glued-ambiguity.js';

describe('which glued runs a variant truth may expect read', () => {
  it('counts every cut of a table 二 run with no identity (6233440 for three columns: fifteen)', () => {
    const solutions = gluedSolutions('6233440', ['a', 'b', 'c'], [])!;
    expect(solutions).toHaveLength(15);
    expect(solutions).toContainEqual([62, 33, 440]);
    // No leading zeros: 000 has the one cut.
    expect(gluedSolutions('000', ['a', 'b', 'c'], [])).toEqual([[0, 0, 0]]);
  });

  it('keeps only the cuts of a table 四 group under which its total holds, and they may still differ', () => {
    const identities = identitiesOf('appeals', LAYOUTS.appeals[0].layout);
    const group = identities.find((id) => id.totals.length === 1 && id.parts.length === 4)!;
    const keys = [...group.parts, ...group.totals];
    const solutions = gluedSolutions('1211620', keys, identities)!;
    expect(solutions.map((s) => s.join(',')).sort()).toEqual(['1,2,1,16,20', '1,2,11,6,20', '12,1,1,6,20']);
    // Every cut gives the total 20: that cell is determined, the others are not.
    expect(new Set(solutions.map((s) => s[4]))).toEqual(new Set([20]));
  });
});

describe('table 三 rows of glued text a variant truth expects read', () => {
  it('keeps a row with a stray empty cell printed: the empty cell vanishes in the run, which prints the row\'s values as they are (seed 22, 0000000 for other_unpaid_fee)', async () => {
    const { AXES } = await import('../../../tools/variety/axes/index.js');
    const { draftVariant, plan } = await import('../../../tools/variety/generate.js');
    const { loadTruths } = await import('../../../tools/variety/truths.js');
    const truths = await loadTruths('../shared/corpus');
    const item = plan(truths, { seed: 22, count: 1, slowCount: 1, scanCount: 0, formats: ['txt'], axes: AXES.map((a) => a.id).filter((a) => a === 'combined') }).find((i) => i.truth.id === 'seed-docx' && i.index === 0)!;
    const draft = draftVariant(22, item);
    expect(draft.separator).toBe('glued');
    expect(draft.notes).toContain('stray empty cell in other_unpaid_fee before value 6');
    expect([...draft.notPrinted].filter((k) => k.startsWith('requests.other_unpaid_fee.'))).toEqual([]);
  });
});
