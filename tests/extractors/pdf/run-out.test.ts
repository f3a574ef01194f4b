/**
 * A table cut by a page break whose header cells ran out under the table at the page foot (Chromium prints
 * what no longer fits in a cell split at the break below the table): the run-out text is its cells', and the
 * table goes on on the next page (extractors/pdf/stitch.ts overflowCells, assemble.ts). Runs and rulings
 * placed by hand, as Chromium printed Hongze 2023's table 四 with a 序号 column (seed 41 structures/pdf-chrome).
 */
import { describe, expect, it } from 'vitest';
import type { PositionedText, RulingLine } from '../../../extractors/pdf/items.js';
import { assemble } from '../../../extractors/pdf/assemble.js';
import { layoutPage } from '../../../extractors/pdf/layout.js';
import type { TableCell } from '../../../extractors/model.js';

const run = (page: number, text: string, x: number, y: number, size = 10.5): PositionedText => ({
  text,
  page,
  x,
  y,
  width: [...text].reduce((w, ch) => w + (/[\d.]/.test(ch) ? size / 2 : size), 0),
  height: size,
  origin: 'text',
});

type Line = Omit<RulingLine, 'page'>;
const h = (y: number, x0: number, x1: number): Line => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Line => ({ x0: x, y0, x1: x, y1 });
const onPage = (page: number, lines: Line[]): RulingLine[] => lines.map((l) => ({ ...l, page }));
const texts = (rows: TableCell[][]): string[][] => rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text));

/** 序号 | the five columns of 行政复议 | the ten of 行政诉讼. */
const REVIEW = [80, 113, 145, 178, 210, 233];
const LITIGATION = [233, 266, 298, 331, 363, 386, 419, 451, 484, 516, 539];

/** Page 2: the header's upper rows at the page foot, cut after 结果 · 维持 (… 总 · 计), their second lines run out under the table. */
function footPage(runOut = ['维持', '纠正', '结果', '审结', '计']) {
  const lines: Line[] = [h(124, 57, 539), h(102, 80, 539), h(80.5, 57, 539), v(57, 80.5, 124), v(80, 80.5, 124), v(233, 80.5, 124), v(539, 80.5, 124), ...[113, 145, 178, 210, 386].map((x) => v(x, 80.5, 102))];
  const items = [
    run(2, '四、政府信息公开行政复议、行政诉讼情况', 81, 140, 12),
    run(2, '序号', 60, 100),
    run(2, '行政复议', 130, 110),
    run(2, '行政诉讼', 360, 110),
    ...['结果', '结果', '其他', '尚未', '总'].map((t, i) => run(2, t, REVIEW[i] + 4, 88)),
    run(2, '未经复议直接起诉', 240, 88),
    run(2, '复议后起诉', 400, 88),
    // What no longer fitted: 结果 · 维持, 结果 · 纠正, 其他 · 结果, 尚未 · 审结, 总 · 计, one line under the table.
    ...runOut.map((t, i) => run(2, t, REVIEW[i] + 5.5, 72)),
  ];
  return layoutPage({ page: 2, width: 595, height: 842, items, lines: onPage(2, lines) });
}

/** Page 3: the rest of the header (the cut cells go on empty) and the row of values, 序号 1 first. */
function topPage() {
  const xs = [57, ...REVIEW, ...LITIGATION.slice(1)];
  const lines: Line[] = [h(780, 57, 539), h(760, 57, 539), h(740, 57, 539), ...xs.map((x) => v(x, 740, 780))];
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const items = [
    ...[...heads, ...heads].map((t, i) => run(3, t, LITIGATION[i] + 2, 766, 6)),
    ...['1', '10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0'].map((t, i) => run(3, t, xs[i] + 4, 746)),
    run(3, '五、存在的主要问题及改进情况', 81, 700, 12),
  ];
  return layoutPage({ page: 3, width: 595, height: 842, items, lines: onPage(3, lines) });
}

describe('header cells run out under a table at a page foot', () => {
  it('reads a line of run-out pieces under several cells (结果 · 维持 … 总 · 计) as those cells\' rest, and joins the table\'s parts', () => {
    const { blocks } = assemble([footPage(), topPage()]);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text.includes('维持'))).toBe(false);
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0].kind === 'table' ? texts(tables[0].rows) : [];
    expect(rows[1].slice(1, 6)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(rows[rows.length - 1]).toEqual(['1', '10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0']);
  });

  it('leaves a line under the table printing a digit, or more than a few characters under one cell, a paragraph', () => {
    for (const runOut of [['维持', '纠正', '结果', '审结', '2'], ['维持纠正结果审结']]) {
      const { blocks } = assemble([footPage(runOut), topPage()]);
      expect(blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith('维持'))).toBe(true);
    }
  });
});
