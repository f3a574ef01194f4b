/**
 * One page's content → its pieces in reading order: ruled tables (as drafts) and the free text lines
 * between them. Running page numbers in the top/bottom margins are dropped here, before anything
 * else sees them, so a "- 4 -" printed between two halves of a table never becomes a row.
 */
import type { PageContent, PositionedText } from './items.js';
import type { PageRulings, VerticalRule } from './rulings.js';
import { findRuledTables, type TableDraft } from './lattice.js';
import { groupLines, type TextLine } from './lines.js';
import { isRunningPageNumber } from './paragraphs.js';
import type { Box } from './geometry.js';

export type PagePiece = { kind: 'table'; draft: TableDraft } | { kind: 'lines'; lines: TextLine[] };

export interface PageLayout {
  page: number;
  pieces: PagePiece[];
  /** The page's text area: where body lines start and end (for paragraph breaks). */
  left: number;
  right: number;
}

export function rulingsOf(content: PageContent): PageRulings {
  const rulings: PageRulings = { horizontal: [], vertical: [], hasImages: false };
  for (const l of content.lines) {
    if (Math.abs(l.y0 - l.y1) < Math.abs(l.x0 - l.x1)) {
      rulings.horizontal.push({ y: (l.y0 + l.y1) / 2, x0: Math.min(l.x0, l.x1), x1: Math.max(l.x0, l.x1) });
    } else {
      rulings.vertical.push({ x: (l.x0 + l.x1) / 2, y0: Math.min(l.y0, l.y1), y1: Math.max(l.y0, l.y1) });
    }
  }
  return rulings;
}

export function layoutPage(content: PageContent): PageLayout {
  const pageBox: Box = [0, 0, content.width, content.height];
  const rulings = rulingsOf(content);
  const items = dropPageNumbers(content.items, pageBox, rulings.vertical);
  const { tables, freeItems } = findRuledTables(content.page, items, rulings, content.blankCells);
  const lines = groupLines(freeItems);
  const pieces: PagePiece[] = [];
  // Tables are sorted top-down; free lines fall between them by their top edge.
  let t = 0;
  let pending: TextLine[] = [];
  const flush = (): void => {
    if (pending.length) pieces.push({ kind: 'lines', lines: pending });
    pending = [];
  };
  for (const line of lines) {
    while (t < tables.length && tables[t].box[3] >= line.box[3]) {
      flush();
      pieces.push({ kind: 'table', draft: tables[t++] });
    }
    pending.push(line);
  }
  flush();
  while (t < tables.length) pieces.push({ kind: 'table', draft: tables[t++] });
  return { page: content.page, pieces, ...textArea(lines, content.width) };
}

/**
 * Page numbers are found as whole lines in the margins. Only the items of such lines are removed,
 * grouped per line so that a lone number inside a table cell near the page edge is left alone
 * unless it is on a line by itself.
 */
function dropPageNumbers(items: PositionedText[], pageBox: Box, verticals: VerticalRule[]): PositionedText[] {
  const height = pageBox[3] - pageBox[1];
  const margin = 0.12 * height;
  const inMargin = (t: PositionedText): boolean => t.y > pageBox[3] - margin || t.y < pageBox[1] + margin;
  const candidates = items.filter(inMargin);
  if (candidates.length === 0) return items;
  const drop = new Set<PositionedText>();
  for (const line of groupLines(candidates)) {
    if (isRunningPageNumber(line, pageBox) && lineIsAlone(line, items) && !insideRuledCell(line, verticals)) for (const i of line.items) drop.add(i);
  }
  return drop.size ? items.filter((i) => !drop.has(i)) : items;
}

/** No other run shares the line's baseline (a number beside a label is a table value, not a page number). */
function lineIsAlone(line: TextLine, items: PositionedText[]): boolean {
  const y = line.items[0].y;
  const tolerance = 0.5 * line.size;
  let others = 0;
  for (const i of items) if (Math.abs(i.y - y) <= tolerance && !line.items.includes(i)) others++;
  return others === 0;
}

/**
 * A line with a vertical ruling on each side at its height sits in a table cell: a wrapped number's
 * last digits alone on a line near the page foot (3001 printed as 30 over 01) are a value, not a page number.
 */
function insideRuledCell(line: TextLine, verticals: VerticalRule[]): boolean {
  const y = (line.box[1] + line.box[3]) / 2;
  const spans = verticals.filter((v) => v.y0 <= y && v.y1 >= y);
  return spans.some((v) => v.x <= line.box[0]) && spans.some((v) => v.x >= line.box[2]);
}

/** The body text's left and right edges: the most common line starts/ends (robust to indents and short lines). */
function textArea(lines: TextLine[], pageWidth: number): { left: number; right: number } {
  if (lines.length === 0) return { left: 0, right: pageWidth };
  const lefts = lines.map((l) => l.box[0]).sort((a, b) => a - b);
  const rights = lines.map((l) => l.box[2]).sort((a, b) => a - b);
  return { left: lefts[Math.floor(lefts.length * 0.1)], right: rights[Math.floor(rights.length * 0.9)] };
}
