import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { docWithTables } from './helpers.js';
import { REQUESTS_2021, REQUEST_COLUMNS } from '../../../src/templates/ids.js';
import type { DocumentModel, TableCell } from '../../../extractors/model.js';

/**
 * Rows of layout text whose empty columns' gaps were closed: a row prints only its values, in order,
 * and nothing says which columns they stand in. Cells are text; `~x` marks a cell the layout reader
 * placed by order alone (doubt placed-by-order). Rows shorter than the grid are padded with absent cells.
 */
function layoutDoc(rows: string[][]): DocumentModel {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    format: 'txt',
    meta: {},
    messages: [],
    blocks: [
      {
        kind: 'table',
        rows: rows.map((r) =>
          Array.from({ length: width }, (_, i): TableCell => {
            if (i >= r.length) return { text: '', absent: true };
            return r[i].startsWith('~') ? { text: r[i].slice(1), doubt: 'placed-by-order' } : { text: r[i] };
          }),
        ),
      },
    ],
  };
}

const label = (id: string) => REQUESTS_2021.rows.find((r) => r.id === id)!.label;
const zeros = ['0', '0', '0', '0', '0', '0', '0'];

/**
 * 10 requests (6 自然人, 3 商业企业, 1 其他) all handled within the year. Three outcome rows print their
 * values alone; every other row prints all seven cells. `short` gives the three rows' printed values.
 */
function requestsTable(short: Record<string, string[]>, totals = ['6', '3', '0', '0', '0', '1', '10']): string[][] {
  return [
    ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ...REQUESTS_2021.rows.map((r) => {
      if (r.id === 'new_received' || r.id === 'total_processed') return [r.label, ...totals];
      return [r.label, ...(short[r.id] ?? zeros)];
    }),
  ];
}

const row = (m: ReturnType<typeof mapTemplates>, id: string) => REQUEST_COLUMNS.map((c) => m.cells[`requests.${id}.${c.id}`]);

describe('rows short of values by more than a few, placed by the identities solved together', () => {
  it('takes the one placement of 4 2 6, 2 2 and 1 1 2 under which every column sums to （七）总计 and every row to its total', () => {
    const m = mapTemplates(layoutDoc(requestsTable({ granted: ['4', '2', '6'], partially_granted: ['2', '2'], denied_state_secret: ['1', '1', '2'] })));
    expect(row(m, 'granted')).toEqual([4, 2, null, null, null, null, 6]);
    expect(row(m, 'partially_granted')).toEqual([2, null, null, null, null, null, 2]);
    expect(row(m, 'denied_state_secret')).toEqual([null, 1, null, null, null, 1, 2]);
    // Placed by the identities, not printed there: in doubt, so no finding on them is on basis printed.
    expect(m.details['requests.granted.natural_person'].doubt).toBe('identity-resolved');
    expect(m.details['requests.denied_state_secret.other_legal_person'].doubt).toBe('identity-resolved');
    expect(m.messages.some((x) => x.code === 'missing-values' && x.message.startsWith('requests.granted:') && x.message.includes('the identities solved together'))).toBe(true);
  });

  it('leaves blank what placements breaking as few identities disagree on, where totals are printed blank (1 1 keeps its own total misplaced)', () => {
    // The report prints every outcome row's 总计 blank (a published error): its own total breaks under
    // every placement of 4 2 and of 2, while 1 1 keeps it read as · · · · · 1 1 — at the cost of 其他's
    // sum — and 4 · · · · · 2 breaks 商业企业's in place of its own: as few failures as the printed table.
    const m = mapTemplates(layoutDoc(requestsTable({ granted: ['4', '2'], partially_granted: ['2'], denied_state_secret: ['1', '1'] })));
    expect(row(m, 'granted')).toEqual([4, null, null, null, null, null, null]);
    expect(row(m, 'partially_granted')).toEqual([2, null, null, null, null, null, null]);
    expect(row(m, 'denied_state_secret')).toEqual([null, null, null, null, null, null, null]);
    expect(['granted.commercial', 'denied_state_secret.commercial', 'denied_state_secret.total'].map((k) => m.details[`requests.${k}`].doubt)).toEqual(['ambiguous', 'ambiguous', 'ambiguous']);
    expect(m.details['requests.granted.natural_person'].doubt).toBe('identity-resolved');
  });

  it('counts rows printing nothing (their label alone, matched to no template row) blank in the column sums, every row printing a value being matched', () => {
    const rows = requestsTable({ granted: ['4', '2', '6'], partially_granted: ['2', '2'], denied_state_secret: ['1', '1', '2'] });
    const outcomes = ['denied_prohibited_by_law', 'denied_third_party_rights', 'rejected_duplicate', 'other_other'].map(label);
    const m = mapTemplates(layoutDoc(rows.map((r) => (outcomes.includes(r[0]) ? [r[0]] : r))));
    expect(m.details['requests.other_other.natural_person'].doubt).toBe('not-found');
    expect(row(m, 'granted')).toEqual([4, 2, null, null, null, null, 6]);
    expect(row(m, 'denied_state_secret')).toEqual([null, 1, null, null, null, 1, 2]);
  });

  it('leaves every placement open when the columns do not tell (two rows 1 and 1 for two columns of 1)', () => {
    const totals = ['1', '1', '0', '0', '0', '0', '2'];
    const m = mapTemplates(layoutDoc(requestsTable({ granted: ['1', '1'], partially_granted: ['1', '1'] }, totals)));
    expect(row(m, 'granted')).toEqual([null, null, null, null, null, null, 1]);
    expect(row(m, 'partially_granted')).toEqual([null, null, null, null, null, null, 1]);
    expect(m.details['requests.granted.natural_person'].doubt).toBe('ambiguous');
  });

  it('moves a row the layout reader placed by order when the balance rules its placement out (72 … 72 under 自然人 and 其他)', () => {
    const rows = requestsTable({});
    const at = (id: string) => rows.findIndex((r) => r[0] === label(id));
    rows[at('new_received')] = [label('new_received'), '78', '3', '0', '0', '0', '1', '82'];
    rows[at('carried_forward')] = [label('carried_forward'), '~72', '~', '~', '~', '~', '~72', '~'];
    rows[at('granted')] = [label('granted'), '6', '3', '0', '0', '0', '1', '10'];
    const m = mapTemplates(layoutDoc(rows));
    expect(row(m, 'carried_forward')).toEqual([72, null, null, null, null, null, 72]);
    // Placed by the identities (the balance confirms it), the token's own doubt kept: never certain.
    expect(m.details['requests.carried_forward.total'].doubt).toBe('placed-by-order');
    expect(m.messages.some((x) => x.message.startsWith('requests.carried_forward: placed under the header'))).toBe(true);
  });

  it("re-places table 四's row set under the header by position one column off, every group total broken: the lost review 总计 left blank", () => {
    const COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const doc = docWithTables([
      ['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '行政诉讼', ...new Array(9).fill('~行政诉讼')],
      [...COLUMNS, '未经复议直接起诉', ...new Array(4).fill('~未经复议直接起诉'), '复议后起诉', ...new Array(4).fill('~复议后起诉')],
      [...COLUMNS.map((c) => `~${c}`), ...COLUMNS, ...COLUMNS],
      // 1 1 0 0 · | 4 0 0 1 5 | 1 0 1 0 2 with 行政复议's 总计 lost, set under the header from the left.
      [...'1 1 0 0 4 0 0 1 5 1 0 1 0 2'.split(' '), ''],
    ]);
    const cells = (doc.blocks[0] as { rows: Array<Array<{ text: string; doubt?: string }>> }).rows[3];
    for (const cell of cells) cell.doubt = 'placed-by-position';
    const m = mapTemplates(doc);
    const group = (g: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => m.cells[`appeals.${g}.${c}`]);
    expect(group('review')).toEqual([1, 1, 0, 0, null]);
    expect(group('litigation_direct')).toEqual([4, 0, 0, 1, 5]);
    expect(group('litigation_after_review')).toEqual([1, 0, 1, 0, 2]);
    expect(m.details['appeals.litigation_direct.total'].doubt).toBe('identity-resolved');
  });
});
