/**
 * Column identities over a table whose rows each have a few candidate readings: which candidates can
 * take part in a reading of the whole table where every identity holds in every column? A bounded
 * depth-first search with interval pruning (all values are non-negative, so partial sums bound the rest).
 */

/** sum(coef × row value) = 0, in each column separately. */
export interface ColumnIdentity {
  name: string;
  terms: Array<{ row: number; coef: 1 | -1 }>;
}

export type Feasibility = 'yes' | 'no' | 'unknown';

/**
 * A row's candidate readings, one number per column each (NaN for a cell whose value is not known: it
 * printed text, such as ＊); null for a row whose values are not known
 * (it lost some of them): any non-negative counts. Such a row still bounds the identities it takes part
 * in (5 known outcomes under a total of 3 are too many whatever it holds), never fixes them.
 */
export type RowDomain = number[][] | null;

/** Search steps one feasibility question may take before answering 'unknown'. */
export const DEFAULT_SOLVE_STEPS = 500_000;
/** Candidates checked one by one per table; past this the rest are kept unchecked (never dropped). */
export const MAX_CANDIDATE_CHECKS = 300;

/**
 * Can one candidate per row be chosen so that every identity holds? `domains[row][candidate][column]`.
 * A row of unknown values (null) is never chosen: its bounds, 0 to no limit, stay in every sum it takes
 * part in, so the answer is 'yes' whenever some non-negative values of it would do (per identity: a
 * row in two identities may be given two different values, which only ever keeps more candidates).
 */
export function feasible(domains: RowDomain[], identities: ColumnIdentity[], maxSteps = DEFAULT_SOLVE_STEPS): Feasibility {
  if (domains.some((d) => d !== null && d.length === 0)) return 'no';
  const width = domains.find((d) => d !== null && d.length > 0)?.[0].length ?? 0;
  // Per row, the identities it takes part in, with the least and most it can add to each column.
  const terms = new Map<number, Array<{ identity: number; coef: number; min: number[]; max: number[] }>>();
  identities.forEach((id, k) =>
    id.terms.forEach(({ row, coef }) => {
      const domain = domains[row];
      const range = (c: number): [number, number] => {
        const cells = domain === null ? [Number.NaN] : domain.map((cand) => cand[c]);
        const lows = cells.map((v) => (Number.isNaN(v) ? unknownLow(coef) : coef * v));
        const highs = cells.map((v) => (Number.isNaN(v) ? unknownHigh(coef) : coef * v));
        return [Math.min(...lows), Math.max(...highs)];
      };
      const ranges = Array.from({ length: width }, (_, c) => range(c));
      terms.set(row, [...(terms.get(row) ?? []), { identity: k, coef, min: ranges.map((r) => r[0]), max: ranges.map((r) => r[1]) }]);
    }),
  );
  // Rows with one candidate first: they fix the partial sums the ambiguous rows are pruned against.
  const order = [...terms.keys()].filter((r) => domains[r] !== null).sort((a, b) => domains[a]!.length - domains[b]!.length);

  // Each identity's sum so far, and the least and most the rows not yet chosen (or the cells whose value
  // is not known: a row that lost its values, an unreadable cell) can still add, as a finite part and a
  // count of unbounded terms (so that adding and taking back an infinite bound leaves no NaN).
  const partial = identities.map(() => new Array<number>(width).fill(0));
  const low = identities.map(() => Array.from({ length: width }, () => new Bound()));
  const high = identities.map(() => Array.from({ length: width }, () => new Bound()));
  for (const list of terms.values()) {
    for (const t of list) {
      for (let c = 0; c < width; c++) {
        low[t.identity][c].add(t.min[c], 1);
        high[t.identity][c].add(t.max[c], 1);
      }
    }
  }
  const open = (k: number, c: number) => partial[k][c] + low[k][c].value() <= 0 && partial[k][c] + high[k][c].value() >= 0;
  for (let k = 0; k < identities.length; k++) for (let c = 0; c < width; c++) if (!open(k, c)) return 'no';

  let steps = 0;
  let exhausted = false;
  /** Chooses (sign 1) or un-chooses (sign -1) a candidate; says whether every touched sum can still reach zero. */
  const apply = (row: number, cand: number[], sign: 1 | -1): boolean => {
    let ok = true;
    for (const t of terms.get(row)!) {
      for (let c = 0; c < width; c++) {
        low[t.identity][c].add(t.min[c], -sign);
        high[t.identity][c].add(t.max[c], -sign);
        // An unreadable cell of the chosen candidate stays an unknown term.
        if (Number.isNaN(cand[c])) {
          low[t.identity][c].add(unknownLow(t.coef), sign);
          high[t.identity][c].add(unknownHigh(t.coef), sign);
        } else partial[t.identity][c] += sign * t.coef * cand[c];
        if (!open(t.identity, c)) ok = false;
      }
    }
    return ok;
  };
  const walk = (depth: number): boolean => {
    if (depth === order.length) return true;
    const row = order[depth];
    for (const cand of domains[row]!) {
      if (++steps > maxSteps) {
        exhausted = true;
        return false;
      }
      const found = apply(row, cand, 1) && walk(depth + 1);
      apply(row, cand, -1);
      if (found) return true;
      if (exhausted) return false;
    }
    return false;
  };
  if (walk(0)) return 'yes';
  return exhausted ? 'unknown' : 'no';
}

/** The least and most a value not known (any non-negative count) adds to a sum with this coefficient. */
function unknownLow(coef: number): number {
  return coef > 0 ? 0 : -Infinity;
}
function unknownHigh(coef: number): number {
  return coef > 0 ? Infinity : 0;
}

/** A sum of bounds, some of them infinite: a finite part and a count of infinite terms (one sign per use). */
class Bound {
  private finite = 0;
  private infinite = 0;
  private sign = 0;
  add(v: number, times: number): void {
    if (Number.isFinite(v)) this.finite += times * v;
    else {
      this.infinite += times;
      this.sign = Math.sign(v);
    }
  }
  value(): number {
    return this.infinite > 0 ? this.sign * Infinity : this.finite;
  }
}

export interface Support {
  /** Whether the identities can hold at all with these candidates. */
  table: Feasibility;
  /** Per row, the indices of candidates that take part in at least one consistent reading (or could: see `settled`). */
  supported: number[][];
  /** False when some candidate could be neither confirmed nor ruled out within the step budget. */
  settled: boolean;
}

/** Which candidates of each row survive the identities. Candidates are only dropped when proven impossible. */
export function supportedCandidates(domains: RowDomain[], identities: ColumnIdentity[], maxSteps = DEFAULT_SOLVE_STEPS): Support {
  const all = domains.map((d) => (d ?? []).map((_, i) => i));
  const table = feasible(domains, identities, maxSteps);
  if (table !== 'yes') return { table, supported: all, settled: table === 'no' };
  let settled = true;
  let checks = 0;
  const supported = domains.map((domain, row) => {
    if (domain === null || domain.length < 2) return (domain ?? []).map((_, i) => i);
    return domain.flatMap((cand, i) => {
      if (++checks > MAX_CANDIDATE_CHECKS) {
        settled = false;
        return [i];
      }
      const verdict = feasible(domains.map((d, r) => (r === row ? [cand] : d)), identities, maxSteps);
      if (verdict === 'unknown') settled = false;
      return verdict === 'no' ? [] : [i];
    });
  });
  return { table, supported, settled };
}
