/**
 * A worksheet as a dense grid of cell texts over its used range, merged ranges expanded: every
 * position a merge covers repeats the text of its top-left cell and is marked spanned, as the HTML
 * and DOCX readers do with rowspan/colspan. The used range is where text is, so a stray merge or
 * styled empty cells far away do not inflate it; its size is checked before anything is allocated.
 */
import type { Worksheet } from 'exceljs';
import { UnreadableDocumentError } from '../model.js';
import { cellText, type CellDoubt } from './cell-text.js';

export interface GridCell {
  text: string;
  spanned?: boolean;
  doubt?: CellDoubt;
  /** A1-style address in the sheet, for messages. */
  address: string;
  /** No cell is written here (an empty styled cell, a bordered blank, is written). */
  unwritten?: boolean;
  /**
   * Unwritten, and no cell is written after it in its row: the row ends before this column. Whether that
   * is a ragged row (a cell missing from it) or a blank left unwritten is for the table to tell (layout.ts).
   */
  pastRowEnd?: boolean;
  /** Covered by a merge from a cell to its left in the same row (a colspan), not only from above. */
  mergedAcross?: boolean;
  formula?: string;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column letters → 1-based number (A → 1, AA → 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** 'B2:D4' (or a single 'B2') → its range; undefined for anything else. */
export function parseRange(ref: string): Range | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const a = { col: columnNumber(m[1]!), row: Number(m[2]) };
  const b = m[3] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function mergesOf(sheet: Worksheet): Range[] {
  const refs = (sheet.model as { merges?: string[] }).merges ?? [];
  return refs.map(parseRange).filter((r): r is Range => r !== undefined);
}

export interface SheetGrid {
  /** Row-major and dense over the used range, hidden rows and columns left out; empty when the sheet holds no text. */
  rows: GridCell[][];
  /** Hidden rows (numbers) and columns (letters) of the used range that were left out. */
  hidden: string[];
  /** Cells the grid took before hidden ones were left out (what counts against maxTableCells). */
  cells: number;
}

/** `maxCells`: what is left of maxTableCells for this sheet. */
export function sheetGrid(sheet: Worksheet, maxCells: number): SheetGrid {
  const texts = new Map<string, GridCell>();
  const key = (row: number, col: number) => `${row}:${col}`;
  let bounds: Range | undefined;
  const include = (r: Range) => {
    bounds = bounds
      ? { top: Math.min(bounds.top, r.top), left: Math.min(bounds.left, r.left), bottom: Math.max(bounds.bottom, r.bottom), right: Math.max(bounds.right, r.right) }
      : { ...r };
  };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return; // covered by a merge: its top-left cell speaks for it
      const read = cellText(cell.value);
      if (!read.text.trim() && !read.doubt) return;
      texts.set(key(rowNumber, colNumber), { text: read.text, address: cell.address, ...(read.doubt ? { doubt: read.doubt } : {}), ...(read.formula ? { formula: read.formula } : {}) });
      include({ top: rowNumber, left: colNumber, bottom: rowNumber, right: colNumber });
    });
  });
  // A merge whose top-left cell has text widens the used range; an empty merge (a blank value merged
  // over several columns) does not, but inside the range it still makes one blank cell, not several.
  const allMerges = mergesOf(sheet);
  for (const m of allMerges) if (texts.has(key(m.top, m.left))) include(m);
  if (!bounds) return { rows: [], hidden: [], cells: 0 };

  const height = bounds.bottom - bounds.top + 1;
  const width = bounds.right - bounds.left + 1;
  if (height * width > maxCells) {
    throw new UnreadableDocumentError('too-large', `sheet ${sheet.name} spans ${height} × ${width} cells, more than the ${maxCells} left of maxTableCells`);
  }
  const rows: GridCell[][] = [];
  for (let r = 0; r < height; r++) {
    const row: GridCell[] = [];
    // Which cells are written in this row, empty styled cells included (exceljs keeps them).
    const sheetRow = sheet.findRow(bounds.top + r);
    const rowEnd = sheetRow?.cellCount ?? 0;
    for (let c = 0; c < width; c++) {
      const column = bounds.left + c;
      const address = `${columnLetters(column)}${bounds.top + r}`;
      const unwritten = !sheetRow?.findCell(column);
      row.push(texts.get(key(bounds.top + r, column)) ?? { text: '', address, ...(unwritten ? { unwritten } : {}), ...(unwritten && column > rowEnd ? { pastRowEnd: true } : {}) });
    }
    rows.push(row);
  }
  const inside = (m: Range) => m.top >= bounds!.top && m.left >= bounds!.left && m.bottom <= bounds!.bottom && m.right <= bounds!.right;
  for (const m of allMerges.filter(inside)) {
    const master = texts.get(key(m.top, m.left)) ?? { text: '' };
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        rows[r - bounds.top]![c - bounds.left] = { text: master.text, spanned: true, address: `${columnLetters(c)}${r}`, ...(c > m.left ? { mergedAcross: true } : {}) };
      }
    }
  }
  return withoutHidden(sheet, rows, bounds, allMerges.filter(inside));
}

/**
 * What a reader of the sheet sees: hidden rows and columns (helper sums, last year's figures) left
 * out. A merge whose top-left cell is hidden speaks through its first visible cell instead.
 */
function withoutHidden(sheet: Worksheet, rows: GridCell[][], bounds: Range, merges: Range[]): SheetGrid {
  const columns = (sheet.columns ?? []) as Array<{ hidden?: boolean } | undefined>;
  const rowHidden = (r: number) => sheet.findRow(r)?.hidden === true;
  const colHidden = (c: number) => columns[c - 1]?.hidden === true;
  const keptRows: number[] = [];
  const keptCols: number[] = [];
  const hidden: string[] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) (rowHidden(r) ? hidden.push(String(r)) : keptRows.push(r));
  for (let c = bounds.left; c <= bounds.right; c++) (colHidden(c) ? hidden.push(columnLetters(c)) : keptCols.push(c));
  const cells = rows.length * (rows[0]?.length ?? 0);
  if (!hidden.length) return { rows, hidden, cells };
  for (const m of merges) {
    if (!rowHidden(m.top) && !colHidden(m.left)) continue;
    const r = keptRows.find((k) => k >= m.top && k <= m.bottom);
    const c = keptCols.find((k) => k >= m.left && k <= m.right);
    if (r === undefined || c === undefined) continue;
    const master = rows[m.top - bounds.top]![m.left - bounds.left]!;
    rows[r - bounds.top]![c - bounds.left] = { ...master, address: `${columnLetters(c)}${r}` };
  }
  return { rows: keptRows.map((r) => keptCols.map((c) => rows[r - bounds.top]![c - bounds.left]!)), hidden, cells };
}
