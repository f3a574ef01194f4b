/**
 * Tables whose every cell stands on a line of its own, rows not parted — what a crawler's text of a page
 * holds when it joins the page's strings with line breaks (BeautifulSoup's get_text('\n') and the like):
 *
 *   一、本年新收政府信息公开申请数量 / 821 / 35 / 0 / … / 三、本年度办理结果 / （一）予以公开 / 258 / …
 *
 * A row is the lines of its label followed by its run of values; the label is the line just before the
 * run, with the lines before it that its numbering shows to be its group (三、… before （一）…) or the
 * first part of a label wrapped over lines (（二）部分公开（区分处理的， before 不计其他情形）). The
 * other lines between two runs, after the last heading or prose line, are a header row (自然人 … 总计).
 * The rows are written back as the DOCX flattening prints them (a cell per line after a tab, a blank line
 * after each row), which the text reader reads as tables (tab-table.ts); the other lines stay as they were.
 */
import { isValueToken } from '../value-token.js';
import { NUMBERING_START, isPageNumberLine, isSectionHeading } from './lines.js';

/** Lone values a text must hold before its lines are read as cells: table 三 alone prints 175. */
const MIN_VALUE_LINES = 20;
/** Lines of one row's label at most: its group, and its own label wrapped over two lines. */
const MAX_LABEL_LINES = 4;
/** A header cell is short; a longer line is prose or a heading, and ends the header row above a table. */
const MAX_HEADER_CELL_CHARS = 40;
/** Items (1. 2. …), the groups they stand under (（三）), and those groups' own group (三、). */
const ITEM_START = /^\d{1,2}[.、．](?!\d)/;
const SUBGROUP_START = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
const GROUP_START = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])/;

/** Lines of text followed by values a text may hold per lone value before it is a layout text, not cells a line. */
const LAYOUT_SHARE = 4;

/** A line of text with a value after it (一、本年新收… 821 35): a row as a layout text prints it. */
function printsValuesAfterText(line: string): boolean {
  const parts = line.trim().split(/[\s\u3000]+/);
  return parts.length >= 2 && isValueToken(parts[parts.length - 1]) && !isValueToken(parts[0]);
}

const isValueLine = (line: string): boolean => {
  const text = line.trim();
  // One token: a line of several numbers (1 1 1 … 件) folds into one, and is not a cell.
  return text !== '' && !/[\s\u3000]/.test(text) && !isPageNumberLine(text) && isValueToken(text);
};

/** Does the text print its tables a cell per line? Then its lines, rewritten as the DOCX flattening prints tables. */
export function cellLinesAsTabTables(read: string[]): string[] | undefined {
  // A DOCX flattening whose rows a blank line ends is read as it is (tab-table.ts); one that lost its
  // blank lines is a cell per line, its tabs the flattening's mark.
  if (read.some((l, i) => l.startsWith('\t') && read[i + 1] === '')) return undefined;
  const lines = read.map((l) => (l.startsWith('\t') ? l.slice(1) : l));
  const lone = lines.filter(isValueLine).length;
  // A layout text (pdftotext) prints its values after their labels, and a value alone on a line only
  // where a label wrapped: such lines are not a table's cells.
  if (lone < MIN_VALUE_LINES || lines.filter(printsValuesAfterText).length * LAYOUT_SHARE > lone) return undefined;
  const out: string[] = [];
  // Lines waiting for a run of values: the label (and header) lines of the next row, or text.
  let pending: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isValueLine(lines[i])) {
      if (lines[i].trim() !== '') pending.push(lines[i].trim());
      i++;
      continue;
    }
    const values: string[] = [];
    while (i < lines.length && (isValueLine(lines[i]) || lines[i].trim() === '')) {
      if (lines[i].trim() !== '') values.push(lines[i].trim());
      i++;
    }
    const label = labelLines(pending);
    const before = pending.slice(0, pending.length - label.length);
    const header = headerLines(before);
    out.push(...before.slice(0, before.length - header.length));
    if (header.length) out.push(...header.map((c) => `\t${c}`), '');
    out.push(...[...label, ...values].map((c) => `\t${c}`), '');
    pending = [];
  }
  out.push(...pending);
  return out;
}

/** The lines of a row's label at the end of `lines`: the last line, with its group or its wrapped first part. */
function labelLines(lines: string[]): string[] {
  if (!lines.length) return [];
  const label = [lines[lines.length - 1]];
  for (let k = lines.length - 2; k >= 0 && label.length < MAX_LABEL_LINES; k--) {
    const first = label[0];
    const previous = lines[k];
    const wrappedStart = !NUMBERING_START.test(first) && NUMBERING_START.test(previous) && previous.length >= first.length;
    const group = (ITEM_START.test(first) || SUBGROUP_START.test(first)) && GROUP_START.test(previous);
    if (!wrappedStart && !group) break;
    label.unshift(previous);
  }
  return label;
}

/** The header cells at the end of `lines`: short lines after the last heading or line of prose. */
function headerLines(lines: string[]): string[] {
  let k = lines.length;
  while (k > 0 && lines[k - 1].length <= MAX_HEADER_CELL_CHARS && !isSectionHeading(lines[k - 1])) k--;
  return lines.slice(k);
}
