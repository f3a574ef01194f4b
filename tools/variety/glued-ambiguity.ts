/**
 * Glued crawler text loses what the identities cannot give back. Table 二's rows have no totals, so
 * `6233440` for three columns splits fifteen ways (62·33·440, 6·233·440, …); table 四's group totals
 * narrow its fifteen values but may leave several splits (1211620: 12·1·1·6·20, 1·2·1·16·20, 1·2·11·6·20).
 * The shared corpus's own truths keep only a glued row's unique split under the identities and omit
 * the rest as ambiguous (variety/pingtan-2024-glued); a variant's truth does the same — the right
 * reading of such cells is blank or doubtful, never a confident number. Table 三 is left to the reader:
 * its column sums tie rows together, and what they settle is the reader's job to find — except in rows
 * whose blanks are printed as nothing, which no identity can place (see markAmbiguousGlued).
 */
import { identitiesOf, identityHolds, type Identity } from '../../src/templates/identities.js';
import { LAYOUTS } from '../../src/templates/ids.js';
import type { Draft } from './axes/axis.js';
import { isDataRow, tablePieces, type ValueCell } from './model.js';

/** Splits tried at most per run; past it the run counts as ambiguous. */
const MAX_STEPS = 2_000_000;
/** Distinct solutions kept per run (two already make it ambiguous, more only say which cells differ). */
const MAX_SOLUTIONS = 200;

const NUMBER = /^(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Every cut of `digits` into one number per key (no leading zeros) under which each identity whose
 * cells are all among `keys` holds; undefined when there are too many to try.
 */
export function gluedSolutions(digits: string, keys: string[], identities: Identity[]): number[][] | undefined {
  const inside = identities.filter((id) => [...id.parts, ...id.totals].every((k) => keys.includes(k)));
  // Each identity is checked as soon as its last cell is cut.
  const closing = keys.map((_, i) => inside.filter((id) => Math.max(...[...id.parts, ...id.totals].map((k) => keys.indexOf(k))) === i));
  const values = new Map<string, number>();
  const out: number[][] = [];
  let steps = 0;
  const walk = (at: number, i: number): boolean => {
    if (++steps > MAX_STEPS) return false;
    if (i === keys.length) {
      if (at === digits.length) out.push(keys.map((k) => values.get(k)!));
      return out.length < MAX_SOLUTIONS;
    }
    const rest = keys.length - i - 1;
    for (let end = at + 1; end <= digits.length - rest; end++) {
      const piece = digits.slice(at, end);
      if (!NUMBER.test(piece)) {
        if (/^0\d/.test(piece)) break; // a leading zero stays one, however long the piece
        continue;
      }
      values.set(keys[i], Number(piece));
      if (closing[i].every((id) => identityHolds(id, (k) => values.get(k)) !== false) && !walk(end, i + 1)) return false;
    }
    return true;
  };
  return walk(0, 0) ? out : undefined;
}

/**
 * Marks the table 二 and 四 cells of glued runs that read more than one way as not printed, and the
 * cells of table 三's rows whose blanks vanish. A run no cut
 * reconciles (a published error: 101000 for 10 1 0 0 | 0) reads by its digits alone, and is marked when
 * they cut more than one way (10·1·0·0·0, 1·0·10·0·0); 50000 cuts one way and stays printed.
 */
export function markAmbiguousGlued(draft: Draft): void {
  const appeals = identitiesOf('appeals', LAYOUTS.appeals[0].layout);
  for (const piece of tablePieces(draft.model)) {
    if (piece.table === 'requests') {
      // A row of table 三 whose blanks vanish (821 35 · · 2 1 859 as 8213521859): its digits may stand in
      // any columns, and the same columns chosen in every row keep every identity, row totals and
      // column sums alike — the column sums tie rows together but cannot tell which columns they are.
      for (const row of piece.rows.filter(isDataRow)) {
        // A stray empty cell (one no column owns) vanishes too, and leaves the row's values as they are.
        if (row.values.some((v) => v.text === '' && v.key)) for (const v of row.values) if (v.key) draft.notPrinted.add(v.key);
      }
      continue;
    }
    const identities = piece.table === 'appeals' ? appeals : [];
    for (const row of piece.rows.filter(isDataRow)) {
      // Runs of values glued to each other: digits, or blanks printed as nothing (they vanish in the run).
      let run: ValueCell[] = [];
      const close = () => {
        const cells = run.filter((v) => v.key);
        const keys = cells.map((v) => v.key!);
        if (run.length > 1) {
          const digits = run.map((v) => v.text).join('');
          const reconciled = run.some((v) => v.text === '') ? undefined : gluedSolutions(digits, keys, identities);
          // No cut reconciles (a published error): the digits alone decide, read when they cut one way.
          const solutions = reconciled?.length === 0 ? gluedSolutions(digits, keys, []) : reconciled;
          keys.forEach((k, i) => {
            if (!solutions || solutions.some((s) => s[i] !== solutions[0][i])) draft.notPrinted.add(k);
          });
        }
        run = [];
      };
      for (const v of row.values) {
        if (v.text === '' || /^\d+(\.\d+)?$/.test(v.text)) run.push(v);
        else close();
      }
      close();
    }
  }
}
