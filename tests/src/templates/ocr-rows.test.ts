/**
 * Tables read from scans: labels OCR garbled past recognition, junk read in a merged label cell, and
 * the appeals header with a character lost.
 */
import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { APPEALS_2021, REQUESTS_2021, cellKey } from '../../../src/templates/ids.js';
import { loadTruths } from '../../corpus/truth.js';
import type { DocumentModel } from '../../../extractors/model.js';
import { docWithTables } from './helpers.js';

/** Outcome rows print 1 natural person and 1 company; new_received = total_processed = 21 + 21. */
function requests(relabel: Record<string, string> = {}): string[][] {
  const outcome = ['1', '1', '0', '0', '0', '0', '2'];
  return [
    ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ...REQUESTS_2021.rows.map((r) => {
      const label = relabel[r.id] ?? r.label;
      if (r.id === 'new_received' || r.id === 'total_processed') return [label, '21', '21', '0', '0', '0', '0', '42'];
      if (r.id === 'carried_over' || r.id === 'carried_forward') return [label, '0', '0', '0', '0', '0', '0', '0'];
      return [label, ...outcome];
    }),
  ];
}

/** Every value cell as read by OCR with good confidence. */
function scanned(doc: DocumentModel): DocumentModel {
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    for (const row of block.rows) row.forEach((c, i) => i > 0 && (c.prov = { page: 1, origin: 'ocr', confidence: 95 }));
  }
  return doc;
}

describe('rows of a scan whose labels OCR garbled', () => {
  it('places them by the template order and count of rows', () => {
    const m = mapTemplates(scanned(docWithTables(requests({ new_received: 'Ree RR', carried_over: '=. EASE BRR LTE ESC', granted: '(—) FUAH', total_processed: '本年FED) FHL果 (七)总计' }))));
    expect(m.cells['requests.new_received.total']).toBe(42);
    expect(m.cells['requests.carried_over.total']).toBe(0);
    expect(m.cells['requests.granted.natural_person']).toBe(1);
    expect(m.cells['requests.total_processed.commercial']).toBe(21);
    // granted's column sums also hold total_processed, placed by order too: nothing confirms either.
    expect(m.details['requests.granted.natural_person'].doubt).toBe('row-by-order');
    expect(m.messages.filter((x) => x.code === 'row-by-order').map((x) => x.message.split(' ')[0])).toEqual([
      'requests.new_received',
      'requests.carried_over',
      'requests.granted',
      'requests.total_processed',
    ]);
  });

  it('a placed row alone in its column sums is confirmed by them', () => {
    const m = mapTemplates(scanned(docWithTables(requests({ granted: '(—) FUAH' }))));
    expect(m.cells['requests.granted.natural_person']).toBe(1);
    expect(m.details['requests.granted.natural_person']).toMatchObject({ doubt: null, via: 'identity-confirmed' });
    expect(m.details['requests.granted.total']).toMatchObject({ doubt: null, via: 'identity-confirmed' });
  });

  it('keeps the doubt row-by-order on a placed cell that no identity confirms', () => {
    const rows = requests({ granted: '(—) FUAH' });
    // granted prints 5 natural persons and a total of 6: its row holds, the column sums do not.
    rows[3][1] = '5';
    rows[3][7] = '6';
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(m.cells['requests.granted.natural_person']).toBe(5);
    expect(m.details['requests.granted.natural_person'].doubt).toBe('row-by-order');
    expect(m.details['requests.granted.commercial']).toMatchObject({ doubt: null, via: 'identity-confirmed' });
  });

  it('places a garbled row that prints its blanks as empty cells by its cells, not its few values', () => {
    const rows = requests({ granted: '1. fa SRA TA' });
    // A report that prints nothing for none: granted's row is 1 | 1 and five empty cells of the grid, its total lost too.
    const at = rows.findIndex((r) => r[0] === '1. fa SRA TA');
    rows[at] = [rows[at][0], '1', '1', '', '', '', '', ''];
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(m.messages.filter((x) => x.code === 'row-by-order').map((x) => x.message.split(' ')[0])).toEqual(['requests.granted']);
    expect(m.details['requests.granted.natural_person'].raw).toBe('1');
    expect(m.cells['requests.granted.total']).toBeNull();
  });

  it('places nothing when a row is missing beside the garbled one: the counts differ', () => {
    const rows = requests({ granted: '(—) FUAH' }).filter((r) => r[0] !== REQUESTS_2021.rows.find((x) => x.id === 'partially_granted')!.label);
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(m.cells['requests.granted.natural_person']).toBeNull();
    expect(m.details['requests.granted.natural_person'].doubt).toBe('not-found');
    expect(m.details['requests.partially_granted.natural_person'].doubt).toBe('not-found');
  });

  it('places a garbled row right under the header a table repeats over a page break', () => {
    const rows = requests({ carried_over: '=" eee are' });
    const at = rows.findIndex((r) => r[0] === '=" eee are');
    // The table runs over a page: its second piece repeats the column header above the garbled row, a
    // header word of it garbled too (社会公益组织), so that the header rows hold a value-like cell.
    const note = '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)';
    const header = [
      [note, '申请人情况', '~申请人情况', '~申请人情况', '~申请人情况', '~申请人情况', '~申请人情况', '~申请人情况'],
      [`~${note}`, '自然人', '法人或其他组织', '~法人或其他组织', '~法人或其他组织', '~法人或其他组织', '~法人或其他组织', '总计'],
      [`~${note}`, '~自然人', '商业企业', '科研机构', 'ce AS社Zs Lyat组织', '法律服务机构', '其他', '~总计'],
    ];
    const m = mapTemplates(scanned(docWithTables(rows.slice(0, at), [...header, ...rows.slice(at)])));
    expect(m.messages.filter((x) => x.code === 'row-by-order').map((x) => x.message.split(' ')[0])).toEqual(['requests.carried_over']);
    expect(m.cells['requests.carried_over.total']).toBe(0);
    expect(m.details['requests.carried_over.natural_person']).toMatchObject({ doubt: null, via: 'identity-confirmed' });
  });

  it('never places rows by order in a document with a text layer', () => {
    const m = mapTemplates(docWithTables(requests({ granted: '(—) FUAH' })));
    expect(m.cells['requests.granted.natural_person']).toBeNull();
    expect(m.details['requests.granted.natural_person'].doubt).toBe('not-found');
  });
});

describe('junk OCR reads in a merged label cell', () => {
  it('a number read in the vertical 不予公开 cell, before the item label, is not taken as a value', () => {
    const denied = REQUESTS_2021.rows.filter((r) => r.group?.includes('不予公开'));
    const rows: string[][] = [['申请人情况', '', '', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']];
    for (const r of REQUESTS_2021.rows) {
      const values = r.id === 'new_received' || r.id === 'total_processed' ? ['21', '21', '0', '0', '0', '0', '42'] : r.id === 'carried_over' || r.id === 'carried_forward' ? ['0', '0', '0', '0', '0', '0', '0'] : ['1', '1', '0', '0', '0', '0', '2'];
      const group = r.id === denied[0].id ? '-2' : r.group ? `~${r.group}` : '';
      rows.push([r.group ? '三、本年度办理结果' : r.label, r.group ? group : '', r.group ? r.own : '', ...values]);
    }
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(denied[0].id).toBe('denied_state_secret');
    expect(m.cells['requests.denied_state_secret.natural_person']).toBe(1);
    expect(m.cells['requests.denied_state_secret.total']).toBe(2);
    expect(m.details['requests.denied_state_secret.total'].doubt).toBeNull();
  });
});

describe('the appeals header read by OCR', () => {
  it('names 行政诉讼 with one of its characters lost', () => {
    const m = mapTemplates(
      docWithTables([
        ['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '行政诉'],
        ['果维持', '果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~', '~', '~', '~', '复议后起诉'],
        ['', ...'2 1 3 1 7 0 0 0 0 0 13 2 4 0 19'.split(' ')],
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect(m.cells['appeals.review.total']).toBe(7);
    expect(m.cells['appeals.litigation_after_review.total']).toBe(19);
  });
});

/** The template's wording of the columns of each group, and the same with what OCR does to one cell of it. */
const APPEAL_HEADER = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const OCR_HEADERS = [
  ['结果维持', '结果纠正', '其他果', '尚未审结', '总计'], // a character lost
  ['结果维持', '结果纠正', '其他结果', '尚末审结', '总计'], // 未 read as 末
  ['果维持', '结果纠正', '其他结果', '尚未审结', '总il'], // one lost, one misread
  ['果维持', '结果纠正', '其他结果', 'ok ACTSai', '总计'], // one lost, one read past recognition (a 150 dpi photo)
];

describe('table 四 printed as three small tables, scanned, a header cell garbled by OCR', () => {
  const truths = loadTruths().filter((t) => t.layout.appeals === '2021' && APPEALS_2021.rows.every((r) => r.columns.every((c) => typeof t.cells[cellKey('appeals', r.id, c.id)] === 'number')));
  const groups = APPEALS_2021.rows;

  it.each(truths.map((t) => [t.id, t] as const))('%s: reads every group of the truth', (_, truth) => {
    for (const garbled of OCR_HEADERS) {
      for (const at of [0, 1, 2]) {
        const rows = groups.flatMap((g, i) => [
          new Array(5).fill(g.label).map((c, k) => (k ? `~${c}` : c)),
          i === at ? garbled : APPEAL_HEADER,
          g.columns.map((c) => String(truth.cells[cellKey('appeals', g.id, c.id)])),
        ]);
        const m = mapTemplates(scanned(docWithTables(rows)));
        for (const g of groups) for (const c of g.columns) {
          const key = cellKey('appeals', g.id, c.id);
          expect(m.cells[key], `${key} with ${garbled.join('|')} over group ${at}`).toBe(truth.cells[key]);
        }
      }
    }
  });

  it('never takes a header that is not the columns\' for one, nor one garbled in a document with a text layer', () => {
    const truth = truths[0];
    const rows = (header: string[]) => groups.flatMap((g, i) => [[g.label], i === 2 ? header : APPEAL_HEADER, g.columns.map((c) => String(truth.cells[cellKey('appeals', g.id, c.id)]))]);
    expect(mapTemplates(docWithTables(rows(OCR_HEADERS[0]))).cells['appeals.review.total']).toBeNull();
    expect(mapTemplates(scanned(docWithTables(rows(['结果维持', '结果纠正', '总计'])))).cells['appeals.review.total']).toBeNull();
    // Cell by cell, one garbled cell per group is allowed, not two.
    expect(mapTemplates(scanned(docWithTables(rows(['结果维持', '结果纠正', 'Hi', 'ok ACTSai', '总计'])))).cells['appeals.review.total']).toBeNull();
    // Garbled the same way, a document with a text layer is not taken either.
    expect(mapTemplates(docWithTables(rows(['结果维持', '结果纠正', '其他结果', 'ok ACTSai', '总计']))).cells['appeals.review.total']).toBeNull();
  });
});

describe('a scanned row whose only empty cell ends it', () => {
  function withRow(id: string, values: string[]): DocumentModel {
    const rows = requests();
    const at = rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === id)!.label);
    rows[at] = [rows[at][0], ...values];
    const doc = scanned(docWithTables(rows));
    // Every cell sure of itself, the empty one too (no ink in it).
    for (const block of doc.blocks) if (block.kind === 'table') for (const row of block.rows) row.forEach((c, i) => i > 0 && (c.prov = { page: 1, origin: 'ocr', confidence: 100 }));
    return doc;
  }

  it('is in doubt: a row that lost a cell is drawn with the room of it at its end', () => {
    const m = mapTemplates(withRow('denied_enforcement_files', ['0', '0', '0', '0', '0', '0', '']));
    expect(m.cells['requests.denied_enforcement_files.total']).toBeNull();
    expect(m.details['requests.denied_enforcement_files.total'].doubt).toBe('lone-empty-cell');
    expect(m.cells['requests.denied_enforcement_files.natural_person']).toBe(0);
  });

  it('is a printed blank when it stands inside the row', () => {
    const m = mapTemplates(withRow('denied_enforcement_files', ['0', '0', '', '0', '0', '0', '0']));
    expect(m.cells['requests.denied_enforcement_files.research']).toBeNull();
    expect(m.details['requests.denied_enforcement_files.research'].doubt).toBeNull();
  });
});

describe('a scanned label wrapped over three rows of the table, one line garbled by OCR', () => {
  /** requests() with 2.其他法律行政法规禁止公开 as three rows: `lines` (label, values or none) in place of its row. */
  function wrapped(lines: Array<[string, boolean]>): DocumentModel {
    const rows = requests();
    const at = rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === 'denied_prohibited_by_law')!.label);
    const values = rows[at].slice(1);
    rows.splice(at, 1, ...lines.map(([label, withValues]) => [label, ...(withValues ? values : values.map(() => ''))]));
    return scanned(docWithTables(rows));
  }
  const row = (m: ReturnType<typeof mapTemplates>) => ['natural_person', 'commercial', 'total'].map((c) => m.cells[`requests.denied_prohibited_by_law.${c}`]);

  it('values on the last line: the two lines above and the garbled one make the label (2.其他法 · 律行政法 · SUSIE ATE)', () => {
    const m = mapTemplates(wrapped([['2.其他法', false], ['律行政法', false], ['SUSIE ATE', true]]));
    expect(row(m)).toEqual([1, 1, 2]);
    expect(m.details['requests.denied_prohibited_by_law.total'].doubt).toBeNull();
    expect(m.cells['requests.denied_three_safeties_one_stability.total']).toBe(2);
  });

  it('values on the middle line (2.其他法 · SUSIE ATE · 规禁止公开)', () => {
    const m = mapTemplates(wrapped([['2.其他法', false], ['SUSIE ATE', true], ['规禁止公开', false]]));
    expect(row(m)).toEqual([1, 1, 2]);
    expect(m.cells['requests.denied_three_safeties_one_stability.total']).toBe(2);
  });

  it('a line that starts with its own numbering is a row of its own, never the rest of a label', () => {
    const m = mapTemplates(wrapped([['2.其他法', false], ['律行政法', false], ['3.SUSIE ATE', true]]));
    expect(row(m)).not.toEqual([1, 1, 2]);
  });
});

describe('a label wrapped over a page break, the header drawn again on the new page', () => {
  it('is read across the break, not as its two lines joined with the repeated header\'s row', () => {
    const rows = requests();
    const at = rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === 'other_no_correction')!.label);
    const values = rows[at].slice(1);
    const empty = values.map(() => '');
    // Page 1 ends with the label's first two lines; page 2 draws the header again, then the label's last line with the values.
    const first = [...rows.slice(0, at), ['1.申请人无正当理由逾', ...empty], ['期不补正、行政机关不再', ...empty]];
    const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
    const header = [
      [note, '申请人情况', ...Array(6).fill('~申请人情况')],
      [`~${note}`, '自然人', '法人或其他组织', ...Array(4).fill('~法人或其他组织'), '总计'],
      [`~${note}`, '~自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '~总计'],
    ];
    const second = [...header, ['处理其政府信息公开申请', ...values], ...rows.slice(at + 1)];
    const m = mapTemplates(docWithTables(first, second));
    expect(REQUESTS_2021.rows[0].columns.map((c) => m.cells[`requests.other_no_correction.${c.id}`])).toEqual(values.map(Number));
    expect(m.details['requests.other_no_correction.total'].doubt).toBeNull();
  });
});

describe('a scanned row whose label cell OCR read empty', () => {
  it('reads its values from the table\'s value column, not its empty label cell as a blank before them, and places it by order', () => {
    const rows = requests();
    const at = rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === 'new_received')!.label);
    rows[at] = ['', ...rows[at].slice(1)];
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(REQUESTS_2021.rows[0].columns.map((c) => m.cells[`requests.new_received.${c.id}`])).toEqual([21, 21, 0, 0, 0, 0, 42]);
    expect(m.messages.filter((x) => x.code === 'row-by-order').map((x) => x.message.split(' ')[0])).toEqual(['requests.new_received']);
  });
});

describe('a scanned table 三 printing fewer columns, a row whose label OCR lost', () => {
  /** requests() with the five columns of 法人或其他组织 printed as one, their sum, under a header of two rows. */
  function merged(): string[][] {
    const rows = requests().slice(1).map((r) => [r[0], r[1], String(r.slice(2, 7).reduce((s, v) => s + Number(v), 0)), r[7]]);
    return [['', '申请人情况', '~申请人情况', '~申请人情况'], ['', '自然人', '法人或其他组织', '总计'], ...rows];
  }

  it('places the first row by order when it prints as many values as the table\'s other rows, and the identities confirm it', () => {
    const rows = merged();
    rows[2] = ['', ...rows[2].slice(1)];
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(m.messages.filter((x) => x.code === 'row-by-order').map((x) => x.message.split(' ')[0])).toEqual(['requests.new_received']);
    expect(m.cells['requests.new_received.natural_person']).toBe(21);
    expect(m.cells['requests.new_received.total']).toBe(42);
    expect(m.cells['requests.new_received.commercial']).toBeNull();
    expect(m.details['requests.new_received.commercial'].doubt).toBe('not-found');
  });

  it('places nothing when the row prints another count of values than the table\'s rows', () => {
    const rows = merged();
    rows[2] = ['', '21', '42'];
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(m.messages.filter((x) => x.code === 'row-by-order')).toEqual([]);
    expect(m.cells['requests.new_received.natural_person']).toBeNull();
  });
});
