/**
 * Tables whose rows carry labels (proactive, requests): align each candidate layout's rows by label,
 * keep the best-supported layout, then read the matched rows' values — every row's readings at once,
 * so the template's identities can decide a row whose printed values can be read more than one way.
 */
import { cellKey, type TableLayout } from './ids.js';
import { align, type Alignment } from './align.js';
import type { DocRow, ValueCell } from './rows.js';
import { NOT_FOUND, type TableMapping } from './result.js';
import { isPrintedOrder, planColumns, valuesByPlan, type ColumnPlan } from './columns.js';
import { identitiesOf } from './identities.js';
import { rowReadings } from './resolve/readings.js';
import { arbitrate, type PendingRow } from './resolve/arbitrate.js';
import { writeRow } from './resolve/assign.js';

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
  const pending: Array<{ match: (typeof best.matches)[number]; row: PendingRow }> = [];
  for (const m of best.matches) {
    const keys = m.row.columns.map((c) => cellKey(table, m.row.id, c.id));
    if (!m.doc) {
      for (const key of keys) {
        out.cells[key] = null;
        out.details[key] = { raw: '', doubt: 'not-found' };
      }
      out.messages.push({ code: 'row-not-found', message: `${table}.${m.row.id} (${m.row.label}): no row with this label` });
      continue;
    }
    const values: ValueCell[] = (plan && valuesByPlan(plan, m.doc.values)) || m.doc.values;
    pending.push({ match: m, row: { keys, readings: rowReadings(values, keys.length) } });
  }
  const verdicts = arbitrate(pending.map((p) => p.row), identitiesOf(table, best.layout.layout));
  pending.forEach((p, i) => writeRow(`${table}.${p.match.row.id}`, p.row, verdicts[i], out));
  return out;
}
