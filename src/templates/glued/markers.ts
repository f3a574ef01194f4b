/**
 * Printed blanks inside a glued run: a report that prints '-', '—', '/' or 无 in an empty cell keeps
 * them in crawler text (行政规范性文件--- , 18无无无无无18). Each is one cell holding no number; a doubled
 * dash (——, --) may be one cell too, and the template's identities choose, as they choose among cuts
 * of digits. Text is width-folded first (／ is /, － is -).
 */

/** Characters that print a blank cell in a glued run, as the inside of a character class. */
export const MARKER_CHARS = '\\-—–―/无';
const MARKER = new RegExp(`[${MARKER_CHARS}]`);
/** Dashes a cell may print doubled as one blank (——). */
const DOUBLED = /[-—]/;
const IDEOGRAPH = /[\u4e00-\u9fff]/;

export function isMarker(ch: string | undefined): boolean {
  return ch !== undefined && MARKER.test(ch);
}

/**
 * Is the marker character at `i` a blank cell rather than text? 无 and / before an ideograph are words
 * (无法提供, 增/减) — except right before `boundary`, where the next row's label begins, and at the end
 * of a run of blanks (///////稳定”: a label wrapped around its row's blanks, its last line after them).
 */
export function markerAt(text: string, i: number, boundary = -1): boolean {
  const ch = text[i];
  if (!isMarker(ch)) return false;
  if ((ch === '无' || ch === '/') && i + 1 !== boundary && IDEOGRAPH.test(text[i + 1] ?? '') && text[i + 1] !== '无' && !(i > 0 && isMarker(text[i - 1]))) return false;
  return true;
}

/** The lengths of blank cells that may start at `pos` of a run: 1, and 2 for a doubled dash. */
export function blankLengths(raw: string, pos: number, signed: boolean): number[] {
  const ch = raw[pos];
  if (!isMarker(ch)) return [];
  // In a row with signed columns a '-' before a digit is that number's sign.
  if (signed && ch === '-' && /[0-9]/.test(raw[pos + 1] ?? '')) return [];
  return DOUBLED.test(ch) && raw[pos + 1] === ch ? [1, 2] : [1];
}

/**
 * Text a glued run prints in a cell instead of a number (0000＊00, 12不适用30): one cell whose value
 * cannot be read — not a blank, not a number. Text is width-folded first (＊ is *).
 */
const UNREADABLE_CHARS = '*※';
const UNREADABLE_WORDS = '不适用|见附件';
const UNREADABLE = new RegExp(`^(?:[${UNREADABLE_CHARS}]|${UNREADABLE_WORDS})`);

/**
 * A run of values as a pattern: digits, blank markers and unreadable marks — a mark followed by another
 * value (a lone 无 is a word) — and space-separated values (table 四's glued run).
 */
export const VALUE_RUN = `(?:[0-9]|(?:[${MARKER_CHARS}${UNREADABLE_CHARS}]|${UNREADABLE_WORDS})(?=[0-9${MARKER_CHARS}${UNREADABLE_CHARS}\\s]|${UNREADABLE_WORDS}|$))+(?: (?:[0-9${MARKER_CHARS}${UNREADABLE_CHARS}]|${UNREADABLE_WORDS})+)*`;

/** The length of the unreadable mark starting at `pos` of `text`, or 0 when none does. */
export function unreadableLength(text: string, pos: number): number {
  return UNREADABLE.exec(text.slice(pos, pos + 3))?.[0].length ?? 0;
}

/** Does `raw` hold only values: digits, blank markers and unreadable marks? */
export function onlyValues(raw: string): boolean {
  for (let i = 0; i < raw.length; ) {
    const step = /[0-9]/.test(raw[i]) || isMarker(raw[i]) ? 1 : unreadableLength(raw, i);
    if (step === 0) return false;
    i += step;
  }
  return true;
}

/** A whole space-separated part that prints an unreadable cell. */
export function isUnreadablePart(part: string): boolean {
  return part !== '' && unreadableLength(part, 0) === part.length;
}

/** A cell value that stands for an unreadable mark in a cut (NaN: it equals nothing, and no sum holds it). */
export const UNREADABLE_VALUE = Number.NaN;

export function isUnreadableValue(v: number | null | undefined): boolean {
  return typeof v === 'number' && Number.isNaN(v);
}

const BLANK_PART = new RegExp(`^(?:[${MARKER_CHARS}]|——|--)$`);

/** A whole space-separated part that prints a blank. */
export function isBlankPart(part: string): boolean {
  return BLANK_PART.test(part);
}
