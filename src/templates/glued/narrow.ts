/**
 * Column identities over rows of many candidate readings (a glued run cut into values with no row total to
 * prune it: 30015300614 for six columns cuts 52 ways): before searching, each candidate is tested against
 * the least and most the identity's other rows can add in each column, and dropped when no choice of
 * theirs can balance it; repeated until nothing drops. Only candidates no reading of the table can use
 * are dropped, so the search (solve.ts) then answers the same question on far fewer candidates.
 */
import { feasible, type ColumnIdentity, type RowDomain, type Support } from './solve.js';

/** The least and most `coef × value` adds, a value not known (NaN) being any non-negative count. */
function bounds(domain: number[][] | null, c: number, coef: number): [number, number] {
  if (domain === null) return coef > 0 ? [0, Infinity] : [-Infinity, 0];
  let lo = Infinity;
  let hi = -Infinity;
  for (const cand of domain) {
    const v = cand[c];
    const [a, b] = Number.isNaN(v) ? (coef > 0 ? [0, Infinity] : [-Infinity, 0]) : [coef * v, coef * v];
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  }
  return [lo, hi];
}

/** The domains with every candidate dropped that no choice of the other rows' candidates can balance. */
export function narrow(domains: RowDomain[], identities: ColumnIdentity[]): RowDomain[] {
  const out = domains.map((d) => d && [...d]);
  const width = out.find((d) => d !== null && d.length > 0)?.[0].length ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of identities) {
      for (let c = 0; c < width; c++) {
        const ranges = id.terms.map(({ row, coef }) => bounds(out[row], c, coef));
        id.terms.forEach(({ row, coef }, t) => {
          const domain = out[row];
          if (domain === null) return;
          let lo = 0;
          let hi = 0;
          ranges.forEach((r, u) => {
            if (u === t) return;
            lo += r[0];
            hi += r[1];
          });
          const kept = domain.filter((cand) => Number.isNaN(cand[c]) || (coef * cand[c] + lo <= 0 && coef * cand[c] + hi >= 0));
          if (kept.length === domain.length) return;
          out[row] = kept;
          ranges[t] = bounds(kept, c, coef);
          changed = true;
        });
      }
    }
  }
  return out;
}

/**
 * Which candidates of each row take part in a reading where every identity holds (as supportedCandidates
 * in solve.ts): each candidate fixed in turn, the others narrowed, then searched. Indices into `domains`.
 */
export function supportedNarrowed(domains: RowDomain[], identities: ColumnIdentity[]): Support {
  const all = domains.map((d) => (d ?? []).map((_, i) => i));
  const narrowed = narrow(domains, identities);
  if (narrowed.some((d) => d !== null && d.length === 0)) return { table: 'no', supported: all, settled: true };
  const table = feasible(narrowed, identities);
  if (table !== 'yes') return { table, supported: all, settled: table === 'no' };
  let settled = true;
  const supported = narrowed.map((domain, row) => {
    if (domain === null) return [];
    const kept = domain.length < 2 ? domain : domain.filter((cand) => {
      const fixed = narrow(narrowed.map((d, r) => (r === row ? [cand] : d)), identities);
      if (fixed.some((d) => d !== null && d.length === 0)) return false;
      const verdict = feasible(fixed, identities);
      if (verdict === 'unknown') settled = false;
      return verdict !== 'no';
    });
    return kept.map((cand) => domains[row]!.indexOf(cand));
  });
  return { table, supported, settled };
}
