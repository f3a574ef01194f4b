/**
 * Which printed column is which template column. Values are read in their printed order unless the
 * table's own header says otherwise: when every template column's label stands in one header cell
 * above a distinct grid column, and the data rows have values in exactly those grid columns, the
 * header decides. Flattened or ragged tables, whose grid columns mean nothing, keep the printed order.
 */
import type { ColumnDef } from './ids.js';
import { labelCore } from './labels.js';
import type { DocRow, ValueCell } from './rows.js';

/** Rows above the first data row that can hold the header (three levels at most, plus a title row). */
const HEADER_ROWS = 5;

export interface ColumnPlan {
  /** For each template column, the grid column it is printed in. */
  gridColumns: number[];
}

export function planColumns(rows: DocRow[], firstData: DocRow, columns: ColumnDef[]): ColumnPlan | undefined {
  const header = rows.filter((r) => r.block === firstData.block && r.index < firstData.index && r.index >= firstData.index - HEADER_ROWS);
  const gridColumns: number[] = [];
  for (const column of columns) {
    const want = labelCore(column.label);
    const found = new Set<number>();
    for (const row of header) row.cells.forEach((c, i) => labelCore(c.text) === want && found.add(i));
    if (found.size !== 1) return undefined;
    gridColumns.push([...found][0]);
  }
  if (new Set(gridColumns).size !== gridColumns.length) return undefined;
  return { gridColumns };
}

/** The row's values in template column order by the plan, or undefined when the row does not fit it. */
export function valuesByPlan(plan: ColumnPlan, values: ValueCell[]): ValueCell[] | undefined {
  const byCol = new Map(values.map((v) => [v.col, v]));
  const ordered = plan.gridColumns.map((c) => byCol.get(c));
  if (ordered.some((v) => !v)) return undefined;
  return ordered as ValueCell[];
}

export function isPrintedOrder(plan: ColumnPlan): boolean {
  return plan.gridColumns.every((c, i) => i === 0 || c > plan.gridColumns[i - 1]);
}
