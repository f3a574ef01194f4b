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

  it('leaves prose with numbers, and pages whose tables are tables, as they were', () => {
    const prose = ['全年共收到政府信息公开申请 218 件，办结 218 件。', '主动公开政府信息  1,234 条，其中  政策解读 56 篇。', '因政府信息公开工作被申请行政复议 7 件、提起行政诉讼 0 件。', '2024年度未收取信息处理费。', '下一步将加强培训  提升质量 2 项。'];
    const blocks = doc(prose.map((p) => `<p>${p}</p>`).join('')).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(prose.map(() => 'paragraph'));
    const table = `<table>${LINES.map((l) => `<tr>${l.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
    const withTable = doc(`<p>一、总体情况</p>${table}<p>${prose[0]}</p>`).blocks;
    expect(withTable.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  });
});
