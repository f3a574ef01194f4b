/**
 * Crawler text whose tables print a cell per line (extractors/txt/cell-lines.ts) and a blank cell as an
 * empty line: the empty lines are the rows' cells, where the rows are not parted, or parted by one blank
 * line with every row as long as a neighbour (seed 48 cell-lines/txt Shanghai 2019). Other texts that part
 * their rows by blank lines, or print no empty cell, are read as before.
 */
import { describe, expect, it } from 'vitest';
import { cellLinesAsTabTables } from '../../../extractors/txt/cell-lines.js';

const HEADER = ['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
/** Table 三's first rows, seven cells each, a blank cell an empty line. */
const ROWS: Array<[string, string[]]> = [
  ['一、本年新收政府信息公开申请数量', ['821', '35', '', '', '2', '1', '859']],
  ['二、上年结转政府信息公开申请数量', ['18', '', '', '', '', '', '18']],
  ['（一）予以公开', ['258', '12', '', '', '1', '1', '']],
  ['（二）部分公开', ['', '', '', '', '', '', '']],
  ['（三）不予公开', []],
  ['1.属于国家秘密', ['14', '', '', '', '', '', '14']],
  ['2.其他法律行政法规禁止公开', ['3', '1', '1', '1', '1', '1', '8']],
];

const lines = (parted: boolean) => ['三、收到和处理政府信息公开申请情况', ...HEADER, ...ROWS.flatMap(([label, cells]) => [label, ...cells, ...(parted && cells.length ? [''] : [])]), '五、存在的主要问题及改进情况', '政务公开工作仍存在问题。'];

/** The rows the rewrite writes: each a run of tab lines ended by a blank line, as cells. */
function rows(out: string[]): string[][] {
  const found: string[][] = [];
  let row: string[] = [];
  for (const line of out) {
    if (line.startsWith('\t')) row.push(line.slice(1));
    else {
      if (row.length) found.push(row);
      row = [];
    }
  }
  if (row.length) found.push(row);
  return found;
}

describe('cell-per-line text whose blank cells are empty lines', () => {
  it('rows not parted: each empty line is a cell of its row, a row of empty cells a row', () => {
    const out = cellLinesAsTabTables(lines(false))!;
    expect(out).toBeDefined();
    const read = rows(out);
    expect(read.find((r) => r[0] === '一、本年新收政府信息公开申请数量')).toEqual(['一、本年新收政府信息公开申请数量', '821', '35', '', '', '2', '1', '859']);
    expect(read.find((r) => r[0] === '（一）予以公开')).toEqual(['（一）予以公开', '258', '12', '', '', '1', '1', '']);
    expect(read.find((r) => r[0] === '（二）部分公开')).toEqual(['（二）部分公开', '', '', '', '', '', '', '']);
    expect(read.find((r) => r.includes('1.属于国家秘密'))).toEqual(['（三）不予公开', '1.属于国家秘密', '14', '', '', '', '', '', '14']);
  });

  it('rows parted by a blank line, every row of a table as long: the empty lines before the last are its cells', () => {
    const read = rows(cellLinesAsTabTables(lines(true))!);
    expect(read.find((r) => r[0] === '一、本年新收政府信息公开申请数量')).toEqual(['一、本年新收政府信息公开申请数量', '821', '35', '', '', '2', '1', '859']);
    expect(read.find((r) => r[0] === '（一）予以公开')).toEqual(['（一）予以公开', '258', '12', '', '', '1', '1', '']);
    expect(read.find((r) => r[0] === '（二）部分公开')).toEqual(['（二）部分公开', '', '', '', '', '', '', '']);
    expect(read.find((r) => r.includes('1.属于国家秘密'))).toEqual(['（三）不予公开', '1.属于国家秘密', '14', '', '', '', '', '', '14']);
  });

  it('rows parted by a blank line, a row longer than the others (two blank lines after it): no empty line of the table is read as a cell', () => {
    const text = lines(true);
    const at = text.indexOf('（一）予以公开') + 8;
    text.splice(at, 0, '');
    const read = rows(cellLinesAsTabTables(text)!);
    expect(read.find((r) => r[0] === '（一）予以公开')).toEqual(['（一）予以公开', '258', '12', '1', '1']);
    expect(read.flat().filter((c) => c === '')).toEqual([]);
  });

  it('rows parted by a blank line, rows of unequal length (which empty line parts them is not known): the empty lines are not read as cells', () => {
    const text = lines(true).filter((l, i, all) => !(l === '' && all[i - 1] === '' && all[i + 1] !== ''));
    const read = rows(cellLinesAsTabTables(text)!);
    expect(read.find((r) => r[0] === '（一）予以公开')).toEqual(['（一）予以公开', '258', '12', '1', '1']);
  });

  it('a text printing no empty cell, with prose parted by blank lines: read as before', () => {
    const filled = lines(false).map((l) => (l === '' ? '0' : l));
    const text = ['一、总体情况', '本机关扎实推进政务公开。', '', '全年共收到申请859件。', '', ...filled];
    const read = rows(cellLinesAsTabTables(text)!);
    expect(read.flat().filter((c) => c === '')).toEqual([]);
    expect(read.find((r) => r[0] === '（二）部分公开')).toEqual(['（二）部分公开', '0', '0', '0', '0', '0', '0', '0']);
  });
});
