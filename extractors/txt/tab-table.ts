/**
 * Tables in the plain-text flattening of a DOCX: every cell is a line prefixed by a tab, a blank
 * line ends a row, and a line without a tab right after a cell is a line break inside that cell.
 * Merged cells are lost in the flattening, so rows differ in length: they are padded at the end to
 * a dense grid (the mapper works on label cells and numeric cells, not on column positions).
 */
import { cell, type TableBlock } from '../model.js';
import { denseCells, trimCell } from './lines.js';

export function isTabCellLine(line: string): boolean {
  return line.startsWith('\t');
}

export interface TabTableRun {
  table: TableBlock;
  /** Index of the first line after the table. */
  next: number;
}

/** Reads the table starting at `lines[start]` (a tab line). Lines are already free of bookmark noise. */
export function readTabTable(lines: string[], start: number): TabTableRun {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = start;
  let previousWasCell = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (isTabCellLine(line)) {
      row.push(trimCell(line.slice(1)));
      previousWasCell = true;
    } else if (trimCell(line) === '') {
      if (row.length) rows.push(row);
      row = [];
      previousWasCell = false;
    } else if (previousWasCell) {
      // A line break inside a cell: Word wrote it as a new line without the tab.
      row[row.length - 1] = row[row.length - 1] + trimCell(line);
    } else {
      break; // text after a blank line: the table is over
    }
  }
  if (row.length) rows.push(row);
  // Trailing blank lines belong to the text that follows, not to the table. A tab line is a cell even
  // when empty (a row ending in empty cells): stepping back over it read it again as a table of its own.
  while (i > start && !isTabCellLine(lines[i - 1]) && trimCell(lines[i - 1]) === '') i--;
  return { table: { kind: 'table', rows: denseCells(rows) }, next: Math.max(i, start + 1) };
}
