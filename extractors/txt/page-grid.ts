/**
 * A later page's rows placed on that page's own grid. pdftotext lays each page out on a character grid of
 * its own: where a table breaks over pages, the header places its own page's rows with certainty
 * (header-columns.ts) and says nothing of the next page's (layout.ts `otherPagesAlign`), whose values
 * may stand on a grid neither shifted nor scaled from the header's (Shanghai 2019, seed 48 row-set: 821
 * 35 2 1 859 at 33 45 68 74 80 on the header's page, 258 12 1 1 at 39 44 64 70 and 72 … 72 at 38 74 on
 * the next). Rows with blanks do not say by their order where they stand either.
 *
 * The page's values still say where its own columns are: every value of its rows stands in one of a few
 * places, each place a value of every row printing in that column. When those places are few and far
 * apart (values within SAME_PLACE_SLACK of the place's others, places at least MIN_PLACES_APART apart:
 * no two columns near), as many as the columns the rows of the header's page use (placed with certainty
 * there), and each row prints at most one value in each place, the places are those columns, in order.
 * The widest gap between two places must also lie where the widest between those columns' values on
 * the header's page does (the columns both pages leave empty between them), the widest clearly so on
 * both pages.
 *
 * That the next page prints in the same columns as the header's is not known: a row so placed is in doubt
 * for good (placed-by-order), as a placement by order is. A page any of whose rows the order of the
 * table's rows placed (order-columns.ts) is left so.
 */
import type { Span } from './header-columns.js';

/** Characters apart two values may stand and be in one place (centred or right-aligned digits of one column). */
const SAME_PLACE_SLACK = 1.5;
/** Fewest characters between two places for them to be two columns for certain (nearer: not told apart). */
const MIN_PLACES_APART = 3;
/** Fewest places a page must print in: two say too little of where columns are. */
const MIN_PLACES = 3;
/** How much wider than any other the widest gap between places must be, on each page, to be the same gap. */
const WIDEST_GAP_RATIO = 1.5;

const centre = (s: Span) => (s.start + s.end - 1) / 2;

export interface PagedRow {
  /** The row's values where they stand on their line. */
  values: Span[];
  page: number;
}

/** The places a page's values stand in, left to right (each as the range of their centres); undefined when two are near. */
function placesOf(centres: number[]): Array<[number, number]> | undefined {
  const sorted = [...centres].sort((a, b) => a - b);
  const places: Array<[number, number]> = [];
  for (const x of sorted) {
    const last = places[places.length - 1];
    if (last && x - last[1] <= SAME_PLACE_SLACK) last[1] = x;
    else {
      if (last && x - last[1] < MIN_PLACES_APART) return undefined;
      places.push([x, x]);
    }
  }
  return places.every(([a, b]) => b - a <= 2 * SAME_PLACE_SLACK) ? places : undefined;
}

/** The index of the widest of `gaps`, when it is clearly the widest; else -1. */
function widestGap(gaps: number[]): number {
  const i = gaps.indexOf(Math.max(...gaps));
  return gaps.every((g, k) => k === i || g * WIDEST_GAP_RATIO <= gaps[i]) ? i : -1;
}

/**
 * Grids for the rows of the pages after the first (`rows[0].page`) that none of `grids` places: each
 * row's value index in each of the table's `width` columns, -1 where it prints nothing. `grids` holds the
 * first page's rows' placements (`certain`: the header placed them with certainty) and the later rows'
 * so far. Undefined for a row not placed so.
 */
export function placeOnPageGrids(rows: PagedRow[], grids: Array<number[] | undefined>, certain: boolean, width: number): Array<number[] | undefined> {
  const out: Array<number[] | undefined> = rows.map(() => undefined);
  const first = rows[0]?.page;
  if (!certain || first === undefined) return out;
  // The columns the header's page prints in, and where it prints them (their values' centres).
  const used = new Map<number, number[]>();
  rows.forEach((r, i) => {
    if (r.page !== first) return;
    grids[i]?.forEach((k, c) => {
      if (k >= 0 && r.values[k]) used.set(c, [...(used.get(c) ?? []), centre(r.values[k])]);
    });
  });
  const columns = [...used.keys()].sort((a, b) => a - b);
  if (columns.length < MIN_PLACES || rows.some((r, i) => r.page === first && !grids[i])) return out;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const at = columns.map((c) => mean(used.get(c)!));
  const headerGap = widestGap(at.slice(1).map((x, k) => x - at[k]));
  for (const page of new Set(rows.filter((r) => r.page !== first).map((r) => r.page))) {
    const onPage = rows.flatMap((r, i) => (r.page === page && r.values.length > 0 ? [i] : []));
    if (!onPage.length || onPage.some((i) => grids[i] || rows[i].values.length >= width)) continue;
    const places = placesOf(onPage.flatMap((i) => rows[i].values.map(centre)));
    if (!places || places.length !== columns.length) continue;
    const mids = places.map(([a, b]) => (a + b) / 2);
    const pageGap = widestGap(mids.slice(1).map((x, k) => x - mids[k]));
    if (headerGap < 0 || pageGap !== headerGap) continue;
    const placed = onPage.map((i) => {
      const ks = rows[i].values.map((v) => places.findIndex(([a, b]) => centre(v) >= a && centre(v) <= b));
      return ks.every((k, j) => k >= 0 && (j === 0 || k > ks[j - 1])) ? ks : undefined;
    });
    if (placed.some((ks) => !ks)) continue;
    onPage.forEach((i, j) => {
      const grid = new Array<number>(width).fill(-1);
      placed[j]!.forEach((k, v) => (grid[columns[k]] = v));
      out[i] = grid;
    });
  }
  return out;
}
