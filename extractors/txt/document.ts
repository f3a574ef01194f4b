/**
 * Text → blocks: splits the lines into runs of flattened-DOCX tab tables, Markdown pipe tables and
 * plain text (layout tables and paragraphs), and reads each run with its own parser.
 */
import type { Block } from '../model.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { stripBookmarks } from './lines.js';
import { isPipeRow, readPipeTable } from './pipe-table.js';
import { isTabCellLine, readTabTable } from './tab-table.js';
import { cellLinesAsTabTables } from './cell-lines.js';
import { readLayoutLines } from './layout.js';
import { splitGluedBody } from './crawler.js';
import { spacedSegments } from './spaced-table.js';
import { asCsv, readCsvBlocks } from './csv.js';
import { readStatsTable } from './stats-table.js';

/** Tab-prefixed lines a text needs before tabs are read as DOCX table cells rather than indentation. */
export const MIN_TAB_CELL_LINES = 4;
/**
 * A line longer than this (characters) is a whole article on one line (crawler dumps, text pulled out
 * of HTML): it is cut into paragraphs at its headings instead of being read line by line.
 */
export const WHOLE_TEXT_LINE_CHARS = 1000;
/** A line shorter than this (characters) is not searched for a whole table flattened with spaces. */
const SPACED_LINE_CHARS = 120;
/** Lines with text then a tab a text needs before its table rows are read as tab-separated cells. */
const MIN_TAB_SEPARATED_ROWS = 3;

/**
 * In text whose table rows are tab-separated, a line starting with a tab is a row whose first cells are
 * empty when more tabs follow (\t\t5\t7) or when it is tabs alone (a row of empty cells, as a group of
 * table 四 that printed nothing leaves it): its tabs are cell boundaries, which spaces would lose. Tabs
 * before text with no tab after it are indentation.
 */
function startsWithEmptyCells(line: string): boolean {
  if (!line.startsWith('\t')) return false;
  const rest = line.replace(/^\t+/, '');
  return rest.includes('\t') || rest.trim() === '';
}

export interface TextOptions {
  /** The text's cells are joined by single spaces, as other text of its document shows (layout.ts). */
  spaceJoined?: boolean;
}

export function readTextBlocks(text: string, limits: Limits = DEFAULT_LIMITS, options: TextOptions = {}): Block[] {
  const csv = asCsv(text.replace(/\r\n?/g, '\n'), limits.maxTableCells);
  if (csv) return readCsvBlocks(csv);
  const read = stripBookmarks(text).replace(/\r\n?/g, '\n').split('\n');
  // Tables a cell per line, rows not parted (a crawler's get_text('\n')): rewritten as a DOCX flattening.
  const lines = cellLinesAsTabTables(read) ?? read;
  // A DOCX flattening has one cell per tab-prefixed line; text whose rows are tab-separated cells
  // (several tabs on a line, some rows starting with an empty cell) is not one.
  const cellLines = lines.filter((l) => isTabCellLine(l) && !l.includes('\t', 1)).length;
  const tabRows = lines.filter((l) => l.includes('\t', 1)).length;
  const flattened = cellLines >= MIN_TAB_CELL_LINES && cellLines > tabRows;
  const tabSeparated = !flattened && lines.filter((l) => /\S\t/.test(l)).length >= MIN_TAB_SEPARATED_ROWS;
  const source = flattened ? lines : lines.map((l) => (tabSeparated && startsWithEmptyCells(l) ? l : l.replace(/^\t+/, (tabs) => '    '.repeat(tabs.length))));
  const blocks: Block[] = [];
  let plain: string[] = [];
  const flushPlain = () => {
    // Appended one by one: spreading a huge array into push() overflows the call stack.
    if (plain.length) for (const block of readLayoutLines(plain, { joinWrappedLines: !flattened, spaceJoined: options.spaceJoined })) blocks.push(block);
    plain = [];
  };
  let segments: ReturnType<typeof spacedSegments>;
  let stats: ReturnType<typeof readStatsTable>;
  for (let i = 0; i < source.length; ) {
    if (flattened && isTabCellLine(source[i])) {
      flushPlain();
      const run = readTabTable(source, i);
      if (run.table.rows.length) blocks.push(run.table);
      i = run.next;
    } else if (source[i].length > SPACED_LINE_CHARS && (segments = spacedSegments(source[i]))) {
      // A table flattened onto one line with spaces between its cells: cut out, the rest read as text.
      flushPlain();
      for (const segment of segments) {
        if (segment.kind === 'table') blocks.push(segment.table);
        else if (segment.text.length > WHOLE_TEXT_LINE_CHARS) for (const text of splitGluedBody(segment.text)) blocks.push({ kind: 'paragraph', text });
        else for (const block of readLayoutLines([segment.text], { joinWrappedLines: false })) blocks.push(block);
      }
      i++;
    } else if (source[i].length > WHOLE_TEXT_LINE_CHARS) {
      flushPlain();
      for (const text of splitGluedBody(source[i])) blocks.push({ kind: 'paragraph', text });
      i++;
    } else if ((stats = readStatsTable(source, i, plain.length > 0 && plain.at(-1) === source[i - 1] ? 1 : 0))) {
      // A pre-2019 statistics table (指标 | 单位 | 数量) by tabs or single spaces; a header wrapped over lines takes the line above.
      if (stats.above > 0) plain.splice(plain.length - stats.above);
      flushPlain();
      blocks.push(stats.table);
      i = stats.next;
    } else if (isPipeRow(source[i])) {
      flushPlain();
      const run = readPipeTable(source, i);
      if (run.table.rows.length) blocks.push(run.table);
      i = run.next;
    } else {
      plain.push(source[i]);
      i++;
    }
  }
  flushPlain();
  return blocks;
}
