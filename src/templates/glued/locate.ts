/**
 * Finds a template table in text whose cells were concatenated without separators, by its row labels:
 * each row is `label · digit-free filler · digit run`, and the next row's label follows after more
 * digit-free filler (group headings such as （三）不予公开, column headers). The next label's own
 * numbering digit is glued to the previous run (`00000002.其他法律…`), so a run ends where the next label
 * begins, not where the digits stop.
 */
import type { RowDef, TableLayout } from '../ids.js';
import { foldWidth } from '../numbers.js';
import { MARKER_CHARS, isUnreadablePart, markerAt, unreadableLength } from './markers.js';

/** Longest stretch of digit-free text accepted between a label and its digits, or between rows (chars). */
export const MAX_FILLER_CHARS = 80;
/** Longest glued digit run taken for one row (characters): 7 cells of a real table are far shorter. */
export const MAX_RUN_CHARS = 120;
/** Room for a label pattern's own match (numbering, key characters, stray spaces) in that window. */
const LABEL_WINDOW_CHARS = 60;
/** How many characters of a label's body (after its numbering) must match: the rest may be reworded or mistyped (其他法律行政止公开). */
const LABEL_KEY_CHARS = 4;
/** Characters of a leading qualifier a reworded label may drop (行政, 属于). */
const QUALIFIER_CHARS = 2;

export interface LocatedRow {
  row: RowDef;
  /** The row's glued digits exactly as printed (whitespace removed). */
  raw: string;
  /** The table does not print this row at all (its label is not between its neighbours'): its cells are unknown. */
  absent?: true;
  /** Printed in its neighbour's place, the neighbour in its own (two rows swapped). */
  outOfOrder?: true;
}

/** Rows a report may leave out of a table one after another (those it had nothing for), and in all. */
const MAX_ABSENT_IN_A_ROW = 2;
const MAX_ABSENT = 3;

/** Full/half-width forms folded by the one fold the cell reader uses (numbers.ts), for glued.ts too. */
export { foldWidth };

const QUOTES = '“”"\'‘’「」『』';
const NUMBERING = /^(\d+|[一二三四五六七八九十]+|\([一二三四五六七八九十]+\))\s*([.、,，]?)/;

function escapeChar(ch: string): string {
  if (QUOTES.includes(ch)) return `[${QUOTES}]`;
  if (ch === ',' || ch === '，') return '[,，、]';
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Between two characters of a label: spaces or a line break, or the row's own values where a label
 * wrapped around them and the text glued its lines back in order ((七)210000021总计, 3.1100002其他). The
 * values are captured: a row has one such run at most (see innerRun).
 */
const LABEL_GAP = '\\s*(?:([0-9][0-9.\\s]*?)\\s*)?';

/**
 * A pattern for a row label that tolerates spaces, line breaks or the row's values anywhere inside it
 * (社会公益 组织, 本年度办 理结果, (七)21…总计), either punctuation width and any numbering separator
 * (1. 1、 1． or (1)). Only the numbering and the first LABEL_KEY_CHARS characters of the body are
 * required, and of those all but one after the first (属行政执法 for 属于行政执法: reports mistype labels),
 * or the body's next characters after a two-character qualifier it may drop (规范性文件).
 */
export function labelPattern(label: string): string {
  const folded = foldWidth(label).replace(/\s+/g, '');
  const numbering = NUMBERING.exec(folded);
  let head = '';
  let body = folded;
  if (numbering && numbering[0].length < folded.length) {
    const [whole, marker, separator] = numbering;
    head = [...marker].map(escapeChar).join('\\s*') + (separator ? '\\s*[.、,，]' : '');
    // An item number (1.) may be printed in brackets instead: (1)属于国家秘密.
    if (separator && /^\d+$/.test(marker)) head = `(?:${head}|\\(\\s*${marker}\\s*\\))`;
    body = folded.slice(whole.length);
  }
  const chars = [...body];
  const key = chars.slice(0, LABEL_KEY_CHARS).map(escapeChar);
  const keys = [key, ...(key.length >= 3 ? key.slice(1).map((_, k) => key.filter((__, j) => j !== k + 1)) : [])];
  // A label reworded without its leading qualifier (规范性文件 for 行政规范性文件, 1.国家秘密 for
  // 1.属于国家秘密): the key characters after it, where enough of the body is left to be distinctive.
  if (chars.length >= QUALIFIER_CHARS + LABEL_KEY_CHARS) keys.push(chars.slice(QUALIFIER_CHARS, QUALIFIER_CHARS + LABEL_KEY_CHARS).map(escapeChar));
  const alternatives = keys.map((chars) => (head ? [head, ...chars] : chars).join(LABEL_GAP));
  return alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
}

/** The values a label match holds inside it (captured by LABEL_GAP), if any. */
function innerRun(match: RegExpExecArray): string | undefined {
  for (let k = 1; k < match.length; k++) if (match[k] !== undefined && /[0-9]/.test(match[k])) return match[k];
  return undefined;
}

const DIGIT = /[0-9]/;

/** A value character at `i`: a digit, or a blank marker that is not part of a word (see markerAt). */
function valueAt(text: string, i: number, boundary: number): boolean {
  return DIGIT.test(text[i] ?? '') || markerAt(text, i, boundary);
}

/**
 * The length of an unreadable mark (＊, 不适用: see unreadableLength) at `i` that is a cell of a run: one
 * followed by a value (0000＊00), or standing right before `boundary`, where the next row's label begins
 * (000000＊3.要求…). A mark followed by words is text (见附件第二十条), not a cell.
 */
function markInRun(text: string, i: number, boundary: number): number {
  const length = unreadableLength(text, i);
  if (length === 0) return 0;
  const next = i + length;
  return next === boundary || valueAt(text, next, boundary) || unreadableLength(text, next) > 0 || (text[next] === ' ' && valueAt(text, next + 1, boundary)) ? length : 0;
}

/**
 * The run of value characters starting at `from`: digits, decimal points, signs where allowed, printed
 * blanks (-, /, 无) and unreadable marks among them (see markInRun); `boundary`: where the next row's label
 * begins, if known.
 */
function runAt(text: string, from: number, signed: boolean, boundary = -1): number {
  const allowed = signed ? /[0-9.+\-]/ : /[0-9.]/;
  const limit = Math.min(boundary >= 0 ? boundary : text.length, from + MAX_RUN_CHARS + 1);
  let end = from;
  // One space between two values belongs to the run: a row printed with separators (0 0 5).
  let afterValue = false;
  while (end < limit) {
    const mark = markInRun(text, end, boundary);
    if (mark > 0 && end + mark <= limit) {
      end += mark;
      afterValue = true;
    } else if (allowed.test(text[end]) || markerAt(text, end, boundary)) {
      end++;
      afterValue = true;
    } else if (text[end] === ' ' && afterValue && (valueAt(text, end + 1, boundary) || markInRun(text, end + 1, boundary) > 0)) {
      end++;
      afterValue = false;
    } else break;
  }
  return end;
}

/**
 * Index of the first value after `from` if only digit-free text (at most MAX_FILLER_CHARS) precedes
 * it. A blank marker starts the run only when more values follow it or it is a dash: a lone 无 or /
 * in the filler is a word (无法提供, 增/减).
 */
function digitsAfterFiller(text: string, from: number, signed: boolean): number | undefined {
  const limit = Math.min(text.length, from + MAX_FILLER_CHARS + 1);
  for (let i = from; i < limit; i++) {
    if (DIGIT.test(text[i]) || (signed && /[+\-]/.test(text[i]) && DIGIT.test(text[i + 1] ?? ''))) return i;
    if (markerAt(text, i) && (/[-—–―]/.test(text[i]) || valueAt(text, i + 1, -1))) return i;
    if (unreadableLength(text, i) > 0 && valueAt(text, i + unreadableLength(text, i), -1)) return i;
  }
  return undefined;
}

function hasSignedColumn(row: RowDef): boolean {
  return row.columns.some((c) => c.kind === 'signed');
}

/**
 * The next printed row's label in `window`: row i+1's, or — a report leaving rows out of its table (rows it
 * had nothing for) — the label of a row after it, the rows between absent. Only where row i+1's label is not
 * there at all: a label found is never passed over.
 */
function nextLabel(window: string, patterns: RegExp[], i: number, absentLeft: number): { found: RegExpExecArray; at: number } | undefined {
  for (let k = i + 1; k < patterns.length && k - i - 1 <= Math.min(MAX_ABSENT_IN_A_ROW, absentLeft); k++) {
    const found = patterns[k].exec(window);
    if (found) return { found, at: k };
  }
  return undefined;
}

/**
 * A row of the report's own under a template row, counting a part of it (其中：网上申请 5 0 0 0 0 0 5): its
 * values belong to no cell of the template, and stand between two rows' runs. Taken out of the filler
 * only when its label says it is a part (其中), so that no other digits between two labels pass for one.
 */
const SUB_ROW = new RegExp(`其中[:：]?[^0-9其]{0,30}?[0-9.${MARKER_CHARS}\\s]*[0-9][0-9.${MARKER_CHARS}\\s]*`, 'g');
function withoutSubRows(filler: string): string {
  return filler.includes('其中') ? filler.replace(SUB_ROW, ' ') : filler;
}

/**
 * Does the text between a row's run and the next label found hold another row's label? Then the table
 * printed that row out of the chain's order (two rows in each other's place): a run ending in the glued
 * numbering of that label (信访…1481-----3.要求提供… before 2.重复申请) would swallow its digit, and its
 * values would pass for filler. The chain is broken there, and the table is not read from it.
 */
function holdsOtherLabel(filler: string, patterns: RegExp[], except: number[]): boolean {
  return filler.length >= MIN_LABEL_CHARS && patterns.some((p, k) => !except.includes(k) && p.test(filler));
}

/** No label pattern matches fewer characters (three of a label's key characters). */
const MIN_LABEL_CHARS = 3;

/** Tries to read the whole chain of rows starting at one occurrence of the label of row `first` (the rows before it absent). */
function chainFrom(text: string, start: RegExpExecArray, patterns: RegExp[], rows: RowDef[], emptyRows: boolean, first: number, reach: Reach): LocatedRow[] | undefined {
  const located: LocatedRow[] = rows.slice(0, first).map((row) => ({ row, raw: '', absent: true }));
  const absentLeft = () => MAX_ABSENT - located.filter((r) => r.absent).length;
  const skipTo = (k: number, i: number) => {
    for (let a = i + 1; a < k; a++) located.push({ row: rows[a], raw: '', absent: true });
  };
  let labelEnd = start.index + start[0].length;
  // The row's values inside its label (a label wrapped around them): the run is taken from there.
  let inner = innerRun(start);
  for (let i = first; i < rows.length; i++) {
    reach.row = Math.max(reach.row, i);
    const signed = hasSignedColumn(rows[i]);
    if (emptyRows && inner === undefined && i < rows.length - 1) {
      // The next row's label after digit-free filler only: this row printed no value (its cells empty,
      // or text such as 见附件). It is located with an empty run, so the rows after it are still found.
      const next = patterns[i + 1].exec(text.slice(labelEnd, labelEnd + MAX_FILLER_CHARS + LABEL_WINDOW_CHARS));
      if (next && !DIGIT.test(text.slice(labelEnd, labelEnd + next.index)) && next.index <= MAX_FILLER_CHARS) {
        located.push({ row: rows[i], raw: '' });
        labelEnd += next.index + next[0].length;
        inner = innerRun(next);
        continue;
      }
    }
    const runStart = inner !== undefined ? labelEnd - 1 : digitsAfterFiller(text, labelEnd, signed);
    if (runStart === undefined) return undefined;
    const runEnd = inner !== undefined ? labelEnd : runAt(text, runStart + 1, signed);
    if (runEnd - runStart > MAX_RUN_CHARS) return undefined;
    if (i === rows.length - 1) {
      located.push({ row: rows[i], raw: inner ?? text.slice(runStart, runEnd).replace(/\.$/, '') });
      return located;
    }
    // The next label may begin inside the run (its numbering digit), or after digit-free filler; it is
    // looked for only that far, so a false start costs little however long the text.
    const window = text.slice(runStart + 1, runEnd + MAX_FILLER_CHARS + LABEL_WINDOW_CHARS);
    const next = nextLabel(window, patterns, i, absentLeft());
    if (!next) {
      // The table's last row left out: the run ends where its characters do, before words.
      if (i !== rows.length - 2 || absentLeft() < 1 || inner !== undefined) return undefined;
      const raw = text.slice(runStart, runEnd).replace(/[.\s]+$/, '');
      if (!raw || DIGIT.test(text[runEnd] ?? '')) return undefined;
      located.push({ row: rows[i], raw }, { row: rows[i + 1], raw: '', absent: true });
      return located;
    }
    const found = next.found;
    const labelStart = runStart + 1 + found.index;
    if (inner !== undefined) {
      // The values were inside the label: only digit-free filler may stand before the next label.
      if (DIGIT.test(text.slice(labelEnd, labelStart)) || labelStart - labelEnd > MAX_FILLER_CHARS) return undefined;
      if (holdsOtherLabel(text.slice(labelEnd, labelStart), patterns, [i, next.at])) return undefined;
      located.push({ row: rows[i], raw: inner });
      skipTo(next.at, i);
      i = next.at - 1;
      labelEnd = labelStart + found[0].length;
      inner = innerRun(found);
      continue;
    }
    const between = text.slice(runStart, labelStart);
    // The run is the values from its start; the rest, up to the label, is digit-free filler.
    // (Whitespace anywhere inside it is kept: a wrapped line, or separators; normaliseRun decides.)
    const allowed = signed ? /[0-9.+\-\s]/ : /[0-9.\s]/;
    let cut = 0;
    while (cut < between.length) {
      const mark = markInRun(between, cut, between.length);
      if (mark > 0) cut += mark;
      else if (allowed.test(between[cut]) || markerAt(between, cut, between.length)) cut++;
      else break;
    }
    const run = between.slice(0, cut).replace(/[.\s]+$/, '');
    const filler = between.slice(run.length);
    if (!run || DIGIT.test(withoutSubRows(filler)) || filler.length > MAX_FILLER_CHARS) return undefined;
    // The label is looked for from the run's last character on: a glued numbering digit starts it.
    if (holdsOtherLabel(text.slice(runStart + run.length - 1, labelStart), patterns, [i, next.at])) return undefined;
    located.push({ row: rows[i], raw: run });
    skipTo(next.at, i);
    i = next.at - 1;
    labelEnd = labelStart + found[0].length;
    inner = innerRun(found);
  }
  return located;
}

/** The layout's label patterns, compiled once per layout rather than per document (none is global: no lastIndex is shared). */
const patternsCache = new WeakMap<TableLayout, RegExp[]>();
function labelPatterns(layout: TableLayout): RegExp[] {
  let patterns = patternsCache.get(layout);
  if (!patterns) patternsCache.set(layout, (patterns = layout.rows.map((r) => new RegExp(labelPattern(r.own)))));
  return patterns;
}

/**
 * Every row of `layout` with its glued digits, or undefined when the labels do not appear in order,
 * each followed by its own digits. Expects text already passed through foldWidth. `emptyRows`: a row
 * followed by the next row's label with no digit between is located with an empty run (tables no
 * identity ties together, where one row printing nothing says nothing of the others).
 */
export function locateRows(foldedText: string, layout: TableLayout, emptyRows = false): LocatedRow[] | undefined {
  const patterns = labelPatterns(layout);
  const reach: Reach = { row: 0 };
  const inOrder = locateInOrder(foldedText, patterns, layout.rows, emptyRows, reach);
  if (inOrder) return inOrder;
  // Two neighbouring rows printed in each other's place (7.属于行政执法案卷 above 6.属于四类过程性信息): the
  // chain in the template's order breaks there (holdsOtherLabel, at the row before them or the first of
  // them), so the swaps around the furthest row a chain reached are tried — only where the labels are in
  // the text, as a chain of the table needs them. Not every swap: on a long text of labels and no table,
  // each try walks every place its first label stands.
  if (patterns.filter((p) => p.test(foldedText)).length < patterns.length - MAX_ABSENT) return undefined;
  for (let k = Math.max(0, reach.row - 1); k + 1 < patterns.length && k <= reach.row + 2; k++) {
    const order = patterns.map((_, i) => (i === k ? k + 1 : i === k + 1 ? k : i));
    const chain = locateInOrder(foldedText, order.map((i) => patterns[i]), order.map((i) => layout.rows[i]), emptyRows, { row: 0 });
    if (!chain) continue;
    const swapped = new Set([layout.rows[k], layout.rows[k + 1]]);
    const printed = chain.map((r): LocatedRow => (swapped.has(r.row) && !r.absent ? { ...r, outOfOrder: true } : r));
    // Back in the template's order: the identities index the rows so.
    return layout.rows.map((row) => printed.find((r) => r.row === row)!);
  }
  return undefined;
}

/** The furthest row any chain of a search reached before it broke. */
interface Reach {
  row: number;
}

function locateInOrder(foldedText: string, patterns: RegExp[], rows: RowDef[], emptyRows: boolean, reach: Reach): LocatedRow[] | undefined {
  // The chain starts at the first row's label, or — the table leaving its first row out — at the second's.
  for (const firstRow of [0, 1]) {
    const first = new RegExp(patterns[firstRow].source, 'g');
    for (let m = first.exec(foldedText); m; m = first.exec(foldedText)) {
      const chain = chainFrom(foldedText, m, patterns, rows, emptyRows, firstRow, reach);
      // Whitespace inside a glued run is a wrapped line; a single space between values is a separator.
      if (chain) return chain.map((r) => ({ ...r, raw: normaliseRun(r.raw) }));
    }
  }
  return undefined;
}

/** A space-separated part of digits, signs and blank markers. */
const VALUE_PART = new RegExp(`^[0-9.+${MARKER_CHARS}]+$`);

/** A run with single spaces between all its values keeps them (spaced); any other whitespace is noise. */
function normaliseRun(raw: string): string {
  const t = raw.trim();
  const parts = t.split(' ');
  return parts.length > 1 && parts.every((p) => VALUE_PART.test(p) || isUnreadablePart(p)) ? t : t.replace(/\s+/g, '');
}
