/**
 * A label a page break cut short (8.属于行 of 8.属于行政查询事项, in layout text whose row 7.属于行政执法案卷
 * printed nothing) is as like the row before it by its words as its own: the item number it prints
 * decides, where the words tie.
 */
import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { REQUESTS_2021, REQUEST_COLUMNS } from '../../../src/templates/ids.js';
import { docWithTables } from './helpers.js';

/** Table 三 with every outcome row printing 1 natural person and 1 company (total 2). */
function requests(label: (id: string, label: string) => string, values: (id: string) => string[]): string[][] {
  return [['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], ...REQUESTS_2021.rows.map((r) => [label(r.id, r.label), ...values(r.id)])];
}

describe('labels whose words tie between two template rows', () => {
  it('gives 8.属于行 (cut short) the row of its item number, not the row before it that printed nothing', () => {
    const rows = requests(
      (id, label) => (id === 'denied_admin_query' ? '8.属于行' : label),
      (id) => {
        if (id === 'new_received' || id === 'total_processed') return ['21', '21', '0', '0', '0', '0', '42'];
        if (id === 'carried_over' || id === 'carried_forward') return ['0', '0', '0', '0', '0', '0', '0'];
        if (id === 'denied_enforcement_files') return [];
        return ['1', '1', '0', '0', '0', '0', '2'];
      },
    );
    const doc = docWithTables(rows);
    // Layout text gives a row that printed nothing no value cells at all: only its label.
    const table = doc.blocks[0];
    if (table.kind !== 'table') throw new Error('a table');
    const empty = rows.findIndex((r) => r.length === 1);
    table.rows[empty] = table.rows[empty].map((c, k) => (k === 0 ? c : { ...c, absent: true }));
    const m = mapTemplates(doc);
    expect(REQUEST_COLUMNS.map((c) => m.cells[`requests.denied_admin_query.${c.id}`])).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(REQUEST_COLUMNS.map((c) => m.cells[`requests.denied_enforcement_files.${c.id}`])).not.toContain(1);
  });
});
