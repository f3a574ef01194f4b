import { GRID_FILLING_FORMATS } from '../formats/index.js';
import { isDataRow, tablePieces, type DataRow } from '../model.js';
import type { Axis } from './axis.js';

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
    const rows = tablePieces(draft.model)
      .flatMap((p) => p.rows)
      .filter((r): r is DataRow => isDataRow(r) && r.values.length > 0);
    const total = rows.find((r) => r.id === 'total_processed');
    const count = random.int(1, 2);
    const shifted = new Map<DataRow, 'stray' | 'missing'>();
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
        if (GRID_FILLING_FORMATS.includes(draft.format) && row.values.slice(at).every((v) => v.text === '')) {
          if (victim.text === '') {
            draft.notes.push(`empty cell ${victim.key} lost before empty cells only: the grid gives it back`);
            continue;
          }
          // A number lost so prints as an empty cell: blank as printed, and where the report prints its
          // blanks as nothing no reader can tell it was ever a value. (A printed blank such as 无 or '-'
          // leaves an empty cell among its like: not printed, as below, its truth blank either way.)
          if (/\d/.test(victim.text)) {
            (draft.emptied ??= new Set()).add(victim.key as string);
            draft.notes.push(`value of ${victim.key} lost before empty cells only: the grid prints an empty cell in its place`);
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
  },
};
