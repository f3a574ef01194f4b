/**
 * A table piece as the physical grid a word processor would hold: header and body rows of cells with
 * spans, group labels spanning the rows of their group, wrapped labels as lines of one cell or as
 * rows of their own. HTML and Markdown print this grid; text renderings read the model directly.
 */
import { isDataRow, type DataRow, type Span, type TablePiece } from '../model.js';

export interface GridCell {
  text: string;
  colspan: number;
  rowspan: number;
  role: 'head' | 'label' | 'value' | 'filler';
  /** Where the values sit beside a label wrapped over lines of its cell. */
  valign?: 'top' | 'middle' | 'bottom';
}

export function physicalLines(row: DataRow): number {
  return row.wrap === 'cells' ? Math.max(1, row.label.length) : 1;
}

export function valueAlign(row: DataRow): GridCell['valign'] {
  if (row.label.length <= 1 || row.wrap === 'cells') return undefined;
  if (row.valueLine === 0) return 'top';
  return row.valueLine === row.label.length - 1 ? 'bottom' : 'middle';
}

export function toGrid(piece: TablePiece): GridCell[][] {
  const grid: GridCell[][] = piece.header.map((row) => row.map((c) => ({ text: c.text, colspan: c.colspan ?? 1, rowspan: c.rowspan ?? 1, role: 'head' as const })));
  const rows = piece.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isDataRow(row)) {
      grid.push(row.head.map((c) => ({ text: c.text, colspan: c.colspan ?? 1, rowspan: c.rowspan ?? 1, role: 'head' as const })));
      continue;
    }
    const lines = physicalLines(row);
    const groupCells: GridCell[] = [];
    row.groups.forEach((group, level) => {
      const previous = rows[r - 1];
      const continues = previous && isDataRow(previous) && sameGroup(previous, row, level);
      if (continues) return;
      let span = 0;
      for (let k = r; k < rows.length; k++) {
        const next = rows[k];
        if (!isDataRow(next) || !sameGroup(next, row, level)) break;
        span += physicalLines(next);
      }
      groupCells.push({ text: group, colspan: 1, rowspan: span, role: 'label' });
    });
    const labelSpan = Math.max(1, piece.labelColumns - row.groups.length);
    const valueCells = (filler: boolean): GridCell[] =>
      row.values.map((v) => ({ text: filler ? '' : v.text, colspan: v.colspan ?? 1, rowspan: 1, role: filler ? ('filler' as const) : ('value' as const), valign: valueAlign(row) }));
    if (row.wrap === 'lines' || row.label.length <= 1) {
      const label: GridCell[] = piece.labelColumns > 0 ? [{ text: row.label.join('\n'), colspan: labelSpan, rowspan: 1, role: 'label' }] : [];
      // valueLine -1: the part of a row cut by a page break that holds none of its values.
      grid.push([...groupCells, ...label, ...valueCells(row.valueLine < 0)]);
      continue;
    }
    row.label.forEach((line, i) => {
      const label: GridCell = { text: line, colspan: labelSpan, rowspan: 1, role: 'label' };
      grid.push([...(i === 0 ? groupCells : []), label, ...valueCells(i !== row.valueLine)]);
    });
  }
  return grid;
}

function sameGroup(a: DataRow, b: DataRow, level: number): boolean {
  if (a.groups.length <= level || b.groups.length <= level) return false;
  for (let l = 0; l <= level; l++) if (a.groups[l] !== b.groups[l]) return false;
  return true;
}

/** The grid expanded to a rectangle: a spanned position holds '' (as converters print it). */
/**
 * The grid as a matrix of positions: a spanned position is empty, or (`repeat`) holds its cell's text
 * again, as converters that unmerge cells write them (Docling, pandas, a spreadsheet's unmerge and fill).
 */
export function toMatrix(grid: GridCell[][], spans: 'empty' | 'repeat' = 'empty'): string[][] {
  const matrix: (string | undefined)[][] = [];
  grid.forEach((row, r) => {
    matrix[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (matrix[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        matrix[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) matrix[r + dr][c + dc] = (dr === 0 && dc === 0) || spans === 'repeat' ? cell.text : '';
      }
      c += cell.colspan;
    }
  });
  return matrix.map((row) => Array.from(row, (v) => v ?? ''));
}

/** An other-table's dense rows as grid cells: a merged cell at its origin with its spans, the positions it covers left out. */
export function spannedRows(rows: string[][], spans: Span[] = []): GridCell[][] {
  const covered = new Set<string>();
  const at = new Map<string, Span>();
  for (const span of spans) {
    at.set(`${span.row}:${span.col}`, span);
    for (let r = span.row; r < span.row + span.rowspan; r++) for (let c = span.col; c < span.col + span.colspan; c++) if (r !== span.row || c !== span.col) covered.add(`${r}:${c}`);
  }
  return rows.map((row, r) =>
    row.flatMap((text, c): GridCell[] => {
      if (covered.has(`${r}:${c}`)) return [];
      const span = at.get(`${r}:${c}`);
      return [{ text, colspan: span?.colspan ?? 1, rowspan: span?.rowspan ?? 1, role: 'value' }];
    }),
  );
}
