/**
 * Choosing among the readings of a table's rows by the template's identities. Rows read one way are
 * fixed; the rows read several ways are tried together, and a reading survives when, with it, every
 * identity it takes part in holds (identities that cannot be evaluated — a cell unread or not found —
 * do not constrain). An identity that only fixed rows take part in is the checks' business, not ours:
 * a published error elsewhere in the table never decides a reading here.
 */
import { identityHolds, type Identity } from '../identities.js';
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
  | { status: 'resolved'; reading: Reading; others: Reading[]; failing: number }
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
  reconsiderExactRows(rows, identities, known, verdicts);
  if (!uncertain.length) return verdicts;

  const uncertainKeys = new Set(uncertain.flatMap((i) => rows[i].keys));
  const relevant = identities.filter((id) => [...id.parts, ...id.totals].some((k) => uncertainKeys.has(k)));
  const combinations = uncertain.reduce((p, i) => p * Math.max(1, rows[i].readings.readings.length), 1);
  if (combinations > MAX_COMBINATIONS) {
    for (const i of uncertain) verdicts[i] = { status: 'undecided', survivors: rows[i].readings.readings, all: rows[i].readings.readings, none: false };
    return verdicts;
  }

  // Each combination is scored by the identities that fail on it: first those within one row (a
  // row's own total — a reading that breaks it is almost surely a shifted row), then the others (a
  // published error elsewhere in a column may break those under every reading).
  const rowOf = new Map<string, number>();
  rows.forEach((row, i) => row.keys.forEach((k) => rowOf.set(k, i)));
  const ownRow = relevant.map((id) => new Set([...id.parts, ...id.totals].map((k) => rowOf.get(k))).size === 1);
  const combos: Array<{ choice: number[]; own: number; other: number }> = [];
  const choice = new Array<number>(uncertain.length).fill(0);
  const values = new Map(known);
  const score = (): { own: number; other: number } => {
    const fails = { own: 0, other: 0 };
    relevant.forEach((id, n) => {
      if (identityHolds(id, summable(values)) === false) fails[ownRow[n] ? 'own' : 'other']++;
    });
    return fails;
  };
  const walk = (depth: number) => {
    if (depth === uncertain.length) {
      combos.push({ choice: [...choice], ...score() });
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
  // The combinations under which every identity holds; failing that, those that keep every row's own
  // total and break the fewest other identities (the report's own errors).
  let best = combos.filter((c) => c.own === 0 && c.other === 0);
  let despite = 0;
  if (!best.length) {
    const rowWise = combos.filter((c) => c.own === 0);
    despite = Math.min(...rowWise.map((c) => c.other));
    best = rowWise.filter((c) => c.other === despite);
  }
  const survivors = uncertain.map((row, u) => {
    const kept = new Map<string, Reading>();
    for (const c of best) {
      const r = rows[row].readings.readings[c.choice[u]];
      kept.set(readingSignature(r), r);
    }
    return kept;
  });

  uncertain.forEach((row, u) => {
    const all = rows[row].readings.readings;
    let kept = [...survivors[u].values()];
    // Several readings fit equally: a stray empty cell is what tables print by mistake, a stray number
    // is not, so a single reading that drops only empty cells is taken.
    if (kept.length > 1) {
      const emptyDrops = kept.filter((r) => droppedOnlyEmpty(rows[row].readings, r));
      if (emptyDrops.length === 1) kept = emptyDrops;
    }
    verdicts[row] =
      kept.length === 1
        ? { status: 'resolved', reading: kept[0], others: all.filter((r) => r !== kept[0]), failing: despite }
        : { status: 'undecided', survivors: kept, all, none: kept.length === 0 };
  });
  return verdicts;
}

/** Whether a reading of a row with extra tokens leaves out only tokens printed empty. */
function droppedOnlyEmpty(readings: RowReadings, reading: Reading): boolean {
  if (readings.kind !== 'extra') return false;
  const kept = new Set(reading);
  return readings.tokens.every((t) => kept.has(t) || t.raw.trim() === '');
}

/**
 * A row read exactly that breaks its own total, with an empty cell at an end: if without that cell
 * (a gap elsewhere) a reading satisfies every identity the row takes part in, the empty cell was the
 * grid's, not the report's — one such reading is taken (identity-resolved); several leave the cells
 * they disagree on blank. With none, the row stands as printed and the checks report it.
 */
function reconsiderExactRows(rows: PendingRow[], identities: Identity[], known: Map<string, TokenValue>, verdicts: Verdict[]): void {
  rows.forEach((row, i) => {
    const alternatives = row.readings.alternatives;
    if (!alternatives?.length || verdicts[i].status !== 'certain') return;
    const keys = new Set(row.keys);
    const touching = identities.filter((id) => [...id.parts, ...id.totals].some((k) => keys.has(k)));
    const own = touching.filter((id) => [...id.parts, ...id.totals].every((k) => keys.has(k)));
    const holds = (reading: Reading, list: Identity[]): boolean => {
      const values = new Map(known);
      row.keys.forEach((k, c) => values.set(k, tokenValue(reading[c])));
      return list.every((id) => identityHolds(id, summable(values)) !== false);
    };
    const printed = row.readings.readings[0];
    if (!own.length || holds(printed, own)) return;
    const fitting = alternatives.filter((r) => holds(r, touching));
    if (!fitting.length) return;
    if (fitting.length > 1) {
      // Several places for the missing cell fit (zeros look alike): the cells they agree on stand.
      verdicts[i] = { status: 'undecided', survivors: fitting, all: [printed, ...alternatives], none: false };
      for (const k of row.keys) known.delete(k);
      return;
    }
    verdicts[i] = { status: 'resolved', reading: fitting[0], others: [printed], failing: 0 };
    row.keys.forEach((k, c) => known.set(k, tokenValue(fitting[0][c])));
  });
}

/** A token's value as a sum sees it: text ('?') has none. */
function summable(values: Map<string, TokenValue>): (key: string) => number | null | undefined {
  return (key) => {
    const v = values.get(key);
    return v === '?' ? undefined : v;
  };
}
