/**
 * Choosing among the readings of a table's rows by the template's identities. Rows read one way are
 * fixed; the rows read several ways are tried together, and a reading survives when, with it, every
 * identity it takes part in holds (identities that cannot be evaluated — a cell unread or not found —
 * do not constrain). An identity that only fixed rows take part in is the checks' business, not ours:
 * a published error elsewhere in the table never decides a reading here.
 */
import type { Identity } from '../identities.js';
import { readingSignature, tokenValue, type Reading, type RowReadings, type TokenValue } from './readings.js';

/** Combinations of uncertain rows tried at most (the product of their reading counts). */
export const MAX_COMBINATIONS = 50_000;

export interface PendingRow {
  /** The template cell keys of the row, one per column. */
  keys: string[];
  readings: RowReadings;
}

export type Verdict =
  /** One reading as printed. */
  | { status: 'certain'; reading: Reading }
  /** Several readings; exactly one lets the identities hold. */
  | { status: 'resolved'; reading: Reading; others: Reading[] }
  /** Several readings, several (or, with `none`, no) readings satisfy the identities. */
  | { status: 'undecided'; survivors: Reading[]; all: Reading[]; none: boolean };

export function arbitrate(rows: PendingRow[], identities: Identity[]): Verdict[] {
  const known = new Map<string, TokenValue>();
  const uncertain: number[] = [];
  rows.forEach((row, i) => {
    if (row.readings.readings.length === 1) row.keys.forEach((k, c) => known.set(k, tokenValue(row.readings.readings[0][c])));
    else if (row.readings.readings.length > 1) uncertain.push(i);
  });
  const verdicts: Verdict[] = rows.map((row) =>
    row.readings.readings.length === 1
      ? { status: 'certain', reading: row.readings.readings[0] }
      : { status: 'undecided', survivors: [], all: row.readings.readings, none: true },
  );
  if (!uncertain.length) return verdicts;

  const uncertainKeys = new Set(uncertain.flatMap((i) => rows[i].keys));
  const relevant = identities.filter((id) => [...id.parts, ...id.totals].some((k) => uncertainKeys.has(k)));
  const combos = uncertain.reduce((p, i) => p * Math.max(1, rows[i].readings.readings.length), 1);
  if (combos > MAX_COMBINATIONS) {
    for (const i of uncertain) verdicts[i] = { status: 'undecided', survivors: rows[i].readings.readings, all: rows[i].readings.readings, none: false };
    return verdicts;
  }

  const survivors = uncertain.map(() => new Map<string, Reading>());
  const choice = new Array<number>(uncertain.length).fill(0);
  const values = new Map(known);
  const holds = (): boolean => {
    for (const id of relevant) {
      let left = 0;
      let right = 0;
      let evaluable = true;
      for (const k of id.parts) {
        const v = values.get(k);
        if (v === undefined || v === '?') evaluable = false;
        else left += v ?? 0;
      }
      for (const k of id.totals) {
        const v = values.get(k);
        if (v === undefined || v === '?') evaluable = false;
        else right += v ?? 0;
      }
      if (evaluable && Math.round((left - right) * 1e6) !== 0) return false;
    }
    return true;
  };
  const walk = (depth: number) => {
    if (depth === uncertain.length) {
      if (holds()) uncertain.forEach((row, u) => {
        const r = rows[row].readings.readings[choice[u]];
        survivors[u].set(readingSignature(r), r);
      });
      return;
    }
    const row = rows[uncertain[depth]];
    row.readings.readings.forEach((reading, c) => {
      choice[depth] = c;
      row.keys.forEach((k, col) => values.set(k, tokenValue(reading[col])));
      walk(depth + 1);
    });
  };
  walk(0);

  uncertain.forEach((row, u) => {
    const all = rows[row].readings.readings;
    const kept = [...survivors[u].values()];
    verdicts[row] =
      kept.length === 1
        ? { status: 'resolved', reading: kept[0], others: all.filter((r) => r !== kept[0]) }
        : { status: 'undecided', survivors: kept, all, none: kept.length === 0 };
  });
  return verdicts;
}
