/**
 * Tables whose rows carry labels (proactive, requests): align each candidate layout's rows by label,
 * keep the best-supported layout, read the matched rows' values.
 */
import { cellKey, type TableLayout } from './ids.js';
import { align, type Alignment } from './align.js';
import type { DocRow } from './rows.js';
import { NOT_FOUND, type TableMapping } from './result.js';
import { assignRow } from './values.js';
import { isPrintedOrder, planColumns, valuesByPlan, type ColumnPlan } from './columns.js';

/** A table counts as found when at least this share of its template rows matched a labelled row. */
const MIN_MATCHED_SHARE = 0.5;

/**
 * A column plan from the header, used only when it reorders the columns: printed order is what the
 * template prescribes, and the plan must fit every matched row it is applied to.
 */
function headerPlan(best: Alignment, rows: DocRow[]): ColumnPlan | undefined {
  const first = best.matches.find((m) => m.doc)?.doc;
  if (!first) return undefined;
  const columns = best.layout.rows[0].columns;
  const plan = planColumns(rows, first, columns);
  if (!plan || isPrintedOrder(plan)) return undefined;
  return best.matches.every((m) => !m.doc || valuesByPlan(plan, m.doc.values)) ? plan : undefined;
}

export function mapRowTable(layouts: TableLayout[], rows: DocRow[]): TableMapping {
  let best: Alignment | undefined;
  for (const layout of layouts) {
    const a = align(layout, rows);
    if (!best || a.score > best.score + 1e-9) best = a;
  }
  if (!best) return NOT_FOUND;
  const matched = best.matches.filter((m) => m.doc);
  if (matched.length < Math.max(2, Math.ceil(best.layout.rows.length * MIN_MATCHED_SHARE))) return NOT_FOUND;
  const table = best.layout.table;
  const out: TableMapping = { layout: best.layout.layout, cells: {}, details: {}, messages: [], score: best.score };
  const plan = headerPlan(best, rows);
  if (plan) out.messages.push({ code: 'columns-by-header', message: `${table}: the header prints the columns in another order than the template; values read by their header labels` });
  for (const m of best.matches) {
    const ordered = plan && m.doc ? valuesByPlan(plan, m.doc.values) : undefined;
    if (m.doc) assignRow(table, m.row, m.doc, out, ordered);
    else {
      for (const c of m.row.columns) {
        const key = cellKey(table, m.row.id, c.id);
        out.cells[key] = null;
        out.details[key] = { raw: '', doubt: 'not-found' };
      }
      out.messages.push({ code: 'row-not-found', message: `${table}.${m.row.id} (${m.row.label}): no row with this label` });
    }
  }
  return out;
}
