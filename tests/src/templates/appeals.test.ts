import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { docWithTables } from './helpers.js';

const COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** One group's caption and header over its values, on a grid two cells wide per column (a spreadsheet's shared grid). */
function groupOnWideGrid(caption: string, values: string[]): string[][] {
  const wide = (cells: string[]) => cells.flatMap((c) => [c, `~${c}`]);
  return [wide(new Array(5).fill(caption)).map((c, i) => (i ? `~${caption}` : c)), wide(COLUMNS), wide(values)];
}

describe('table 四 as small tables of its groups', () => {
  it('reads them when a spreadsheet grid merges each header and value cell over several columns', () => {
    const m = mapTemplates(
      docWithTables([
        ...groupOnWideGrid('行政复议', ['2', '1', '3', '1', '7']),
        ...groupOnWideGrid('行政诉讼 未经复议直接起诉', ['0', '0', '0', '0', '0']),
        ...groupOnWideGrid('行政诉讼 复议后起诉', ['13', '2', '4', '0', '19']),
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect([m.cells['appeals.review.upheld'], m.cells['appeals.review.total'], m.cells['appeals.litigation_direct.total'], m.cells['appeals.litigation_after_review.upheld'], m.cells['appeals.litigation_after_review.total']]).toEqual([2, 7, 0, 13, 19]);
    expect(Object.entries(m.details).filter(([k, d]) => k.startsWith('appeals.') && d.doubt)).toEqual([]);
  });

  it('reads a group whose first value is text (不适用 | 1 | 0 | 0 | 2): an unreadable value in its column, not a label that hides the row', () => {
    const caption = (c: string) => [c, ...new Array(4).fill(`~${c}`)];
    const m = mapTemplates(
      docWithTables([
        caption('行政复议'), COLUMNS, ['不适用', '1', '0', '0', '2'],
        caption('行政诉讼未经复议直接起诉'), COLUMNS, ['4', '0', '0', '1', '5'],
        caption('行政诉讼复议后起诉'), COLUMNS, ['1', '0', '1', '0', '2'],
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect([m.cells['appeals.review.upheld'], m.details['appeals.review.upheld'].raw, m.details['appeals.review.upheld'].doubt]).toEqual([null, '不适用', 'unreadable']);
    expect(['corrected', 'other', 'pending', 'total'].map((c) => m.cells[`appeals.review.${c}`])).toEqual([1, 0, 0, 2]);
    expect([m.cells['appeals.litigation_direct.total'], m.cells['appeals.litigation_after_review.other']]).toEqual([5, 1]);
  });

  it('reads the groups printed with values when the last small table is a header over no row (a dropped row of empty cells)', () => {
    const m = mapTemplates(
      docWithTables(
        [['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议'], COLUMNS, ['5', '', '', '2', '7']],
        [['行政诉讼未经复议直接起诉', '~x', '~x', '~x', '~x'].map((c) => (c === '~x' ? '~行政诉讼未经复议直接起诉' : c)), COLUMNS, ['8', '', '', '1', '9']],
        [['行政诉讼复议后起诉', '~行政诉讼复议后起诉', '~行政诉讼复议后起诉', '~行政诉讼复议后起诉', '~行政诉讼复议后起诉'], COLUMNS],
      ),
    );
    expect([m.cells['appeals.review.upheld'], m.cells['appeals.review.total'], m.cells['appeals.litigation_direct.upheld'], m.cells['appeals.litigation_direct.total']]).toEqual([5, 7, 8, 9]);
    for (const c of ['upheld', 'corrected', 'other', 'pending', 'total']) expect(m.details[`appeals.litigation_after_review.${c}`]).toMatchObject({ raw: '', doubt: 'not-found' });
    expect(m.messages.some((x) => x.code === 'row-not-found' && x.message.startsWith('appeals.litigation_after_review'))).toBe(true);
  });

  it('reads the one-row table whose third header row repeats 行政复议\'s columns merged down from above, one value lost', () => {
    const doc = docWithTables([
      ['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '行政诉讼', ...new Array(9).fill('~行政诉讼')],
      [...COLUMNS, '未经复议直接起诉', ...new Array(4).fill('~未经复议直接起诉'), '复议后起诉', ...new Array(4).fill('~复议后起诉')],
      [...COLUMNS.map((c) => `~${c}`), ...COLUMNS, ...COLUMNS],
      '1 1 2 4 0 0 1 5 6 1 0 1 0 2'.split(' '), // 1 1 0 2 4 · 0 0 1 5 6 · 1 0 1 0 2 with 行政复议's 0 lost: 14 values
    ]);
    (doc.blocks[0] as { rows: Array<Array<{ text: string; absent?: boolean }>> }).rows[3][14] = { text: '', absent: true };
    const m = mapTemplates(doc);
    expect(m.layout.appeals).toBe('2021');
    expect([m.cells['appeals.litigation_direct.total'], m.cells['appeals.litigation_after_review.total']]).toEqual([6, 2]);
    // Which of 行政复议's parts was lost its total cannot say; every reading keeps the total 4.
    expect(m.cells['appeals.review.total']).toBe(4);
    expect(m.details['appeals.review.pending'].doubt).toBe('ambiguous');
  });

  it('reads the one-row table whose first values are text (见附件 | 见附件 | 178 …) as unreadable values under their columns, never the row shifted left', () => {
    // Seed 1, axis invisible, xls (before characters of no width were dropped): 7\u200d2 and \u206064 read as text.
    const header = [
      ['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '行政诉讼', ...new Array(9).fill('~行政诉讼')],
      [...COLUMNS, '未经复议直接起诉', ...new Array(4).fill('~未经复议直接起诉'), '复议后起诉', ...new Array(4).fill('~复议后起诉')],
      [...COLUMNS.map((c) => `~${c}`), ...COLUMNS, ...COLUMNS],
    ];
    const values = '72 64 178 37 351 13 4 8 1 26 12 1 1 6 20'.split(' ');
    for (const lead of [['见附件', '见附件'], ['7#2', '6?4'], ['不适用']]) {
      const m = mapTemplates(docWithTables([...header, [...lead, ...values.slice(lead.length)]]));
      const review = ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => m.cells[`appeals.review.${c}`]);
      expect(review).toEqual([...lead.map(() => null), ...values.slice(lead.length, 5).map(Number)]);
      expect([m.details['appeals.review.upheld'].raw, m.details['appeals.review.upheld'].doubt]).toEqual([lead[0], 'unreadable']);
      expect([m.cells['appeals.litigation_direct.total'], m.cells['appeals.litigation_after_review.total']]).toEqual([26, 20]);
    }
  });

  it('counts cells printing digits among marks before fifteen numbers (2］ | ［1: a value and its footnote mark cut in two) as spoiled values: never the fifteen read one group off', () => {
    // Seed 1, axis footnotes, pdf (Pingtan 2024): 2［1］ wrapped in its narrow cell, the PDF's columns split around it, the header with them.
    const header = [
      ['行政复议', ...new Array(5).fill('~行政复议'), '行政诉讼', ...new Array(10).fill('~行政诉讼')],
      ['结果维持', '~结果维持', ...COLUMNS.slice(1), '未经复议直接起诉', ...new Array(5).fill('~未经复议直接起诉'), '复议后起诉', ...new Array(4).fill('~复议后起诉')],
      ['~结果维持', ...COLUMNS.map((c) => `~${c}`), '结果维持', '结果纠正', '其他结果', '尚未审结', '~尚未审结', '总计', ...COLUMNS],
    ];
    const row = ['2］', '［1', '1', '3', '1', '7[2]', '0', '0', '0', '0', '［3］', '0', '13', '2', '4', '0', '19'];
    const m = mapTemplates(docWithTables([...header, row]));
    const review = ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `appeals.review.${c}`);
    // Read as the fifteen after the spoiled cells, the group came out 1 | 3 | 1 | 7 | 0 with no doubt (its total 2 + 1 + 3 + 1 = 7 "failed").
    for (const key of review) expect({ key, value: m.cells[key], certain: m.details[key]?.doubt === null }).toEqual({ key, value: null, certain: false });
    expect(m.messages.map((x) => x.code)).toContain('extra-values');
  });

  it('reads the one-row table from a value row a cell short, never its header rows as blank data', () => {
    const doc = docWithTables([
      ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
      [...COLUMNS, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
      ['', '', '', '', '', ...COLUMNS, ...COLUMNS],
      ['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', ''], // a report that prints blanks; its last (blank) cell lost
    ]);
    (doc.blocks[0] as { rows: Array<Array<{ text: string; absent?: boolean }>> }).rows[3][14] = { text: '', absent: true };
    const m = mapTemplates(doc);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => m.cells[`appeals.review.${c}`])).toEqual([5, null, null, 2, 7]);
    // Placed by the group totals: the readings that shift the row break them.
    expect(m.details['appeals.review.total'].doubt).toBe('identity-resolved');
    expect(m.cells['appeals.litigation_direct.total']).toBe(9);
    expect(m.messages.some((x) => x.code === 'missing-values' && x.message.startsWith('appeals:'))).toBe(true);
  });
});

describe('table 四 whose grouped header lost its spans (a Markdown conversion)', () => {
  it('never reads a header line over empty cells (行政诉讼 · ∅ × 9) as a group of certain blanks', () => {
    const m = mapTemplates(
      docWithTables([
        ['行政诉讼', '', '', '', '', '', '', '', '', ''],
        ['未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
        [...COLUMNS, ...COLUMNS],
        ['8', '无', '无', '1', '9', '无', '无', '无', '无', '无'],
      ]),
    );
    for (const c of ['upheld', 'corrected', 'other', 'pending', 'total']) {
      const key = `appeals.review.${c}`;
      // Not a printed blank: the document says nothing about 行政复议 here.
      expect(m.cells[key] === null && m.details[key]?.doubt !== null, key).toBe(true);
    }
  });
});

describe('table 四 whose header OCR misread', () => {
  it('is told by 行政复议 and the two kinds of litigation when 行政诉讼 itself was read as junk (4)', () => {
    const kinds = (name: string) => [name, ...new Array(4).fill(`~${name}`)];
    const m = mapTemplates(
      docWithTables([
        ['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '4', ...new Array(9).fill('~4')],
        ['结果', 'ea纠正', '”结果', 'ae ”审结', '总计', ...kinds('未经复议直拉起诉'), ...kinds('复议后起诉')],
        ['~结果', '~ea纠正', '~”结果', '~ae ”审结', '~总计', '', '结果纠正', '其他”结果', '”尚未审结', '总计', ...COLUMNS],
        ['0', '1', '1', '0', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0'],
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect(['review.total', 'review.corrected', 'litigation_direct.upheld', 'litigation_direct.total', 'litigation_after_review.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([2, 1, 1, 1, 0]);
  });

  /**
   * The one-row table with its header's 未经复议直接起诉 (or, printed first, 复议后起诉) read as a stray 2
   * over its span; the litigation groups' column labels wrapped over two lines (结果 / 维持), read as two rows.
   */
  function headerWithStrayDigit(firstKind: string, secondKind: string): string[][] {
    const span = (text: string) => [text, ...new Array(4).fill(`~${text}`)];
    const under = COLUMNS.map((c) => `~${c}`);
    return [
      [...span('行政复议'), '行政诉讼', ...new Array(9).fill('~行政诉讼')],
      [...COLUMNS, ...span(firstKind), ...span(secondKind)],
      [...under, ...['结果', '结果', '其他', '尚未', '总计'], ...['结果', '结果', '其他', '尚未', '总计']],
      [...under, ...['维持', '纠正', '结果', '审结', ''], ...['维持', '纠正', '结果', '审结', '']],
      ['5', '无', '无', '2', '7', '8', '无', '无', '1', '9', '3', '无', '无', '无', '3'],
    ];
  }

  it('is found when a header cell over a group was read as a digit (未经复议直接起诉 as 2), its cells read as printed', () => {
    const m = mapTemplates(docWithTables(headerWithStrayDigit('2', '复议后起诉')));
    expect(m.layout.appeals).toBe('2021');
    expect(['review.upheld', 'review.total', 'litigation_direct.upheld', 'litigation_direct.total', 'litigation_after_review.upheld', 'litigation_after_review.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([5, 7, 8, 9, 3, 3]);
    expect(Object.entries(m.details).filter(([k, d]) => k.startsWith('appeals.') && d.doubt)).toEqual([]);
  });

  it('places the litigation groups by the column of the one kind still read when the header prints them the other way round', () => {
    const m = mapTemplates(docWithTables(headerWithStrayDigit('复议后起诉', '2')));
    expect(m.layout.appeals).toBe('2021');
    // 复议后起诉 stands over the first litigation group: 8 … 9 are its values, 3 … 3 those of 未经复议直接起诉.
    expect(['litigation_after_review.upheld', 'litigation_after_review.total', 'litigation_direct.upheld', 'litigation_direct.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([8, 9, 3, 3]);
  });

  it('never reads a header line with a stray number among its words as the row of values (结果纠正 printed 2, a grid without spans)', () => {
    const gap = (n: number) => new Array(n).fill('');
    const m = mapTemplates(
      docWithTables([
        ['行政复议', ...gap(4), '行政诉讼', ...gap(9)],
        ['结果维持', '2', '其他结果', '尚未审结', '总计', '未经复议直接起诉', ...gap(4), '复议后起诉', ...gap(4)],
        [...gap(5), ...COLUMNS, ...COLUMNS],
        ['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2'],
      ]),
    );
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => m.cells[`appeals.review.${c}`])).toEqual([1, 1, 0, 0, 2]);
    expect([m.cells['appeals.litigation_direct.total'], m.cells['appeals.litigation_after_review.total']]).toEqual([5, 2]);
    expect(Object.entries(m.details).filter(([k, d]) => k.startsWith('appeals.') && d.doubt)).toEqual([]);
  });

  it('places the litigation groups of a header that lost its spans by the named kind\'s place among the two kinds\' cells, or leaves blank what the orders disagree on', () => {
    const read = (kinds: string[]) =>
      mapTemplates(
        docWithTables([
          ['行政复议', '行政诉讼'],
          [...COLUMNS, ...kinds],
          [...COLUMNS, ...COLUMNS],
          ['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', ''],
        ]),
      );
    const litigation = (m: ReturnType<typeof mapTemplates>) =>
      ['litigation_direct.upheld', 'litigation_direct.total', 'litigation_after_review.upheld', 'litigation_after_review.total'].map((k) => [m.cells[`appeals.${k}`], m.details[`appeals.${k}`].doubt]);
    // … 总计 | 5 | 复议后起诉: the named kind is the second of the two.
    expect(litigation(read(['5', '复议后起诉']))).toEqual([[8, null], [9, null], [null, null], [null, null]]);
    // … 总计 | 复议后起诉 | 5: the first, so 8 … 9 are its values.
    expect(litigation(read(['复议后起诉', '5']))).toEqual([[null, null], [null, null], [8, null], [9, null]]);
    // … 总计 | 复议后起诉 (the other kind's cell empty, collapsed): both orders keep the group totals.
    const m = read(['复议后起诉']);
    expect(litigation(m)).toEqual([[null, 'ambiguous'], [null, 'ambiguous'], [null, 'ambiguous'], [null, 'ambiguous']]);
    expect([m.cells['appeals.review.upheld'], m.cells['appeals.review.total']]).toEqual([5, 7]);
    expect(m.messages.some((x) => x.code === 'columns-ambiguous' && x.message.startsWith('appeals:'))).toBe(true);
  });

  it('places the litigation groups by the named kind\'s place in a header row of the two kinds alone, its cells packed left by a layout text (未经复议直接起诉 | 4)', () => {
    // pdftotext's lines of the header as a layout text reads them: its words packed left, wrapped over lines.
    // A line's cells past its last word are absent (not printed empty).
    const lines = (kinds: string[]) => [
      ['行政复议', '行政诉讼'],
      kinds,
      ['结果', '结果', '其他', '尚未'],
      ['总计', ...'结果 结果 其他 尚未 结果 结果 其他 尚未 维持 纠正 结果 审结 总计 总计 维持 纠正 结果 审结 维持 纠正 结果 审结'.split(' ')],
      ['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2'],
    ];
    const read = (kinds: string[]) => {
      const printed = lines(kinds);
      const doc = docWithTables(printed);
      const table = doc.blocks[0] as { rows: Array<Array<{ text: string; absent?: boolean }>> };
      table.rows = table.rows.map((row, r) => row.map((c, k) => (k < printed[r].length ? c : { text: '', absent: true })));
      return mapTemplates(doc);
    };
    const litigation = (m: ReturnType<typeof mapTemplates>) =>
      ['litigation_direct.upheld', 'litigation_direct.total', 'litigation_after_review.upheld', 'litigation_after_review.total'].map((k) => [m.cells[`appeals.${k}`], m.details[`appeals.${k}`].doubt]);
    // The named kind first, the other misread as 4 after it: 4 … 5 are its values.
    expect(litigation(read(['未经复议直接起诉', '4']))).toEqual([[4, null], [5, null], [1, null], [2, null]]);
    // The misread kind first: the named one is the second group.
    expect(litigation(read(['4', '未经复议直接起诉']))).toEqual([[1, null], [2, null], [4, null], [5, null]]);
    // The other kind misread as junk, the header's next lines joined to the row (未经复议直接起诉 | Ba | 结果 | 结果 | 其他 | 尚未 | 总计 …).
    expect(litigation(read(['未经复议直接起诉', 'Ba', '结果', '结果', '其他', '尚未', '总计', '结果', '结果']))).toEqual([[4, null], [5, null], [1, null], [2, null]]);
    // The named kind alone (the other's cell empty, collapsed): nothing places it.
    expect(litigation(read(['未经复议直接起诉']))).toEqual([[null, 'ambiguous'], [null, 'ambiguous'], [null, 'ambiguous'], [null, 'ambiguous']]);
    expect(litigation(read(['未经复议直接起诉', '结果', '结果', '其他']))).toEqual([[null, 'ambiguous'], [null, 'ambiguous'], [null, 'ambiguous'], [null, 'ambiguous']]);
    // A stub cell before the named kind (项目) is no kind: the other's cell collapsed, nothing places it.
    expect(litigation(read(['项目', '未经复议直接起诉']))).toEqual([[null, 'ambiguous'], [null, 'ambiguous'], [null, 'ambiguous'], [null, 'ambiguous']]);
  });

  it('looks past a header line whose words a text reader kept as one label before a stray number (… 尚未审结 | 9, 总计 printed 9)', () => {
    const gap = (n: number) => new Array(n).fill('');
    const m = mapTemplates(
      docWithTables([
        ['行政复议', '行政诉讼', ...gap(13)],
        [...COLUMNS, '未经复议直接起诉', '复议后起诉', ...gap(8)],
        [`${COLUMNS.join(' ')} ${COLUMNS.join(' ')} 结果维持 结果纠正 其他结果 尚未审结`, '9', ...gap(13)],
        ['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2'],
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect(['review.total', 'litigation_direct.total', 'litigation_after_review.upheld', 'litigation_after_review.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([2, 5, 1, 2]);
  });

  it('looks past a header line of pieces of the columns\' labels kept as one label before a stray number (维持 纠正 结果 审结 总计 | 1, a wrapped header\'s second line, the last 总计 printed 1)', () => {
    const lines = [
      ['行政复议', '行政诉讼'],
      ['未经复议直接起诉', '复议后起诉', '结果', '结果', '其他', '尚未', '总计', '结果', '结果', '其他', '尚未', '结果', '结果', '其他', '尚未'],
      ['维持 纠正 结果 审结 总计', '1'],
      ['维持', '纠正', '结果', '审结', '维持', '纠正', '结果', '审结'],
      ['0', '1', '1', '0', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0'],
    ];
    const doc = docWithTables(lines);
    const table = doc.blocks[0] as { rows: Array<Array<{ text: string; absent?: boolean }>> };
    table.rows = table.rows.map((row, r) => row.map((c, k) => (k < lines[r].length ? c : { text: '', absent: true })));
    const m = mapTemplates(doc);
    expect(m.layout.appeals).toBe('2021');
    expect(['review.total', 'litigation_direct.upheld', 'litigation_direct.total', 'litigation_after_review.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([2, 1, 1, 0]);
  });

  it('looks past a header line with no label whose first cell is a stray number (∅ × 5 | 1 | 结果纠正 …, 结果维持 printed 1), never reading it as values', () => {
    const gap = (n: number) => new Array(n).fill('');
    const m = mapTemplates(
      docWithTables([
        ['行政复议', ...gap(4), '行政诉讼', ...gap(9)],
        [...COLUMNS, '未经复议直接起诉', ...gap(4), '复议后起诉', ...gap(4)],
        [...gap(5), '1', ...COLUMNS.slice(1), ...COLUMNS],
        ['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19'],
      ]),
    );
    expect(['review.upheld', 'review.total', 'litigation_direct.upheld', 'litigation_direct.total', 'litigation_after_review.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([2, 7, 0, 0, 19]);
    expect(Object.entries(m.details).filter(([k, d]) => k.startsWith('appeals.') && d.doubt)).toEqual([]);
  });

  it('ranks the one kind still read among the header row\'s kind cells when a scan lost a column (14 values, 复议后起诉 read 2)', () => {
    const span = (text: string, n: number) => [text, ...new Array(n - 1).fill(`~${text}`)];
    const m = mapTemplates(
      docWithTables([
        [...span('行政复议', 5), ...span('行政诉讼', 9)],
        ['结果维持', '结果纠正', '其他人', '”尚未审结', '总计', ...span('未经复议直接起诉', 4), ...span('2', 5)],
        ['2', '1', '3', '1', '7', '0', '0', '0', '0', '13', '2', '4', '0', '19'],
      ]),
    );
    expect(m.messages.filter((x) => x.code === 'columns-ambiguous')).toEqual([]);
    expect([m.cells['appeals.review.total'], m.cells['appeals.litigation_after_review.upheld']]).toEqual([7, 13]);
  });

  it('places the litigation groups by column when 行政诉讼 and one kind were both misread, the columns\' header read whole', () => {
    const span = (text: string) => [text, ...new Array(4).fill(`~${text}`)];
    const m = mapTemplates(
      docWithTables([
        [...span('行政复议'), '4', ...new Array(9).fill('~4')],
        [...COLUMNS, ...span('复议后起诉'), ...span('2')],
        [...COLUMNS.map((c) => `~${c}`), ...COLUMNS, ...COLUMNS],
        ['5', '无', '无', '2', '7', '8', '无', '无', '1', '9', '3', '无', '无', '无', '3'],
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect(['review.total', 'litigation_after_review.upheld', 'litigation_after_review.total', 'litigation_direct.upheld', 'litigation_direct.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([7, 8, 9, 3, 3]);
  });

  it('is told by the two kinds of litigation when 行政复议 itself was read as a digit (8), 行政复议\'s columns before them', () => {
    const gap = (n: number) => new Array(n).fill('');
    const m = mapTemplates(
      docWithTables([
        ['8', ...gap(4), '行政诉讼', ...gap(9)],
        [...COLUMNS, '未经复议直接起诉', ...gap(4), '复议后起诉', ...gap(4)],
        [...gap(5), ...COLUMNS, ...COLUMNS],
        ['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2'],
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect(['review.upheld', 'review.total', 'litigation_direct.total', 'litigation_after_review.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([1, 2, 5, 2]);
  });

  it('is told by the two kinds of litigation printed above all fifteen columns (a stacked header, its labels wrapped, 行政复议 read 1)', () => {
    const gap = (n: number) => new Array(n).fill('');
    const m = mapTemplates(
      docWithTables([
        ['1', ...gap(4), '行政诉讼', ...gap(9)],
        [...gap(5), '未经复议直接起诉', ...gap(4), '复议后起诉', ...gap(4)],
        [0, 1, 2].flatMap(() => ['结果', '结果', '其他', '尚未', '总计']),
        [0, 1, 2].flatMap(() => ['维持', '纠正', '结果', '审结', '']),
        ['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2'],
      ]),
    );
    expect(['review.total', 'litigation_direct.total', 'litigation_after_review.total'].map((k) => m.cells[`appeals.${k}`])).toEqual([2, 5, 2]);
  });

  it('is not told by 行政复议 beside words that only look like a kind of litigation', () => {
    const m = mapTemplates(docWithTables([['行政复议', '起诉'], ['0', '1', '1', '0', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0']]));
    expect(m.layout.appeals).toBe('none');
  });
});

describe('a scanned table 四 whose grid lost a rule between narrow columns', () => {
  // Seed 1, titles/jpeg (Pingtan 2022, a photo at 240 dpi): OCR drew 未经复议直接起诉's 其他结果 | 尚未审结 | 总计 as one
  // column, their values 0 0 1 read as 'Ve a'. Thirteen cells: 51 readings held, the fifteen cells were left blank (ambiguous).
  const grid = (merged: string) => [
    ['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼'],
    ['结果维持', '结果纠正', '”其他”结果', 'TIA ”审结', '总计', '', '~', '未经复议直接起诉”其他尚未“结果审结[ext', '复议后起诉', '~复议后起诉', '~复议后起诉', '~复议后起诉', '~复议后起诉'],
    ['~结果维持', '~结果纠正', '~”其他”结果', '~TIA ”审结', '~总计', '结果维持', '结果纠正', '~未经复议直接起诉”其他尚未“结果审结[ext', '结果维持', '结果纠正', '其他”结果', '”尚未审结', '总计'],
    ['0', '1', '1', '0', '2', '1', '0', merged, '0', '0', '0', '0', '0'],
  ];
  const scanned = (rows: string[][]) => {
    const doc = docWithTables(rows);
    for (const block of doc.blocks) if (block.kind === 'table') for (const row of block.rows) for (const c of row) c.prov = { page: 1, origin: 'ocr', confidence: 96 };
    return doc;
  };
  const cells = (m: ReturnType<typeof mapTemplates>, group: string) => COLUMNS.map((_, i) => ['upheld', 'corrected', 'other', 'pending', 'total'][i]!).map((c) => [m.cells[`appeals.${group}.${c}`], m.details[`appeals.${group}.${c}`]?.doubt ?? null]);

  it('places the cells by the columns their headings name, the cell naming none over the columns between', () => {
    const m = mapTemplates(scanned(grid('Ve a')));
    expect(cells(m, 'review')).toEqual([[0, null], [1, null], [1, null], [0, null], [2, null]]);
    expect(cells(m, 'litigation_direct')).toEqual([[1, null], [0, null], [null, 'unreadable'], [null, 'unreadable'], [null, 'unreadable']]);
    expect(cells(m, 'litigation_after_review').every(([v, d]) => v === 0 && d === null)).toBe(true);
  });

  it('gives the merged columns the numbers their cell prints when they are as many, and none of one number', () => {
    const three = mapTemplates(scanned(grid('0 0 1')));
    expect(cells(three, 'litigation_direct')).toEqual([[1, null], [0, null], [0, null], [0, null], [1, null]]);
    const one = mapTemplates(scanned(grid('1')));
    expect(cells(one, 'litigation_direct').slice(2).map(([v]) => v)).toEqual([null, null, null]);
    // Guard: the same grid as text (a reader that keeps its rules) is read as before, by the group totals.
    const text = mapTemplates(docWithTables(grid('Ve a')));
    expect(text.details['appeals.review.total']?.doubt).toBe('ambiguous');
  });
});
