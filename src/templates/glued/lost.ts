/**
 * A glued row that lost values in a table printing its blanks (000000 for seven cells): its printed values
 * stand, in order, in some of its columns, and a value was lost in each of the others. Each placement is a
 * candidate reading of the row, its lost cells filled by the row's own total where it fixes them (one lost
 * cell: the total's remainder, or the sum when the total was lost; several: 0 each when the printed values
 * already make up the total — counts are never negative); any other lost cell stays unknown (NaN). The
 * table's identities then choose among the placements, as among the cuts of a row printed whole.
 */
import type { ColumnDef } from '../ids.js';
import { splitFree, type Cut, type SplitLimits } from './split.js';
import { UNREADABLE_VALUE, isUnreadableValue } from './markers.js';

/** Placements listed at most: past this the row stays unread. */
export const MAX_LOST_PLACEMENTS = 2000;

/** The ways of choosing `k` of `n` positions, in increasing order. */
function* choose(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++) for (const rest of choose(n, k - 1, i + 1)) yield [i, ...rest];
}

/**
 * Every reading of `raw` as a row of `width` count cells of which at least one was lost, the last cell
 * its total (`totalAt`); undefined when there are too many to list. A lost cell is NaN unless the row's
 * total fixes it; a placement whose own total cannot hold (its printed counts above the printed total,
 * a total lost and a count unknown) is no reading.
 */
export function lostRowCandidates(raw: string, width: number, totalAt: number, limits: SplitLimits): Cut[] | undefined {
  const out: Cut[] = [];
  for (let printed = 0; printed < width && printed <= raw.length; printed++) {
    const cuts = splitFree(raw, new Array<ColumnDef['kind']>(printed).fill('count'), limits);
    if (!cuts.complete) return undefined;
    for (const cut of cuts.readings) {
      for (const lost of choose(width, width - printed)) {
        const row: Cut = [];
        let next = 0;
        for (let c = 0; c < width; c++) row.push(lost.includes(c) ? UNREADABLE_VALUE : cut[next++]);
        const filled = byOwnTotal(row, totalAt);
        if (!filled) continue;
        out.push(filled);
        if (out.length > MAX_LOST_PLACEMENTS) return undefined;
      }
    }
  }
  return out;
}

/** The row with the lost cells its own total fixes filled; undefined when the total cannot hold. */
function byOwnTotal(row: Cut, totalAt: number): Cut | undefined {
  const unknown = row.flatMap((v, c) => (isUnreadableValue(v) ? [c] : []));
  const counts = row.filter((_, c) => c !== totalAt);
  // A printed blank counts as nothing in a sum.
  const known = counts.reduce<number>((s, v) => s + (isUnreadableValue(v) ? 0 : (v ?? 0)), 0);
  const total = row[totalAt];
  if (isUnreadableValue(total)) {
    // The total lost: it is the sum of the counts when they are all known.
    if (unknown.length > 1) return row;
    return row.map((v, c) => (c === totalAt ? known : v));
  }
  // A total printed blank (-, /) says nothing of the counts: the lost ones stay unknown.
  if (total === null) return row;
  const remainder = total - known;
  if (remainder < 0) return undefined;
  if (unknown.length === 1) return row.map((v, c) => (c === unknown[0] ? remainder : v));
  return remainder === 0 ? row.map((v) => (isUnreadableValue(v) ? 0 : v)) : row;
}
