/**
 * Merged cells → dense grids (shared by the HTML and DOCX readers). Every grid position gets a cell;
 * a position covered by a span repeats the origin cell's text and is marked `spanned`, so labels stay
 * visible on every row and a value is never counted twice.
 */
import { UnreadableDocumentError, type TableCell } from '../model.js';
import { DEFAULT_LIMITS } from '../limits.js';

export interface SourceCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

/** HTML caps colspan at 1000 (the spec's own limit). */
export const MAX_COLSPAN = 1000;
/** A table expanding past this is not a report table but an attack (spans of 1000 × 65534). */
const MAX_GRID_CELLS = DEFAULT_LIMITS.maxTableCells;

function clampSpan(value: number | undefined, max: number): number {
  if (value === undefined || !Number.isFinite(value) || value < 1) return 1;
  return Math.min(Math.floor(value), max);
}

/**
 * The HTML table algorithm: each cell takes the first free column of its row; rowspans reserve
 * positions below (clipped to the table's rows, as browsers do); short rows are padded with empty cells.
 */
export function expandSpans(rows: SourceCell[][]): TableCell[][] {
  const grid: TableCell[][] = rows.map(() => []);
  let placed = 0;
  rows.forEach((row, r) => {
    let col = 0;
    for (const source of row) {
      while (grid[r][col]) col++;
      const colspan = clampSpan(source.colspan, MAX_COLSPAN);
      // rowspan="0" means "to the end of the table section".
      const rowspan = source.rowspan === 0 ? rows.length - r : clampSpan(source.rowspan, rows.length - r);
      placed += colspan * rowspan;
      if (placed > MAX_GRID_CELLS) {
        throw tooManyCells();
      }
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          const origin = dr === 0 && dc === 0;
          grid[r + dr][col + dc] = origin ? { text: source.text } : { text: source.text, spanned: true };
        }
      }
      col += colspan;
    }
  });
  return padRows(grid);
}

/**
 * Fill holes and short rows so every row has the table's full width. No source cell stands there, so
 * the filler is absent — unlike an empty <td>, it says nothing about its column.
 */
export function padRows(grid: TableCell[][]): TableCell[][] {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  if (grid.length * width > MAX_GRID_CELLS) {
    throw tooManyCells();
  }
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? { text: '', absent: true }));
}

function tooManyCells(): UnreadableDocumentError {
  return new UnreadableDocumentError('too-large', `a table expands to more than ${MAX_GRID_CELLS} cells (maxTableCells)`);
}
