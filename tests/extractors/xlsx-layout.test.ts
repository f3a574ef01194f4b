import { describe, expect, it } from 'vitest';
import type { GridCell } from '../../extractors/xlsx/grid.js';
import { sheetBlocks } from '../../extractors/xlsx/layout.js';

/** A grid from rows of texts; '~' before a text marks a position covered by a merge. */
function grid(rows: string[][]): GridCell[][] {
  return rows.map((row, r) => row.map((t, c) => ({ text: t.replace(/^~/, ''), address: `${String.fromCharCode(65 + c)}${r + 1}`, ...(t.startsWith('~') ? { spanned: true } : {}) })));
}
const texts = (rows: string[][]) => rows.map((row) => row.map((t) => ({ text: t.replace(/^~/, ''), ...(t.startsWith('~') ? { spanned: true } : {}) })));

describe('a sheet laid out as blocks', () => {
  it('makes the merged title the heading, a unit beside it a paragraph, and keeps a full-width header row in the table', () => {
    const blocks = sheetBlocks(
      grid([
        ['某县2023年政府信息公开工作年度报告', '~某县2023年政府信息公开工作年度报告', '单位：件'],
        ['第二十条第（一）项', '~第二十条第（一）项', '~第二十条第（一）项'],
        ['信息内容', '本年制发件数', '本年废止件数'],
        ['规章', '1', '2'],
        ['注：规章为本级政府制定。', '~注：规章为本级政府制定。', '~注：规章为本级政府制定。'],
        ['填报人：张三', '', '2024年1月20日'],
      ]),
      { titled: false },
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: '某县2023年政府信息公开工作年度报告', level: 1 },
      { kind: 'paragraph', text: '单位：件' },
      { kind: 'table', rows: texts([['第二十条第（一）项', '~第二十条第（一）项', '~第二十条第（一）项'], ['信息内容', '本年制发件数', '本年废止件数'], ['规章', '1', '2']]) },
      { kind: 'paragraph', text: '注：规章为本级政府制定。' },
      { kind: 'paragraph', text: '填报人：张三' },
      { kind: 'paragraph', text: '2024年1月20日' },
    ]);
  });

  it('splits tables at empty rows, drops columns a table leaves empty, and gives captions between them as paragraphs', () => {
    const state = { titled: true };
    const blocks = sheetBlocks(
      grid([
        ['二、主动公开政府信息情况', '', ''],
        ['行政许可', '5', ''],
        ['', '', ''],
        ['三、收到和处理政府信息公开申请情况', '', ''],
        ['自然人', '商业企业', '总计'],
        ['1', '2', '3'],
      ]),
      state,
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '二、主动公开政府信息情况' },
      { kind: 'table', rows: texts([['行政许可', '5']]) },
      { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' },
      { kind: 'table', rows: texts([['自然人', '商业企业', '总计'], ['1', '2', '3']]) },
    ]);
  });

  it('cuts a run of rows at a caption or a sentence merged over the whole width, as in a report page pasted into a sheet', () => {
    const blocks = sheetBlocks(
      grid([
        ['第二十条第（八）项', '~第二十条第（八）项', '~第二十条第（八）项'],
        ['行政事业性收费', '3.5', '~3.5'],
        ['四、政府信息公开行政复议、行政诉讼情况', '~四、政府信息公开行政复议、行政诉讼情况', '~四、政府信息公开行政复议、行政诉讼情况'],
        ['行政复议', '~行政复议', '行政诉讼'],
        ['1', '2', '3'],
        ['本机关全年未发生因政府信息公开被纠错的情况。', '~本机关全年未发生因政府信息公开被纠错的情况。', '~本机关全年未发生因政府信息公开被纠错的情况。'],
        ['三、本年度办理结果', '7', '8'],
        ['四、结转下年度继续办理', '', ''],
        ['五、其他', '9', '9'],
      ]),
      { titled: true },
    );
    expect(blocks).toEqual([
      { kind: 'table', rows: texts([['第二十条第（八）项', '~第二十条第（八）项', '~第二十条第（八）项'], ['行政事业性收费', '3.5', '~3.5']]) },
      { kind: 'paragraph', text: '四、政府信息公开行政复议、行政诉讼情况' },
      { kind: 'table', rows: texts([['行政复议', '~行政复议', '行政诉讼'], ['1', '2', '3']]) },
      { kind: 'paragraph', text: '本机关全年未发生因政府信息公开被纠错的情况。' },
      // A label whose values are all blank is a row of its table, not a caption.
      { kind: 'table', rows: texts([['三、本年度办理结果', '7', '8'], ['四、结转下年度继续办理', '', ''], ['五、其他', '9', '9']]) },
    ]);
  });

  it('gives lines of text one under the other as paragraphs, not as a one-column table', () => {
    const blocks = sheetBlocks(grid([['本表根据各单位报送数据汇总。'], ['数据截至12月31日。']]), { titled: false });
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '本表根据各单位报送数据汇总。' },
      { kind: 'paragraph', text: '数据截至12月31日。' },
    ]);
  });

  it('keeps a formula cell without a value in its table, with its doubt', () => {
    const rows = grid([['行政许可', '4', '']]);
    rows[0]![2] = { text: '', doubt: 'formula-without-value', address: 'C1' };
    expect(sheetBlocks(rows, { titled: false })).toEqual([{ kind: 'table', rows: [[{ text: '行政许可' }, { text: '4' }, { text: '', doubt: 'formula-without-value' }]] }]);
  });
});
