/** Printed blanks (-, —, /, 无) inside glued runs: one cell each, a blank; words holding 无 or / stay words. */
import { describe, expect, it } from 'vitest';
import { splitFree, splitWithTotals } from '../../../src/templates/glued/split.js';
import { markerAt } from '../../../src/templates/glued/markers.js';
import { recoverGluedTables } from '../../../src/templates/glued.js';

describe('blank markers in glued runs', () => {
  it('reads a row of dashes as blanks', () => {
    expect(splitFree('---', ['count', 'count', 'count']).readings).toEqual([[null, null, null]]);
  });

  it('lets a doubled dash be one blank or two, as the column count allows', () => {
    expect(splitFree('——5', ['count', 'count']).readings).toEqual([[null, 5]]);
    expect(splitFree('——5', ['count', 'count', 'count']).readings).toEqual([[null, null, 5]]);
  });

  it('cuts a requests row with blanks by its total, and a blank total as one the report left out', () => {
    expect(splitWithTotals('18无无无无无18', 1, 7).readings).toEqual([[18, null, null, null, null, null, 18]]);
    expect(splitWithTotals('无无无无无无无', 1, 7).readings).toEqual([[null, null, null, null, null, null, null]]);
    expect(splitWithTotals('25812无无11无', 1, 7).readings).toContainEqual([258, 12, null, null, 1, 1, null]);
  });

  it('keeps a sign in a signed row: -3 is minus three, not a blank and 3', () => {
    expect(splitFree('0-3', ['count', 'signed']).readings).toEqual([[0, -3]]);
  });

  it('does not take 无 or / inside words for blanks (无法提供, 增/减), except right before the next label', () => {
    expect(markerAt('无法提供', 0)).toBe(false);
    expect(markerAt('本年增/减', 3)).toBe(false);
    expect(markerAt('无无行政', 1, 2)).toBe(true);
    expect(markerAt('5无无', 1)).toBe(true);
  });

  it('takes the last of a run of blanks before a word for a blank: a label wrapped around its row\'s blanks (三安全一///////稳定”)', () => {
    expect(markerAt('一///稳定', 3)).toBe(true);
    expect(markerAt('一/稳定', 1)).toBe(false);
  });

  it('finds table 四 with its blanks printed as nothing (527819 for 15 cells) and reads none of it', () => {
    const text = '四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计527819\n五、存在的主要问题及改进情况';
    const result = recoverGluedTables(text);
    const appeals = result.tables.find((t) => t.table === 'appeals')!;
    expect(appeals.rows.map((r) => [r.rowId, r.status, r.values, r.blanksVanished])).toEqual([
      ['review', 'impossible', [null, null, null, null, null], true],
      ['litigation_direct', 'impossible', [null, null, null, null, null], true],
      ['litigation_after_review', 'impossible', [null, null, null, null, null], true],
    ]);
    expect(result.messages.map((m) => m.message)).toContain("appeals table: its blanks were printed as nothing ('527819' for 15 cells); which columns a row's digits belong to is not known, so its cells are left blank");
  });

  it('finds table 四 printed with 无 for its blanks and cuts it by the group totals', () => {
    const text = '四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计5无无278无无19无无无无无\n五、存在的主要问题及改进情况';
    const appeals = recoverGluedTables(text).tables.find((t) => t.table === 'appeals')!;
    expect(appeals.rows.map((r) => [r.rowId, r.status, r.values])).toEqual([
      ['review', 'recovered', [5, null, null, 2, 7]],
      ['litigation_direct', 'recovered', [8, null, null, 1, 9]],
      ['litigation_after_review', 'recovered', [null, null, null, null, null]],
    ]);
  });
});
