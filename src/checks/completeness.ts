import { LAYOUTS, TABLE_IDS, cellsOf } from '../templates/ids.js';
import type { Check, Rule } from './rule.js';
import type { TableLayout } from '../templates/ids.js';

/** A layout's cell keys, built once per layout (not once per record and table). Read, never changed. */
const KEYS = new WeakMap<TableLayout, readonly string[]>();
function keysOf(layout: TableLayout): readonly string[] {
  let keys = KEYS.get(layout);
  if (!keys) KEYS.set(layout, (keys = cellsOf(layout).map((c) => c.key)));
  return keys;
}

/**
 * Every cell of a recognised table is present and numeric. Blank, '-', '/', '无' are recorded as null,
 * never as 0: one finding per table lists the cells that hold no number.
 */
export const completeness: Rule = {
  id: 'completeness',
  emits: ['completeness'],
  check(record) {
    const findings: Check[] = [];
    for (const table of TABLE_IDS) {
      const layoutId = record.layout[table];
      const layout = LAYOUTS[table].find((l) => l.layout === layoutId);
      if (!layout) continue;
      const keys = keysOf(layout);
      const empty = keys.filter((k) => record.cells[k] === null || record.cells[k] === undefined);
      if (!empty.length) continue;
      findings.push({
        rule: this.id,
        severity: 'warning',
        cells: empty,
        where: table,
        expected: keys.length,
        actual: keys.length - empty.length,
        message: `${table}: ${empty.length} of ${keys.length} cells hold no number (blank or not printed): ${empty.slice(0, 8).join(', ')}${empty.length > 8 ? ', …' : ''}`,
      });
    }
    return findings;
  },
};
