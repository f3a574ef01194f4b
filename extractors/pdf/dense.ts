/** A table draft → the model's dense grid (merged regions repeated, marked spanned). */
import type { TableBlock, TableCell } from '../model.js';
import type { TableDraft } from './lattice.js';
import { nearestIndex } from './geometry.js';

export function toTableBlock(draft: TableDraft): TableBlock {
  const nCols = draft.colXs.length - 1;
  const grid: (TableCell | undefined)[][] = Array.from({ length: draft.rowCount }, () => new Array(nCols).fill(undefined));
  for (const cell of draft.cells) {
    const c0 = nearestIndex(draft.colXs, cell.x0);
    const c1 = Math.max(c0 + 1, nearestIndex(draft.colXs, cell.x1));
    const prov = { page: cell.page, bbox: cell.box ?? cell.rect, origin: cell.origin, ...(cell.confidence !== undefined ? { confidence: cell.confidence } : {}) };
    for (let r = cell.r0; r <= cell.r1 && r < draft.rowCount; r++) {
      for (let c = c0; c < c1 && c < nCols; c++) {
        if (grid[r][c]) continue;
        const origin = r === cell.r0 && c === c0;
        grid[r][c] = origin ? { text: cell.text, prov, ...(cell.doubt ? { doubt: cell.doubt } : {}) } : { text: cell.text, spanned: true, prov };
      }
    }
  }
  const rows = grid
    .map((row) => row.map((c) => c ?? { text: '' }))
    // Rows with no text at all are spacing, not data.
    .filter((row) => row.some((c) => c.text !== ''));
  return { kind: 'table', rows: dropRedundantColumns(rows), prov: { page: draft.page, bbox: draft.box, origin: 'text' } };
}

/**
 * A grid column in which every cell merely continues the cell to its left carries nothing (it comes
 * from a boundary only another page of the table has, or from a stray rule); drop it.
 */
function dropRedundantColumns(rows: TableCell[][]): TableCell[][] {
  if (rows.length === 0) return rows;
  const width = rows[0].length;
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    const redundant = c > 0 && rows.every((row) => row[c].spanned && row[c].prov === row[c - 1].prov);
    if (!redundant) keep.push(c);
  }
  if (keep.length === width) return rows;
  return rows.map((row) => keep.map((c) => row[c]));
}
