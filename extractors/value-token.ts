/**
 * What a table cell prints for a value, as the readers of flattened text recognise it: a count or an
 * amount — full-width or ASCII digits, thousands separators (1,234 or 1，234), a sign, a unit (5件,
 * 18651.06万元) — or a blank marker. One home for the readers (extractors/txt) and for the number
 * reading of cells (src/templates/numbers.ts), so a token the readers keep is one the mapper can read.
 */
import { INVISIBLE_CLASS } from './invisible.js';

/** Blank markers after width folding and with whitespace removed: dashes of every kind, slashes, 无. */
export const BLANK_MARKERS: ReadonlySet<string> = new Set([
  '', '-', '--', '—', '——', '–', '―', '‐', '‑', '‒', '−', '/', '\\', '无', '空', 'null', 'N/A', 'n/a', '×',
]);

/** The units a value cell prints after its number (a count's 件, an amount's 万元 or 元): the units of NUMBER_TOKEN but %. */
export const VALUE_UNITS: readonly string[] = ['万元', '元', '件', '条', '个', '项', '次'];
/** Those units as one capturing group of a pattern. */
export const VALUE_UNIT_GROUP = `(${VALUE_UNITS.join('|')})`;
/** A unit printed as a word of its own. */
export const UNIT_ALONE = new RegExp(`^${VALUE_UNIT_GROUP}$`);

/**
 * A figure's digits before its point, as every reader takes them: thousands groups, or at most 15 digits
 * (every such integer is exact in a double). A longer run is no count or amount a report prints but spaced
 * digits of a damaged page folded together; read as a number it would be a huge one (Infinity past 308 digits).
 */
export const FIGURE_DIGITS = String.raw`\d{1,3}(?:,\d{3}){1,4}|\d{1,15}`;

/** A number as cells print it, after width folding: sign, digits (with thousands groups), decimals, unit. */
export const NUMBER_TOKEN = new RegExp(String.raw`^([+-]|增加?|减少?)?(${FIGURE_DIGITS})(\.\d+)?(万元|元|件|条|个|项|次|%)?$`);

/** Every kind of space, and the characters of no width (invisible.ts): none is part of a value. */
const NOT_IN_VALUES = new RegExp(`[\\s\\u00a0${INVISIBLE_CLASS}]+`, 'g');

/**
 * A footnote's mark after a figure (80¹, 2629①, 81*, 12※, 5件†, 12[1], 12（注1）): the note under the table
 * explains the figure, the mark is no part of it. Taken off before folding, because NFKC folds ¹ and ① to
 * the digit 1 (80¹ would read 801, with nothing to say it is doubtful). Superscript digits, circled and
 * parenthesised numbers, stars and daggers, a bracketed note number; only after a digit or a unit.
 */
const FOOTNOTE_MARK = new RegExp(
  String.raw`(?<=[0-9０-９件条个项次元])[\s ]*(?:[¹²³⁰⁴-⁹]{1,3}|[①-⒛⓪❶-➓]|[*＊※†‡]{1,3}|[\[［]\d{1,2}[\]］]|[（(]注\s*\d{0,2}[）)]|注\d{0,2})[\s ]*$`,
);

/** The cell's text without a footnote's mark after its figure. */
export function withoutFootnoteMark(text: string): string {
  return FOOTNOTE_MARK.test(text) ? text.replace(FOOTNOTE_MARK, '') : text;
}

/**
 * A figure with its footnote's mark cut by a cell's edge or a page break (0［2 / ］, 2［1 / ］, 0（注 / 4）): the
 * figure with the mark's start, and the mark's end alone. Readers join the two halves as one wrapped cell.
 */
export const FOOTNOTE_MARK_OPENED = /^[0-9０-９][0-9０-９,]*\s*[［[（(]\s*注?\s*\d{0,2}$/;
export const FOOTNOTE_MARK_CLOSED = /^\d{0,2}\s*[］\]）)]$/;

/** NFKC folds full-width digits, signs, commas and spaces to ASCII; spaces and characters of no width (1\u200b2) go; a footnote's mark goes. */
export function foldValueText(text: string): string {
  // Of the marks, only these are ASCII or ideographs (the others fold): the common cell ('0', '12', '-') skips the pattern.
  if (foldsToItself(text)) return /[*\])注]/.test(text) ? withoutFootnoteMark(text) : text;
  return withoutFootnoteMark(text).normalize('NFKC').replace(NOT_IN_VALUES, '');
}

/**
 * Printable ASCII and the CJK unified ideographs (U+4E00–U+9FFF) have no NFKC decomposition, no two of
 * them compose, and none is a space: a text of only those folds to itself (most runs and cells: '0',
 * '12', '-', 无), without ICU's normalisation.
 */
function foldsToItself(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x21 || code > 0x7e) && (code < 0x4e00 || code > 0x9fff)) return false;
  }
  return true;
}

/** Whether a whitespace-free token is a value cell's text: a number or a blank marker. */
export function isValueToken(token: string): boolean {
  const folded = foldValueText(token);
  return folded !== '' && (BLANK_MARKERS.has(folded) || NUMBER_TOKEN.test(folded));
}

/** Whether a token is a number cell's text (not a blank marker). */
export function isNumberToken(token: string): boolean {
  return NUMBER_TOKEN.test(foldValueText(token));
}

/** Any digit, ASCII or full-width. */
export const HAS_DIGIT = /[0-9０-９]/;
