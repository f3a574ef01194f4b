/**
 * Tables printed without rulings (borderless HTML tables printed to PDF, some WPS layouts), read from
 * text positions alone. Rows are anchored on the lines that carry numbers; the label fragments a
 * narrow label column wraps above and below a row's numbers are gathered to the nearest row; lines
 * with no number (headers, section titles) stay rows of their own. Cells keep page and box.
 */
import type { Block, TableCell } from '../model.js';
import type { PositionedText } from './items.js';
import type { TextLine } from './lines.js';
import { boxOf, unionBox, type Box } from './geometry.js';

const NUMBER_RUN = /^[\d.,]+$/;
/** Gap (in font sizes) that separates two text cells rather than two words. */
const CELL_GAP = 1.2;
/** A number starts a new cell at any visible gap (in font sizes) from what precedes it. */
const NUMBER_GAP = 0.3;
/** Lines with this many numbers, or a label and one number, anchor a table row. */
const MIN_TABULAR_LINES = 3;
/** How far (in line heights) a label fragment may sit from the numbers of its row. */
const LABEL_REACH = 1.6;
/** Short text lines just above the first row are the table's header. */
const MAX_HEADER_LINES = 6;
const MAX_HEADER_CHARS = 40;

interface Run {
  text: string;
  items: PositionedText[];
  numeric: boolean;
}

function runsOf(line: TextLine): Run[] {
  const items = [...line.items].sort((a, b) => a.x - b.x);
  const runs: Run[] = [];
  let prevEnd = -Infinity;
  for (const item of items) {
    const numeric = NUMBER_RUN.test(item.text.trim());
    const last = runs[runs.length - 1];
    const gap = item.x - prevEnd;
    const split = !last || gap > CELL_GAP * line.size || ((numeric || last.numeric) && gap > NUMBER_GAP * line.size);
    if (split) runs.push({ text: item.text.trim(), items: [item], numeric });
    else {
      last.text += item.text.trim();
      last.items.push(item);
      last.numeric = last.numeric && numeric;
    }
    prevEnd = item.x + item.width;
  }
  return runs.filter((r) => r.text);
}

function isAnchor(runs: Run[]): boolean {
  const numbers = runs.filter((r) => r.numeric).length;
  if (numbers >= 3) return true;
  // 行政许可 2629: a label, then a single number well apart from it
  return numbers >= 1 && !runs[0].numeric && runs.length <= 3;
}

export function looksTabular(lines: TextLine[]): boolean {
  let n = 0;
  for (const line of lines) if (runsOf(line).filter((r) => r.numeric).length >= 3 && ++n >= MIN_TABULAR_LINES) return true;
  return false;
}

function cellOf(items: PositionedText[], page: number, text?: string): TableCell {
  let box: Box | undefined;
  for (const i of items) box = unionBox(box, boxOf(i));
  const ordered = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  return { text: text ?? ordered.map((i) => i.text.trim()).join(''), prov: { page, ...(box ? { bbox: box } : {}), origin: items.some((i) => i.origin === 'ocr') ? 'ocr' : 'text' } };
}

/**
 * Splits free lines into the lines before a borderless table, the table, and the lines after it.
 * Returns undefined when there is no such table.
 */
export function findStreamTable(lines: TextLine[], page: number): { before: TextLine[]; table: Block; after: TextLine[] } | undefined {
  const runs = lines.map(runsOf);
  const anchors = runs.map(isAnchor);
  const first = anchors.indexOf(true);
  const last = anchors.lastIndexOf(true);
  if (first < 0 || anchors.filter(Boolean).length < MIN_TABULAR_LINES) return undefined;
  let start = first;
  while (start > 0 && first - start < MAX_HEADER_LINES && lines[start - 1].text.length <= MAX_HEADER_CHARS && !/[。；]$/.test(lines[start - 1].text)) start--;
  let end = last;
  // Label fragments wrapped below the last row still belong to it.
  while (end + 1 < lines.length && !anchors[end + 1] && lines[last].box[1] - lines[end + 1].box[3] < LABEL_REACH * lines[last].size && lines[end + 1].text.length <= MAX_HEADER_CHARS) end++;

  type Row = { y: number; size: number; firstNumberX: number; label: PositionedText[]; cells: TableCell[]; anchor: boolean };
  const rows: Row[] = [];
  const anchorRows: Row[] = [];
  for (let i = start; i <= end; i++) {
    const line = lines[i];
    if (anchors[i]) {
      const firstNumber = runs[i].findIndex((r) => r.numeric);
      const row: Row = {
        y: line.items[0].y,
        size: line.size,
        firstNumberX: Math.min(...runs[i][firstNumber].items.map((it) => it.x)),
        label: runs[i].slice(0, firstNumber).flatMap((r) => r.items),
        cells: runs[i].slice(firstNumber).map((r) => cellOf(r.items, page, r.text)),
        anchor: true,
      };
      rows.push(row);
      anchorRows.push(row);
    } else rows.push({ y: line.items[0].y, size: line.size, firstNumberX: Infinity, label: [], cells: runs[i].map((r) => cellOf(r.items, page, r.text)), anchor: false });
  }
  // A text line whose words all stand left of a nearby row's numbers is that row's wrapped label.
  const kept: Row[] = [];
  for (const row of rows) {
    if (row.anchor) {
      kept.push(row);
      continue;
    }
    const items = row.cells.flatMap((c) => c.prov?.bbox ? [c] : []);
    const right = Math.max(...items.map((c) => c.prov!.bbox![2]));
    let best: Row | undefined;
    for (const a of anchorRows) {
      const distance = Math.abs(a.y - row.y);
      if (distance <= LABEL_REACH * a.size && right <= a.firstNumberX + 1 && (!best || distance < Math.abs(best.y - row.y))) best = a;
    }
    if (best) best.label.push(...lineItems(lines, row));
    else kept.push(row);
  }
  const width = Math.max(...kept.map((r) => (r.anchor ? 1 : 0) + r.cells.length));
  const grid: TableCell[][] = kept.map((r) => {
    const cells = r.anchor && r.label.length ? [cellOf(r.label, page), ...r.cells] : r.cells;
    // Text positions only say where text is: a row with fewer runs printed nothing there that we saw.
    return [...cells, ...Array.from({ length: width - cells.length }, () => ({ text: '', absent: true }))];
  });
  return {
    before: lines.slice(0, start),
    table: { kind: 'table', rows: grid, prov: { page, origin: 'text' } },
    after: lines.slice(end + 1),
  };
}

/** The items of the source line a text row was made of (rows keep only cells, so look them up by y). */
function lineItems(lines: TextLine[], row: { y: number }): PositionedText[] {
  return lines.find((l) => l.items[0].y === row.y)?.items ?? [];
}
