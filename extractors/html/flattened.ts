/**
 * Tables a page prints as text: a CMS that lost the <table> (or an author who typed one) leaves each
 * row a paragraph — cells apart by tabs, spaces or &nbsp;, pipes — or a <pre> block of such
 * lines. Read as paragraphs, squeezed of their spaces, their cells run together and no table is found.
 * A run of such paragraphs between headings and tables is read again as the text reader reads the same
 * lines in a crawler's text (txt/document.ts), from the markup's own whitespace; its blocks replace the
 * run's when they hold a table of values. A <pre> block, one paragraph of many lines, is read so on its
 * own, its blank lines kept. The DOCX reader's paragraphs (mammoth's HTML) pass here too.
 */
import type { Block } from '../model.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { readTextBlocks } from '../txt/document.js';
import { isSpaceJoined } from '../txt/space-joined.js';
import { HAS_DIGIT, isNumberToken, isValueToken } from '../value-token.js';
import { normaliseLine } from './text.js';

/** A paragraph laid out as cells: two of them apart by a tab, two spaces or more, or a pipe. */
const CELL_GAP = /\S(?:\t|[ \u00a0\u3000]{2,}| \| |\|)\s*\S/;
/** A value after a gap: the rows of a table of counts. */
const VALUE_AFTER_GAP = /(?:\t|[ \u00a0\u3000]{2,}|\|)\s*[0-9０-９]/;
/** Or values apart by single spaces at the end of a line (a CMS squeezes every gap to one space): 予以公开 22 0 22. */
const VALUES_AT_END = /\S[ \u00a0\u3000]+[0-9０-９][0-9０-９.,]*(?:[ \u00a0\u3000]+[0-9０-９][0-9０-９.,]*)+\s*$/;
/** A cell on a line of its own after a tab, as Word's text export and a DOCX flattening print a table. */
const TAB_CELL = /^\t[^\t\s]/;
/** The end of a line that can hold its row's values (table 三 prints seven: 120 characters is ample). */
const MAX_VALUES_TAIL = 120;
/** Lines laid out as cells a run must hold before it is read again (table 四: a header of three lines and its row). */
const MIN_CELL_LINES = 4;
/** Rows of a table read from a run for the run to count as one: more than a stray pair of lines. */
const MIN_TABLE_ROWS = 3;

/**
 * A paragraph's text as a text file would hold it: &nbsp; a space; a line break inside it (the markup
 * source's, where it is not a table in itself) one space, as the page shows it.
 */
function asTextLine(raw: string): string {
  return raw.replace(/\u00a0/g, ' ').replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}

/** A line laid out as cells: a header line or a row (its cells apart by gaps, or a cell after a tab). */
function laidOutAsCells(raw: string): boolean {
  return CELL_GAP.test(raw) || TAB_CELL.test(raw) || printsValues(raw);
}

/** A line printing values after its label: after a gap, or apart by single spaces at its end. */
function printsValues(raw: string): boolean {
  // Any digit first: prose without one is no row of values, and the test is cheap.
  return HAS_DIGIT.test(raw) && (VALUE_AFTER_GAP.test(raw) || VALUES_AT_END.test(raw.slice(-MAX_VALUES_TAIL)) || TAB_CELL.test(raw) || valuesAndBlanksAtEnd(raw.slice(-MAX_VALUES_TAIL)));
}

/**
 * Values apart by single spaces at the end of a line, blanks printed as markers among them (5 无 无 2 7 8 无 无 1 9 无
 * 无 无 无 无: table 四 of a report that prints its blanks 无, or -): the tokens after the line's last one that is no
 * value, two numbers at least among them, three tokens at least on the line.
 */
function valuesAndBlanksAtEnd(tail: string): boolean {
  const tokens = tail.trim().split(/[ \u00a0\u3000]+/);
  let numbers = 0;
  for (let i = tokens.length - 1; i >= 0 && isValueToken(tokens[i]); i--) if (isNumberToken(tokens[i])) numbers++;
  return tokens.length >= 3 && numbers >= 2;
}

/** Lines that may be a table flattened into text: enough laid out as cells, values among them. */
function mayBeTable(lines: string[], minCellLines: number): boolean {
  return lines.filter(laidOutAsCells).length >= minCellLines && lines.some(printsValues);
}

/** The lines of a paragraph of many lines (a <pre> block), &nbsp; a space. */
function preLinesOf(raw: string): string[] {
  const lines = raw.replace(/\u00a0/g, ' ').split(/\r?\n/);
  return tabsRestored(lines) ?? lines;
}

/** Lines of a cell a line that must be values alone before their common indentation is read as a tab. */
const MIN_VALUE_LINES = 3;

/**
 * A table printed a cell a line, each led by a tab (a DOCX flattening), after a converter set the tab as spaces
 * (LibreOffice makes a <pre>'s tab eight): every line that is not empty starts with the same run of spaces, then
 * one cell (no gap of two spaces or a tab inside it) or nothing — a blank cell, where an empty line parts two rows.
 * The lines with that run a tab again; undefined when they are not all so, or fewer than three print a value alone.
 */
function tabsRestored(lines: string[]): string[] | undefined {
  const indent = lines.find((l) => l.trim() !== '')?.match(/^ {2,}/)?.[0];
  if (!indent) return undefined;
  let values = 0;
  for (const line of lines) {
    if (line === '') continue;
    if (!line.startsWith(indent)) return undefined;
    const cell = line.slice(indent.length);
    if (cell === '') continue;
    if (/^\s|\t| {2}/.test(cell)) return undefined;
    if (isNumberToken(cell.trim())) values++;
  }
  return values >= MIN_VALUE_LINES ? lines.map((l) => (l === '' ? l : `\t${l.slice(indent.length)}`)) : undefined;
}

function holdsTable(blocks: Block[]): boolean {
  return blocks.some((b) => b.kind === 'table' && b.rows.length >= MIN_TABLE_ROWS);
}

/**
 * The class of a <pre> the DOCX reader makes of a document's preformatted paragraphs (docx/index.ts): unless it holds
 * a table, it is given back one paragraph a line, as the paragraphs were.
 */
export const PREFORMATTED_CLASS = 'nianbao-docx-preformatted';

export function readFlattenedTables(
  blocks: Block[],
  rawText: ReadonlyMap<Block, string>,
  limits: Limits = DEFAULT_LIMITS,
  paragraphLines: ReadonlySet<Block> = new Set(),
): Block[] {
  const out: Block[] = [];
  // The raw text of the paragraphs a block of paragraph lines is given back as.
  const lineRaw = new Map<Block, string>();
  const rawOf = (b: Block) => rawText.get(b) ?? lineRaw.get(b);
  // A page's <pre> blocks are one author's text: where together they join their cells by single spaces,
  // each is read so, also one too short to say it alone (table 四's, one row of values: 5   2 7 8   1 9     ).
  const preLines = blocks.flatMap((b) => {
    const raw = b.kind === 'paragraph' ? rawText.get(b) : undefined;
    return raw?.includes('\n') ? preLinesOf(raw) : [];
  });
  const preSpaceJoined = isSpaceJoined(preLines);
  const readAgain = (lines: string[], minCellLines = MIN_CELL_LINES, spaceJoined = false): Block[] | undefined => {
    if (!mayBeTable(lines, minCellLines)) return undefined;
    const read = readTextBlocks(lines.join('\n'), limits, { spaceJoined });
    return holdsTable(read) ? read : undefined;
  };
  let run: Block[] = [];
  const flush = () => {
    for (const block of readAgain(run.map((b) => asTextLine(rawOf(b) ?? ''))) ?? run) out.push(block);
    run = [];
  };
  for (const block of blocks) {
    const raw = block.kind === 'paragraph' ? rawText.get(block) : undefined;
    if (raw === undefined) {
      flush();
      out.push(block);
      continue;
    }
    // A paragraph of many lines (a <pre> block) may be a text file of its own, blank lines and all: its
    // line breaks are the author's, so one line of values in it is enough to read it so (a table 四 of
    // single spaces: its header lines are words alone).
    const own = raw.includes('\n') ? readAgain(preLinesOf(raw), 1, preSpaceJoined) : undefined;
    if (!own && paragraphLines.has(block)) {
      for (const line of raw.split('\n')) {
        const text = normaliseLine(line);
        if (!text) continue;
        const paragraph: Block = { kind: 'paragraph', text };
        lineRaw.set(paragraph, line);
        run.push(paragraph);
      }
      continue;
    }
    if (!own) {
      run.push(block);
      continue;
    }
    flush();
    for (const b of own) out.push(b);
  }
  flush();
  return out;
}
