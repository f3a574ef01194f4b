/**
 * The short rows of a table placed together by its identities. A flattened text that closed the gaps
 * of a row's empty columns (258 12 1 1 for seven columns) says neither by position nor by order where
 * its values stand, and a row of k values has C(n, k) placements — too many to try row by row with the
 * others (arbitrate.ts's product of readings). Solved column by column instead: a depth-first search over
 * the rows' placements in which every identity (a column's sum to （七）总计, the balance, a group total)
 * is bounded by what the rows not yet placed can still add, so that a placement that cannot make it
 * hold is cut as soon as it is made. The placement breaking the fewest identities is taken when it is
 * unique (those it breaks are the report's, reported as findings); when several break as few, the cells
 * they disagree on stay blank. Over the search's cap, nothing is decided: blank, never a guess.
 */
import { identityHolds, type Identity } from '../identities.js';
import { cellsOf, touchingIdentities } from './identity-cells.js';
import { readingSignature, tokenValue, type Reading, type TokenValue } from './readings.js';
import type { PendingRow, Verdict } from './verdict.js';

/** Search nodes visited at most over all passes: past this the rows stay undecided. */
export const MAX_PLACEMENT_NODES = 300_000;
/**
 * Identities the best placement may break (a report's published errors) beyond the own totals its rows
 * break under every placement (a report printing 总计 blank): beyond, nothing is taken.
 */
const MAX_BROKEN = 3;

interface Variable {
  row: number;
  readings: Reading[];
  /** Per placement, how many of the row's own identities it breaks (all, for a row printing its total blank). */
  ownBroken?: number[];
  /** For a row the layout reader placed by order: that placement (kept when a best solution has it). */
  asPlaced?: Reading;
}

/**
 * Decides the rows no reading fixed: those with `placements` (too short to read alone) and those
 * arbitrate left undecided, when any row is too short or the readings were too many to combine. The
 * other rows' cells are what their verdicts read; `absent` cells (template rows the table does not
 * print, every printed row being matched) count as blank. Then each row the layout reader placed by
 * order alone that breaks an identity is tried in its other placements, the rest as read: it stands
 * as placed unless the identities rule that placement out. Returns the rows given a new verdict.
 */
export function solvePlacements(rows: PendingRow[], verdicts: Verdict[], identities: Identity[], absent: ReadonlySet<string>, overCap: boolean): number[] {
  if (!overCap && !rows.some((r) => r.readings.placements)) return [];
  const fixedOf = () => {
    const fixed = new Map<string, TokenValue>();
    for (const k of absent) fixed.set(k, null);
    rows.forEach((row, i) => {
      const v = verdicts[i];
      if (v.status === 'certain' || v.status === 'resolved') row.keys.forEach((k, c) => fixed.set(k, tokenValue(v.reading[c])));
    });
    return fixed;
  };
  const variables: Variable[] = [];
  rows.forEach((row, i) => {
    const v = verdicts[i];
    if (v.status !== 'undecided') return;
    if (row.readings.placements) variables.push({ row: i, readings: row.readings.placements });
    else if (row.readings.kind !== 'exact' && row.readings.readings.length > 1) variables.push({ row: i, readings: row.readings.readings });
  });
  const decided = variables.length ? decide(rows, verdicts, identities, variables, fixedOf()) : [];
  rows.forEach((row, i) => {
    const v = verdicts[i];
    if (!row.readings.placements || v.status !== 'certain' || row.readings.kind !== 'exact') return;
    const fixed = fixedOf();
    const read = (k: string) => {
      const x = fixed.get(k);
      return x === '?' ? undefined : x;
    };
    if (!touchingIdentities(identities, row.keys).some((id) => identityHolds(id, read) === false)) return;
    decided.push(...decide(rows, verdicts, identities, [{ row: i, readings: row.readings.placements, asPlaced: v.reading }], fixed));
  });
  return decided;
}

/** The variables' rows decided together over the `fixed` cells of the others (those of the variables left out). */
function decide(rows: PendingRow[], verdicts: Verdict[], identities: Identity[], variables: Variable[], fixed: Map<string, TokenValue>): number[] {
  for (const v of variables) for (const k of rows[v.row].keys) fixed.delete(k);
  const own = (i: number) => identities.filter((id) => cellsOf(id).every((k) => rows[i].keys.includes(k)));
  // A row's own identities concern it alone: what each placement breaks of them counts with the others'.
  // Not first: 1 1 keeps its own total as 1 · … · 1, where the columns want 1 1 and a total printed blank.
  for (const v of variables) {
    const ids = own(v.row);
    const keys = rows[v.row].keys;
    // A row the layout reader placed printed as many cells as columns: a gap where its own identity
    // lacks one cell is a value it lost there (what the identity requires, if a count), not a blank.
    v.ownBroken = v.readings.map((r) => ids.filter((id) => (v.asPlaced ? !holdsWithLostValue(id, keys, r) : identityHolds(id, valuesOf(keys, r)) === false)).length);
  }
  const rowOf = new Map<string, Variable>();
  for (const v of variables) for (const k of rows[v.row].keys) rowOf.set(k, v);
  const across = identities.filter((id) => {
    const cells = cellsOf(id);
    // Evaluable only when every cell outside the variables is read as a count, and about at least two rows.
    return cells.some((k) => rowOf.has(k)) && rowIndexOf(cells, rows) < 0 && cells.every((k) => rowOf.has(k) || (fixed.has(k) && fixed.get(k) !== '?'));
  });
  // The rows in the most identities first (（七）总计 is in every column's), then those with few placements:
  // once the totals stand, each column's sum cuts the placements of the rows it adds up.
  const within = (v: Variable) => across.filter((id) => cellsOf(id).some((k) => rowOf.get(k) === v)).length;
  variables.sort((a, b) => within(b) - within(a) || a.readings.length - b.readings.length);
  const varOf = new Map<string, [number, number]>();
  variables.forEach((v, n) => rows[v.row].keys.forEach((k, c) => varOf.set(k, [n, c])));
  // With no identity across rows, a row is placed only where its own identities leave it one placement.
  const found = across.length ? new Search(variables, across, varOf, fixed, rows).run() : byOwnAlone(variables);
  if (!found) return [];
  const decided: number[] = [];
  variables.forEach((v, n) => {
    const kept = [...found.kept[n]].map((r) => v.readings[r]);
    if (!kept.length) return;
    const asPlaced = v.asPlaced && readingSignature(v.asPlaced);
    if (asPlaced && kept.some((r) => readingSignature(r) === asPlaced)) return;
    const all = rows[v.row].readings.placements ?? rows[v.row].readings.readings;
    verdicts[v.row] =
      kept.length === 1
        ? { status: 'resolved', reading: kept[0], others: all.filter((r) => r !== kept[0]), failing: found.broken, placed: true }
        : { status: 'undecided', survivors: kept, all, none: false, placed: true };
    decided.push(v.row);
  });
  return decided;
}

/**
 * Does the identity hold, its one gap (if it has exactly one) taken as a value lost there: it holds when
 * that value is a count (never negative). With no gap or several, gaps count blank.
 */
function holdsWithLostValue(id: Identity, keys: string[], reading: Reading): boolean {
  const valueOf = valuesOf(keys, reading);
  const gaps = cellsOf(id).filter((k) => !reading[keys.indexOf(k)]);
  if (gaps.length !== 1) return identityHolds(id, valueOf) !== false;
  const sum = (list: string[]) => list.reduce((s, k) => (k === gaps[0] || s === undefined ? s : valueOf(k) === undefined ? undefined : s + (valueOf(k) ?? 0)), 0 as number | undefined);
  const [parts, totals] = [sum(id.parts), sum(id.totals)];
  if (parts === undefined || totals === undefined) return true;
  const lost = id.parts.includes(gaps[0]) ? totals - parts : parts - totals;
  return Math.round(lost * 1e6) >= 0;
}

/** Each row's one placement breaking the fewest of its own identities, if there is one. */
function byOwnAlone(variables: Variable[]): { kept: Array<Set<number>>; broken: number } {
  const kept = variables.map((v) => {
    const own = v.ownBroken ?? [];
    const least = Math.min(...own);
    const best = own.flatMap((f, r) => (f === least ? [r] : []));
    return new Set(best.length === 1 ? best : []);
  });
  return { kept, broken: variables.reduce((s, v) => s + Math.min(...(v.ownBroken ?? [0])), 0) };
}

/** The row all of `cells` belong to, or -1 (an identity across rows). */
function rowIndexOf(cells: string[], rows: PendingRow[]): number {
  return rows.findIndex((r) => cells.every((k) => r.keys.includes(k)));
}

function valuesOf(keys: string[], reading: Reading): (key: string) => number | null | undefined {
  return (key) => {
    const c = keys.indexOf(key);
    const v = tokenValue(reading[c]);
    return v === '?' ? undefined : v;
  };
}

/**
 * Depth-first over the variables' placements. Each identity is kept as parts − totals over the cells
 * placed and read, with the least and most the unplaced variables can still add: it fails for certain
 * once 0 lies outside that range. The count of identities failing for certain only grows down the
 * tree, so a pass allowing `limit` failures cuts every branch past it; passes allow 0, 1, … MAX_BROKEN.
 */
class Search {
  private readonly n: number;
  /** contrib[v][r][i]: what variable v's placement r adds to identity i (NaN: text, the identity then says nothing). */
  private readonly contrib: number[][][];
  private readonly touching: number[][];
  private nodes = 0;

  constructor(
    private readonly variables: Variable[],
    private readonly ids: Identity[],
    varOf: Map<string, [number, number]>,
    private readonly fixed: Map<string, TokenValue>,
    rows: PendingRow[],
  ) {
    this.n = variables.length;
    this.contrib = variables.map((v, n) =>
      v.readings.map((r) =>
        ids.map((id) => {
          let sum = 0;
          rows[v.row].keys.forEach((k, c) => {
            const sign = id.parts.includes(k) ? 1 : id.totals.includes(k) ? -1 : 0;
            if (!sign || varOf.get(k)?.[0] !== n) return;
            const value = tokenValue(r[c]);
            sum += value === '?' ? NaN : sign * (value ?? 0);
          });
          return sum;
        }),
      ),
    );
    this.touching = variables.map((v, n) => ids.flatMap((id, i) => (cellsOf(id).some((k) => varOf.get(k)?.[0] === n) ? [i] : [])));
  }

  run(): { kept: Array<Set<number>>; broken: number } | null {
    // Rows printing their totals blank break their own under every placement: not a choice, so not counted against the cap.
    const unavoidable = this.variables.reduce((s, v) => s + Math.min(...(v.ownBroken ?? [0])), 0);
    for (let limit = unavoidable; limit <= unavoidable + MAX_BROKEN; limit++) {
      const found = this.pass(limit);
      if (found === 'over-cap') return null;
      if (found) return { kept: found, broken: limit };
    }
    return null;
  }

  /** The placements of each variable in some solution breaking exactly `limit` identities (fewer were tried before). */
  private pass(limit: number): Array<Set<number>> | null | 'over-cap' {
    const m = this.ids.length;
    const sum = this.ids.map((id) => {
      let s = 0;
      for (const k of id.parts) if (this.fixed.has(k)) s += (this.fixed.get(k) as number | null) ?? 0;
      for (const k of id.totals) if (this.fixed.has(k)) s -= (this.fixed.get(k) as number | null) ?? 0;
      return s;
    });
    // Per identity: the least and most the unplaced variables add, and how many of them may add text.
    const lo = new Array<number>(m).fill(0);
    const hi = new Array<number>(m).fill(0);
    const soft = new Array<number>(m).fill(0);
    const range = this.variables.map((_, v) =>
      this.ids.map((_, i) => {
        const xs = this.contrib[v].map((c) => c[i]);
        const readable = xs.filter((x) => !Number.isNaN(x));
        return { soft: readable.length < xs.length, min: readable.length ? Math.min(...readable) : 0, max: readable.length ? Math.max(...readable) : 0 };
      }),
    );
    range.forEach((per) =>
      per.forEach((r, i) => {
        lo[i] += r.min;
        hi[i] += r.max;
        if (r.soft) soft[i]++;
      }),
    );
    const dead = new Array<number>(m).fill(0);
    // Own identities: those broken by the placements made, and the fewest the others can break.
    const ownOf = this.variables.map((v) => v.ownBroken ?? v.readings.map(() => 0));
    const leastOwn = ownOf.map((o) => Math.min(...o));
    let own = leastOwn.reduce((s, o) => s + o, 0);
    const failing = (i: number) => dead[i] === 0 && soft[i] === 0 && (sum[i] + lo[i] > 1e-6 || sum[i] + hi[i] < -1e-6);
    let fails = 0;
    for (let i = 0; i < m; i++) if (failing(i)) fails++;
    if (fails + own > limit) return null;
    const choice = new Array<number>(this.n).fill(0);
    const kept: Array<Set<number>> = this.variables.map(() => new Set());
    let solutions = 0;
    let over = false;
    const walk = (v: number): void => {
      if (over) return;
      if (v === this.n) {
        solutions++;
        choice.forEach((r, n) => kept[n].add(r));
        return;
      }
      for (let r = 0; r < this.contrib[v].length; r++) {
        if (++this.nodes > MAX_PLACEMENT_NODES) {
          over = true;
          return;
        }
        const before = fails;
        for (const i of this.touching[v]) {
          if (failing(i)) fails--;
          const x = this.contrib[v][r][i];
          lo[i] -= range[v][i].min;
          hi[i] -= range[v][i].max;
          if (range[v][i].soft) soft[i]--;
          if (Number.isNaN(x)) dead[i]++;
          else sum[i] += x;
          if (failing(i)) fails++;
        }
        const ownHere = ownOf[v][r] - leastOwn[v];
        own += ownHere;
        if (fails + own <= limit) {
          choice[v] = r;
          walk(v + 1);
        }
        for (const i of this.touching[v]) {
          const x = this.contrib[v][r][i];
          lo[i] += range[v][i].min;
          hi[i] += range[v][i].max;
          if (range[v][i].soft) soft[i]++;
          if (Number.isNaN(x)) dead[i]--;
          else sum[i] -= x;
        }
        fails = before;
        own -= ownHere;
        if (over) return;
      }
    };
    walk(0);
    if (over) return 'over-cap';
    return solutions ? kept : null;
  }
}
