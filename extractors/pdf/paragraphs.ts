/**
 * Free text (runs outside tables) → lines → paragraphs. Running page numbers at the top or bottom of
 * a page are dropped.
 */
import type { TextLine } from './lines.js';
import { joinLines } from './lines.js';
import { type Box, unionBox } from './geometry.js';

const PAGE_NUMBER_PATTERNS = [
  /^[-－—–\s]*\d{1,4}[-－—–\s]*$/u,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
  /^(page|p\.)\s*\d{1,4}(\s*of\s*\d{1,4})?$/iu,
];
/** Share of the page height at top and bottom where running heads and page numbers live. */
const MARGIN_SHARE = 0.12;

export function isRunningPageNumber(line: TextLine, pageBox: Box): boolean {
  const text = line.text.replace(/\s+/g, ' ').trim();
  if (!PAGE_NUMBER_PATTERNS.some((p) => p.test(text)) || printedApart(line)) return false;
  const height = pageBox[3] - pageBox[1];
  return line.box[1] >= pageBox[3] - MARGIN_SHARE * height || line.box[3] <= pageBox[1] + MARGIN_SHARE * height;
}

/**
 * Runs standing far apart on one line are cells, not one page number: digit runs join without a space, so
 * `18` and `18` in two columns of a table row at the top of a page read as the line `1818`.
 */
function printedApart(line: TextLine): boolean {
  const items = [...line.items].filter((i) => i.text.trim()).sort((a, b) => a.x - b.x);
  return items.some((item, i) => i > 0 && item.x - (items[i - 1].x + items[i - 1].width) > PAGE_NUMBER_GAP * line.size);
}

/** Widest gap (in font sizes) between two runs of one page number (— 5 —, 第 3 页 共 8 页). */
const PAGE_NUMBER_GAP = 2;

export interface DraftParagraph {
  lines: TextLine[];
  page: number;
}

/**
 * Splits a run of consecutive lines (no table between them) into paragraphs: a new paragraph starts
 * after a blank gap, at a first-line indent, or after a line that stops well short of the right edge.
 */
export function splitParagraphs(lines: TextLine[], page: number, left: number, right: number): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  let current: TextLine[] = [];
  for (const line of lines) {
    const prev = current[current.length - 1];
    if (prev) {
      const size = Math.max(prev.size, line.size);
      const gap = prev.box[1] - line.box[3];
      const indented = line.box[0] > left + 1.2 * line.size;
      const prevShort = prev.box[2] < right - 2 * prev.size;
      const sizeChange = Math.abs(prev.size - line.size) > 0.2 * size;
      if (gap > 1.2 * size || indented || prevShort || sizeChange) {
        out.push({ lines: current, page });
        current = [];
      }
    }
    current.push(line);
  }
  if (current.length) out.push({ lines: current, page });
  return out;
}

export function paragraphText(p: DraftParagraph): string {
  return joinLines(p.lines);
}

export function paragraphBox(p: DraftParagraph): Box {
  let box: Box | undefined;
  for (const line of p.lines) box = unionBox(box, line.box);
  return box ?? [0, 0, 0, 0];
}

/** Does a paragraph that ends a page run on at the top of the next? */
export function continuesOnNextPage(last: DraftParagraph, right: number): boolean {
  const line = last.lines[last.lines.length - 1];
  return line.box[2] >= right - 2 * line.size;
}

export function startsFresh(first: DraftParagraph, left: number): boolean {
  const line = first.lines[0];
  return line.box[0] > left + 1.2 * line.size;
}
