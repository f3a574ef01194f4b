import { GRID_FILLING_FORMATS } from '../formats/index.js';
import { isDataRow, tablePieces, type DataRow, type TablePiece } from '../model.js';
import type { Axis, Draft } from './axis.js';

/** Text a cell holds instead of a number. */
const TEXT_VALUES = ['不适用', '见附件', '=1+1', '＊'];

/**
 * Rows whose shape is off: a stray empty cell (one more cell than columns, as in a real （七）总计), a
 * missing cell, or text in a number cell. A dropped or replaced cell is not printed: its right reading
 * is blank or doubtful.
 */
export const rowFaults: Axis = {
  id: 'row-faults',
  apply(draft, random) {
    const pieceOf = new Map<DataRow, TablePiece>();
    for (const piece of tablePieces(draft.model)) for (const r of piece.rows) if (isDataRow(r) && r.values.length > 0) pieceOf.set(r, piece);
    const rows = [...pieceOf.keys()];
    const total = rows.find((r) => r.id === 'total_processed');
    const count = random.int(1, 2);
    const shifted = new Map<DataRow, 'stray' | 'missing'>();
    // Chromium's holes at a row's end, judged once every fault is drawn (see below).
    const holes: { row: DataRow; victim: DataRow['values'][number] }[] = [];
    for (let n = 0; n < count; n++) {
      const row = total && n === 0 && random.chance(0.5) ? total : random.pick(rows);
      let fault = random.pick(['stray', 'missing', 'text'] as const);
      // A row that lost a cell and gained a stray one prints as many cells as columns: a different table
      // that reads true as printed (2 0 0 ∅ 0 0 2 keeps its total), whose truth no reader could know.
      const other = shifted.get(row);
      if (other && other !== fault && fault !== 'text') fault = 'text';
      if (fault !== 'text') shifted.set(row, fault);
      const name = row.id || 'appeals';
      if (fault === 'stray') {
        const at = random.int(0, row.values.length);
        row.values.splice(at, 0, { text: '' });
        draft.notes.push(`stray empty cell in ${name} before value ${at + 1}`);
        continue;
      }
      const candidates = row.values.filter((v) => v.key && !draft.notPrinted.has(v.key));
      if (!candidates.length) continue;
      const victim = random.pick(candidates);
      if (fault === 'missing') {
        const at = row.values.indexOf(victim);
        row.values.splice(at, 1);
        // A cell lost before empty cells only, in a format whose layout fills the row to its table's
        // grid: an empty one leaves the row printing what it printed before, cell for cell; any other
        // leaves a plain empty cell in its place. (A lost cell before a value shifts the values after it.)
        if (row.values.slice(at).every((v) => v.text === '')) {
          if (GRID_FILLING_FORMATS.includes(draft.format)) {
            if (printedEmpty(draft, victim)) continue;
          } else if (draft.format === 'pdf-chrome' && !draft.model.look && !draft.model.structure && !draft.model.flattened) {
            holes.push({ row, victim });
            continue;
          }
        }
        draft.notPrinted.add(victim.key as string);
        draft.notes.push(`cell ${victim.key} missing from its row`);
      } else {
        draft.notPrinted.add(victim.key as string);
        // A spreadsheet program makes '=1+1' pasted into a cell a formula (value 2): a workbook prints a number there.
        victim.text = random.pick(draft.format === 'xlsx' || draft.format === 'xls' || draft.format === 'csv' ? TEXT_VALUES.filter((t) => !t.startsWith('=')) : TEXT_VALUES);
        draft.notes.push(`cell ${victim.key} printed as '${victim.text}'`);
      }
    }
    // Chromium prints a row short of cells short, but in a table whose borders collapse (the bordered table
    // of a portal page) the hole at its end is ruled all round, by the cell above, the cell before, the
    // cell below and the table's own border: an empty cell as the reader sees it, as where LibreOffice
    // fills the row. Not when another row of the table lost or gained a cell: a stray cell widens the table
    // by a column only its row rules, two holes may meet, and the reader sees the hole unruled.
    for (const { row, victim } of holes) {
      const alone = ![...shifted.keys()].some((r) => r !== row && pieceOf.get(r) === pieceOf.get(row));
      if (alone && printedEmpty(draft, victim)) continue;
      draft.notPrinted.add(victim.key as string);
      draft.notes.push(`cell ${victim.key} missing from its row`);
    }
  },
};

/**
 * A cell lost before empty cells only, in a layout that prints the row as wide as its table: an empty
 * cell comes back in its place. True when that says all there is to say of it (an empty cell lost, or a
 * number lost, whose truth becomes blank as printed); false for a printed blank such as 无 or '-', which
 * leaves an empty cell among its like: not printed, its truth blank either way.
 */
function printedEmpty(draft: Draft, victim: DataRow['values'][number]): boolean {
  if (victim.text === '') {
    draft.notes.push(`empty cell ${victim.key} lost before empty cells only: the grid gives it back`);
    return true;
  }
  // A number lost so prints as an empty cell: blank as printed, and where the report prints its blanks as
  // nothing no reader can tell it was ever a value.
  if (/\d/.test(victim.text)) {
    (draft.emptied ??= new Set()).add(victim.key as string);
    draft.notes.push(`value of ${victim.key} lost before empty cells only: the grid prints an empty cell in its place`);
    return true;
  }
  return false;
}
