/**
 * Attack 2: a text value in a number cell (不适用, 见附件, 四, =1+1) used to be absorbed into the row
 * label, shifting the row's values one column left (`[不适用 | 1 | 23]` read as issued=1, repealed=23).
 * A text token in a value column is an unreadable value in its own column: blank, kept in raw, with a
 * doubt — never part of the label — and the identities it takes part in are not checked on it.
 */
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../src/pipeline.js';
import { REQUESTS_2021 } from '../../../src/templates/ids.js';

const td = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

function report(texts: string[]): string {
  const [a, b, c, d] = texts;
  const proactive = [
    td(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    td(['规章', a, '1', '23']),
    td(['行政规范性文件', '2', '0', '40']),
    td(['行政许可', '5', '', '']),
    td(['行政处罚', b, '', '']),
    td(['行政强制', '0', '', '']),
    td(['行政事业性收费', '1.5', '', '']),
  ].join('');
  // The table reconciles: 1 natural person and 1 company received, granted and processed.
  const requests = [
    td(['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']),
    ...REQUESTS_2021.rows.map((r) =>
      td([r.label, ...(r.id === 'granted' ? [c, '1', '0', '0', '0', '0', '2'] : ['new_received', 'total_processed'].includes(r.id) ? ['1', '1', '0', '0', '0', '0', '2'] : r.id === 'carried_forward' ? ['0', '0', '0', '0', '0', '0', d] : ['0', '0', '0', '0', '0', '0', '0'])]),
    ),
  ].join('');
  return `<html><body><h1>2023年某局政府信息公开工作年度报告</h1><p>一、总体情况</p><p>二、主动公开政府信息情况</p><table>${proactive}</table><p>三、收到和处理政府信息公开申请情况</p><table>${requests}</table></body></html>`;
}

describe('a text value in a number cell', () => {
  it.each([
    ['不适用', '见附件', '四', '=1+1'],
    ['=1+1', '四', '不适用', '见附件'],
  ])('reads %s, %s, %s and %s as unreadable values in their columns, shifting nothing', async (...texts) => {
    const record = await extractBytes(Buffer.from(report(texts)), 'text-in-cells.html');
    expect([record.cells['proactive.rules.issued'], record.cells['proactive.rules.repealed'], record.cells['proactive.rules.in_force']]).toEqual([null, 1, 23]);
    expect(record.cell_details['proactive.rules.issued']).toMatchObject({ raw: texts[0], doubt: 'unreadable' });
    expect(record.cells['proactive.administrative_penalty.decisions']).toBeNull();
    expect(record.cell_details['proactive.administrative_penalty.decisions']).toMatchObject({ raw: texts[1], doubt: 'unreadable' });
    expect(record.cells['proactive.administrative_enforcement.decisions']).toBe(0);
    expect(record.cells['requests.granted.natural_person']).toBeNull();
    expect(record.cells['requests.granted.commercial']).toBe(1);
    expect(record.cells['requests.granted.total']).toBe(2);
    expect(record.cells['requests.carried_forward.total']).toBeNull();
    // No identity fails on an unread cell as if the report printed a blank there.
    expect(record.findings.filter((f) => f.basis === 'printed' && f.rule !== 'completeness')).toEqual([]);
    expect(record.messages.filter((m) => m.code === 'check-skipped').length).toBeGreaterThan(0);
  });
});
