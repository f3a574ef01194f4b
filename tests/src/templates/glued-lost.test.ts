import { describe, expect, test } from 'vitest';
import { lostRowCandidates } from '../../../src/templates/glued/lost.js';
import { DEFAULT_SPLIT_LIMITS } from '../../../src/templates/glued/split.js';

const show = (cuts: Array<Array<number | null>> | undefined) => cuts?.map((c) => c.map((v) => (v === null ? '-' : Number.isNaN(v) ? '?' : String(v))).join(','));

describe('lostRowCandidates: the placements of a glued row that lost values, its lost cells filled by its own total', () => {
  test('000000 for seven cells: the lost cell anywhere, 0 wherever it stood (the total is 0, or the sum of zeros)', () => {
    const cuts = lostRowCandidates('000000', 7, 6, DEFAULT_SPLIT_LIMITS);
    expect(cuts).toHaveLength(7);
    expect(new Set(show(cuts))).toEqual(new Set(['0,0,0,0,0,0,0']));
  });

  test('000003: the lost value is what the total leaves (3 wherever a count was lost), or the sum when the total was lost', () => {
    expect(new Set(show(lostRowCandidates('000003', 7, 6, DEFAULT_SPLIT_LIMITS)))).toEqual(
      new Set(['3,0,0,0,0,0,3', '0,3,0,0,0,0,3', '0,0,3,0,0,0,3', '0,0,0,3,0,0,3', '0,0,0,0,3,0,3', '0,0,0,0,0,3,3']),
    );
  });

  test('counts above the printed total are no placement; several lost cells stay unknown unless the total is made up already', () => {
    // 538 for four cells: 5 3 8 with one lost (a count, what 8 leaves; or the total, 16), or fewer values with more lost.
    const cuts = show(lostRowCandidates('538', 4, 3, DEFAULT_SPLIT_LIMITS));
    expect(cuts).toEqual(expect.arrayContaining(['5,3,0,8', '5,0,3,8', '0,5,3,8', '5,3,8,16', '5,?,?,38']));
    // 53 above a printed total of 8: no placement.
    expect(cuts).not.toContain('53,?,?,8');
    expect(cuts!.filter((c) => c.startsWith('53,') && c.endsWith(',8'))).toEqual([]);
    // 58 for four cells, two lost: 5 under a total of 8 leaves 3 for two cells (unknown); 58 as one value leaves three cells.
    expect(show(lostRowCandidates('58', 4, 3, DEFAULT_SPLIT_LIMITS))).toContain('5,?,?,8');
    expect(show(lostRowCandidates('', 3, 2, DEFAULT_SPLIT_LIMITS))).toEqual(['?,?,?']);
    // A total printed blank fixes nothing: the lost count stays unknown.
    expect(show(lostRowCandidates('5-', 3, 2, DEFAULT_SPLIT_LIMITS))).toEqual(['?,5,-', '5,?,-', '5,-,5']);
  });
});
