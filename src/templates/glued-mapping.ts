/**
 * Tables that reached us as glued text (crawler dumps where a row's cells are concatenated): when the
 * document's table blocks do not give a table, its rows are located in the text by label and split by
 * the template's identities (glued.ts). Recovered rows become cells; ambiguous ones stay null with
 * every reading listed in the messages.
 */
import type { DocumentModel } from '../../extractors/model.js';
import { LAYOUTS, cellKey, type TableId } from './ids.js';
import type { Doubt } from './doubt.js';
import { recoverGluedTables, showCut, type GluedResult, type GluedRow } from './glued.js';
import { NOT_FOUND, type TableMapping } from './result.js';

/** The text glued tables are searched in: paragraphs and tables the reader marked glued. */
function gluedText(doc: DocumentModel): string {
  return doc.blocks
    .map((b) => (b.kind === 'table' ? (b.glued ? b.rows.map((r) => r.map((c) => c.text).join('')).join('') : '') : b.text))
    .join('\n');
}

/** Runs the solver once per document, and only when some table was not found in table blocks. */
export function gluedSource(doc: DocumentModel): () => GluedResult {
  let cached: GluedResult | undefined;
  return () => (cached ??= recoverGluedTables(gluedText(doc)));
}

export function mapGluedTable(table: TableId, glued: GluedResult): TableMapping {
  const found = glued.tables.find((t) => t.table === table);
  if (!found) return NOT_FOUND;
  const layout = LAYOUTS[table].find((l) => l.layout === found.layout);
  if (!layout) return NOT_FOUND;
  const out: TableMapping = { layout: found.layout, cells: {}, details: {}, messages: [], score: 0 };
  out.messages.push({ code: 'glued-table', message: `${table}: cells were glued together in the text; rows recovered by the template's identities` });
  const notPrinted = found.rows.find((r) => r.notPrinted)?.notPrinted;
  if (notPrinted) {
    const columns = layout.rows[0].columns;
    const left = notPrinted.map((c) => columns[c].label).join('、');
    out.messages.push({ code: 'columns-not-printed', message: `${table}: the header names ${columns.length - notPrinted.length} of the template's ${columns.length} columns, not ${left}; the glued values cut into the columns it names, the others left blank` });
  }
  for (const row of layout.rows) {
    const g = found.rows.find((r) => r.rowId === row.id);
    row.columns.forEach((column, i) => {
      const key = cellKey(table, row.id, column.id);
      if (g?.notPrinted?.includes(i)) {
        out.cells[key] = null;
        out.details[key] = { raw: '', doubt: 'not-found' };
        return;
      }
      out.cells[key] = g?.values[i] ?? null;
      out.details[key] = g && !g.absent ? { raw: g.raw, via: g.spaced ? 'spaced-run' : `glued-${g.status}`, doubt: cellDoubt(g, i) } : { raw: '', doubt: 'not-found' };
    });
    for (const i of g?.unreadable ?? []) out.messages.push({ code: 'unreadable-value', message: `${cellKey(table, row.id, row.columns[i].id)}: the glued run '${g!.raw}' prints text in this cell, not a number` });
    if (!g) out.messages.push({ code: 'row-not-found', message: `${table}.${row.id} (${row.label}): no row with this label in the glued text` });
    else if (g.absent) out.messages.push({ code: 'row-not-found', message: `${table}.${row.id} (${row.label}): the glued table does not print this row (its neighbours' labels stand next to each other); left blank, unknown to the identities` });
    else if (g.valuesLost) {
      const read = g.values.filter((v) => v !== null).length;
      const placements = g.readings?.length ?? 0;
      const outcome = !read
        ? 'left blank'
        : read === g.values.length
          ? `every placement of the lost values that keeps the identities (${placements}) reads it ${showCut(g.values)}: read so, in doubt (identity-resolved)`
          : `the ${read} cells every placement of the lost values that keeps the identities agrees on (of ${placements}: ${g.readings!.slice(0, 6).map(showPlacement).join(' | ')}) are read, in doubt (identity-resolved); the others left blank`;
      out.messages.push({ code: 'missing-values', message: `${table}.${row.id}: '${g.raw}' prints fewer values than the row has columns in a table that prints its blanks: values lost; ${outcome}` });
    } else if (g.status !== 'recovered') {
      const readings = g.readings?.map((r) => showCut(r)).join(' | ');
      out.messages.push({
        code: `glued-${g.status}`,
        message: g.raw === '' ? `${table}.${row.id}: no value printed before the next row's label; values left blank` : g.blanksVanished ? `${table}.${row.id}: '${g.raw}' prints fewer values than the row has columns, its blanks printed as nothing; values left blank` : `${table}.${row.id}: '${g.raw}' ${g.status === 'ambiguous' ? `has several readings (${readings}); values they disagree on left blank` : g.status === 'impossible' ? 'has no reading that satisfies the identities; values left blank' : 'has too many readings to list; values left blank'}`,
      });
    }
  }
  return out;
}

/** A placement of a lost row as messages print it: a lost value the identities do not fix as ?. */
function showPlacement(cut: Array<number | null>): string {
  return cut.map((v) => (v === null ? '' : Number.isNaN(v) ? '?' : String(v))).join(',');
}

/** Why the cell `i` of a glued row read (or left blank) is not certain, or null when it is. */
function cellDoubt(g: GluedRow, i: number): Doubt | null {
  if (g.unreadable?.includes(i)) return 'unreadable';
  // A row that lost values: a cell every placement keeping the identities agrees on, else blank.
  if (g.valuesLost && g.values[i] !== null) return 'identity-resolved';
  if (g.raw === '' || g.blanksVanished || g.valuesLost) return 'missing-values';
  // A run printed with spaces between its values, read as printed.
  if (g.spaced && g.status === 'recovered') return null;
  // No cut keeps the identities (a published error): read by the digits alone where they cut one way.
  if (g.unreconciled) return g.status === 'recovered' || g.values[i] !== null ? 'glued-one-cut' : 'glued-impossible';
  if (g.status === 'recovered' || (g.status === 'ambiguous' && g.values[i] !== null)) return 'glued-split';
  return g.status === 'ambiguous' ? 'glued-ambiguous' : 'glued-impossible';
}
