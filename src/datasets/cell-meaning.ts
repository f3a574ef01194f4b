/**
 * What a cell key means, from the template ids (src/templates/ids.ts): its labels under each layout
 * of its table (the 2019 and 2021 templates word some rows and columns differently) and its unit.
 */
import { LAYOUTS, CELL_BY_KEY, cellsOf, type CellDef } from '../templates/ids.js';
import type { ColumnMeaning } from './columns.js';

export const UNIT_OF_KIND = { count: '件', amount: '万元', signed: '件' } as const;

/** key → layout → the cell as that layout labels it. */
const BY_LAYOUT = (() => {
  const map = new Map<string, Map<string, CellDef>>();
  for (const layouts of Object.values(LAYOUTS)) {
    for (const layout of layouts) {
      for (const c of cellsOf(layout)) {
        const m = map.get(c.key) ?? new Map<string, CellDef>();
        m.set(layout.layout, c);
        map.set(c.key, m);
      }
    }
  }
  return map;
})();

/** The layouts (template eras) that have the cell, each with its labels. */
export function cellLabels(key: string): Map<string, CellDef> {
  return BY_LAYOUT.get(key) ?? new Map();
}

/** A wide.csv column (a cell key) described like any other column. */
export function cellColumnMeaning(key: string): ColumnMeaning | undefined {
  const c = CELL_BY_KEY.get(key);
  if (!c) return undefined;
  return {
    // number even for counts: a report that prints a decimal in a count cell is kept as printed (values.domain flags it).
    type: 'number',
    zh: `${c.row.label} · ${c.column.label}`,
    en: `${c.table} table, row ${c.row.id}, column ${c.column.id}`,
    unit: UNIT_OF_KIND[c.column.kind],
  };
}
