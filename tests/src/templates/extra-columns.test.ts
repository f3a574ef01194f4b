import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { templateColumns } from '../../../src/templates/extra-columns.js';
import { extractBytes } from '../../../src/pipeline.js';
import { AXES } from '../../../tools/variety/axes/index.js';
import { draftVariant, plan, renderFast, variantTruth, type PlanItem } from '../../../tools/variety/generate.js';
import type { FormatId } from '../../../tools/variety/axes/axis.js';
import { scoreRecord } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';
import { docWithTables } from './helpers.js';

const texts = (rows: { text: string; spanned?: boolean }[][]) => rows.map((r) => r.map((c) => (c.spanned ? `~${c.text}` : c.text)));
const grid = (rows: string[][]) => docWithTables(rows).blocks[0] as { rows: { text: string; spanned?: boolean }[][] };

const TWO_HEAD = [
  ['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '行政诉讼', ...new Array(9).fill('~行政诉讼')],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~未经复议直接起诉', '~未经复议直接起诉', '~未经复议直接起诉', '~未经复议直接起诉', '复议后起诉', '~复议后起诉', '~复议后起诉', '~复议后起诉', '~复议后起诉'],
  ['~结果维持', '~结果纠正', '~其他结果', '~尚未审结', '~总计', ...new Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat()],
];

describe('columns a report adds to the template tables', () => {
  it('drops a 序号 first column; a heading merged across it keeps its text in the label column', () => {
    const out = templateColumns(grid([['序号', '信息内容', '本年制发件数'], ['1', '规章', '3'], ['第二十条第（五）项', '~第二十条第（五）项', '~第二十条第（五）项'], ['2', '行政许可', '7']]).rows);
    expect(texts(out.rows)).toEqual([['信息内容', '本年制发件数'], ['规章', '3'], ['第二十条第（五）项', '~第二十条第（五）项'], ['行政许可', '7']]);
  });

  it('drops a 备注 last column and carries both drops to a continuation of the same width', () => {
    const first = templateColumns(grid([['序号', '信息内容', '件数', '备注'], ['1', '规章', '3', '无'], ['2', '行政许可', '7', '已办结']]).rows);
    expect(texts(first.rows)).toEqual([['信息内容', '件数'], ['规章', '3'], ['行政许可', '7']]);
    const next = templateColumns(grid([['3', '行政处罚', '5', ''], ['4', '行政强制', '0', '—']]).rows, first.extra);
    expect(texts(next.rows)).toEqual([['行政处罚', '5'], ['行政强制', '0']]);
  });

  it('keeps a first column of labels, and row numbers that do not count up by one (item numbers restarting per group)', () => {
    const labels = grid([['信息内容', '件数', '废止'], ['规章', '3', '1'], ['行政许可', '7', '2']]).rows;
    expect(templateColumns(labels).rows).toBe(labels);
    const items = grid([['1', '属于国家秘密', '0', '0'], ['2', '其他法律行政法规禁止公开', '0', '0'], ['1', '本机关不掌握相关政府信息', '3', '3']]).rows;
    expect(templateColumns(items).rows).toBe(items);
  });

  it('tells a row-number column with no header by its run of numbers', () => {
    const out = templateColumns(grid([['1', '规章', '3'], ['2', '行政规范性文件', '5'], ['3', '行政许可', '7']]).rows);
    expect(texts(out.rows)).toEqual([['规章', '3'], ['行政规范性文件', '5'], ['行政许可', '7']]);
  });

  it('tells a row-number column with no header before a group label merged down (table 三 continued on a new page: 4 | 果 | （二）部分公开…, 5 | ~果 | …)', () => {
    // structures-pdf-chrome-15-pingtan-2023-page, seed 2: Chromium's page 2 of table 三, eleven columns
    // where page 1 had ten (no item column there), so nothing carries the drop over; table 三 was not found.
    const value = (n: string) => [n, '0', '0', '0', '0', '0', n];
    const out = templateColumns(
      grid([
        ['4', '果', '（二）部分公开', '~（二）部分公开', ...value('19')],
        ['5', '~果', '（三）不予公开', '1.属于国家秘密', ...value('0')],
        ['6', '~果', '~（三）不予公开', '2.其他法律行政法规禁止公开', ...value('0')],
        ['7', '~果', '~（三）不予公开', '3.危及“三安全一稳定”', ...value('0')],
      ]).rows,
    );
    expect(out.extra?.drop).toEqual([0]);
    expect(texts(out.rows)[1].slice(0, 3)).toEqual(['~果', '（三）不予公开', '1.属于国家秘密']);
  });

  it('table 四 with a row number the grid does not name: read by the group totals, never one column off', () => {
    // A leading unnamed column holds the row number 1; the row's last (empty) cell is cut off as padding,
    // so as read the row is one column off and every group total fails.
    const head = TWO_HEAD.map((r) => ['', ...r]);
    head[1][0] = '~';
    head[2][0] = '~';
    const m = mapTemplates(docWithTables([...head, ['1', '5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']]));
    const keys = ['review.upheld', 'review.pending', 'review.total', 'litigation_direct.upheld', 'litigation_direct.total'].map((k) => `appeals.${k}`);
    for (const [i, k] of keys.entries()) {
      const value = m.cells[k];
      // Exact (the row read without its first cell), or left blank / in doubt — never a confident shift.
      if (value !== [5, 2, 7, 8, 9][i]) expect(value === null || m.details[k]?.doubt).toBeTruthy();
    }
    expect(keys.map((k) => m.cells[k])).toEqual([5, 2, 7, 8, 9]);
    expect(m.details['appeals.review.total']?.doubt).toBe('identity-resolved');
  });
});

const truths = await loadTruths('../shared/corpus');

function variant(seed: number, axis: string, format: FormatId, truth: string, index: number): PlanItem {
  const items = plan(truths, { seed, count: index + 1, slowCount: 0, scanCount: 0, formats: [format], axes: AXES.map((a) => a.id).filter((a) => a === axis) });
  const item = items.find((i) => i.truth.id === truth && i.index === index);
  if (!item) throw new Error(`no ${axis}/${format} variant ${index} of ${truth} for seed ${seed}`);
  return item;
}

describe('structures variants (序号, 备注, spacer rows) read exactly', () => {
  const cases: Array<[FormatId, string, number, string]> = [
    ['html', 'seed-docx', 1, 'a 序号 first column'],
    ['html-word', 'shanghai-govoffice-2019', 11, 'a 序号 first column'],
    ['html', 'shanghai-govoffice-2019', 2, 'a 备注 last column'],
  ];
  for (const [format, truthId, index, note] of cases) {
    it(`${truthId} as ${format}, variant ${index} (${note})`, async () => {
      const item = variant(1, 'structures', format, truthId, index);
      const draft = draftVariant(1, item);
      expect(draft.notes.some((n) => n.startsWith(note))).toBe(true);
      const truth = variantTruth(1, item, draft);
      const score = scoreRecord(truth, await extractBytes(Buffer.from(renderFast(draft)), truth.file));
      expect({ wrong: score.wrong, missing: score.missing, unearned: score.unearned, exact: score.exact }).toEqual({ wrong: 0, missing: 0, unearned: [], exact: score.cells });
    });
  }
});
