import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { docWithTables } from './helpers.js';

const COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** One group's caption and header over its values, on a grid two cells wide per column (a spreadsheet's shared grid). */
function groupOnWideGrid(caption: string, values: string[]): string[][] {
  const wide = (cells: string[]) => cells.flatMap((c) => [c, `~${c}`]);
  return [wide(new Array(5).fill(caption)).map((c, i) => (i ? `~${caption}` : c)), wide(COLUMNS), wide(values)];
}

describe('table 四 as small tables of its groups', () => {
  it('reads them when a spreadsheet grid merges each header and value cell over several columns', () => {
    const m = mapTemplates(
      docWithTables([
        ...groupOnWideGrid('行政复议', ['2', '1', '3', '1', '7']),
        ...groupOnWideGrid('行政诉讼 未经复议直接起诉', ['0', '0', '0', '0', '0']),
        ...groupOnWideGrid('行政诉讼 复议后起诉', ['13', '2', '4', '0', '19']),
      ]),
    );
    expect(m.layout.appeals).toBe('2021');
    expect([m.cells['appeals.review.upheld'], m.cells['appeals.review.total'], m.cells['appeals.litigation_direct.total'], m.cells['appeals.litigation_after_review.upheld'], m.cells['appeals.litigation_after_review.total']]).toEqual([2, 7, 0, 13, 19]);
    expect(Object.entries(m.details).filter(([k, d]) => k.startsWith('appeals.') && d.doubt)).toEqual([]);
  });
});
