/**
 * A statistics table read by OCR is one of the known forms (legacy-forms.ts) up to OCR damage: an indicator
 * with a character misread, lost or added (信图 for 信函, 问意 for 同意, 同ae意分 for 同意部分), its numbering's
 * marks misread (其中: 1, for 其中：1、), and a unit cell read as Latin letters (4h ARS, AL $e, 7 for 件).
 *
 * The table is a form's when most of its rows' indicators are the form's, their ideographs exactly (numbering
 * and marks aside). Its other rows are the form's rows by the form's order and an edit distance on the
 * ideographs: between the rows matched before and after it, one form row within one edit in four characters,
 * and no other wording of the form as near under the numbering OCR read (the form's wordings apart by one,
 * 同意公开答复数 and 不同意公开答复数, are never taken for each other; 2、同意分公开答复数 is 2、同意部分公开答复数, not
 * 1、同意公开答复数). A row garbled past that is the form's row by order when the rows between two matched
 * rows are as many as the form prints there (row-by-order). A row so matched prints the form's wording; its
 * value, read by OCR, stays in doubt unless a sum of the form that holds confirms it (confirmedBySums). A unit
 * cell that reads as no unit is the form's unit when every row of the table whose unit reads clean prints its
 * form's unit. Only OCR'd rows: a text reader's wording is as printed.
 */
import { STAT_UNITS } from '../../extractors/legacy-headings.js';
import { KNOWN_FORMS, type KnownForm, type KnownRow } from './legacy-forms.js';

export interface OcrRow {
  indicator: string;
  unit: string;
  /** Whether the row prints a value (in any of its value columns). */
  valued: boolean;
}

export interface KnownReading {
  /** The form's wording for the row's indicator; undefined when it reads as printed. */
  indicator?: string;
  /** The form's unit, when the unit cell read as no unit. */
  unit?: string;
  /** The indicator was matched by edit distance (not its ideographs exactly). */
  fuzzy?: boolean;
  /** The indicator matched no form row: the row is the form's by its place between two rows that match. */
  byOrder?: boolean;
  /** The form row's index (in `form`), when the row is one. */
  row?: number;
  form?: KnownForm;
}

interface Parsed {
  /** The numbering's numeral (1, 一), when the text starts with one. */
  numeral?: string;
  /** Whether anything stands before the wording's first ideograph (其中, a numbering, marks OCR left of one). */
  prefixed: boolean;
  /** The wording's ideographs, numbering and 其中 left out. */
  core: string;
  /** The wording after its numbering (as the form prints it). */
  rest: string;
}

const HAN = /\p{Script=Han}/u;
const NUMBERING = /^(?:其中[：:;；,，.。·、]*)?(?:[（(]\s*([一二三四五六七八九十]+|\d+)\s*[）)]|(\d+)\s*[、.．,，:：;；·]?|([一二三四五六七八九十]+)[、.．,，:：;；·])?/;

/** Latin letters and digits OCR read off a stamp or a speck before a numbering in brackets (51m (二)通过…): no part of the wording. */
const SPECKS_BEFORE_NUMBERING = /^[A-Za-z\d'"`~!|.,:;_-]*[A-Za-z][A-Za-z\d'"`~!|.,:;_-]*(?=[（(][一二三四五六七八九十\d]+[）)])/;

function parse(text: string): Parsed {
  const t = text.replace(/\s+/g, '').replace(SPECKS_BEFORE_NUMBERING, '');
  const m = NUMBERING.exec(t)!;
  const rest = t.slice(m[0].length);
  const core = [...rest].filter((c) => HAN.test(c)).join('');
  const first = [...t].findIndex((c) => HAN.test(c) && c !== '其' && c !== '中');
  return { numeral: m[1] ?? m[2] ?? m[3], prefixed: first !== 0 || m[0].length > 0, core, rest };
}

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** One edit in four characters of the form's wording (at least one): three quarters of it read right. */
const bound = (core: string): number => Math.max(1, Math.floor([...core].length / 4));

/** Numerals OCR takes for each other: 一 二 三 are one to three strokes, and OCR loses or adds one (二 read 一). */
const STROKES = /^[一二三]$/;

/** A numbering OCR lost or garbled does not tell; one it read must be the form's, up to a stroke of 一 二 三. */
const numbered = (read: Parsed, known: Parsed): boolean =>
  read.numeral === undefined || read.numeral === known.numeral || (known.numeral !== undefined && STROKES.test(read.numeral) && STROKES.test(known.numeral));

/**
 * The known form's reading of each row of an OCR'd statistics table (by index; an empty object where the row
 * reads as printed or is no form row). All empty when no form has most of the table's rows.
 */
export function knownReadings(rows: OcrRow[]): KnownReading[] {
  const none = rows.map((): KnownReading => ({}));
  const read = rows.map((r) => parse(r.indicator));
  const best = formOf(read);
  if (!best) return none;
  const { form, known } = best;

  // Rows whose ideographs are a form row's, in the form's order: each the first such form row after the one before.
  const at: (number | undefined)[] = read.map(() => undefined);
  let last = -1;
  read.forEach((p, i) => {
    if (p.core === '') return;
    const k = known.findIndex((kn, j) => j > last && kn.core === p.core && numbered(p, kn));
    if (k >= 0) (at[i] = k), (last = k);
  });
  const exact = at.map((k) => k !== undefined);

  // The others: the one form row between the rows matched around it within the bound, no other wording as near.
  read.forEach((p, i) => {
    if (at[i] !== undefined || p.core === '') return;
    const before = at.slice(0, i).reduce<number>((m, k) => (k !== undefined && k > m ? k : m), -1);
    const after = at.slice(i + 1).find((k) => k !== undefined) ?? known.length;
    // A wording the form prints once, read exactly, is its row whatever numbering OCR read (二. for 1., (2) for （三）);
    // the numbering tells apart only the wordings the form repeats or that are near each other.
    const once = known.filter((kn) => kn.core === p.core).length === 1 && known.every((kn) => kn.core === p.core || distance(p.core, kn.core) > bound(kn.core));
    const fits = (kn: Parsed): boolean => once || numbered(p, kn);
    const near = new Set(known.filter((kn) => fits(kn) && distance(p.core, kn.core) <= bound(kn.core)).map((kn) => kn.core));
    if (near.size !== 1) return;
    const candidates = known.flatMap((kn, j) => (j > before && j < after && near.has(kn.core) && fits(kn) ? [j] : []));
    if (candidates.length === 1) at[i] = candidates[0];
  });

  const byWording = at.map((k) => k !== undefined);
  // A run of rows matching no form row between two that match, as many as the form prints between those two:
  // the form's rows by their order (row-by-order), each numbering OCR read the form's, none nearer another wording.
  const byOrder = at.map(() => false);
  for (let i = 0; i < at.length; i++) {
    if (at[i] !== undefined || i === 0 || at[i - 1] === undefined) continue;
    let j = i;
    while (j < at.length && at[j] === undefined) j++;
    if (j === at.length) break;
    const from = at[i - 1]!;
    const run = read.slice(i, j);
    // A row near another wording of the form than its place's is not placed.
    const fits = (p: Parsed, kn: Parsed): boolean => numbered(p, kn) && known.every((other) => other.core === kn.core || !numbered(p, other) || distance(p.core, other.core) > bound(other.core));
    if (at[j]! - from - 1 === run.length && run.every((p, n) => fits(p, known[from + 1 + n]!))) {
      run.forEach((_, n) => ((at[i + n] = from + 1 + n), (byOrder[i + n] = true)));
    }
    i = j;
  }

  // The table prints the form's numbering when most rows matched by their wording whose form row is numbered read a numeral:
  // a row that read none lost it.
  const numberedRows = read.filter((p, i) => byWording[i] && known[at[i]!]!.numeral !== undefined);
  const printsNumbering = numberedRows.length > 0 && numberedRows.filter((p) => p.numeral !== undefined).length * 2 > numberedRows.length;
  const unitsAgree = unitsAsForm(rows, at, form);
  return rows.map((row, i): KnownReading => {
    const k = at[i];
    if (k === undefined) return {};
    const knownRow = form.rows[k]!;
    const wording = read[i]!.prefixed || printsNumbering || byOrder[i] ? knownRow.indicator : known[k]!.rest;
    const unitLost = knownRow.unit !== '' && !STAT_UNITS.has(row.unit.replace(/\s+/g, '')) && (row.unit.trim() !== '' || row.valued);
    return {
      ...(wording !== row.indicator ? { indicator: wording } : {}),
      ...(unitLost && unitsAgree ? { unit: knownRow.unit } : {}),
      ...(byOrder[i] ? { byOrder: true } : exact[i] ? {} : { fuzzy: true }),
      row: k,
      form,
    };
  });
}

/** The known form most of these indicators are (their ideographs exactly, at least 3; none on a tie). */
function formOf(read: Parsed[]): { form: KnownForm; known: Parsed[] } | undefined {
  const worded = read.filter((p) => p.core !== '').length;
  const scored = KNOWN_FORMS.map((form) => ({ form, known: form.rows.map((r) => parse(r.indicator)) })).map(({ form, known }) => {
    const exact = read.filter((p) => p.core !== '' && known.some((k) => k.core === p.core && numbered(p, k))).length;
    return { form, known, exact };
  });
  scored.sort((a, b) => b.exact - a.exact);
  const best = scored[0];
  return !best || best.exact < 3 || best.exact * 2 < worded || scored[1]?.exact === best.exact ? undefined : best;
}

/** Whether a column's texts (an OCR'd table's cells under a heading OCR garbled) are mostly a known form's indicators. */
export function knownIndicators(texts: string[]): boolean {
  return formOf(texts.map(parse)) !== undefined;
}

/**
 * Whether the table prints the form's units: the matched rows whose unit reads as a unit print their form row's (two at
 * least), but for one in nine at most — OCR reads a unit as another now and then (人 for 件 under a stamp). A report that
 * prints other units than the form's prints more of them.
 */
function unitsAsForm(rows: OcrRow[], at: (number | undefined)[], form: KnownForm): boolean {
  const clean = rows.flatMap((row, i) => {
    const unit = row.unit.replace(/\s+/g, '');
    const k = at[i];
    return k !== undefined && STAT_UNITS.has(unit) ? [[unit, form.rows[k]!] as [string, KnownRow]] : [];
  });
  const agree = clean.filter(([unit, known]) => unit === known.unit).length;
  return agree >= 2 && (clean.length - agree) * MOST_UNITS <= agree;
}

/** A table prints the form's units when at most one clean unit in MOST_UNITS + 1 is another. */
const MOST_UNITS = 8;

/**
 * Which rows the form's sums confirm in one value column (受理依申请公开信息总数 = its three channels): a row
 * in at least one sum whose rows all print a value, and every such sum it is in holding. A sum that fails
 * confirms none of its rows (OCR misread one of them, or the report does not add up).
 */
export function confirmedBySums(readings: KnownReading[], values: (number | null)[], units?: string[]): boolean[] {
  const form = readings.find((r) => r.form)?.form;
  const confirmed = values.map(() => false);
  if (!form) return confirmed;
  const rowOf = new Map<number, number>();
  const twice = new Set<number>();
  readings.forEach((r, i) => r.row !== undefined && (rowOf.has(r.row) ? twice.add(r.row) : rowOf.set(r.row, i)));
  const failed = new Set<number>();
  const held = new Set<number>();
  form.rows.forEach((known, k) => {
    if (!known.sum) return;
    // Each part is the first row of its wording after the sum (forms repeat wordings: 被依法纠错数 under 复议 and 诉讼).
    const parts = known.sum.map((w) => form.rows.findIndex((r, j) => j > k && r.indicator === w));
    const members = [k, ...parts].map((j) => (j >= 0 && !twice.has(j) ? rowOf.get(j) : undefined));
    if (members.some((i) => i === undefined || values[i] === null)) return;
    const [total, ...rest] = members.map((i) => values[i!]!);
    const holds = Math.abs(total! - rest.reduce((a, b) => a + b, 0)) < 0.005;
    // A sum adds values of one unit: a row of it whose unit OCR read as another than the form's leaves the unit of a row
    // that took the form's (its own unit unread) unknown, and that row unconfirmed.
    const clash = members.some((i) => {
      const unit = units?.[i!]?.replace(/\s+/g, '') ?? '';
      return STAT_UNITS.has(unit) && unit !== form.rows[readings[i!]!.row!]!.unit;
    });
    members.forEach((i) => {
      if (!holds) failed.add(i!);
      else if (!clash || readings[i!]!.unit === undefined) held.add(i!);
    });
  });
  return confirmed.map((_, i) => held.has(i) && !failed.has(i));
}
