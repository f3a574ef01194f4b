/**
 * One HTML <table> → one dense table block. Only the table's own rows and cells count: a table nested
 * in a cell is returned separately (it becomes its own block) and its text is not repeated in the cell.
 */
import type { TableBlock } from '../model.js';
import { expandSpans, type SourceCell } from './grid.js';
import { hasChildren, isElement, isText, type DomElement, type DomNode } from './dom.js';
import { joinLines } from './text.js';
import { isNonText } from './noise.js';

const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
const CELLS = new Set(['td', 'th']);
/** Elements that start a new line inside a cell (the pieces are joined by joinLines). */
const LINE_BREAKING = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'dd', 'dt', 'section', 'blockquote', 'pre', 'ul', 'ol']);

export interface CellContent {
  lines: string[];
  nestedTables: DomElement[];
}

/**
 * The table's own rows (directly or through thead/tbody/tfoot), never rows of nested tables; a row or
 * section the page hides is not shown, so not read (its cells would shift or add to what is printed).
 */
export function ownRows(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  for (const child of table.children) {
    if (!isElement(child) || isNonText(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (SECTIONS.has(child.name)) for (const row of child.children) if (isElement(row) && row.name === 'tr' && !isNonText(row)) rows.push(row);
  }
  return rows;
}

/** The row's cells the page shows. */
export function ownCells(row: DomElement): DomElement[] {
  return row.children.filter((c): c is DomElement => isElement(c) && CELLS.has(c.name) && !isNonText(c));
}

/**
 * The text lines of a cell (or any element), skipping nested tables, which are collected instead.
 * `skip` lets the caller drop noise elements (scripts, hidden elements).
 */
export function contentOf(root: DomElement, skip: (el: DomElement) => boolean): CellContent {
  const lines: string[] = [];
  const nestedTables: DomElement[] = [];
  let current = '';
  const breakLine = () => {
    lines.push(current);
    current = '';
  };
  // The stack holds nodes to visit and `null` markers that end a line-breaking element.
  const stack: Array<DomNode | null> = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]);
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      breakLine();
      continue;
    }
    if (node === undefined) break;
    if (isText(node)) {
      current += node.data;
      continue;
    }
    if (!isElement(node) || skip(node)) continue;
    if (node.name === 'table') {
      nestedTables.push(node);
      breakLine();
      continue;
    }
    if (node.name === 'br') {
      breakLine();
      continue;
    }
    const breaks = LINE_BREAKING.has(node.name);
    if (breaks) {
      breakLine();
      stack.push(null);
    }
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  breakLine();
  return { lines, nestedTables };
}

function spanOf(el: DomElement, name: 'rowspan' | 'colspan'): number | undefined {
  const raw = el.attribs[name];
  if (raw === undefined) return undefined;
  const value = parseInt(raw, 10);
  return Number.isNaN(value) ? undefined : value;
}

export interface BuiltTable {
  block: TableBlock | undefined;
  caption: string;
  nestedTables: DomElement[];
}

export function buildTable(table: DomElement, skip: (el: DomElement) => boolean): BuiltTable {
  const nestedTables: DomElement[] = [];
  const rowElements = ownRows(table);
  const sourceRows: SourceCell[][] = rowElements.map((row) =>
    ownCells(row).map((cell) => {
      const content = contentOf(cell, skip);
      nestedTables.push(...content.nestedTables);
      return { text: joinLines(content.lines), rowspan: spanOf(cell, 'rowspan'), colspan: spanOf(cell, 'colspan') };
    }),
  );
  const captionEl = table.children.find((c): c is DomElement => isElement(c) && c.name === 'caption');
  const caption = captionEl ? joinLines(contentOf(captionEl, skip).lines) : '';
  // Rows without cells still count for rowspans, so rows are dropped only after expansion, and only
  // when no cell has text: Word's "Save as HTML" ends tables with an empty row of column widths.
  // A header over one row of blanks (a small table of a report's group, nothing to report) keeps it;
  // Word's column-width row (height=0) never counts.
  const expanded = expandSpans(sourceRows).filter((_, i) => rowElements[i]?.attribs?.height !== '0');
  const rows = expanded.length === 2 ? expanded : expanded.filter((row) => row.some((c) => c.text !== ''));
  const block: TableBlock | undefined = rows.length && rows[0].length ? { kind: 'table', rows } : undefined;
  return { block, caption, nestedTables };
}
