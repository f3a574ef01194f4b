/**
 * glued/narrow.ts: candidates dropped before the search only when no reading of the table can use them,
 * so that supportedNarrowed answers as solve.ts's supportedCandidates does, on far fewer candidates.
 */
import { describe, expect, it } from 'vitest';
import { narrow, supportedNarrowed } from '../../../src/templates/glued/narrow.js';
import { supportedCandidates, type ColumnIdentity, type RowDomain } from '../../../src/templates/glued/solve.js';

/** Rows 0 + 1 = 2 and 3 + 4 = 2, per column. */
const IDENTITIES: ColumnIdentity[] = [
  { name: 'a', terms: [{ row: 0, coef: 1 }, { row: 1, coef: 1 }, { row: 2, coef: -1 }] },
  { name: 'b', terms: [{ row: 3, coef: 1 }, { row: 4, coef: 1 }, { row: 2, coef: -1 }] },
];

/** A small deterministic generator, so that the cases are the same on every run. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('narrowing glued rows by the column identities', () => {
  it('drops a candidate no choice of the other rows can balance, and keeps the rest', () => {
    const domains: RowDomain[] = [[[1, 0], [10, 0]], [[2, 1]], [[3, 1], [30, 1], [12, 1]], [[3, 1]], [[0, 0], [9, 0]]];
    const out = narrow(domains, IDENTITIES);
    // 0 + 1 = 2: 1+2 = 3 or 10+2 = 12; 3 + 4 = 2: 3+0 = 3 or 3+9 = 12. 30 balances nothing.
    expect(out[2]).toEqual([[3, 1], [12, 1]]);
    expect(out[0]).toEqual([[1, 0], [10, 0]]);
    const support = supportedNarrowed(domains, IDENTITIES);
    expect(support.table).toBe('yes');
    expect(support.supported).toEqual([[0, 1], [0], [0, 2], [0], [0, 1]]);
  });

  it('keeps a row of unknown values (null) as a bound only, and answers no when nothing balances', () => {
    expect(narrow([[[1]], null, [[5], [0]], [[1]], [[4]]], IDENTITIES)[2]).toEqual([[5]]);
    expect(supportedNarrowed([[[1]], [[1]], [[5]], [[1]], [[4]]], IDENTITIES).table).toBe('no');
  });

  it('agrees with the search alone on random tables', () => {
    const random = lcg(7);
    const pick = (n: number) => Math.floor(random() * n);
    const seen = { yes: 0, no: 0, unknown: 0 };
    for (let t = 0; t < 200; t++) {
      const width = 1 + pick(3);
      const row = () => Array.from({ length: width }, () => pick(6));
      const domains: RowDomain[] = Array.from({ length: 5 }, () => Array.from({ length: 1 + pick(4) }, row));
      const plain = supportedCandidates(domains, IDENTITIES);
      const narrowed = supportedNarrowed(domains, IDENTITIES);
      expect(narrowed.table).toBe(plain.table);
      if (plain.table === 'yes') expect(narrowed.supported).toEqual(plain.supported);
      seen[plain.table]++;
    }
    expect(seen.yes).toBeGreaterThan(10);
    expect(seen.no).toBeGreaterThan(10);
  });
});
