/**
 * Numbers too wide for their narrow cells, as a PDF's layout text prints them: each one's first digits
 * on the line above the row's, the rest (or its unit, or a footnote mark's end) on the line below.
 * Joined back into the row they belong to, in doubt until an identity confirms them.
 */
import { FOOTNOTE_MARK_CLOSED, FOOTNOTE_MARK_OPENED, UNIT_ALONE, VALUE_UNIT_GROUP, foldValueText } from '../value-token.js';
import type { Span } from './header-columns.js';
import { isSectionHeading } from './lines.js';
import { MAX_FRAGMENT_CHARS, type Line, type TextLine } from './layout-line.js';

/** How far apart (character columns) the two halves of a wrapped number may start. */
const WRAPPED_NUMBER_SLACK = 2;

/** A number as printed whole: digits, or digits grouped by thousands (3,119). */
const WHOLE_NUMBER = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/;

/** A piece of a wrapped cell: its text and the character column where it starts. */
interface Piece {
  text: string;
  column: number;
  /** Where it stands on its line (see header-columns.ts). */
  span?: Span;
}

/** Digits, maybe some of them grouped (3，11), as a wrapped cell's first or last line leaves them. */
const DIGITS_PIECE = /^\d[\d,]*$/;
/** A count's last digits with its unit, as the last line of a count wrapped with its unit leaves them (２１ / ８件 for 218件). */
const DIGITS_WITH_UNIT = new RegExp(`^\\d+${VALUE_UNIT_GROUP}$`);
/** The first digits of a number grouped by thousands, cut inside its last group (3，11 of 3，119; 3，0 of 3，001). */
const GROUPED_START = /^\d{1,3}(?:,\d{3})*,\d{0,2}$/;

/** The pieces of numbers wrapped in their cells a line ends in, and the label fragment before them, if any. */
interface PiecesLine {
  pieces: Piece[];
  /** The line's text before its pieces: a fragment of a label wrapped around the row's values. */
  label?: TextLine;
}

/**
 * A line ending in nothing but the pieces of numbers wrapped in their cells, each with its column: on
 * the line above a row, digits or the first digits of a grouped number (3，11 of 3，119: no number as it
 * stands, so not read as one); on the line below, digits or a count's unit alone (件: all of the number
 * fitted on the line above, the unit's line stands for its end). Before the pieces, the line may print
 * a fragment of a label that wrapped around the row's values (1.本机关不掌握相关政 · 10 / row / 府信息 · 件).
 * Undefined for any other line.
 */
function wrappedPieces(line: Line | undefined, place: 'above' | 'below'): PiecesLine | undefined {
  const fits = (text: string) => {
    const folded = foldValueText(text);
    if (DIGITS_PIECE.test(folded)) return true;
    return place === 'above' ? GROUPED_START.test(folded) || FOOTNOTE_MARK_OPENED.test(text) : UNIT_ALONE.test(text) || DIGITS_WITH_UNIT.test(folded) || FOOTNOTE_MARK_CLOSED.test(text);
  };
  if (line?.kind === 'numeric') {
    if (!line.columns || line.columns.length !== line.values.length || !line.values.every(fits) || line.doubts?.size) return undefined;
    const pieces = line.values.map((text, k) => ({ text, column: line.columns![k], span: line.positions?.values[k] }));
    const at = line.positions?.label;
    if (line.label === '') return { pieces };
    if (!at) return undefined;
    // A unit alone first on the line below (件 · ８件): a number's end like the others, not a label.
    if (place === 'below' && UNIT_ALONE.test(line.label)) return { pieces: [{ text: line.label, column: at.start, span: at }, ...pieces] };
    return { pieces, label: { kind: 'text', text: line.label, cells: [line.label], indented: at.start >= 2, indent: at.dstart, indentChars: at.start, spans: [at] } };
  }
  if (line?.kind !== 'text' || !line.spans || line.spans.length !== line.cells.length) return undefined;
  let first = line.cells.length;
  while (first > 0 && fits(line.cells[first - 1])) first--;
  if (first === line.cells.length) return undefined;
  const pieces = line.cells.slice(first).map((text, k) => ({ text, column: line.spans![first + k].start, span: line.spans![first + k] }));
  if (first === 0) return { pieces };
  const cells = line.cells.slice(0, first);
  const spans = line.spans.slice(0, first);
  return { pieces, label: { ...line, text: cells.join(' '), cells, spans } };
}

/** Characters of a vertical section or group label on one line (三、本年, 度办理结, 不予公, 开): no item, no digits. */
function isVerticalLabelPiece(text: string): boolean {
  return text.length <= 4 && !/\d/.test(text);
}

/** The stretch two pieces of one wrapped number cover, on their two lines; undefined when one has no place. */
function spanOver(a: Piece, b: Piece): Span | undefined {
  if (!a.span || !b.span) return undefined;
  return { start: Math.min(a.span.start, b.span.start), end: Math.max(a.span.end, b.span.end), dstart: Math.min(a.span.dstart, b.span.dstart), dend: Math.max(a.span.dend, b.span.dend) };
}

/**
 * Numbers too wide for their narrow cells, wrapped by the PDF's layout: each one's first digits on a
 * line of their own just above the row's line, the rest just below, both in the same column and right
 * of where the row's values before it stand (２１ / row / ８ for 218; in one row, １７ ３５ / 72 64 · 37 … /
 * ８ １ for 178 and 351). The halves are paired column by column and joined into that row's values at
 * their columns' places, each in doubt (wrapped-value) until an identity confirms it; the lines they
 * stood on are dropped. The line below may hold a number's unit alone (２１８ / row / 件): the number
 * ended on the line above, the unit says so. A row of values alone whose label wrapped around it prints
 * the pieces beside its label's lines (1.本机关不掌握相关政 · 10 / values / 府信息 · 件): those lines stay,
 * as the label's fragments, without the pieces.
 */
export function joinWrappedNumbers(lines: Line[]): void {
  for (let i = 1; i + 1 < lines.length; i++) {
    const above = wrappedPieces(lines[i - 1], 'above');
    const below = wrappedPieces(lines[i + 1], 'below');
    if (!above || !below || above.pieces.length !== below.pieces.length) continue;
    const labelled = !!(above.label || below.label);
    let row = lines[i];
    // A row whose only values wrapped has nothing but its label left on its line.
    if (!labelled && row.kind === 'text' && row.cells.length === 1 && row.text.length <= MAX_FRAGMENT_CHARS && !isSectionHeading(row.text) && above.pieces[0].column > row.indentChars + row.text.length) {
      row = { kind: 'numeric', label: row.text, values: [], columns: [], positions: { ...(row.spans?.length === 1 ? { label: row.spans[0] } : {}), values: [] } };
    }
    if (row.kind !== 'numeric' || !row.columns) continue;
    // Pieces beside a label's lines are the values of the row of values alone between them only — or,
    // beside a vertical section or group label's short pieces (三、本年 · ７１ / row / 度办理结 · 件), the
    // labelled row's between them.
    if (labelled && row.label !== '' && ![above.label, below.label].every((l) => !l || isVerticalLabelPiece(l.text))) continue;
    // A row of values alone (table 四's) takes one wrapped number only when its unit ends it below: one
    // lone number above and one below such a row may be anything (a page number, a stray figure). Two
    // pairs or more, each in one column, are no accident, nor are pieces beside the lines of its label.
    if (!row.label && !labelled && above.pieces.length === 1 && !UNIT_ALONE.test(below.pieces[0].text)) continue;
    const rowColumns = row.columns;
    // Each pair in one column; none where a row's value starts (a row of values above or below is no piece).
    const pairs = above.pieces.map((p, k) => ({ column: p.column, joined: p.text + below.pieces[k].text, apart: Math.abs(below.pieces[k].column - p.column), span: spanOver(p, below.pieces[k]) }));
    if (pairs.some((p) => p.apart > WRAPPED_NUMBER_SLACK || rowColumns.some((c) => Math.abs(c - p.column) <= WRAPPED_NUMBER_SLACK))) continue;
    // Digits grouped by thousands wrap anywhere (3，11 · 9 for 3，119): joined, the groups must be whole.
    if (!pairs.every((p) => WHOLE_NUMBER.test(foldValueText(p.joined).replace(/(件|条|个|项|次|万元|元)$/, '')))) continue;
    // Every value, the row's and the joined, in the order of their columns.
    const merged = [
      ...row.values.map((text, k) => ({ text, column: rowColumns[k], doubt: row.doubts?.get(k), span: row.positions?.values[k] })),
      ...pairs.map((p) => ({ text: p.joined, column: p.column, doubt: 'wrapped-value' as string | undefined, span: p.span })),
    ].sort((a, b) => a.column - b.column);
    const doubts = new Map<number, string>();
    merged.forEach((v, k) => v.doubt && doubts.set(k, v.doubt));
    // Where each value stands, the joined ones over both their lines: a row short of values is placed
    // under its header with them (a row of a table whose blanks are empty cells may wrap its total too).
    const spans = merged.map((v) => v.span);
    const positions = row.positions && spans.every((v) => v !== undefined) ? { ...row.positions, values: spans } : undefined;
    lines[i] = { ...row, values: merged.map((v) => v.text), columns: merged.map((v) => v.column), doubts, positions };
    // Furniture now, skipped like a page number; a label's fragment stays.
    lines[i - 1] = above.label ?? { kind: 'page' };
    lines[i + 1] = below.label ?? { kind: 'page' };
  }
}
