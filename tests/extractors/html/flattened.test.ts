/**
 * Tables a page prints as text (extractors/html/flattened.ts): rows as paragraphs, <br> lines or a <pre>
 * block are read as the text reader reads the same lines; prose with numbers stays prose.
 */
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../extractors/html/index.js';
import type { Block, TableBlock } from '../../../extractors/model.js';

const doc = (body: string) => htmlToDocument(`<html><body>${body}</body></html>`, { format: 'html', wholeDocument: true });
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const rowsOf = (table: TableBlock) => table.rows.map((r) => r.map((c) => c.text).filter(Boolean));

const NBSP_TAB = '&nbsp;&nbsp;&nbsp;&nbsp;';
const LINES = [
  ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
  ['规章', '0', '0', '3'],
  ['行政规范性文件', '12', '4', '88'],
  ['行政许可', '2629', '', ''],
];

describe('tables printed as text in a page', () => {
  it('reads paragraphs whose cells are apart by runs of &nbsp; (a tab as an editor leaves it) as a table', () => {
    const page = `<h2>二、主动公开政府信息情况</h2>${LINES.map((l) => `<p>${l.filter(Boolean).join(NBSP_TAB)}</p>`).join('')}<p>三、其他</p>`;
    const found = tables(doc(page).blocks);
    expect(found.length).toBe(1);
    expect(rowsOf(found[0]).slice(1)).toEqual([['规章', '0', '0', '3'], ['行政规范性文件', '12', '4', '88'], ['行政许可', '2629']]);
  });

  it('reads lines broken by <br>, their values apart by single spaces, and a <pre> block of tab-separated lines', () => {
    // Single spaces part CJK words too: only rows printing two values or more say they are a table's.
    const spaced = [...LINES.slice(0, 3), ['行政处罚', '1330', '5', '0'], ['行政强制', '54', '0', '1']];
    const br = `<p>${spaced.map((l) => l.filter(Boolean).join(' ')).join('<br>')}</p>`;
    const pre = `<pre>${LINES.map((l) => l.join('\t')).join('\n')}</pre>`;
    for (const page of [br, pre]) {
      const found = tables(doc(page).blocks);
      expect(found.length).toBe(1);
      expect(rowsOf(found[0]).find((r) => r[0] === '行政规范性文件')).toEqual(['行政规范性文件', '12', '4', '88']);
    }
  });

  it('reads a <pre> table 四 of single spaces whose row of values ends in blanks printed 无', () => {
    // Seeds 37 and 6 flattened-tables/html, Shanghai 2019: 5 无 无 2 7 8 无 无 1 9 无 无 无 无 无 ends in a blank marker, so
    // no line of the block was taken for values; read as prose, the 无 ran together and table 四 went blank.
    const pre = [
      '行政复议 行政诉讼',
      '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉',
      '结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计',
      '5 无 无 2 7 8 无 无 1 9 无 无 无 无 无',
    ].join('\n');
    const found = tables(doc(`<p>四、政府信息公开行政复议、行政诉讼情况</p><pre>${pre}</pre><p>五、存在的主要问题</p>`).blocks);
    expect(found.length).toBe(1);
    expect(rowsOf(found[0]).at(-1)).toEqual(['5', '无', '无', '2', '7', '8', '无', '无', '1', '9', '无', '无', '无', '无', '无']);
  });

  it('reads <pre> tables whose cells are joined by single spaces, a blank cell one space more, numbered labels and all', () => {
    // Seed 9 flattened-tables/html, Shanghai 2019 (blanks printed as nothing): each table a <pre> of cells joined by one
    // space, so a blank cell shows only as one more space (821 35   2 1 859, 18      18). Table 三's fully single-spaced
    // rows mostly start with their numbering (6.属于四类过程性信息 3 1), which the space-joined test did not take for a
    // labelled row, and table 四's <pre> prints one row: neither block was read as space-joined, five values were read for
    // seven columns and table 四's six values for fifteen.
    const proactive = ['第二十条第（一）项', '信息内容 本年新制作数量 本年新公开数量 对外公开总数量', '规章 13 13 524', '规范性文件 60 60 368',
      '第二十条第（五）项', '信息内容 上一年项目数量 本年增/减 处理决定数量', '行政许可 0 0 0', '其他对外管理服务事项 0 0 0'];
    const requests = [
      '自然人 法人或其他组织 总计', '商业企业 科研机构 社会公益组织 法律服务机构 其他',
      '一、本年新收政府信息公开申请数量 821 35   2 1 859', '二、上年结转政府信息公开申请数量 18      18',
      '三、本年度办理结果 （一）予以公开 258 12   1 1 ', '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3      ',
      '（三）不予公开 1.属于国家秘密 14      ', '2.其他法律行政法规禁止公开       ', '6.属于四类过程性信息 3 1     ',
      '8.属于行政查询事项 10 2     ', '（四）无法提供 1.本机关不掌握相关政府信息 252 12   1  ', '2.没有现成信息需要另行制作 44 3     ',
      '（五）不予处理 1.信访举报投诉类申请 148 1     ', '2.重复申请 5 4     ', '（七）总计 767 35   2 1 805', '四、结转下年度继续办理 72      72',
    ];
    const appeals = ['行政复议 行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉',
      '结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计', '5   2 7 8   1 9     '];
    const page = [['二、主动公开政府信息情况', proactive], ['三、收到和处理政府信息公开申请情况', requests], ['四、政府信息公开行政复议、行政诉讼情况', appeals]]
      .map(([title, lines]) => `<p>${title}</p><pre>${(lines as string[]).join('\n')}</pre>`).join('') + '<p>五、存在的主要问题及改进情况</p>';
    const found = tables(doc(page).blocks);
    expect(found.length).toBe(3);
    const cells = (table: TableBlock, label: string) => {
      const row = table.rows.find((r) => r[0].text.endsWith(label));
      return row?.slice(1).map((c) => c.text);
    };
    const [, t3, t4] = found;
    expect(cells(t3, '本年新收政府信息公开申请数量')).toEqual(['821', '35', '', '', '2', '1', '859']);
    expect(cells(t3, '上年结转政府信息公开申请数量')).toEqual(['18', '', '', '', '', '', '18']);
    expect(cells(t3, '属于四类过程性信息')).toEqual(['3', '1', '', '', '', '', '']);
    expect(cells(t3, '本机关不掌握相关政府信息')).toEqual(['252', '12', '', '', '1', '', '']);
    expect(cells(t3, '（七）总计')).toEqual(['767', '35', '', '', '2', '1', '805']);
    // Table 四's row prints no label: its fifteen places from the first cell on, the grid's cells after them empty.
    const row = t4.rows.at(-1)!.map((c) => c.text);
    expect(row.slice(0, 15)).toEqual(['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']);
    expect(row.slice(15).every((t) => t === '')).toBe(true);
  });

  it('leaves prose with numbers, and pages whose tables are tables, as they were', () => {
    const prose = ['全年共收到政府信息公开申请 218 件，办结 218 件。', '主动公开政府信息  1,234 条，其中  政策解读 56 篇。', '因政府信息公开工作被申请行政复议 7 件、提起行政诉讼 0 件。', '2024年度未收取信息处理费。', '下一步将加强培训  提升质量 2 项。'];
    const blocks = doc(prose.map((p) => `<p>${p}</p>`).join('')).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(prose.map(() => 'paragraph'));
    const table = `<table>${LINES.map((l) => `<tr>${l.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
    const withTable = doc(`<p>一、总体情况</p>${table}<p>${prose[0]}</p>`).blocks;
    expect(withTable.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  });
});
