/**
 * Tables printed without rulings, read from text positions (extractors/pdf/stream.ts): rows short of
 * values placed under their header's columns, lines of values alone between the lines of a label
 * wrapped in a narrow column, and one item to a label. Runs placed by hand, as a 9%-wide label column
 * prints them (positions from a LibreOffice export of Shanghai 2019).
 */
import { describe, expect, it } from 'vitest';
import type { PositionedText } from '../../../extractors/pdf/items.js';
import { groupLines } from '../../../extractors/pdf/lines.js';
import { findStreamTable } from '../../../extractors/pdf/stream.js';
import { assemble } from '../../../extractors/pdf/assemble.js';
import { layoutPage } from '../../../extractors/pdf/layout.js';
import type { TableCell } from '../../../extractors/model.js';

const run = (text: string, x: number, y: number, size = 10.5): PositionedText => ({
  text,
  page: 1,
  x,
  y,
  width: [...text].reduce((w, ch) => w + (/[\d.]/.test(ch) ? size / 2 : size), 0),
  height: size,
  origin: 'text',
});

const texts = (rows: TableCell[][]): string[][] => rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text));

/** Table 三's header as printed over seven value columns: 法人或其他组织 over four of them, 社会公益 组织 wrapped. */
const header = [
  run('申请人情况', 367, 118),
  run('法人或其他组织', 363, 98),
  run('自然人', 228, 81),
  run('社会公益', 378, 81),
  run('总计', 538, 81),
  run('商业企业', 278, 69),
  run('科研机构', 331, 69),
  run('法律服务机构', 428, 69),
  run('其他', 502, 69),
  run('组织', 388, 62),
];

describe('findStreamTable', () => {
  it('places each value of a row short of values under the header column it stands beneath, every cell in doubt', () => {
    const lines = groupLines([
      ...header,
      run('一、本年新收政府信息公开申请', 65, 42),
      run('821', 235, 42),
      run('35', 294, 42),
      run('2', 457, 42),
      run('1', 510, 42),
      run('859', 540, 42),
      run('二、上年结转', 65, 31),
      run('18', 238, 31),
      run('18', 543, 31),
      run('（一）予以公开', 127, 20),
      run('258', 235, 20),
      run('12', 294, 20),
      run('1', 457, 20),
      run('1', 510, 20),
    ]);
    const found = findStreamTable(lines, 1);
    const rows = found!.table.kind === 'table' ? found!.table.rows : [];
    const values = rows.slice(-3);
    expect(texts(values)).toEqual([
      ['一、本年新收政府信息公开申请', '821', '35', '', '', '2', '1', '859'],
      ['二、上年结转', '18', '', '', '', '', '', '18'],
      ['（一）予以公开', '258', '12', '', '', '1', '1', ''],
    ]);
    expect(values[2].slice(1).map((c) => c.doubt)).toEqual(Array(7).fill('placed-by-position'));
    // The rows on the next page stand under the same header.
    const next = findStreamTable(groupLines([run('（二）部分公开', 111, 700), run('3', 241, 700), run('1.属于国家秘密', 150, 680), run('14', 238, 680), run('4', 297, 680), run('9', 543, 680), run('2.重复申请', 158, 660), run('5', 241, 660), run('4', 296, 660)]), 2, 1, { header: found!.header });
    expect(texts(next!.table.kind === 'table' ? next!.table.rows : [])).toEqual([
      ['（二）部分公开', '3', '', '', '', '', '', ''],
      ['1.属于国家秘密', '14', '4', '', '', '', '', '9'],
      ['2.重复申请', '5', '4', '', '', '', '', ''],
    ]);
  });

  it('leaves a row in printed order when one of its values stands under no header column', () => {
    const lines = groupLines([...header, run('一、本年新收政府信息公开申请', 65, 42), run('821', 235, 42), run('35', 294, 42), run('2', 450, 42), run('1', 495, 42), run('859', 540, 42), run('二、上年结转', 65, 31), run('18', 238, 31), run('18', 543, 31), run('（一）予以公开', 127, 20), run('258', 235, 20), run('12', 294, 20)]);
    const rows = findStreamTable(lines, 1)!.table;
    // 1 at 495–500 falls between 法律服务机构 (428–491) and 其他 (502–523): no row of this header is placed.
    expect(rows.kind === 'table' && texts(rows.rows.slice(-3))).toEqual([
      ['一、本年新收政府信息公开申请', '821', '35', '2', '1', '859'],
      ['二、上年结转', '18', '18'],
      ['（一）予以公开', '258', '12'],
    ]);
  });

  it('takes a line of values alone between the lines of its wrapped label for a row, and joins no second item to a label', () => {
    const lines = groupLines([
      run('（二）部分公开', 111, 720),
      run('3', 241, 720),
      run('1.', 153, 700),
      run('属于国家秘', 162, 700),
      run('14', 238, 692),
      run('密', 179, 685),
      run('（三）', 112, 660),
      run('4.', 153, 660),
      run('保护第三方', 162, 660),
      run('不予公', 112, 645),
      run('合法权益', 163, 645),
      run('开', 123, 630),
      run('5.', 153, 630),
      run('属于三类内', 162, 630),
      run('5', 241, 620),
      run('部事务信息', 158, 612),
      run('6.属于四类过程性信息', 153, 590),
      run('3', 241, 590),
      run('1', 297, 590),
    ]);
    const table = findStreamTable(lines, 1)!.table;
    const labels = table.kind === 'table' ? table.rows.map((r) => r[0].text) : [];
    expect(labels).toContain('1.属于国家秘密');
    expect(table.kind === 'table' && texts(table.rows).find((r) => r[0] === '1.属于国家秘密')).toEqual(['1.属于国家秘密', '14']);
    // 4.保护第三方 printed nothing: its lines stay apart from 5.属于三类内部事务信息's row.
    const five = labels.find((l) => l.includes('5.属于三类内'));
    expect(five).not.toContain('4.保护第三方');
  });

  it('places the rows at the top of a page under the header lines left at the foot of the page before', () => {
    const page = (n: number, items: PositionedText[]) => layoutPage({ page: n, width: 595, height: 842, items: items.map((i) => ({ ...i, page: n })), lines: [] });
    const body = Array.from({ length: 12 }, (_, k) => run('正文的一行文字，说明本机关政府信息公开工作的情况和数据。', 57, 700 - 20 * k));
    const foot = [run('自然人', 228, 140), run('社会公益', 378, 140), run('总计', 538, 140), run('商业企业', 278, 128), run('科研机构', 331, 128), run('法律服务机构', 428, 128), run('其他', 502, 128), run('组织', 388, 120)];
    const top = [
      run('一、本年新收政府信息公开申请', 65, 780),
      run('821', 235, 780),
      run('35', 294, 780),
      run('2', 457, 780),
      run('1', 510, 780),
      run('859', 540, 780),
      run('二、上年结转', 65, 760),
      run('18', 238, 760),
      run('18', 543, 760),
      run('（一）予以公开', 127, 740),
      run('258', 235, 740),
      run('12', 294, 740),
      run('1', 457, 740),
      run('1', 510, 740),
    ];
    const { blocks } = assemble([page(1, [...body, ...foot]), page(2, top)]);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && texts(table.rows).slice(-3)).toEqual([
      ['一、本年新收政府信息公开申请', '821', '35', '', '', '2', '1', '859'],
      ['二、上年结转', '18', '', '', '', '', '', '18'],
      ['（一）予以公开', '258', '12', '', '', '1', '1', ''],
    ]);
  });
});
