/**
 * Turning a matched row's printed values into cell values under the template's column ids. The
 * values are read in their order (after the label) and, when the table's header shows a different
 * column order, re-ordered by the header's labels.
 */
import type { Message } from '../../extractors/model.js';
import { cellKey, type RowDef } from './ids.js';
import type { DocRow, ValueCell } from './rows.js';
import type { CellDetails, CellValues } from './result.js';

export function assignRow(
  table: string,
  row: RowDef,
  doc: DocRow,
  out: { cells: CellValues; details: CellDetails; messages: Message[] },
  values: ValueCell[] = doc.values,
): void {
  const n = row.columns.length;
  const meaningful = lastMeaningful(values);
  if (meaningful > n) {
    out.messages.push({
      code: 'extra-values',
      message: `${table}.${row.id}: ${meaningful} values printed where the template has ${n} columns; read the first ${n} (${values
        .slice(0, meaningful)
        .map((v) => v.raw || '∅')
        .join(' | ')})`,
    });
  }
  row.columns.forEach((column, i) => {
    const key = cellKey(table, row.id, column.id);
    const v = values[i];
    if (!v) {
      out.cells[key] = null;
      out.details[key] = { raw: '', doubt: 'missing-values' };
      out.messages.push({ code: 'missing-value', message: `${key}: no cell printed for ${column.label}` });
      return;
    }
    const doubt = meaningful > n ? 'extra-values' : v.reading.kind === 'text' ? 'unreadable' : null;
    out.details[key] = { raw: v.raw, ...(v.prov ? { prov: v.prov } : {}), doubt };
    if (v.reading.kind === 'number') {
      // A number outside the column's domain (negative, fractional count) is kept as printed:
      // values.domain reports it rather than the mapper hiding it.
      out.cells[key] = v.reading.value;
    } else {
      out.cells[key] = null;
      if (v.reading.kind === 'text') out.messages.push({ code: 'unreadable-value', message: `${key}: cannot read '${v.raw}' as a number` });
    }
  });
}

function lastMeaningful(values: ValueCell[]): number {
  let n = 0;
  values.forEach((v, i) => {
    if (v.reading.kind !== 'blank') n = i + 1;
  });
  return n;
}
