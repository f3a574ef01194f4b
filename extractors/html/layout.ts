/**
 * Layout tables versus data tables. Old portals frame the whole article in one- or two-column tables;
 * treating such a frame as a data table would glue the report into one cell, so frames are walked as
 * containers and only real grids become table blocks.
 */
import { hasChildren, isElement, type DomElement, type DomNode } from './dom.js';
import { ownCells, ownRows } from './table.js';

/** A frame cell holds prose, not a figure or a label. */
const FRAME_CELL_CHARS = 300;
/** Frames have few columns; the report tables have at least four. */
const FRAME_MAX_COLUMNS = 3;

/** Tables that contain another table (nearest-ancestor relation, found in one pass). */
export function tablesWithNestedTables(root: DomNode): Set<DomElement> {
  const result = new Set<DomElement>();
  // Two stacks side by side (each node with its nearest enclosing table), not an object per node.
  const nodes: DomNode[] = [root];
  const tables: Array<DomElement | undefined> = [undefined];
  while (nodes.length) {
    const node = nodes.pop()!;
    const table = tables.pop();
    let context = table;
    if (isElement(node) && node.name === 'table') {
      if (table) result.add(table);
      context = node;
    }
    if (hasChildren(node)) {
      for (const child of node.children) {
        nodes.push(child);
        tables.push(context);
      }
    }
  }
  return result;
}

export function isLayoutTable(table: DomElement, lengths: Map<DomNode, number>, nesting: Set<DomElement>): boolean {
  const rows = ownRows(table);
  let columns = 0;
  let cellCount = 0;
  let longCell = false;
  for (const row of rows) {
    const cells = ownCells(row);
    cellCount += cells.length;
    let width = 0;
    for (const cell of cells) {
      width += Math.max(1, parseInt(cell.attribs.colspan ?? '1', 10) || 1);
      if ((lengths.get(cell) ?? 0) > FRAME_CELL_CHARS) longCell = true;
    }
    columns = Math.max(columns, width);
  }
  if (cellCount <= 1) return true;
  return columns <= FRAME_MAX_COLUMNS && (longCell || nesting.has(table));
}
