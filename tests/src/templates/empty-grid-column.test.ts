import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { docWithTables } from './helpers.js';


/**
 * Shanghai 2019's table 三 (blanks printed as empty cells, every outcome row's 总计 blank: the report's
 * error) as a turned PDF's grid whose （一）予以公开 has a stray empty cell among its values (258 12 ∅ ∅ 1 ∅ 1,
 * its blank total moved into a column of its own): the grid is one column wider than the header, and no
 * row prints in that column (seed 21, row-faults/pdf-turned).
 */
function shanghai(): string[][] {
  const e = (n: number) => new Array<string>(n).fill('');
  return [
    ['', '申请人情况', ...e(6).map(() => '~申请人情况'), ''],
    ['', '自然人', '法人或其他组织', '~法人或其他组织', '~法人或其他组织', '~法人或其他组织', '~法人或其他组织', '总计', ''],
    ['', '~自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '~总计', ''],
    ['一、本年新收政府信息公开申请数量', '821', '35', '', '', '2', '1', '859', ''],
    ['二、上年结转政府信息公开申请数量', '18', ...e(5), '18', ''],
    ['（一）予以公开', '258', '12', '', '', '1', '', '1', ''],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3', ...e(7)],
    ['1.属于国家秘密', '14', ...e(7)],
    ['2.其他法律行政法规禁止公开', ...e(8)],
    ['3.危及“三安全一稳定”', ...e(8)],
    ['4.保护第三方合法权益', ...e(8)],
    ['5.属于三类内部事务信息', '5', ...e(7)],
    ['6.属于四类过程性信息', '3', '1', ...e(6)],
    ['7.属于行政执法案卷', ...e(8)],
    ['8.属于行政查询事项', '10', '2', ...e(6)],
    ['1.本机关不掌握相关政府信息', '252', '12', '', '', '1', ...e(3)],
    ['2.没有现成信息需要另行制作', '44', '3', ...e(6)],
    ['3.补正后申请内容仍不明确', '25', ...e(7)],
    ['1.信访举报投诉类申请', '148', '1', ...e(6)],
    ['2.重复申请', '5', '4', ...e(6)],
    ['3.要求提供公开出版物', ...e(8)],
    ['4.无正当理由大量反复申请', ...e(8)],
    ['5.要求行政机关确认或重新出具已获取信息', ...e(8)],
    ['（六）其他处理', ...e(8)],
    ['（七）总计', '767', '35', '', '', '2', '1', '805', ''],
    ['四、结转下年度继续办理', '72', ...e(5), '72', ''],
  ];
}

describe('a grid column no row prints in, past the header\'s last label (a stray empty cell whose row moved a blank into it)', () => {
  it('reads every other row on the table\'s width, and the stray row where the column sums put its stray: nothing blank that the report prints', () => {
    const m = mapTemplates(docWithTables(shanghai()));
    const row = (id: string) => ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'].map((c) => m.cells[`requests.${id}.${c}`]);
    const doubt = (id: string) => ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'].map((c) => m.details[`requests.${id}.${c}`]?.doubt ?? null);
    expect(row('partially_granted')).toEqual([3, null, null, null, null, null, null]);
    expect(doubt('partially_granted')).toEqual(new Array(7).fill(null));
    expect(row('unavailable_not_held')).toEqual([252, 12, null, null, 1, null, null]);
    expect(doubt('unavailable_not_held')).toEqual(new Array(7).fill(null));
    // 其他 1 and 总计 blank are the identities' choice (其他's column sums to （七）总计's 1 only so), in doubt.
    expect(row('granted')).toEqual([258, 12, null, null, 1, 1, null]);
    expect(doubt('granted')).toEqual([null, null, null, null, null, 'identity-resolved', 'identity-resolved']);
  });

  it('reads every row as printed when the stray stood in a row of empty cells (4.保护第三方合法权益): 258 12 ∅ ∅ 1 1 ∅ is not taken apart for a value it might have lost', () => {
    const rows = shanghai();
    rows[5] = ['（一）予以公开', '258', '12', '', '', '1', '1', '', ''];
    const m = mapTemplates(docWithTables(rows));
    const cols = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'];
    for (const [id, values] of [['granted', [258, 12, null, null, 1, 1, null]], ['unavailable_not_held', [252, 12, null, null, 1, null, null]]] as const) {
      expect(cols.map((c) => m.cells[`requests.${id}.${c}`])).toEqual(values);
      expect(cols.map((c) => m.details[`requests.${id}.${c}`]?.doubt ?? null)).toEqual(new Array(7).fill(null));
    }
  });
});
