/** Reading order inside a region: runs → lines (by baseline) → text. */
import type { PositionedText } from './items.js';
import { type Box, boxOf, isCjkChar, joinPieces, unionBox } from './geometry.js';

export interface TextLine {
  items: PositionedText[];
  text: string;
  box: Box;
  /** Typical font size of the line. */
  size: number;
}

/**
 * Groups runs into lines: sorted top to bottom, a run joins the current line when its baseline is
 * within half a font size of the line's. One sort, one pass.
 */
export function groupLines(items: PositionedText[]): TextLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  let current: PositionedText[] = [];
  let baseline = 0;
  let size = 0;
  for (const item of sorted) {
    if (current.length > 0 && Math.abs(baseline - item.y) <= 0.5 * Math.min(size, item.height)) {
      current.push(item);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    baseline = item.y;
    size = item.height;
  }
  if (current.length > 0) groups.push(current);
  return groups.map(makeLine);
}

function makeLine(items: PositionedText[]): TextLine {
  items.sort((a, b) => a.x - b.x);
  let text = '';
  let box: Box | undefined;
  let prevEnd = Number.NEGATIVE_INFINITY;
  let sizes = 0;
  for (const item of items) {
    // A visible gap between runs is a space in Latin text; CJK and digit runs join regardless.
    const gap = item.x - prevEnd;
    text = joinPieces(text, item.text, gap > 0.25 * item.height);
    prevEnd = Math.max(prevEnd, item.x + item.width);
    box = unionBox(box, boxOf(item));
    sizes += item.height;
  }
  return { items, text: text.trim(), box: box ?? [0, 0, 0, 0], size: sizes / items.length };
}

/** Text of a cell or paragraph: lines joined without a break; a space only between Latin words. */
export function joinLines(lines: TextLine[]): string {
  let text = '';
  for (const line of lines) {
    if (!text) text = line.text;
    else {
      const a = text[text.length - 1];
      const b = line.text[0];
      // A hyphen at a line end in Latin text is a wrapped word; CJK never takes a space.
      text = isCjkChar(a) || isCjkChar(b) ? text + line.text : joinPieces(text, line.text, true);
    }
  }
  return text;
}
