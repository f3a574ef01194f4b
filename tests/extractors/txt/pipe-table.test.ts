import { describe, expect, it } from 'vitest';
import { readPipeTable } from '../../../extractors/txt/pipe-table.js';

const read = (lines: string[]) => readPipeTable(lines, 0).table.rows.map((r) => r.map((c) => (c.spanned ? `~${c.text}` : c.absent ? '∅' : c.text)));

describe('Markdown pipe tables', () => {
  it('reads the empty cell between a label and the row\'s numbers as the label\'s span, in a column that holds no number', () => {
    expect(read(['| 项目 | | 自然人 | 总计 |', '| --- | --- | --- | --- |', '| 一、本年新收 | | 3 | 3 |', '| 三、本年度办理结果 | （一）予以公开 | 2 | 2 |'])).toEqual([
      ['项目', '', '自然人', '总计'],
      ['一、本年新收', '~一、本年新收', '3', '3'],
      ['三、本年度办理结果', '（一）予以公开', '2', '2'],
    ]);
  });

  it('keeps an empty cell after a number a blank value, though no row prints a number in its column', () => {
    // A report that prints blanks: 科研机构 and 社会公益组织 hold nothing in any row, and 总计 is blank.
    expect(read(['| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 其他 | 总计 |', '|---|---|---|---|---|---|---|', '| （一）予以公开 | 258 | 12 |  |  | 1 |  |', '| 二、上年结转 | 18 |  |  |  |  | 18 |'])).toEqual([
      ['项目', '自然人', '商业企业', '科研机构', '社会公益组织', '其他', '总计'],
      ['（一）予以公开', '258', '12', '', '', '1', ''],
      ['二、上年结转', '18', '', '', '', '', '18'],
    ]);
  });
});

describe('pipe tables whose merged cells were unmerged, their text repeated (Docling)', () => {
  it('reads words repeated beside themselves as one merged cell: a label over two columns, a heading over several', () => {
    expect(read(['| 本列数据的勾稽关系为 | 本列数据的勾稽关系为 | 申请人情况 | 申请人情况 |', '| --- | --- | --- | --- |', '| 本列数据的勾稽关系为 | 本列数据的勾稽关系为 | 自然人 | 总计 |', '| 三、本年度办理结果 | （二）部分公开 | 3 | 3 |', '| 一、本年新收 | 一、本年新收 | 5 | 5 |'])).toEqual([
      ['本列数据的勾稽关系为', '~本列数据的勾稽关系为', '申请人情况', '~申请人情况'],
      ['本列数据的勾稽关系为', '~本列数据的勾稽关系为', '自然人', '总计'],
      ['三、本年度办理结果', '（二）部分公开', '3', '3'],
      ['一、本年新收', '~一、本年新收', '5', '5'],
    ]);
  });

  it('reads a number repeated beside itself as one merged cell only under a heading repeated the same way', () => {
    expect(read(['| 信息内容 | 采购项目数量 | 采购总金额 | 采购总金额 |', '|---|---|---|---|', '| 政府集中采购 | 6 | 25.1 | 25.1 |', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| 规章 | 0 | 0 | 0 |'])).toEqual([
      ['信息内容', '采购项目数量', '采购总金额', '~采购总金额'],
      ['政府集中采购', '6', '25.1', '~25.1'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
    ]);
  });

  it('keeps repeated blank signs, and words repeated in number columns of a row with numbers, cells of their own', () => {
    expect(read(['| 项目 | 自然人 | 商业企业 | 科研机构 |', '|---|---|---|---|', '| （一）予以公开 | 3 | / | / |', '| （二）部分公开 | 2 | 不适用 | 不适用 |', '| （三）不予公开 | 无 | 无 | 1 |'])).toEqual([
      ['项目', '自然人', '商业企业', '科研机构'],
      ['（一）予以公开', '3', '/', '/'],
      ['（二）部分公开', '2', '不适用', '不适用'],
      ['（三）不予公开', '无', '无', '1'],
    ]);
  });
});

describe('a converter\'s placeholder table', () => {
  it('reads a pipe table of dashes alone, its header included, as no table: nothing in it can be placed', () => {
    expect(read(['| - | - | - |', '| --- | --- | --- |', '| - | - | - |', '| - | - | - |'])).toEqual([]);
  });

  it('keeps a row of dashes in a table with labels or header words: those dashes are printed blanks', () => {
    expect(read(['| 结果维持 | 结果纠正 | 总计 |', '| --- | --- | --- |', '| - | - | - |'])).toEqual([
      ['结果维持', '结果纠正', '总计'],
      ['-', '-', '-'],
    ]);
  });
});
