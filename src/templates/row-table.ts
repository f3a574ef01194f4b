/**
 * Tables whose rows carry labels (proactive, requests): align each candidate layout's rows by label,
 * keep the best-supported layout, read the matched rows' values.
 */
import type { TableLayout } from './ids.js';
import { align, type Alignment } from './align.js';
import type { DocRow } from './rows.js';
import { NOT_FOUND, type TableMapping } from './result.js';
import { assignRow } from './values.js';

/** A table counts as found when at least this share of its template rows matched a labelled row. */
const MIN_MATCHED_SHARE = 0.5;

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
  for (const m of best.matches) {
    if (m.doc) assignRow(table, m.row, m.doc, out);
    else {
      for (const c of m.row.columns) out.cells[`${table}.${m.row.id}.${c.id}`] = null;
      out.messages.push({ code: 'row-not-found', message: `${table}.${m.row.id} (${m.row.label}): no row with this label` });
    }
  }
  return out;
}
