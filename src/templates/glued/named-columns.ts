/**
 * Glued tables whose header names fewer columns than the template's, as agencies simplify table 三 (the
 * five columns of 法人或其他组织 printed as one, their sum; one of them left out; 总计 left out) and table 四
 * (its three 总计 columns left out). The header's words are glued too (申请人情况自然人法人或其他组织商业企业…),
 * but they say how many values a row prints and which: each row's run is cut into that many, in the
 * template's order, by the identities the printed columns still keep — the row's own total only when
 * every column it sums is printed (自然人 + the group's sum = 总计), and the column sums over the rows.
 */
import { LEGAL_PERSON_GROUP, type ColumnDef } from '../ids.js';
import { splitFree, splitWithTotals, type Cut, type SplitLimits, type SplitResult } from './split.js';
import { isUnreadableValue } from './markers.js';

/** A printed value that is the group's sum (法人或其他组织 printed as one column): read by no cell. */
export const SUM_COLUMN = -1;

/** Template columns a header must name for its columns to be read by it. */
const MIN_NAMED = 2;

export interface NamedColumns {
  /** The template column each printed value is read as, in printed order (SUM_COLUMN: the group's sum). */
  order: number[];
  /** The template's columns the header does not name: not printed, their cells not found. */
  notPrinted: number[];
  /** The row's last value is the sum of the others (every column 总计 sums is printed, or their sum). */
  rowTotal: boolean;
  /** Where 总计 stands among the printed values, when printed without every column it sums. */
  totalAt?: number;
}

/** The headings over the five columns of 法人或其他组织, as reports word it. */
const GROUP_HEADINGS = [LEGAL_PERSON_GROUP.label, '法人或者其他组织', '法人和其他组织', '法人及其他组织'];

/** Table 三's header words glued after 申请人情况, up to the first row's label or digit. */
function requestHeaderWords(text: string, columns: ColumnDef[]): string[] | undefined {
  const words = [...GROUP_HEADINGS, ...columns.map((c) => c.label)].sort((a, b) => b.length - a.length);
  const alternation = words.join('|');
  const header = new RegExp(`申请人情况((?:${alternation}|\\s)+)`).exec(text);
  return header ? [...header[1].matchAll(new RegExp(alternation, 'g'))].map((m) => m[0]) : undefined;
}

/**
 * The columns table 三's glued header names, when fewer than the template's: each column's label once
 * (其他 apart from 法人或其他组织, which the alternation takes whole); the group's heading with none of
 * its columns named stands for their sum, printed where the group stands. Undefined when it names every
 * column, fewer than two, or a label twice (a header printed again, or not a header).
 */
export function namedRequestColumns(text: string, columns: ColumnDef[]): NamedColumns | undefined {
  const words = requestHeaderWords(text, columns);
  if (!words) return undefined;
  const counts = columns.map((c) => words.filter((w) => w === c.label).length);
  if (counts.some((n) => n > 1)) return undefined;
  const printed = counts.map((n) => n === 1);
  const named = printed.filter(Boolean).length;
  if (named === columns.length || named < MIN_NAMED) return undefined;
  const grouped = columns.flatMap((c, i) => (LEGAL_PERSON_GROUP.columns.includes(c.id) ? [i] : []));
  const sumAt = words.some((w) => GROUP_HEADINGS.includes(w)) && grouped.every((i) => !printed[i]) ? grouped[0] : undefined;
  const order = columns.flatMap((_, i) => (i === sumAt ? [SUM_COLUMN] : []).concat(printed[i] ? [i] : []));
  const total = columns.findIndex((c) => c.id === 'total');
  const natural = columns.findIndex((c) => c.id === 'natural_person');
  const sums = printed[total] && printed[natural] && (sumAt !== undefined || grouped.every((i) => printed[i]));
  return {
    order,
    notPrinted: columns.flatMap((_, i) => (printed[i] ? [] : [i])),
    rowTotal: sums,
    ...(printed[total] && !sums ? { totalAt: order.indexOf(total) } : {}),
  };
}

/**
 * Table 四's glued header without 总计 (行政复议行政诉讼结果维持结果纠正其他结果尚未审结未经复议直接起诉复议后起诉结果维持…):
 * each group prints its four other columns, twelve values. Undefined unless it names each of them three
 * times and never 总计.
 */
export function namedAppealColumns(header: string, columns: ColumnDef[]): NamedColumns | undefined {
  const total = columns.findIndex((c) => c.id === 'total');
  const others = columns.filter((_, i) => i !== total);
  if (header.includes(columns[total].label) || !others.every((c) => header.split(c.label).length - 1 === 3)) return undefined;
  return { order: columns.flatMap((_, i) => (i === total ? [] : [i])), notPrinted: [total], rowTotal: false };
}

/**
 * Every cut of a row's run into the printed values: by its own total when it prints every column the
 * total sums; else every cut of the digits, none whose 总计 is below the values it sums printed (the
 * columns left out only add to it).
 */
export function splitNamed(raw: string, named: NamedColumns, limits: SplitLimits): SplitResult {
  if (named.rowTotal) return splitWithTotals(raw, 1, named.order.length, limits);
  const free = splitFree(raw, named.order.map((): ColumnDef['kind'] => 'count'), limits);
  const at = named.totalAt;
  if (at === undefined) return free;
  const keeps = (cut: Cut) => {
    const total = cut[at];
    const parts = cut.filter((_, i) => i !== at);
    if (total === null || isUnreadableValue(total) || parts.some(isUnreadableValue)) return true;
    return parts.reduce<number>((s, v) => s + (v ?? 0), 0) <= total;
  };
  return { readings: free.readings.filter(keeps), complete: free.complete };
}

/** A cut of the printed values as the template's row: the columns not printed (and the sum) null. */
export function widen(cut: Cut, named: NamedColumns, width: number): Cut {
  const row: Cut = new Array<number | null>(width).fill(null);
  named.order.forEach((c, i) => {
    if (c !== SUM_COLUMN) row[c] = cut[i];
  });
  return row;
}
