import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { REQUESTS_2019, REQUESTS_2021 } from '../../../src/templates/ids.js';
import { docWithTables } from './helpers.js';

const seven = (n: number) => [String(n), '0', '0', '0', '0', '0', String(n)];

/** A requests table with the template's labels, values n, n+1, … down the 自然人 and 总计 columns. */
function requestsRows(layout = REQUESTS_2021, relabel: Record<string, string> = {}): string[][] {
  return [
    ['申请人情况', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ...layout.rows.map((r, i) => [relabel[r.id] ?? r.label, ...seven(i + 1)]),
  ];
}

describe('mapTemplates on the requests table', () => {
  it('maps every row by its label onto the template ids', () => {
    const m = mapTemplates(docWithTables(requestsRows()));
    expect(m.layout.requests).toBe('2021');
    REQUESTS_2021.rows.forEach((r, i) => {
      expect(m.cells[`requests.${r.id}.natural_person`]).toBe(i + 1);
      expect(m.cells[`requests.${r.id}.total`]).toBe(i + 1);
    });
  });

  it('recognises the 2019 layout by its single （六）其他处理 row', () => {
    const m = mapTemplates(docWithTables(requestsRows(REQUESTS_2019)));
    expect(m.layout.requests).toBe('2019');
    expect(m.cells['requests.other_handling.natural_person']).toBe(21);
    expect(m.cells['requests.total_processed.total']).toBe(22);
    expect('requests.other_other.total' in m.cells).toBe(false);
  });

  it('tolerates typos, half-width punctuation and line breaks in labels', () => {
    const m = mapTemplates(
      docWithTables(
        requestsRows(REQUESTS_2021, {
          denied_prohibited_by_law: '2.其他法律行政止公开',
          denied_three_safeties_one_stability: '3.危及"三安全 一稳定"',
          partially_granted: '(二)部分公开(区分处理的,只计这一情形,\n不计其他情形)',
        }),
      ),
    );
    expect(m.cells['requests.denied_prohibited_by_law.natural_person']).toBe(6);
    expect(m.cells['requests.denied_three_safeties_one_stability.natural_person']).toBe(7);
    expect(m.cells['requests.partially_granted.natural_person']).toBe(4);
  });

  it('recognises a row whose label leaves out the template note in brackets: （二）部分公开', () => {
    const m = mapTemplates(docWithTables(requestsRows(REQUESTS_2021, { partially_granted: '（二）部分公开' })));
    expect(m.cells['requests.partially_granted.natural_person']).toBe(4);
    expect(m.details['requests.partially_granted.total'].doubt).toBeNull();
    expect(m.cells['requests.granted.natural_person']).toBe(3);
  });

  it('does not map by position: a missing row is reported, not filled from its neighbour', () => {
    const rows = requestsRows().filter((r) => !r[0].includes('重复申请'));
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.rejected_duplicate.natural_person']).toBeNull();
    expect(m.cells['requests.rejected_publication.natural_person']).toBe(18);
    expect(m.messages.some((x) => x.code === 'row-not-found' && x.message.includes('rejected_duplicate'))).toBe(true);
  });

  it('keeps blank cells null and counts a merged value cell once', () => {
    const rows = requestsRows();
    rows[1] = [rows[1][0], '5', '', '-', '/', '无', '0', '~0'];
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.new_received.natural_person']).toBe(5);
    expect(m.cells['requests.new_received.commercial']).toBeNull();
    expect(m.cells['requests.new_received.research']).toBeNull();
    expect(m.cells['requests.new_received.other_legal_person']).toBe(0);
    expect(m.cells['requests.new_received.total']).toBeNull();
    expect(m.details['requests.new_received.research'].raw).toBe('-');
  });

  it('follows the header when it prints the columns in another order', () => {
    const rows = [
      ['申请人情况', '~', '总计', '自然人', '法人或其他组织', '~', '~', '~', '~'],
      ['~', '~', '~总计', '~自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      ...REQUESTS_2021.rows.map((r, i) => [r.label, '', String(i + 2), String(i + 1), '1', '0', '0', '0', '0']),
    ];
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.granted.total']).toBe(4);
    expect(m.cells['requests.granted.natural_person']).toBe(3);
    expect(m.cells['requests.granted.commercial']).toBe(1);
    expect(m.messages.map((x) => x.code)).toContain('columns-by-header');
  });

  it('keeps a garbled value in its column instead of shifting the row', () => {
    const rows = requestsRows();
    rows[1] = [rows[1][0], '5', 'B', '0', '0', '0', '0', '5'];
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.new_received.natural_person']).toBe(5);
    expect(m.cells['requests.new_received.commercial']).toBeNull();
    expect(m.cells['requests.new_received.total']).toBe(5);
    expect(m.messages).toContainEqual({ code: 'unreadable-value', message: "requests.new_received.commercial: cannot read 'B' as a number" });
  });

  it('recognises rows whose group label OCR garbled, by their own words and a block head missing a character', () => {
    const rows = requestsRows();
    const dup = rows.findIndex((r) => r[0].includes('重复申请'));
    rows[dup][0] = '、本年度办理结 (A) BPM理 2.重复申请';
    const total = rows.findIndex((r) => r[0].includes('（七）总计'));
    rows[total][0] = '、本年度办理结 (七)总计';
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.rejected_duplicate.natural_person']).toBe(dup);
    expect(m.cells['requests.total_processed.natural_person']).toBe(total);
  });

  it('reads a table split into two blocks (a page break) as one table', () => {
    const rows = requestsRows();
    const m = mapTemplates(docWithTables(rows.slice(0, 12), rows.slice(12)));
    expect(m.layout.requests).toBe('2021');
    expect(m.cells['requests.carried_forward.total']).toBe(25);
    expect(m.cells['requests.unavailable_not_held.total']).toBe(13);
  });

  it('joins a label cut into a row of its own back onto its row', () => {
    const rows = requestsRows();
    const i = rows.findIndex((r) => r[0].includes('缴纳费用'));
    rows.splice(i, 1, ['（六）其他处理 2.申请人逾期未按收费通知要', ...seven(22)], ['求缴纳费用、行政机关不再处理其政府信息公开申请', '', '', '', '', '', '', '']);
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.other_unpaid_fee.natural_person']).toBe(22);
    expect(m.cells['requests.other_other.natural_person']).toBe(23);
  });

  it('puts in doubt a row whose label holds the items of two rows (lines of two rows joined into one label)', () => {
    const rows = requestsRows();
    const i = rows.findIndex((r) => r[0].includes('4.保护第三方'));
    rows.splice(i, 2, ['4.保护第三方合法权（三）不益予公开 5.属于三类内部事务', ...seven(3)], ['', ...seven(32)]);
    const m = mapTemplates(docWithTables(rows));
    const matched = ['denied_third_party_rights', 'denied_internal_affairs'].flatMap((r) => [`requests.${r}.natural_person`, `requests.${r}.total`]).filter((k) => m.cells[k] !== null);
    expect(matched.length).toBeGreaterThan(0);
    for (const k of matched) expect([k, m.details[k].doubt]).toEqual([k, 'wrapped-label']);
    expect(m.messages.some((x) => x.code === 'merged-label')).toBe(true);
  });

  it('joins the rest of a label onto a row of printed blanks (- - -) whose label was cut', () => {
    const rows = requestsRows(REQUESTS_2019);
    const i = rows.findIndex((r) => r[0].includes('（六）其他处理'));
    rows.splice(i, 1, ['三、本年度办理结果 （六）其', '-', '-', '-', '-', '-', '-', '-'], ['他处理']);
    const doc = docWithTables(rows);
    // As a text reader gives it: the rest of the label is a line of its own, with no cells after it.
    const block = doc.blocks[0];
    if (block.kind === 'table') for (const c of block.rows[i + 1].slice(1)) c.absent = true;
    const m = mapTemplates(doc);
    expect(m.layout.requests).toBe('2019');
    expect([m.cells['requests.other_handling.natural_person'], m.details['requests.other_handling.natural_person'].doubt]).toEqual([null, null]);
    expect(m.cells['requests.total_processed.natural_person']).toBe(22);
  });
});

describe('mapTemplates on the proactive and appeals tables', () => {
  const proactive2021 = [
    ['第二十条第（一）项', '~第二十条第（一）项', '~第二十条第（一）项', '~第二十条第（一）项'],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '1', '0', '11'],
    ['行政规范性文件', '8', '26', '66'],
    ['信息内容', '本年处理决定数量', '~本年处理决定数量', '~本年处理决定数量'],
    ['行政许可', '447228', '~447228', '~447228'],
    ['行政处罚', '3985758', '~3985758', '~3985758'],
    ['行政强制', '88283', '~88283', '~88283'],
    ['信息内容', '本年收费金额（单位：万元）', '~x', '~x'],
    ['行政事业性收费', '96171.6', '~96171.6', '~96171.6'],
  ];
  it('reads the 2021 proactive table, counting a merged value once', () => {
    const m = mapTemplates(docWithTables(proactive2021));
    expect(m.layout.proactive).toBe('2021');
    expect(m.cells).toMatchObject({
      'proactive.rules.in_force': 11,
      'proactive.normative_documents.repealed': 26,
      'proactive.administrative_license.decisions': 447228,
      'proactive.administrative_fees.amount_10k_yuan': 96171.6,
    });
  });

  it('reads the 2019 proactive table with signed changes and a procurement amount in 元', () => {
    const m = mapTemplates(
      docWithTables([
        ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
        ['规章', '13', '13', '524'],
        ['规范性文件', '60', '60', '368'],
        ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
        ['行政许可', '10', '+2', '300'],
        ['其他对外管理服务事项', '5', '-1', '0'],
        ['行政处罚', '3', '0', '12'],
        ['行政强制', '1', '0', '2'],
        ['行政事业性收费', '4', '0', ''],
        ['政府集中采购', '6', '251000元', ''],
      ]),
    );
    expect(m.layout.proactive).toBe('2019');
    expect(m.cells['proactive.administrative_license.change']).toBe(2);
    expect(m.cells['proactive.other_admin_services.change']).toBe(-1);
    expect(m.cells['proactive.government_procurement.amount_10k_yuan']).toBe(25.1);
    expect(m.details['proactive.government_procurement.amount_10k_yuan'].raw).toBe('251000元');
  });

  it('reads the appeals table as one row of fifteen under its header', () => {
    const m = mapTemplates(
      docWithTables([
        ['行政复议', '~', '~', '~', '~', '行政诉讼'],
        ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~', '~', '~', '~', '复议后起诉'],
        [...'72 64 178 37 351 13 4 8 1 26 12 1 1 6 20'.split(' ')],
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect(m.cells['appeals.review.total']).toBe(351);
    expect(m.cells['appeals.litigation_direct.corrected']).toBe(4);
    expect(m.cells['appeals.litigation_after_review.total']).toBe(20);
  });

  it('reads table 四 as 行政复议 beside 行政诉讼 when the litigation groups are named on the line of their columns', () => {
    // A text reader keeps a stacked header as one band: 未经复议直接起诉 · 复议后起诉 joined to the columns under them.
    const columns = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const m = mapTemplates(
      docWithTables([
        ['行政复议'],
        columns,
        '72 64 178 37 351'.split(' '),
        ['行政诉讼'],
        ['复议后起诉', '未经复议直接起诉', ...columns, ...columns],
        '12 1 1 6 20 13 4 8 1 26'.split(' '),
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect(m.cells['appeals.review.total']).toBe(351);
    // The header names 复议后起诉 first: its five values come first.
    expect(m.cells['appeals.litigation_after_review.total']).toBe(20);
    expect(m.cells['appeals.litigation_direct.corrected']).toBe(4);
    expect(m.details['appeals.litigation_direct.total'].doubt).toBeNull();
  });

  it('reads an appeals table transposed into one labelled row per group', () => {
    const m = mapTemplates(
      docWithTables([
        ['', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
        ['行政复议', '2', '1', '0', '1', '4'],
        ['行政诉讼（未经复议直接起诉）', '1', '0', '0', '0', '1'],
        ['行政诉讼（复议后起诉）', '0', '0', '0', '1', '1'],
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect(m.cells['appeals.review.total']).toBe(4);
    expect(m.cells['appeals.litigation_direct.upheld']).toBe(1);
    expect(m.cells['appeals.litigation_after_review.pending']).toBe(1);
  });

  it('reads the appeals row when it carries a label cell of its own', () => {
    const m = mapTemplates(
      docWithTables([
        ['', '行政复议', '~', '~', '~', '~', '行政诉讼'],
        ['', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~', '~', '~', '~', '复议后起诉'],
        ['数量', ...'1 0 0 0 1 0 0 0 2 2 0 0 0 0 0'.split(' ')],
      ]),
    );
    expect(m.cells['appeals.review.upheld']).toBe(1);
    expect(m.cells['appeals.litigation_direct.total']).toBe(2);
  });

  it('finds no table in a document without one', () => {
    const m = mapTemplates(docWithTables([['指标名称', '计量单位', '2016年度'], ['主动公开文件数', '条', '3460']]));
    expect(m.layout).toEqual({ proactive: 'none', requests: 'none', appeals: 'none' });
  });
});
