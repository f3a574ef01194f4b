/**
 * The ways one row's printed tokens can be read as the template row's n cells. A row that prints
 * exactly n tokens has one reading. One that prints more (a stray empty cell, a note, a value repeated
 * from a wrapped line) or fewer (a blank that vanished in a flattened text) has several: which token
 * is the stray, where the missing cell was. The identities choose among them (arbitrate.ts).
 */
import { DOUBTS, OCR_CONFIDENCE_FLOOR, type Doubt } from '../doubt.js';
import type { ValueCell } from '../rows.js';

/** More strays or gaps than this in one row is not a row we can read. */
export const MAX_SHIFT = 3;

/** One reading: a token (or nothing printed: a gap) for each template column. */
export type Reading = Array<ValueCell | undefined>;

export interface RowReadings {
  /** `exact`: n tokens; `extra`/`missing`: more/fewer; `unreadable`: too far off to enumerate. */
  kind: 'exact' | 'extra' | 'missing' | 'unreadable';
  /** Distinct readings (two readings giving the same values are one). */
  readings: Reading[];
  /** The tokens considered, as printed. */
  tokens: ValueCell[];
  /**
   * For a row read exactly: the readings in which an empty cell is not a cell of the row — one at
   * either end (a grid that gave the row one cell too many, the row one value too few), or the row's
   * only empty cell anywhere (a stray empty cell beside a lost value) — with a gap put back at each
   * other place. Tried only when the row as read breaks its own total (see arbitrate.ts).
   */
  alternatives?: Reading[];
  /** A row read exactly as the first n of its more cells (empty cells past its values cut as the grid's). */
  wider?: boolean;
  /**
   * For a row `unreadable` because it prints more than MAX_SHIFT values fewer than its columns (a flattened
   * text that closed the gaps of its empty columns: 258 12 1 1 for seven), or read exactly where the
   * layout reader placed it by order alone (byOrder): every order-preserving placement of its printed
   * values, when there are at most MAX_PLACEMENTS. Too many to try row by row: only the table's
   * identities solved together decide among them (placements.ts).
   */
  placements?: Reading[];
}

/** Order-preserving placements of a short row's values enumerated at most (C(15, 6) = 5005: table 四's 15 columns). */
export const MAX_PLACEMENTS = 5005;

/** What a token means in a sum: a number, a printed blank (0, value null), or text we cannot count. */
export type TokenValue = number | null | '?';

export function tokenValue(v: ValueCell | undefined): TokenValue {
  if (!v) return null;
  if (v.reading.kind === 'number') return v.reading.value;
  return v.reading.kind === 'blank' ? null : '?';
}

/**
 * What a reading says of one column. `gapsApart`: a gap (·, the row printed nothing there) is not a
 * printed blank — the identities fill a gap with what they require (18 无 无 无 无 无 · with its total lost:
 * 18 by its own total); otherwise both say "nothing".
 */
export function columnSays(v: ValueCell | undefined, gapsApart = false): string {
  return gapsApart && !v ? '·' : String(tokenValue(v));
}

export function readingSignature(r: Reading, gapsApart = false): string {
  return r.map((v) => columnSays(v, gapsApart)).join('|');
}

/**
 * Tokens up to the last one that prints something, and at least n: empty cells past a row's values in
 * a wide grid are not data. A blank marker ('-', '/', '无') is printed, so it is a token.
 */
function effectiveTokens(values: ValueCell[], n: number): ValueCell[] {
  let meaningful = 0;
  values.forEach((v, i) => {
    if (v.raw.trim() !== '') meaningful = i + 1;
  });
  return values.slice(0, Math.max(meaningful, Math.min(n, values.length)));
}

/**
 * A row short of values whose last cell is empty and merged over the columns it lacks (LibreOffice and
 * Word fill a row with fewer cells than its table that way): that cell is the grid's, not the row's. It
 * says nothing of where the lost values were — 1 1 0 2 | 4 0 0 1 | 1 0 1 0 2 with ∅∅ at its end lost one
 * value in each of the first two groups — so it is left out and every place for the missing values
 * read. Merged cells elsewhere in the row (or one with text) still say where the columns they cover are.
 */
function withoutPaddingSpan(tokens: ValueCell[], n: number): ValueCell[] {
  const last = tokens[tokens.length - 1];
  if (!last || !last.spanAfter || !isEmpty(last)) return tokens;
  const spans = tokens.reduce((s, v) => s + (v.spanAfter ?? 0), 0);
  return tokens.length + spans === n ? tokens.slice(0, -1) : tokens;
}

function combinations(size: number, pick: number): number[][] {
  const out: number[][] = [];
  const walk = (start: number, acc: number[]) => {
    if (acc.length === pick) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i < size; i++) walk(i + 1, [...acc, i]);
  };
  walk(0, []);
  return out;
}

/** Readings that say different things (a row short of values keeps its gaps apart from printed blanks: columnSays). */
function distinct(readings: Reading[], gapsApart = false): Reading[] {
  const seen = new Map<string, Reading>();
  for (const r of readings) {
    const s = readingSignature(r, gapsApart);
    if (!seen.has(s)) seen.set(s, r);
  }
  return [...seen.values()];
}

/** How many values a row prints for `n` columns: its cells less the empty ones its grid padded it with. */
export function printedCount(values: ValueCell[], n: number): number {
  return withoutPaddingSpan(effectiveTokens(values, n), n).length;
}

export function rowReadings(values: ValueCell[], n: number): RowReadings {
  const tokens = withoutPaddingSpan(effectiveTokens(values, n), n);
  const diff = tokens.length - n;
  if (diff === 0) {
    const wider = widerGridAlternatives(values, n, tokens);
    const alternatives = distinct([...emptyCellAlternatives(tokens, n), ...wider], true);
    const placements = byOrder(tokens, n);
    return { kind: 'exact', readings: [tokens], tokens, ...(alternatives.length ? { alternatives } : {}), ...(wider.length ? { wider: true } : {}), ...(placements ? { placements } : {}) };
  }
  if (diff < -MAX_SHIFT && choose(n, -diff) <= MAX_PLACEMENTS) return { kind: 'unreadable', readings: [], tokens, placements: placed(tokens, n) };
  if (Math.abs(diff) > MAX_SHIFT) return { kind: 'unreadable', readings: [], tokens };
  if (diff > 0) {
    // Of the readings saying the same, one leaving out only empty cells stands for them (767 35 / ∅ / …
    // without its ∅, not its first /): a stray empty cell is a layout fault, which the identities may take.
    const drops = combinations(tokens.length, diff).sort((a, b) => Number(!a.every((i) => isEmpty(tokens[i]))) - Number(!b.every((i) => isEmpty(tokens[i]))));
    const readings = drops.map((drop) => tokens.filter((_, i) => !drop.includes(i)));
    return { kind: 'extra', readings: distinct(readings), tokens };
  }
  // A merged cell says where the columns it covers are: when the merges account for every missing
  // column, the grid itself is the reading.
  const spans = tokens.reduce((s, v) => s + (v.spanAfter ?? 0), 0);
  if (spans === -diff) {
    const reading: Reading = [];
    for (const v of tokens) reading.push(v, ...new Array<undefined>(v.spanAfter ?? 0).fill(undefined));
    return { kind: 'missing', readings: [reading], tokens };
  }
  return { kind: 'missing', readings: placed(tokens, n), tokens };
}

/**
 * A row the layout reader placed under its header (every cell placed-by-order or placed-by-position):
 * where its values stand is one of the placements of its printed values, read from where pdftotext
 * set them — the identities solved with the table's other rows may rule it out (72 … 72 under 自然人 and
 * 其他, where the balance wants 自然人 and 总计; table 四's 14 values set one column off from where its
 * lost review 总计 stood, every group total broken).
 */
const PLACED_BY_LAYOUT: ReadonlySet<string> = new Set(['placed-by-order', 'placed-by-position']);

function byOrder(tokens: ValueCell[], n: number): Reading[] | undefined {
  if (!tokens.length || !tokens.every((v) => v.doubt !== undefined && PLACED_BY_LAYOUT.has(v.doubt))) return undefined;
  const printed = tokens.filter((v) => v.raw.trim() !== '');
  return choose(n, n - printed.length) <= MAX_PLACEMENTS ? placed(printed, n) : undefined;
}

/** The distinct readings of fewer tokens than n columns, the tokens in printed order, a gap at each other place. */
function placed(tokens: ValueCell[], n: number): Reading[] {
  const readings = combinations(n, n - tokens.length).map((gaps) => {
    const out: Reading = [];
    let t = 0;
    for (let i = 0; i < n; i++) out.push(gaps.includes(i) ? undefined : tokens[t++]);
    return out;
  });
  return distinct(readings, true);
}

function choose(size: number, pick: number): number {
  let c = 1;
  for (let i = 0; i < pick; i++) c = (c * (size - i)) / (i + 1);
  return Math.round(c);
}

/** An empty cell with nothing said about it (a formula without its cached value is in doubt of its own, not padding). */
const isEmpty = (v: ValueCell | undefined): boolean => !!v && v.raw.trim() === '' && !v.doubt;

/** A blank the row prints as a sign (-, /, 无), not as an empty cell. */
const isBlankMarker = (v: ValueCell | undefined): boolean => !!v && v.reading.kind === 'blank' && v.raw.trim() !== '';

/**
 * The column of a row's only empty cell, when every other cell prints something and one of them a
 * number, or two of them a blank marker (-, /, 无); else -1. Such a cell is not the report's way of printing blanks (that would show in other
 * cells too): it may be a printed blank, or where the row lost a value and its grid padded it. OCR
 * cells say where they stand on the page, so a blank there is the scan's (ocr-blank), never padding.
 */
export function loneEmptyCell(tokens: ValueCell[]): number {
  if (tokens.length < 2) return -1;
  // One pass, no arrays: it runs for every row of every reading.
  let empty = -1;
  let empties = 0;
  let number = false;
  let markers = 0;
  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i];
    if (v.prov?.origin === 'ocr') return -1;
    if (isEmpty(v)) {
      empties++;
      empty = i;
    }
    if (v.reading.kind === 'number') number = true;
    else if (isBlankMarker(v)) markers++;
  }
  // A row of printed blanks (无 无 无 无 无 无 ∅) says how the report prints a blank: not as an empty cell.
  return empties === 1 && (number || markers >= 2) ? empty : -1;
}

/**
 * For a scanned row, the column of its last cell when that is its only empty one, among printed values
 * (one a number); else -1. A table row that lost a cell is drawn with the room of the lost cell at its
 * end, empty inside the table's frame — on the page just like a blank printed there. Which one it was
 * the picture cannot tell: the cell is in doubt (a blank elsewhere in an OCR row is where it stands).
 */
export function ocrLoneLastEmpty(tokens: ValueCell[]): number {
  if (tokens.length < 2 || !tokens.every((v) => v.prov?.origin === 'ocr')) return -1;
  const last = tokens.length - 1;
  const empty = tokens.flatMap((v, i) => (v.raw.trim() === '' ? [i] : []));
  return empty.length === 1 && empty[0] === last && tokens.some((v) => v.reading.kind === 'number') ? last : -1;
}

/** Readings without one empty cell (at an end, or the row's only one), a gap put back at each other place. */
function emptyCellAlternatives(tokens: ValueCell[], n: number): Reading[] {
  const out: Reading[] = [];
  const lone = loneEmptyCell(tokens);
  const places = new Set([0, tokens.length - 1, ...(lone >= 0 ? [lone] : [])]);
  for (const at of places) {
    if (!isEmpty(tokens[at])) continue;
    const rest = tokens.filter((_, i) => i !== at);
    for (let gap = 0; gap < n; gap++) {
      const reading: Reading = [];
      let t = 0;
      for (let i = 0; i < n; i++) reading.push(i === gap ? undefined : rest[t++]);
      out.push(reading);
    }
  }
  // A gap among printed blanks (20 22 无 无 · 1 45) is a value lost there, which the row's own total may
  // require: each place is a reading of its own, or the one place the columns hold with is merged away.
  // A reading that only says the empty cell was lost where it stood reads as printed: not one of these.
  // A gap where the row prints a blank marker (44 · gap · / / / / / for 44 / / / / / ∅) is not that: it
  // says the value was lost beside the 44, where a marker now stands — the place the column sums may point to.
  const printed = readingSignature(tokens);
  const gapOnMarker = (r: Reading): boolean => r.some((v, c) => v === undefined && isBlankMarker(tokens[c]));
  return distinct(out, true).filter((r) => readingSignature(r) !== printed || gapOnMarker(r));
}

/**
 * A row whose grid is wider than the template row, read as its first n cells (the rest printed
 * empty): the grid's extra column may stand anywhere — a row number before the values, a stray empty
 * cell among them — and the empty cells cut off at the end be the row's own. The readings that leave
 * out other cells, tried only when the row as read breaks its own total (see arbitrate.ts).
 */
function widerGridAlternatives(values: ValueCell[], n: number, tokens: ValueCell[]): Reading[] {
  const surplus = values.length - n;
  if (surplus <= 0 || surplus > MAX_SHIFT || tokens.length !== n) return [];
  const printed = readingSignature(tokens);
  const readings = combinations(values.length, surplus).map((drop) => values.filter((_, i) => !drop.includes(i)));
  return distinct(readings).filter((r) => readingSignature(r) !== printed);
}

/**
 * Digits apart on one line of a cell (1 0 1 0 2, 0 0): one number printed spaced, or values of several
 * columns run into one cell where a grid lost its column boundaries. Read as one number either way, so
 * never certain alone. Digits on lines of their own (a number a narrow cell wrapped) are one number.
 */
const SPACED_DIGITS = /[\d０-９][ \t\u00a0\u3000]+[\d０-９]/u;

/** The doubt a token carries by itself, however the row was read. */
export function tokenDoubt(v: ValueCell): Doubt | null {
  if (v.doubt && v.doubt in DOUBTS) return v.doubt as Doubt;
  if (v.reading.kind === 'text') return 'unreadable';
  if (v.reading.kind === 'number' && SPACED_DIGITS.test(v.raw)) return 'spaced-values';
  if (v.prov?.origin !== 'ocr') return null;
  const unsure = v.prov.confidence === undefined || v.prov.confidence < OCR_CONFIDENCE_FLOOR;
  // A blank OCR is sure of (a dash or slash two reads agree on, a cell with no ink at all) is printed blank.
  if (v.reading.kind === 'blank') return unsure ? 'ocr-blank' : null;
  return v.prov.confidence !== undefined && v.prov.confidence < OCR_CONFIDENCE_FLOOR ? 'ocr-low-confidence' : null;
}

