/** Which cells an identity is about, and which identities a set of cells takes part in: cached, since the identities are shared objects on the mapping's hot path. */
import type { Identity } from '../identities.js';

/** An identity's cells, parts then totals (identities are shared objects: computed once each). */
const CELLS = new WeakMap<Identity, string[]>();
/** For each cell key, the positions of the identities it takes part in (built once per identity list: they are cached). */
const BY_CELL = new WeakMap<Identity[], Map<string, number[]>>();

/** The identities any of `keys` takes part in, in the list's order (as filtering the list would give them). */
export function touchingIdentities(identities: Identity[], keys: string[]): Identity[] {
  let byCell = BY_CELL.get(identities);
  if (!byCell) {
    byCell = new Map();
    identities.forEach((id, n) => {
      for (const k of cellsOf(id)) {
        const list = byCell!.get(k);
        if (!list) byCell!.set(k, [n]);
        else if (list[list.length - 1] !== n) list.push(n);
      }
    });
    BY_CELL.set(identities, byCell);
  }
  const at = new Set<number>();
  for (const k of keys) for (const n of byCell.get(k) ?? []) at.add(n);
  return [...at].sort((a, b) => a - b).map((n) => identities[n]);
}

/** An identity's cells, parts then totals, computed once per identity. */
export function cellsOf(id: Identity): string[] {
  let cells = CELLS.get(id);
  if (!cells) CELLS.set(id, (cells = [...id.parts, ...id.totals]));
  return cells;
}
