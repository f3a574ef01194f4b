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

/** Search steps one feasibility question may take before answering 'unknown'. */
export const DEFAULT_SOLVE_STEPS = 500_000;
/** Candidates checked one by one per table; past this the rest are kept unchecked (never dropped). */
export const MAX_CANDIDATE_CHECKS = 300;

/** Can one candidate per row be chosen so that every identity holds? `domains[row][candidate][column]`. */
export function feasible(domains: number[][][], identities: ColumnIdentity[], maxSteps = DEFAULT_SOLVE_STEPS): Feasibility {
  if (domains.some((d) => d.length === 0)) return 'no';
  const width = domains.find((d) => d.length > 0)?.[0].length ?? 0;
  const involved = [...new Set(identities.flatMap((id) => id.terms.map((t) => t.row)))];
  // Rows with one candidate first: they fix the partial sums the ambiguous rows are pruned against.
  const order = involved.sort((a, b) => domains[a].length - domains[b].length);
  const termsOf = new Map<number, Array<{ identity: number; coef: number }>>();
  identities.forEach((id, k) => id.terms.forEach((t) => termsOf.set(t.row, [...(termsOf.get(t.row) ?? []), { identity: k, coef: t.coef }])));

  const partial = identities.map(() => new Array<number>(width).fill(0));
  const remMin = identities.map(() => new Array<number>(width).fill(0));
  const remMax = identities.map(() => new Array<number>(width).fill(0));
  const rowMin = new Map<string, number>();
  const rowMax = new Map<string, number>();
  for (const row of order) {
    for (const { identity, coef } of termsOf.get(row) ?? []) {
      for (let c = 0; c < width; c++) {
        const values = domains[row].map((cand) => coef * cand[c]);
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        rowMin.set(`${row}:${identity}:${c}`, lo);
        rowMax.set(`${row}:${identity}:${c}`, hi);
        remMin[identity][c] += lo;
        remMax[identity][c] += hi;
      }
    }
  }

  let steps = 0;
  let exhausted = false;
  const apply = (row: number, cand: number[], sign: 1 | -1): boolean => {
    let ok = true;
    for (const { identity, coef } of termsOf.get(row) ?? []) {
      for (let c = 0; c < width; c++) {
        const key = `${row}:${identity}:${c}`;
        partial[identity][c] += sign * coef * cand[c];
        remMin[identity][c] -= sign * rowMin.get(key)!;
        remMax[identity][c] -= sign * rowMax.get(key)!;
        if (partial[identity][c] + remMin[identity][c] > 0 || partial[identity][c] + remMax[identity][c] < 0) ok = false;
      }
    }
    return ok;
  };
  const walk = (depth: number): boolean => {
    if (depth === order.length) return true;
    const row = order[depth];
    for (const cand of domains[row]) {
      if (++steps > maxSteps) {
        exhausted = true;
        return false;
      }
      const ok = apply(row, cand, 1);
      const found = ok && walk(depth + 1);
      apply(row, cand, -1);
      if (found) return true;
      if (exhausted) return false;
    }
    return false;
  };
  // Before any choice the intervals must already contain zero.
  for (let k = 0; k < identities.length; k++) {
    for (let c = 0; c < width; c++) if (remMin[k][c] > 0 || remMax[k][c] < 0) return 'no';
  }
  if (walk(0)) return 'yes';
  return exhausted ? 'unknown' : 'no';
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
export function supportedCandidates(domains: number[][][], identities: ColumnIdentity[], maxSteps = DEFAULT_SOLVE_STEPS): Support {
  const all = domains.map((d) => d.map((_, i) => i));
  const table = feasible(domains, identities, maxSteps);
  if (table !== 'yes') return { table, supported: all, settled: table === 'no' };
  let settled = true;
  let checks = 0;
  const supported = domains.map((domain, row) => {
    if (domain.length < 2) return domain.map((_, i) => i);
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
