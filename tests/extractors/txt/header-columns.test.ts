/**
 * Positional reading of layout text: a row short of values (its blanks printed as empty cells) is
 * placed by where its values stand under the header's words — only when every value of every row
 * under that header falls within one column, in order — and every cell so placed is in doubt.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readTextBlocks } from '../../../extractors/txt/document.js';
import { bandWords, cellSpans, headerColumns, placeByHeader, spanAt } from '../../../extractors/txt/header-columns.js';
import type { TableBlock } from '../../../extractors/model.js';
import { extractFile } from '../../../src/pipeline.js';

/** Table 四 as pdftotext -layout wrote it for a generated Shanghai 2019 variant: 6 of 15 values printed. */
const TABLE_FOUR = [
  '四、政府信息公开行政复议、行政诉讼情况',
  '',
  '        行政复议                                     行政诉讼',
  '',
  '                                 未经复议直接起诉                   复议后起诉',
  '结果   结果    其他    尚未',
  '                       总计   结果   结果    其他   尚未        结果   结果   其他   尚未',
  '维持   纠正    结果    审结                              总计                       总计',
  '                            维持   纠正    结果   审结        维持   纠正   结果   审结',
  '',
  ' 5                2     7   8               1    9',
  '五、存在的主要问题及改进情况',
].join('\n');

const tables = (text: string) => readTextBlocks(text).filter((b): b is TableBlock => b.kind === 'table');

describe('header columns of layout text', () => {
  it('groups stacked header words into columns and leaves out the words over several columns', () => {
    const lines = TABLE_FOUR.split('\n').slice(2, 9);
    const columns = headerColumns(lines.flatMap(cellSpans), 'glyphs');
    expect(columns.map(([s]) => s)).toEqual([0, 5, 11, 17, 23, 28, 33, 39, 44, 49, 54, 59, 64, 69, 74]);
  });

  it('counts a CJK character as one column of characters and two of display', () => {
    expect(spanAt('信息内容  12', 6, 8)).toEqual({ start: 6, end: 8, dstart: 10, dend: 12 });
  });
});

describe('a layout table whose blanks are empty cells', () => {
  it('places the values of table 四 under their columns, each cell in doubt', () => {
    const [table] = tables(TABLE_FOUR);
    const row = table.rows[table.rows.length - 1].filter((c) => !c.absent);
    expect(row.map((c) => c.text)).toEqual(['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']);
    expect(new Set(row.map((c) => c.doubt))).toEqual(new Set(['placed-by-position']));
  });

  it('places the rows of the header\'s page when a later page sets the table\'s rows elsewhere', () => {
    // Seed 2 pdf-layout/pdftotext, Shanghai 2019 on narrow pages: table 三 goes on over a page break without its header,
    // the rows of the next page packed left of where the header's columns stood (767 35 2 1 805). One row the header
    // could not place made it trust itself for none: the rows of its own page, which it places, went blank too.
    const page1 = [
      '三、收到和处理政府信息公开申请情况',
      '',
      '                    自然人    商业企业    科研机构    总计',
      '',
      '一、本年新收申请      821       35                    859',
      '二、上年结转申请       18                              18',
    ];
    for (const pageBreak of [['', '                              —1—', ''], ['\f']]) {
      const page2 = ['（七）总计             767  35    805', '四、结转下年度继续办理  72         72'];
      const text = [...page1, ...pageBreak.slice(0, -1), `${pageBreak.at(-1)}${page2[0]}`, page2[1], '四、政府信息公开行政复议、行政诉讼情况'].join('\n');
      const [table] = tables(text);
      const row = (label: string) => table.rows.find((r) => r[0].text.startsWith(label))!.filter((c) => !c.absent).map((c) => c.text + (c.doubt ? '*' : ''));
      expect(row('一、')).toEqual(['一、本年新收申请', '821*', '35*', '*', '859*']);
      expect(row('二、')).toEqual(['二、上年结转申请', '18*', '*', '*', '18*']);
      // The next page's rows stand under no column of the header: left as printed.
      expect(row('（七）')).toEqual(['（七）总计', '767', '35', '805']);
    }
  });

  it('places nothing when one value of the rows under the header stands under no column', () => {
    // The same row with 8 moved between two columns: the header cannot place that row, nor trust itself for the others.
    const shifted = TABLE_FOUR.replace(' 5                2     7   8               1    9', ' 5                2     7 8                 1    9');
    const [table] = tables(shifted);
    const row = table.rows[table.rows.length - 1].filter((c) => !c.absent);
    expect(row.map((c) => c.text)).toEqual(['5', '2', '7', '8', '1', '9']);
    expect(row.some((c) => c.doubt)).toBe(false);
  });

  it('leaves a row alone whose values fill every column, and the label column out of the columns', () => {
    // Padded by display width (a CJK character two columns), as some converters write text.
    const text = ['信息内容    上一年项目数量    本年增/减    处理决定数量', '', '行政处罚          0                 0              0', '', '行政强制          0                                3'].join('\n');
    const [table] = tables(text);
    expect(table.rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text + (c.doubt ? '*' : '')))).toEqual([
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政处罚', '0', '0', '0'],
      ['行政强制', '0*', '*', '3*'],
    ]);
  });

  it('places table 四 when its group word (行政复议), counted by characters, stands over a gap between two columns', () => {
    // Another render of the same variant (seed 2, prose-pdftotext-03): 行政复议 at characters 8–12,
    // between 结果 (6–8) and 其他 (12–14) of a lower line — once taken for a column of its own.
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '',
      '        行政复议                                      行政诉讼',
      '',
      '                                  未经复议直接起诉                   复议后起诉',
      '结果    结果    其他    尚未',
      '                        总计   结果   结果    其他   尚未        结果   结果   其他   尚未',
      '维持    纠正    结果    审结                              总计                       总计',
      '                             维持   纠正    结果   审结        维持   纠正   结果   审结',
      '',
      ' 5                 2     7   8               1    9',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const [table] = tables(text);
    const row = table.rows[table.rows.length - 1].filter((c) => !c.absent);
    expect(row.map((c) => c.text)).toEqual(['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']);
    expect(new Set(row.map((c) => c.doubt))).toEqual(new Set(['placed-by-position']));
  });

  it('keeps a top-line word over a column of a lower line, and every word of a one-line header', () => {
    const [top, lower] = [cellSpans('结果   总计'), cellSpans('维持   纠正   审结')];
    expect(bandWords([top, lower])).toEqual([...top, ...lower]);
    expect(bandWords([cellSpans('  行政复议')])).toEqual(cellSpans('  行政复议'));
  });

  it('places nothing without header words', () => {
    expect(placeByHeader([], [{ values: [spanAt('1', 0, 1)] }])).toBeUndefined();
    expect(placeByHeader([[]], [{ values: [spanAt('1', 0, 1)] }])).toBeUndefined();
  });

  it('reads the generated Shanghai 2019 layout text: table 四 exact, its cells in doubt (one identity per cell cannot confirm them)', async () => {
    const record = await extractFile('tests/fixtures/txt/shanghai-2019-variety-plain-pdftotext.txt');
    const truth = JSON.parse(readFileSync('../shared/corpus/variety/shanghai-govoffice-2019.truth.json', 'utf8')).cells as Record<string, number | null>;
    const keys = Object.keys(truth).filter((k) => k.startsWith('appeals.'));
    expect(keys).toHaveLength(15);
    expect(Object.fromEntries(keys.map((k) => [k, record.cells[k]]))).toEqual(Object.fromEntries(keys.map((k) => [k, truth[k]])));
    expect(new Set(keys.map((k) => record.cell_details[k].doubt))).toEqual(new Set(['placed-by-position']));
    // Nothing else of the record is a confident wrong number.
    const wrong = Object.keys(truth).filter((k) => record.cells[k] !== undefined && record.cells[k] !== null && record.cells[k] !== truth[k] && !record.cell_details[k].doubt);
    expect(wrong).toEqual([]);
  });
});

/** Table 三's header as pdftotext set it at the top of a page of a generated Shanghai 2019 variant (seed 20, pdf-layout). */
const REQUESTS_HEADER = [
  '                                                        申请人情况',
  ' （本列数据的勾稽关系为：第一项加第二项之                                  法人或其他组织',
  '    和，等于第三项加第四项之和）         自然人                        科研机 社会公 法律服务机    总计',
  '                                      商业企业                          其他',
  '                                                       构  益组织   构',
];

/** A table's rows, each as its cells' texts (absent cells left out), a placed cell marked with *. */
const placedRows = (text: string, doubt = 'placed-by-position') =>
  tables(text)[0].rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text + (c.doubt === doubt ? '*' : c.doubt ? `{${c.doubt}}` : '')));

describe('table 三 of layout text under a header pdftotext set apart from the labels', () => {
  it('takes the wrapped rest of the label column\'s note (和，等于第三项…, right of where labels begin) for no value column', () => {
    const text = [
      ...REQUESTS_HEADER,
      '   一、本年新收政府信息公开申请数量            821          35                   2   1   859',
      '   二、上年结转政府信息公开申请数量            18                                        18',
      '三、本年度办       （一）予以公开           258          12                   1   1',
    ].join('\n');
    // 821 stands right of 自然人 (27–30): not certain by position, placed by the order of the values.
    const rows = placedRows(text, 'placed-by-order').slice(-3);
    expect(rows).toEqual([
      ['一、本年新收政府信息公开申请数量', '821*', '35*', '*', '*', '2*', '1*', '859*'],
      ['二、上年结转政府信息公开申请数量', '18*', '*', '*', '*', '*', '*', '18*'],
      ['三、本年度办 （一）予以公开', '258*', '12*', '*', '*', '1*', '1*', '*'],
    ]);
  });

  it('keeps 自然人 as a column where, counted by display width after the note, it would stand over a gap of the line below', () => {
    const text = [
      '                                          申请人情况',
      '（本列数据的勾稽关系为：第一项加第二项之                     法人或其他组织',
      '   和，等于第三项加第四项之和）          自然人          科研机 社会公 法律服务机    总计',
      '                                 商业企业                 其他',
      '                                         构  益组织   构',
      '               1.属于国家秘密    14',
      '              6.属于四类过程性信',
      '                            3     1',
      '                   息',
      '                8.属于行      10     2',
    ].join('\n');
    expect(placedRows(text).slice(-3)).toEqual([
      ['1.属于国家秘密', '14*', '*', '*', '*', '*', '*', '*'],
      ['6.属于四类过程性信息', '3*', '1*', '*', '*', '*', '*', '*'],
      ['8.属于行', '10*', '2*', '*', '*', '*', '*', '*'],
    ]);
  });

  it('places a row whose total wrapped over the lines above and below it, the joined total in doubt of its own', () => {
    const text = [
      ...REQUESTS_HEADER,
      '                                                                       85',
      '   一、本年新收政府信息公开申请数量        821        35                        2   1',
      '                                                                        9',
      '   二、上年结转政府信息公开申请数量        18                                          18',
    ].join('\n');
    expect(placedRows(text).slice(-2)).toEqual([
      ['一、本年新收政府信息公开申请数量', '821*', '35*', '*', '*', '2*', '1*', '859{wrapped-value}'],
      ['二、上年结转政府信息公开申请数量', '18*', '*', '*', '*', '*', '*', '18*'],
    ]);
  });
});

describe('ways of counting a header', () => {
  it('prefers a way that keeps the words of each header line apart to one that runs two of them together', () => {
    // By characters and by display width: two columns, a value under each. Counted by display width from
    // where each word starts, 科研机 (at 10) runs into 社会公 (at 14): one column over both values — no
    // account of the page, and no reason to doubt the others.
    const band = [[spanAt('          科研机 社会公', 10, 13), spanAt('          科研机 社会公', 14, 17)]];
    const rows = [{ values: [spanAt('          1', 10, 11)] }, { values: [spanAt('                2', 16, 17)] }];
    expect(placeByHeader(band, rows)).toEqual([
      [0, -1],
      [-1, 0],
    ]);
  });
});
