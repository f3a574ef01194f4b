/**
 * Tables laid out with elements other than <table>: rows of <div>s whose children are the cells
 * (CSS display:table-row/table-cell, flex or grid rows, as some portal templates and front-end
 * frameworks print a report's tables). Read line by line, every cell became a paragraph of its own and
 * the tables were lost. Such markup has no spans: a merged cell is printed once, so rows are ragged.
 *
 * Told from an article by shape alone (class names and stylesheets vary too much to trust): an element
 * whose children are all rows or groups of rows, a row being an element with no text of its own whose
 * children are all small block elements holding no blocks of their own (the cells), with enough rows of
 * several cells and numbers in the cells.
 */
import type { TableBlock } from '../model.js';
import { expandSpans } from './grid.js';
import { isElement, isText, type DomElement, type DomNode } from './dom.js';
import { contentOf } from './table.js';
import { joinLines } from './text.js';
import { isValueToken } from '../value-token.js';

/** Elements that make a cell not a leaf: it holds rows or tables of its own. */
const CONTAINERS = new Set(['div', 'li', 'ul', 'ol', 'dl', 'table', 'section', 'article']);
/** A cell's subtree is at most this many nodes (every check is bounded: hostile pages are wide and deep). */
const MAX_CELL_NODES = 60;
/** A cell's text is at most this long: the template's longest label is about 30 characters. */
const MAX_CELL_CHARS = 80;
/**
 * Rows a grid needs, rows of at least two cells among them, and numbers (or blank marks) in its cells:
 * low enough for a table 二 printed one small table per item (a caption, a header, 行政许可 | 447228).
 * Prose is kept out by its cells: a paragraph is a cell only when it is short and holds no blocks, and
 * a row of them needs a cell that is a value alone — a number, with its unit or not (217件, 18651.06万元),
 * or a blank mark — as the text readers take a value cell (value-token.ts).
 */
const MIN_ROWS = 2;
const MIN_WIDE_ROWS = 2;
const MIN_NUMBERS = 1;

const elementsOf = (el: DomElement): DomElement[] => el.children.filter(isElement);
const hasOwnText = (el: DomElement): boolean => el.children.some((c) => isText(c) && c.data.trim() !== '');

/**
 * Elements a cell may be: block elements that hold text. Inline runs are not cells — Word's HTML puts every
 * run of a paragraph in a <span> (2023 / 年，本机关共收到申请 / 21 / 件), and such paragraphs are prose.
 */
const CELLS = new Set(['div', 'p', 'li', 'dd', 'dt']);

/** The cell's subtree is small and holds no rows or tables of its own. */
function isLeafCell(cell: DomElement): boolean {
  if (!CELLS.has(cell.name)) return false;
  const stack: DomNode[] = [...cell.children];
  let seen = 0;
  while (stack.length) {
    const node = stack.pop()!;
    if (++seen > MAX_CELL_NODES) return false;
    if (!isElement(node)) continue;
    if (CONTAINERS.has(node.name)) return false;
    for (const child of node.children) stack.push(child);
  }
  return true;
}

function isRow(el: DomElement): boolean {
  if (el.name === 'table' || hasOwnText(el)) return false;
  const cells = elementsOf(el);
  return cells.length > 0 && cells.every(isLeafCell);
}

/** The element's rows when it is laid out as a grid of rows (directly, or through groups such as a head and a body), else undefined. */
function gridRows(el: DomElement): DomElement[] | undefined {
  const children = elementsOf(el);
  // Cheap refusals first: an article's paragraphs hold text of their own or inline runs, not cells.
  if (el.name === 'table' || children.length < 2 || hasOwnText(el)) return undefined;
  const rows: DomElement[] = [];
  for (const child of children) {
    if (isRow(child)) {
      rows.push(child);
      continue;
    }
    const group = CONTAINERS.has(child.name) && !hasOwnText(child) ? elementsOf(child) : [];
    if (!group.length || !group.every(isRow)) return undefined;
    rows.push(...group);
  }
  return rows.length >= MIN_ROWS ? rows : undefined;
}

/** Fewest cells of a row of blanks that stands for numbers: table 四's group prints five. */
const MIN_BLANK_ROW_CELLS = 3;

/**
 * A row of empty cells under a row of as many cells each holding text: a header over its one row of
 * values, every one a blank printed as nothing (table 四's group 复议后起诉 of a report with no such case,
 * printed as a table of its own). It stands for the numbers such a grid has none of.
 */
function blanksUnderHeader(row: string[], i: number, rows: string[][]): boolean {
  const above = rows[i - 1];
  return i > 0 && row.length >= MIN_BLANK_ROW_CELLS && row.every((t) => t.trim() === '') && above.length === row.length && above.every((t) => t.trim() !== '');
}

/** The element read as a table, when it is a grid of rows of leaf cells that prints numbers (or blanks under a header: blanksUnderHeader); else undefined. */
export function divGridTable(el: DomElement, skip: (el: DomElement) => boolean): TableBlock | undefined {
  const rows = gridRows(el);
  if (!rows) return undefined;
  const texts = rows.map((row) => elementsOf(row).filter((cell) => !skip(cell)).map((cell) => joinLines(contentOf(cell, skip).lines)));
  if (texts.some((row) => row.some((t) => t.length > MAX_CELL_CHARS))) return undefined;
  const wide = texts.filter((row) => row.length >= 2).length;
  const numbers = texts.reduce((n, row) => n + row.filter((t) => isValueToken(t.trim())).length, 0);
  if (wide < MIN_WIDE_ROWS || (numbers < MIN_NUMBERS && !texts.some(blanksUnderHeader))) return undefined;
  const grid = expandSpans(texts.map((row) => row.map((text) => ({ text }))));
  return { kind: 'table', rows: grid };
}
