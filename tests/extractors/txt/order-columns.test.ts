/**
 * Placement of short layout-text rows by the order of their values, where the header cannot place
 * them with certainty: the anchor row, rows of as many values, rows of fewer standing under a value of
 * such a row in one block — and nothing when the header's columns are not where the anchor's values are.
 */
import { describe, expect, it } from 'vitest';
import { spanAt, type PlacedRow } from '../../../extractors/txt/header-columns.js';
import { placeByOrder } from '../../../extractors/txt/order-columns.js';

/** A row of values as a line of text: [value, column] pairs. */
function row(...values: Array<[string, number]>): PlacedRow {
  const line = values.reduce((l, [v, at]) => l.padEnd(at) + v, '');
  return { values: values.map(([v, at]) => spanAt(line, at, at + v.length)) };
}

/** Table 三's seven value columns as pdftotext set its header (自然人 … 总计). */
const COLUMNS: Array<[number, number]> = [[27, 30], [39, 43], [56, 58], [61, 64], [67, 71], [74, 76], [79, 81]];

describe('placement by the order of values', () => {
  it('places the anchor under its nearest columns, a row of as many values under the same ones, and a row of fewer under the values of that row it stands beneath', () => {
    const rows = [
      row(['821', 32], ['35', 45], ['2', 68], ['1', 74], ['859', 79]),
      row(['18', 32], ['18', 79]),
      row(['258', 38], ['12', 44], ['1', 64], ['1', 70]),
      row(['3', 39], ['1', 44]),
      row(['767', 38], ['35', 44], ['2', 64], ['1', 70], ['805', 74]),
    ];
    expect(placeByOrder(COLUMNS, rows)).toEqual([
      [0, 1, -1, -1, 2, 3, 4],
      [0, -1, -1, -1, -1, -1, 1],
      [0, 1, -1, -1, 2, 3, -1],
      [0, 1, -1, -1, -1, -1, -1],
      [0, 1, -1, -1, 2, 3, 4],
    ]);
  });

  it('never places a row by a row of another block whose values stand where its own do by chance', () => {
    const rows = [row(['821', 32], ['35', 45], ['2', 68], ['1', 74], ['859', 79]), row(['258', 38], ['12', 44]), row(['25', 44])];
    const grids = placeByOrder(COLUMNS, rows);
    expect(grids[0]).toEqual([0, 1, -1, -1, 2, 3, 4]);
    expect(grids[2]).toBeUndefined();
  });

  it('places nothing when the rows of the most values leave fewer than two columns empty (a header one column too wide)', () => {
    expect(placeByOrder(COLUMNS, [row(['1', 28], ['2', 40], ['3', 57], ['4', 62], ['5', 68], ['6', 80])])).toEqual([undefined]);
  });

  it('places the anchor whose values drift right of the header\'s words the further right they stand, compared after one stretch', () => {
    // Shanghai 2019's lower rows on a page of their own (a generated variant, seed 20, pdf-layout): 2 stands
    // nearer 其他 (64–66) than the 构 of 法律服务机构 (60), 805 right of 总计 (67–69).
    const columns: Array<[number, number]> = [[34, 37], [43, 47], [51, 52], [54, 57], [60, 61], [64, 66], [67, 69]];
    const rows = [row(['252', 34], ['12', 44], ['1', 64]), row(['767', 34], ['35', 44], ['2', 64], ['1', 68], ['805', 72]), row(['72', 34], ['72', 72])];
    expect(placeByOrder(columns, rows)).toEqual([
      [0, 1, -1, -1, 2, -1, -1],
      [0, 1, -1, -1, 2, 3, 4],
      [0, -1, -1, -1, -1, -1, 1],
    ]);
  });

  it('places a row of three values or more standing where the row of the most values does, across rows set otherwise between them', () => {
    // A generated Shanghai 2019 variant (seed 19, numbers): （一）予以公开 and （七）总计 set alike, the rows
    // between them at 38 and 44; 72 … 72 of the last row stand where 767 and 805 do (two values: not placed so).
    const rows = [
      row(['821', 27], ['35', 34], ['2', 56], ['1', 62], ['859', 67]),
      row(['258', 34], ['12', 44], ['1', 64], ['1', 69]),
      row(['3', 38], ['1', 44]),
      row(['767', 34], ['35', 44], ['2', 64], ['1', 69], ['805', 74]),
      row(['5', 38], ['4', 44]),
      row(['72', 34], ['72', 74]),
    ];
    const grids = placeByOrder([[27, 30], [33, 37], [44, 46], [49, 52], [55, 59], [62, 64], [67, 69]], rows);
    expect(grids[1]).toEqual([0, 1, -1, -1, 2, 3, -1]);
    expect(grids[2]).toBeUndefined();
    expect(grids[5]).toBeUndefined();
  });

  it('never takes a stretch for an assignment other than the nearest one (a seed-2 variant: it fits 821 35 2 1 859 one column short)', () => {
    const columns: Array<[number, number]> = [[27, 30], [38, 42], [55, 56], [58, 61], [64, 65], [68, 70], [71, 73]];
    // （七）总计 on the next page, set as a block of its own: nearest of all by cost, not under its nearest columns.
    const rows = [row(['821', 31], ['35', 44], ['2', 65], ['1', 69], ['859', 73]), row(['767', 53], ['35', 57], ['2', 63], ['1', 65], ['805', 67])];
    expect(placeByOrder(columns, rows)).toEqual([undefined, undefined]);
  });

  it('places the anchor whose first value stands left of the second\'s column, nearer it than the first column, every other value within its column', () => {
    // Shanghai 2019 without its 总计 column (seed 1, column-set, pdftotext): 821 at 33 between 自然人 (24–27) and
    // 商业企业 (40–44), whose column the 35 stands in; only 自然人 is left of it.
    const columns: Array<[number, number]> = [[24, 27], [40, 44], [48, 50], [53, 56], [59, 63], [66, 68]];
    const rows = [row(['821', 33], ['35', 41], ['2', 60], ['1', 66]), row(['18', 33])];
    expect(placeByOrder(columns, rows)).toEqual([
      [0, 1, -1, -1, 2, 3],
      [0, -1, -1, -1, -1, -1],
    ]);
    // Two values alone say too little of where the header's columns are: nothing placed.
    expect(placeByOrder(columns, [row(['821', 33], ['35', 41]), row(['18', 33])])).toEqual([undefined, undefined]);
  });

  it('places nothing when a value of the anchor is not under the column nearest it', () => {
    // 35 and 40 both stand nearest 科研 (56–58): in order, one of them is put under a column not nearest it.
    expect(placeByOrder(COLUMNS, [row(['821', 28], ['35', 52], ['40', 56], ['859', 80])])).toEqual([undefined]);
  });
});
