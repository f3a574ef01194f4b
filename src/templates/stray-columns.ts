/**
 * Grid columns one row's stray cell made. A row that prints one cell more than its table (a stray empty
 * cell among its values) makes a spreadsheet or a PDF grid one value wider at its right: in every other
 * row, header included, the cells there print nothing. Those empty cells are not cells of the other
 * rows: read as theirs, they let a reading leave out a printed number and take the empty cells in its
 * place (3 | / | … | / read as / | … | ∅ ∅ ∅, the row's own total then holding on blanks). They are
 * marked absent; the row that prints there keeps all its cells, for the identities to tell which is the
 * stray (src/templates/resolve/readings.ts).
 */
import type { TableCell } from '../../extractors/model.js';
import { readCell } from './numbers.js';

const prints = (c: TableCell | undefined): boolean => !!c && !c.absent && c.text.trim() !== '';

/**
 * The grid with the cells of other rows in the trailing columns only one row of values prints in marked
 * absent. `before`: the rows of the blocks just before of the same width, the same table continued (a
 * page break, a portal that cut it): their header and rows print in its columns too. A continuation's
 * rows may print nothing past their first columns but for one row (blanks left empty: 252 12 ∅ ∅ 1 ∅ ∅),
 * and read alone those columns look like a stray cell's; a stray cell makes its block one column wider
 * than the table, so it is never in a block as wide as the one before.
 */
export function withoutStrayColumns(rows: TableCell[][], before: TableCell[][] = []): TableCell[][] {
  const width = rows[0]?.length ?? 0;
  const context = before.filter((r) => r.length === width);
  const all = [...context, ...rows];
  let from = width;
  let owner = -1;
  // Walk in from the right while the columns are printed in by one row at most, and by the same one.
  for (let c = width - 1; c > 0; c--) {
    const printing = all.flatMap((r, i) => (prints(r[c]) ? [i] : []));
    if (printing.length > 1 || (printing.length === 1 && owner >= 0 && printing[0] !== owner)) break;
    if (printing.length === 1) owner = printing[0];
    from = c;
  }
  // A row of a block before owns them: that block was read with them already.
  if (owner < context.length || from >= width) return rows;
  owner -= context.length;
  // The row that prints there is a row of values (a number before those columns) with an empty cell
  // among them, after its label: the stray. (A header's label alone to the right is a column the
  // template does not have; a row that prints every cell, the only one to fill a column the others
  // leave empty, is no stray's.)
  const own = rows[owner];
  const kinds = own.map((c) => (c.spanned || c.absent ? 'none' : c.text.trim() === '' ? 'empty' : readCell(c.text).kind));
  const labelEnd = kinds.lastIndexOf('text');
  if (!kinds.slice(0, from).includes('number') || !kinds.slice(labelEnd + 1).includes('empty')) return rows;
  // The other rows of values print up to the column before: the stray row is wider than its table.
  const otherRowsReach = rows.some((r, i) => i !== owner && prints(r[from - 1]));
  if (!otherRowsReach) return rows;
  // A ragged grid (HTML: a row has only the cells it prints) already says which rows reach there: a row
  // with a cell of its own in those columns is as wide as the stray row, however empty that cell.
  if (rows.some((r, i) => i !== owner && r.slice(from).some((c) => c.absent))) return rows;
  return rows.map((row, i) => (i === owner ? row : row.map((c, k) => (k >= from ? { text: '', absent: true } : c))));
}
