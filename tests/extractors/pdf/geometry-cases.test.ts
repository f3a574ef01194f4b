/**
 * The table rebuilder on hand-placed runs and rulings: the cases the printed fixtures exposed, each
 * reduced to its geometry (a neighbouring table's ruling, a lone row carried over a page break, a
 * wrapped number's digits in the page-number margin, a row-group label cut by a break).
 */
import { describe, expect, it } from 'vitest';
import type { PageContent, PositionedText, RulingLine } from '../../../extractors/pdf/items.js';
import { findRuledTables, type TableDraft } from '../../../extractors/pdf/lattice.js';
import { layoutPage } from '../../../extractors/pdf/layout.js';
import { joinDrafts } from '../../../extractors/pdf/stitch.js';

const run = (text: string, x: number, y: number, size = 10): PositionedText => ({
  text,
  page: 1,
  x,
  y,
  width: (size * [...text].length) / (/^\d+$/.test(text) ? 2 : 1),
  height: size,
  origin: 'text',
});

/** Rulings of a full grid: column edges xs, row edges ys. */
function grid(xs: number[], ys: number[]): { horizontal: { y: number; x0: number; x1: number }[]; vertical: { x: number; y0: number; y1: number }[] } {
  const [bottom, top] = [Math.min(...ys), Math.max(...ys)];
  return {
    horizontal: ys.map((y) => ({ y, x0: xs[0], x1: xs[xs.length - 1] })),
    vertical: xs.map((x) => ({ x, y0: bottom, y1: top })),
  };
}

const texts = (draft: TableDraft): string[][] => {
  const rows: string[][] = Array.from({ length: draft.rowCount }, () => []);
  for (const c of draft.cells) rows[c.r0].push(c.text);
  return rows;
};

describe('findRuledTables', () => {
  it('keeps a column boundary that lies 0.7pt from a ruling of the table above it', () => {
    const upper = grid([56.7, 155.8, 300], [400, 600, 800]);
    const lower = grid([56.7, 90.5, 123.5, 156.5, 189.5], [56, 75, 94]);
    const items = [run('其他', 125, 80), run('尚未', 158, 80), run('1', 125, 60), run('2', 158, 60)];
    const { tables } = findRuledTables(1, items, {
      horizontal: [...upper.horizontal, ...lower.horizontal],
      vertical: [...upper.vertical, ...lower.vertical],
      hasImages: false,
    });
    expect(tables).toHaveLength(2);
    expect(tables[1].colXs).toEqual([56.7, 90.5, 123.5, 156.5, 189.5]);
    expect(texts(tables[1])).toEqual([['', '', '其他', '尚未'], ['', '', '1', '2']]);
  });

  it('keeps apart two numbers stacked in one column where a row ruling is missing, and a number wrapped in one cell whole', () => {
    // Rows 700–730, 730–760, 760–790; the ruling at 730 is drawn only under the label column.
    const rulings = {
      horizontal: [{ y: 700, x0: 50, x1: 250 }, { y: 730, x0: 50, x1: 150 }, { y: 760, x0: 50, x1: 250 }, { y: 790, x0: 50, x1: 250 }],
      vertical: [50, 150, 250].map((x) => ({ x, y0: 700, y1: 790 })),
      hasImages: false,
    };
    const items = [run('规章', 55, 770), run('147', 155, 770), run('行政许可', 55, 740), run('5', 155, 740), run('行政处罚', 55, 710), run('3', 155, 710)];
    const { tables } = findRuledTables(1, items, rulings);
    expect(texts(tables[0])).toEqual([['规章', '147'], ['行政许可', '5'], ['行政处罚', '3']]);
    // A narrow cell wraps 147 as 14 over 7 inside one row: still one number.
    const wrapped = findRuledTables(1, [run('规章', 55, 775), run('14', 155, 778), run('7', 155, 766), run('行政许可', 55, 740), run('5', 155, 740)], {
      horizontal: [760, 730, 700, 790].map((y) => ({ y, x0: 50, x1: 250 })),
      vertical: [50, 150, 250].map((x) => ({ x, y0: 700, y1: 790 })),
      hasImages: false,
    });
    expect(texts(wrapped.tables[0]).slice(0, 2)).toEqual([['规章', '147'], ['行政许可', '5']]);
  });

  it("keeps a value and its footnote mark in their ruled cell, on one line or wrapped, and still splits two numbers a missing ruling left together", () => {
    // Pingtan 2024 with footnote marks, as LibreOffice prints it: the bracket is a run of its own (0 ［ 2 ］),
    // and in a narrow cell the mark wraps (2［1 over ］). The digits either side of ［ are one cell's.
    const bracket = (text: string, x: number, y: number): PositionedText => ({ ...run(text, x, y), width: 10.5 });
    const rulings = { ...grid([50, 150, 190, 250], [700, 730, 760]), hasImages: false };
    const items = [
      run('规章', 55, 740), run('0', 158, 740), bracket('［', 163, 740), run('2', 173.5, 740), bracket('］', 178.5, 740), run('7', 200, 740),
      run('行政许可', 55, 715), run('2', 153, 720), bracket('［', 158, 720), run('1', 168.5, 720), bracket('］', 153, 708), run('3', 200, 715),
    ];
    const { tables } = findRuledTables(1, items, rulings);
    expect(texts(tables[0])).toEqual([['规章', '0［2］', '7'], ['行政许可', '2［1］', '3']]);
    // Two numbers with a clear gap between them in one ruled cell stay two cells, a mark beside the first or not.
    const missing = findRuledTables(1, [run('规章', 55, 740), run('5', 155, 740), bracket('［', 160, 740), run('1', 170.5, 740), bracket('］', 175.5, 740), run('3', 220, 740), run('行政许可', 55, 715), run('4', 155, 715), run('6', 220, 715)], {
      ...grid([50, 150, 250], [700, 730, 760]),
      hasImages: false,
    });
    expect(texts(missing.tables[0])).toEqual([['规章', '5［1］', '3'], ['行政许可', '4', '6']]);
  });

  it('joins a mark whose closing bracket wrapped onto the next line without a space (217[20 over ])', () => {
    const { tables } = findRuledTables(1, [run('总计', 55, 740), { ...run('217[20', 153, 745), width: 31.8 }, { ...run(']', 153, 733), width: 3.6 }, run('1', 200, 740), run('行政许可', 55, 715), run('4', 155, 715), run('6', 200, 715)], {
      ...grid([50, 150, 190, 250], [700, 730, 760]),
      hasImages: false,
    });
    expect(texts(tables[0])[0]).toEqual(['总计', '217[20]', '1']);
  });

  it('takes a lone ruled row of three or more cells for a table, and two boxes side by side for none', () => {
    const row = grid([50, 100, 150, 200], [700, 730]);
    const { tables } = findRuledTables(1, [run('72', 55, 710), run('64', 105, 710), run('178', 155, 710)], { ...row, hasImages: false });
    expect(tables).toHaveLength(1);
    expect(texts(tables[0])).toEqual([['72', '64', '178']]);
    const boxes = grid([50, 200, 350], [700, 730]);
    expect(findRuledTables(1, [run('印发', 55, 710)], { ...boxes, hasImages: false }).tables).toEqual([]);
  });

  it('cuts an L-shaped empty region (a row short of its last cell beside a stray column) into rectangles that cover no other cell', () => {
    // Columns 50|150|200|250|270: label, two values, a narrow column only the last row drew a cell in.
    // Rows 760–790, 730–760, 700–730. Row 2 prints no second value (no rulings around that place); the
    // stray column is ruled only around row 3's cell, and the table's outer border runs down its right.
    const rulings = {
      horizontal: [
        { y: 790, x0: 50, x1: 270 },
        { y: 760, x0: 50, x1: 250 },
        { y: 730, x0: 50, x1: 270 },
        { y: 700, x0: 50, x1: 270 },
      ],
      vertical: [
        ...[50, 150, 200].map((x) => ({ x, y0: 700, y1: 790 })),
        { x: 250, y0: 760, y1: 790 },
        { x: 250, y0: 700, y1: 730 },
        { x: 270, y0: 700, y1: 790 },
      ],
      hasImages: false,
    };
    const items = [run('规章', 55, 770), run('1', 155, 770), run('2', 205, 770), run('行政许可', 55, 740), run('3', 155, 740), run('行政处罚', 55, 710), run('4', 155, 710), run('5', 252, 710)];
    const { tables } = findRuledTables(1, items, rulings);
    const draft = tables[0];
    const col = (x: number) => draft.colXs.indexOf(x);
    const regions = draft.cells.map((c) => `r${c.r0}-${c.r1} c${col(c.x0)}-${col(c.x1) - 1} '${c.text}'`);
    expect(regions).toEqual([
      "r0-0 c0-0 '规章'", "r0-0 c1-1 '1'", "r0-0 c2-2 '2'", "r0-1 c3-3 ''",
      "r1-1 c0-0 '行政许可'", "r1-1 c1-1 '3'", "r1-1 c2-2 ''",
      "r2-2 c0-0 '行政处罚'", "r2-2 c1-1 '4'", "r2-2 c2-2 ''", "r2-2 c3-3 '5'",
    ]);
  });
});

describe('layoutPage', () => {
  const page = (items: PositionedText[], lines: RulingLine[]): PageContent => ({ page: 1, width: 595, height: 842, items, lines });
  const ruled = (xs: number[], ys: number[]): RulingLine[] => {
    const g = grid(xs, ys);
    return [
      ...g.horizontal.map((h) => ({ page: 1, x0: h.x0, y0: h.y, x1: h.x1, y1: h.y })),
      ...g.vertical.map((v) => ({ page: 1, x0: v.x, y0: v.y0, x1: v.x, y1: v.y1 })),
    ];
  };

  it('keeps the last digits of a wrapped number alone on a line near the page foot, inside a ruled cell', () => {
    // 3001 printed as 30 over 01, the 01 line 60pt above the page's bottom edge.
    const layout = layoutPage(page([run('申请数量', 60, 80), run('30', 205, 80, 20), run('01', 205, 60, 20), run('53', 255, 80)], ruled([50, 200, 250, 300], [50, 110, 140])));
    const table = layout.pieces.find((p) => p.kind === 'table');
    expect(table?.kind === 'table' && texts(table.draft)).toEqual([['', '', ''], ['申请数量', '3001', '53']]);
  });

  it('still drops a running page number printed alone in the foot margin outside any table', () => {
    const layout = layoutPage(page([run('正文第一行', 60, 700), run('-4-', 290, 40)], []));
    expect(layout.pieces.flatMap((p) => (p.kind === 'lines' ? p.lines.map((l) => l.text) : []))).toEqual(['正文第一行']);
  });

  it('keeps two numbers printed columns apart in the head margin: a row of a table without rulings, not the page number 1818', () => {
    // 二、上年结转 · 18 (自然人) · 18 (总计) at the top of a page, its label on the lines around it.
    const lines = (items: PositionedText[]) => layoutPage(page(items, [])).pieces.flatMap((p) => (p.kind === 'lines' ? p.lines.map((l) => l.text) : []));
    expect(lines([run('二、上年结转', 65, 777), run('18', 238, 769), run('18', 543, 769), run('数量', 128, 761)])).toEqual(['二、上年结转', '1818', '数量']);
    // A page number set in pieces a space apart is still one.
    expect(lines([run('正文第一行', 60, 700), run('第', 270, 40), run('3', 285, 40), run('页', 295, 40), run('共', 312, 40), run('8', 327, 40), run('页', 337, 40)])).toEqual(['正文第一行']);
  });
});

describe('joinDrafts', () => {
  const draft = (page: number, rowCount: number, cells: Array<[number, number, number, number, string]>): TableDraft => ({
    page,
    box: [50, 0, 400, 800],
    colXs: [50, 100, 200, 300, 400],
    rowCount,
    cells: cells.map(([r0, r1, x0, x1, text]) => ({ r0, r1, x0, x1, text, page, rect: [x0, 0, x1, 10], origin: 'text' as const })),
  });

  it('makes one cell of a row-group label the page break cut in two, its text read on', () => {
    const above = draft(4, 2, [
      [0, 1, 50, 100, '三、本年度办理结果'],
      [0, 0, 100, 200, '（三）不予公开'],
      [0, 0, 200, 300, '8.属于行政查询事项'],
      [0, 0, 300, 400, '105'],
      [1, 1, 100, 200, '（四）无'],
      [1, 1, 200, 300, '1.本机关不掌握相关政府信息'],
      [1, 1, 300, 400, '746'],
    ]);
    const below = draft(5, 2, [
      [0, 1, 50, 100, ''],
      [0, 1, 100, 200, '法提供'],
      [0, 0, 200, 300, '2.没有现成信息需要另行制作'],
      [0, 0, 300, 400, '11'],
      [1, 1, 200, 300, '3.补正后申请内容仍不明确'],
      [1, 1, 300, 400, '1'],
    ]);
    const joined = joinDrafts(above, below);
    expect(joined.rowCount).toBe(4);
    const label = joined.cells.filter((c) => c.x0 === 50);
    expect(label.map((c) => [c.r0, c.r1, c.text, c.page])).toEqual([[0, 3, '三、本年度办理结果', 4]]);
    const group = joined.cells.filter((c) => c.x0 === 100 && c.text.startsWith('（四）'));
    expect(group.map((c) => [c.r0, c.r1, c.text])).toEqual([[1, 3, '（四）无法提供']]);
  });

  it('keeps apart a group that ends at the page foot and the numbered group that starts the next page', () => {
    const above = draft(4, 2, [
      [0, 1, 100, 200, '（五）不予处理'],
      [0, 0, 200, 300, '4.无正当理由大量反复申请'],
      [1, 1, 200, 300, '5.要求行政机关确认或重新出具已获取信息'],
    ]);
    const below = draft(5, 2, [
      [0, 1, 100, 200, '（六）其他处理'],
      [0, 0, 200, 300, '1.申请人无正当理由逾期不补正'],
      [1, 1, 200, 300, '2.申请人逾期未按收费通知要求缴纳费用'],
    ]);
    const groups = joinDrafts(above, below).cells.filter((c) => c.x0 === 100);
    expect(groups.map((c) => [c.r0, c.r1, c.text])).toEqual([
      [0, 1, '（五）不予处理'],
      [2, 3, '（六）其他处理'],
    ]);
  });

  it('keeps apart a row of zeros at the page foot and the next row of zeros, one of them lost and its number garbled', () => {
    // OCR of a 150 dpi TIFF lost the 2. of 2.其他法律行政法规禁止公开 and one of its 0s: no count begins with 0, so no '00'.
    const above = draft(1, 1, [
      [0, 0, 50, 100, '1.属于国家秘密'],
      [0, 0, 100, 200, '0'],
      [0, 0, 200, 300, '0'],
      [0, 0, 300, 400, '0'],
    ]);
    const below = draft(2, 1, [
      [0, 0, 50, 100, '其他法律TEAM LS开'],
      [0, 0, 100, 200, '0'],
      [0, 0, 300, 400, '0'],
    ]);
    const joined = joinDrafts(above, below);
    expect(joined.rowCount).toBe(2);
    expect(joined.cells.map((c) => [c.r0, c.r1, c.text])).toEqual([
      [0, 0, '1.属于国家秘密'],
      [0, 0, '0'],
      [0, 0, '0'],
      [0, 0, '0'],
      [1, 1, '其他法律TEAM LS开'],
      [1, 1, '0'],
      [1, 1, '0'],
    ]);
  });

  it("reads on a value whose unit alone the break carried over (２０ at the page foot, 件 on the next page)", () => {
    // Scanned Pingtan 2023 (numbers axis, seed 1): （二）部分公开's row at page 1's foot prints 19件 … 20, and the
    // next page's first row the rest of its label and 件 under the 20. Read apart, 件 was the row's total and
    // its values were lost.
    const above = draft(1, 1, [
      [0, 0, 50, 100, '（二）部分公开（区分处理的，只计'],
      [0, 0, 100, 200, '19件'],
      [0, 0, 200, 300, '1件'],
      [0, 0, 300, 400, '20'],
    ]);
    const below = draft(2, 2, [
      [0, 0, 50, 100, '这一情形，不计其他情形）'],
      [0, 0, 100, 200, ''],
      [0, 0, 200, 300, ''],
      [0, 0, 300, 400, '件'],
      [1, 1, 50, 100, '1.属于国家秘密'],
      [1, 1, 100, 200, '0件'],
      [1, 1, 200, 300, '0件'],
      [1, 1, 300, 400, '0件'],
    ]);
    const joined = joinDrafts(above, below);
    expect(joined.cells.filter((c) => c.r0 === 0).map((c) => [c.text, c.doubt])).toEqual([
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', undefined],
      ['19件', undefined],
      ['1件', undefined],
      ['20件', undefined],
    ]);
    expect(joined.cells.filter((c) => c.r0 === 2).map((c) => c.text)).toEqual(['1.属于国家秘密', '0件', '0件', '0件']);
  });

  it("reads on a footnote mark the page break cut (0（注 at the page foot, 4） on the next page), in doubt; a mark's end under a plain value stays apart", () => {
    // Pingtan 2023 with footnote marks printed to OFD (footnotes axis, seed 1): 1.属于国家秘密's row at the page
    // foot prints 0（注 in one cell, and the next page's first row 4） alone under it.
    const above = draft(1, 1, [
      [0, 0, 50, 100, '1.属于国家秘密'],
      [0, 0, 100, 200, '0'],
      [0, 0, 200, 300, '0（注'],
      [0, 0, 300, 400, '0'],
    ]);
    const below = draft(2, 2, [
      [0, 0, 50, 100, ''],
      [0, 0, 100, 200, ''],
      [0, 0, 200, 300, '4）'],
      [0, 0, 300, 400, ''],
      [1, 1, 50, 100, '2.其他法律行政法规禁止公开'],
      [1, 1, 100, 200, '0'],
      [1, 1, 200, 300, '0'],
      [1, 1, 300, 400, '0'],
    ]);
    const joined = joinDrafts(above, below);
    expect(joined.cells.filter((c) => c.r0 === 0).map((c) => [c.text, c.doubt])).toEqual([
      ['1.属于国家秘密', undefined],
      ['0', undefined],
      ['0（注4）', 'wrapped-value'],
      ['0', undefined],
    ]);
    const plain = joinDrafts(draft(1, 1, [[0, 0, 50, 100, '1.属于国家秘密'], [0, 0, 100, 200, '0'], [0, 0, 200, 300, '0'], [0, 0, 300, 400, '0']]), below);
    expect(plain.cells.filter((c) => c.r0 === 0).map((c) => c.text)).toEqual(['1.属于国家秘密', '0', '0', '0']);
    expect(plain.cells.some((c) => c.text === '4）')).toBe(true);
  });

  it('keeps apart a unit alone under a value printed with its unit, or under a label', () => {
    const above = draft(1, 1, [
      [0, 0, 50, 100, '（一）予以公开'],
      [0, 0, 100, 200, '22件'],
      [0, 0, 300, 400, '22'],
    ]);
    const below = draft(2, 1, [
      [0, 0, 50, 100, '件'],
      [0, 0, 100, 200, '件'],
      [0, 0, 300, 400, '件'],
    ]);
    const joined = joinDrafts(above, below);
    expect(joined.cells.filter((c) => c.r0 === 0).map((c) => c.text)).toEqual(['（一）予以公开', '22件', '22']);
    expect(joined.cells.filter((c) => c.r0 === 1).map((c) => c.text)).toEqual(['件', '件', '件']);
  });

  it('keeps apart the cells of a one-row-high label and value on either side of the break', () => {
    const above = draft(4, 1, [
      [0, 0, 50, 200, '一、本年新收'],
      [0, 0, 300, 400, '12'],
    ]);
    const below = draft(5, 1, [
      [0, 0, 50, 200, '二、上年结转'],
      [0, 0, 300, 400, '3'],
    ]);
    const joined = joinDrafts(above, below);
    expect(joined.cells.map((c) => [c.r0, c.r1, c.text])).toEqual([
      [0, 0, '一、本年新收'],
      [0, 0, '12'],
      [1, 1, '二、上年结转'],
      [1, 1, '3'],
    ]);
  });
});
