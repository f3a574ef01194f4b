/**
 * Word tables straight from document.xml, with their true geometry. mammoth drops the text of
 * vertically merged continuation cells and reads gridSpan/gridBefore loosely, which shifts columns;
 * here every <w:tc> is placed on the table grid (gridBefore, gridSpan, vMerge, hMerge) so every row
 * has every label and number in its own column.
 */
import { load } from 'cheerio/slim';
import type { TableBlock, TableCell } from '../model.js';
import { UnreadableDocumentError } from '../model.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { hasChildren, isElement, isText, type DomElement, type DomNode, type DomParent } from '../html/dom.js';
import { MAX_COLSPAN, padRows } from '../html/grid.js';
import { joinLines } from '../html/text.js';
import { superscriptDigits } from '../html/footnote-marks.js';

/** Wrappers whose content belongs to the enclosing table, row or paragraph. */
const TRANSPARENT = new Set(['w:sdt', 'w:sdtcontent', 'w:customxml', 'w:smarttag', 'w:ins', 'w:hyperlink', 'w:fldsimple', 'w:dir', 'w:bdo', 'mc:alternatecontent', 'mc:choice']);
/** Content that is not visible text: deletions, moved-from text, fallbacks duplicating mc:Choice, field codes. */
const INVISIBLE = new Set(['w:del', 'w:movefrom', 'mc:fallback', 'w:instrtext', 'w:deltext', 'w:tcpr', 'w:trpr', 'w:tblpr', 'w:ppr', 'w:rpr']);

export function parseXml(xml: string): DomParent {
  return load(xml, { xml: { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true, withStartIndices: true, withEndIndices: true } }).root()[0] as unknown as DomParent;
}

function valOf(el: DomElement | undefined): string | undefined {
  return el?.attribs['w:val'];
}

function child(el: DomElement, name: string): DomElement | undefined {
  return el.children.find((c): c is DomElement => isElement(c) && c.name === name);
}

/** Children named `name`, looking through transparent wrappers (content controls, custom XML). */
function childrenThrough(el: DomElement, name: string): DomElement[] {
  const found: DomElement[] = [];
  const stack: DomNode[] = [...el.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.name === name) found.push(node);
    else if (TRANSPARENT.has(node.name)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}

/** Whether the run (a w:t's parent) is raised by its own properties: a superscript, or text raised by points (as LibreOffice writes a superscript into a .doc). */
function isSuperscriptRun(run: DomNode | null | undefined): boolean {
  if (!run || !isElement(run) || run.name !== 'w:r') return false;
  const rPr = child(run, 'w:rpr');
  if (!rPr) return false;
  return valOf(child(rPr, 'w:vertalign')) === 'superscript' || Number(valOf(child(rPr, 'w:position')) ?? 0) > 0;
}

function intVal(el: DomElement | undefined, fallback: number, max: number): number {
  const value = parseInt(valOf(el) ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, max) : fallback;
}

interface CellContent {
  text: string;
  nestedTables: DomElement[];
}

/** A cell's visible text: its paragraphs (and line breaks) joined CJK-aware; nested tables set aside. */
function cellContent(tc: DomElement): CellContent {
  const lines: string[] = [];
  const nestedTables: DomElement[] = [];
  let line = '';
  const stack: Array<DomNode | null> = [...tc.children].reverse();
  while (stack.length) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      lines.push(line);
      line = '';
      continue;
    }
    if (isText(node)) continue; // only w:t text is document text; whitespace between tags is not
    if (!isElement(node) || INVISIBLE.has(node.name)) continue;
    if (node.name === 'w:tbl') {
      nestedTables.push(node);
      continue;
    }
    if (node.name === 'w:t') {
      const text = node.children.filter(isText).map((t) => t.data).join('');
      // A footnote's number raised after a figure (80 and a superscript 1) is its mark, not a digit of it.
      line += /^\d{1,2}$/.test(text.trim()) && /\d\s*$/.test(line) && isSuperscriptRun(node.parent) ? superscriptDigits(text.trim()) : text;
      continue;
    }
    if (node.name === 'w:tab') line += ' ';
    else if (node.name === 'w:nobreakhyphen') line += '-';
    else if (node.name === 'w:br' || node.name === 'w:cr') {
      lines.push(line);
      line = '';
    }
    if (node.name === 'w:p') stack.push(null);
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  lines.push(line);
  return { text: joinLines(lines), nestedTables };
}

function tooManyCells(maxCells: number): UnreadableDocumentError {
  return new UnreadableDocumentError('too-large', `a DOCX table expands to more than ${maxCells} cells (maxTableCells)`);
}

export interface BuiltDocxTable {
  block: TableBlock | undefined;
  nestedTables: DomElement[];
}

/** One <w:tbl> on its grid. A continuation cell with text of its own keeps that text (nothing is lost). */
export function buildDocxTable(tbl: DomElement, maxCells: number = DEFAULT_LIMITS.maxTableCells): BuiltDocxTable {
  const grid: TableCell[][] = [];
  const nestedTables: DomElement[] = [];
  let placed = 0;
  for (const tr of childrenThrough(tbl, 'w:tr')) {
    const trPr = child(tr, 'w:trpr');
    // A row deleted with change tracking on is not in the document as printed.
    if (trPr && child(trPr, 'w:del')) continue;
    const row: TableCell[] = [];
    const above = grid[grid.length - 1];
    let col = trPr ? intVal(child(trPr, 'w:gridbefore'), 0, MAX_COLSPAN) : 0;
    for (let c = 0; c < col; c++) row[c] = { text: '' };
    for (const tc of childrenThrough(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcpr');
      const span = Math.max(1, tcPr ? intVal(child(tcPr, 'w:gridspan'), 1, MAX_COLSPAN) : 1);
      const vMerge = tcPr ? child(tcPr, 'w:vmerge') : undefined;
      const hMerge = tcPr ? child(tcPr, 'w:hmerge') : undefined;
      const content = cellContent(tc);
      nestedTables.push(...content.nestedTables);
      let origin: TableCell = { text: content.text };
      const continuesDown = vMerge !== undefined && (valOf(vMerge) ?? 'continue') === 'continue';
      const continuesRight = hMerge !== undefined && (valOf(hMerge) ?? 'continue') === 'continue';
      if (content.text === '' && continuesDown && above?.[col]) origin = { text: above[col].text, spanned: true };
      else if (content.text === '' && continuesRight && row[col - 1]) origin = { text: row[col - 1].text, spanned: true };
      placed += span;
      if (placed > maxCells) throw tooManyCells(maxCells);
      row[col] = origin;
      for (let c = 1; c < span; c++) row[col + c] = { text: origin.text, spanned: true };
      col += span;
    }
    grid.push(row);
  }
  const rows = padRows(grid);
  return { block: rows.length && rows[0].length ? { kind: 'table', rows } : undefined, nestedTables };
}

export interface BodyTables {
  /** Per top-level table, its blocks: the table, then the tables nested in its cells. */
  tables: TableBlock[][];
  /** Where each top-level <w:tbl> … </w:tbl> lies in the XML text (start, end exclusive). */
  spans: Array<[number, number]>;
}

/** Tables of the document body in document order, each followed by the tables nested in its cells. */
export function bodyTables(documentXml: string): TableBlock[][] {
  return bodyTablesWithSpans(documentXml).tables;
}

export function bodyTablesWithSpans(documentXml: string, maxCells: number = DEFAULT_LIMITS.maxTableCells): BodyTables {
  const root = parseXml(documentXml);
  const topLevel: DomElement[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node) && node.name === 'w:tbl') {
      topLevel.push(node);
      continue;
    }
    if (isElement(node) && INVISIBLE.has(node.name)) continue;
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  const tables = topLevel.map((tbl) => {
    const blocks: TableBlock[] = [];
    const pending: DomElement[] = [tbl];
    while (pending.length) {
      const built = buildDocxTable(pending.shift()!, maxCells);
      if (built.block) blocks.push(built.block);
      pending.unshift(...built.nestedTables);
    }
    return blocks;
  });
  const spans = topLevel.map((tbl): [number, number] => {
    const positioned = tbl as DomElement & { startIndex?: number | null; endIndex?: number | null };
    return [positioned.startIndex ?? -1, (positioned.endIndex ?? -2) + 1];
  });
  return { tables, spans };
}
