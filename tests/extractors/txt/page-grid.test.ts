/**
 * A later page's rows placed on that page's own grid (pdftotext lays each page out afresh): its values in as
 * many places, far apart, as the header's page uses columns take those columns in order — when the widest gap
 * between them lies where the header's page's does — and nothing otherwise.
 */
import { describe, expect, it } from 'vitest';
import { spanAt } from '../../../extractors/txt/header-columns.js';
import { placeOnPageGrids, type PagedRow } from '../../../extractors/txt/page-grid.js';

/** A row of values on `page` as a line of text: [value, column] pairs. */
function row(page: number, ...values: Array<[string, number]>): PagedRow {
  const line = values.reduce((l, [v, at]) => l.padEnd(at) + v, '');
  return { page, values: values.map(([v, at]) => spanAt(line, at, at + v.length)) };
}

/** Shanghai 2019's table 三 broken after 二、 (seed 48, row-set, pdftotext): the header's page, placed by the header. */
const HEADER_PAGE = [row(0, ['821', 32], ['35', 45], ['2', 68], ['1', 74], ['859', 79]), row(0, ['18', 32], ['18', 79])];
const HEADER_GRIDS = [
  [0, 1, -1, -1, 2, 3, 4],
  [0, -1, -1, -1, -1, -1, 1],
];

describe("a later page's rows on its own grid", () => {
  it("places the next page's rows, whose values stand in five places as the header's page's in five columns, in those columns in order", () => {
    const next = [row(1, ['258', 38], ['12', 44], ['1', 64], ['1', 70]), row(1, ['3', 39]), row(1, ['3', 39], ['1', 44]), row(1, ['252', 38], ['12', 44], ['1', 64]), row(1, ['72', 38], ['72', 74])];
    const grids = placeOnPageGrids([...HEADER_PAGE, ...next], [...HEADER_GRIDS, ...next.map(() => undefined)], true, 7);
    expect(grids).toEqual([
      undefined,
      undefined,
      [0, 1, -1, -1, 2, 3, -1],
      [0, -1, -1, -1, -1, -1, -1],
      [0, 1, -1, -1, -1, -1, -1],
      [0, 1, -1, -1, 2, -1, -1],
      [0, -1, -1, -1, -1, -1, 1],
    ]);
  });

  it('places nothing when the page prints in another number of places, two places are near, or its widest gap lies elsewhere', () => {
    const place = (...next: PagedRow[]) => placeOnPageGrids([...HEADER_PAGE, ...next], [...HEADER_GRIDS, ...next.map(() => undefined)], true, 7).slice(2);
    // Six places: one more than the header's page's columns.
    expect(place(row(1, ['258', 38], ['12', 44], ['7', 52], ['1', 64], ['1', 70]), row(1, ['72', 38], ['72', 74]))).toEqual([undefined, undefined]);
    // 1 at 70 and 72 at 72: two places nearer than three characters.
    expect(place(row(1, ['258', 38], ['12', 44], ['1', 64], ['1', 70]), row(1, ['72', 38], ['72', 72]))).toEqual([undefined, undefined]);
    // The widest gap between the second and third places on the header's page, between the third and fourth here.
    expect(place(row(1, ['258', 38], ['12', 44], ['1', 50], ['1', 70]), row(1, ['72', 38], ['72', 76]))).toEqual([undefined, undefined]);
  });

  it("leaves a page any row of which is placed already, and every page when the header's page was not placed with certainty", () => {
    const next = [row(1, ['258', 38], ['12', 44], ['1', 64], ['1', 70]), row(1, ['72', 38], ['72', 74])];
    expect(placeOnPageGrids([...HEADER_PAGE, ...next], [...HEADER_GRIDS, [0, 1, -1, -1, 2, 3, -1], undefined], true, 7).slice(2)).toEqual([undefined, undefined]);
    expect(placeOnPageGrids([...HEADER_PAGE, ...next], [...HEADER_GRIDS, undefined, undefined], false, 7).slice(2)).toEqual([undefined, undefined]);
  });
});
