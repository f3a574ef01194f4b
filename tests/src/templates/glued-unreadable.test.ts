/** Text printed in a cell of a glued run (＊, 不适用): one cell, unreadable; the other cells cut by the identities. */
import { describe, expect, it } from 'vitest';
import { splitFree, splitWithTotals } from '../../../src/templates/glued/split.js';
import { feasible, supportedCandidates } from '../../../src/templates/glued/solve.js';
import { recoverGluedTables } from '../../../src/templates/glued.js';

describe('unreadable marks in glued runs', () => {
  it('cuts a run with ＊ as one cell whose value is not known, and its total only bounded by it', () => {
    expect(splitWithTotals('0000*00', 1, 7).readings).toEqual([[0, 0, 0, 0, NaN, 0, 0]]);
    // 12 + ＊ + … = 15: the total is any count of at least the others' sum.
    // 12·＊·0·0·0·1·5 would give 5 for 12 and more: only 1·2·＊·0·0·0·15 is left.
    expect(splitWithTotals('12*00015', 1, 7).readings).toEqual([[1, 2, NaN, 0, 0, 0, 15]]);
    expect(splitWithTotals('3不适用003', 1, 5).readings).toEqual([[3, NaN, 0, 0, 3]]);
    expect(splitFree('5*0', ['count', 'count', 'count']).readings).toEqual([[5, NaN, 0]]);
  });

  it('lets an unknown cell take any non-negative value in a column sum, never fix it', () => {
    // Rows a + b = c per column; b is unknown in column 0.
    const identities = [{ name: 'sum', terms: [{ row: 0, coef: 1 as const }, { row: 1, coef: 1 as const }, { row: 2, coef: -1 as const }] }];
    expect(feasible([[[2, 1]], [[NaN, 1]], [[5, 2]]], identities)).toBe('yes');
    // The known part already exceeds the total: no value of the unknown cell helps.
    expect(feasible([[[6, 1]], [[NaN, 1]], [[5, 2]]], identities)).toBe('no');
    // An unknown total bounds nothing from above.
    expect(feasible([[[6, 1]], [[1, 1]], [[NaN, 2]]], identities)).toBe('yes');
    // Candidates of a row with an unknown cell are still chosen by the other columns.
    expect(supportedCandidates([[[2, 1]], [[NaN, 1], [NaN, 3]], [[5, 2]]], identities).supported).toEqual([[0], [0], [0]]);
  });

  it('finds table 三 with ＊ in a row and reads the cell unreadable, the rest of the row by the identities', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
      '一、本年新收政府信息公开申请申请数量123000015',
      '二、上年结转政府信息公开申请数量0000000',
      '三、本年度办理结果（一）予以公开111000012（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000',
      '（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000',
      '（四）无法提供1.本机关不掌握相关政府信息00000002.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000',
      '（五）不予处理1.信访举报投诉类申请00000002.重复申请1*000033.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000',
      '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000（七）总计123000015',
      '四、结转下年度继续办理0000000',
    ].join('\n');
    const requests = recoverGluedTables(text).tables.find((t) => t.table === 'requests')!;
    const row = (id: string) => requests.rows.find((r) => r.rowId === id)!;
    expect([row('rejected_duplicate').status, row('rejected_duplicate').values, row('rejected_duplicate').unreadable]).toEqual(['recovered', [1, null, 0, 0, 0, 0, 3], [1]]);
    expect([row('granted').status, row('granted').values]).toEqual(['recovered', [11, 1, 0, 0, 0, 0, 12]]);
    expect(row('new_received').values).toEqual([12, 3, 0, 0, 0, 0, 15]);
  });
});
